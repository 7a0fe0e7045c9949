import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PublicPage } from '../../components/PublicPage';

/** The public booking pages' frame: the brand links back to the list of venues. */
export function PublicFrame({ title, children }: { title: ReactNode; children: ReactNode }) {
  const { t } = useTranslation('venues');
  return (
    <PublicPage brand={<Link to="/p/venues">{t('public.brand')}</Link>} title={title} maxWidth={520}>
      {children}
    </PublicPage>
  );
}
