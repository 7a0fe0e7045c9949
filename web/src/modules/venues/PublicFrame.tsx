import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Phone-first frame of the public booking pages: one column, at most 520 px wide. */
export function PublicFrame({ title, children }: { title: ReactNode; children: ReactNode }) {
  const { t } = useTranslation('venues');
  return (
    <div style={{ maxWidth: 520, margin: '0 auto', padding: '16px 12px 40px' }}>
      <Link to="/p/venues" style={{ fontSize: 13 }}>
        {t('public.brand')}
      </Link>
      <Typography.Title level={4} style={{ margin: '8px 0 16px' }}>
        {title}
      </Typography.Title>
      {children}
    </div>
  );
}
