import type { ReactNode } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PublicPage } from '../../components/PublicPage';

/** The public policy pages' frame. */
export function PolicyShell({ title, children }: { title: ReactNode; children: ReactNode }) {
  const { t } = useTranslation('policies');
  return (
    <PublicPage brand={<Typography.Text type="secondary">{t('public.brand')}</Typography.Text>} title={title}>
      {children}
    </PublicPage>
  );
}
