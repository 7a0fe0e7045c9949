import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FinanceFigures } from '@fugong/contract';
import { api } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { ScreenCard } from '../../components/ScreenCard';
import type { ScreenCardProps } from '../types';
import { bigYuan } from './money';

/** The 大屏's financing figure: money disbursed through the platform, enterprises and institutions. */
export function FinanceScreenCard({ regionCode }: ScreenCardProps) {
  const { t } = useTranslation('finance');
  const allowed = usePermissions().has('finance.figures');
  const q = useQuery({
    queryKey: ['/api/finance/figures', regionCode],
    enabled: allowed,
    queryFn: () => api.get<FinanceFigures>('/api/finance/figures', { regionCode }),
  });
  if (!allowed || !q.data) return null;
  const f = q.data.totals;
  return (
    <ScreenCard
      testId="screen-finance"
      label={t('screen.label')}
      value={bigYuan(f.disbursedFen, t)}
      sub={t('screen.sub', { enterprises: f.enterprises, institutions: f.institutionsListed })}
    />
  );
}
