import type { ReactNode } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PublicPage } from '../../components/PublicPage';

/** The public complaint pages' frame. */
export function PublicShell({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation('complaints');
  return (
    <PublicPage brand={<Typography.Text type="secondary">{t('public.brand')}</Typography.Text>} title={title} maxWidth={560}>
      {children}
    </PublicPage>
  );
}
