import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PolicyTotals } from '@fugong/contract';
import { api } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { ScreenCard } from '../../components/ScreenCard';
import type { ScreenCardProps } from '../types';
import { money } from './labels';

/** 大屏: what the policies have paid out in the region shown (CNY), with the enterprises reached. */
export function PolicyScreenCard({ regionCode }: ScreenCardProps) {
  const { t, i18n } = useTranslation('policies');
  const allowed = usePermissions().has('policies.read');
  const q = useQuery({
    enabled: allowed,
    queryKey: ['/api/policies/totals', regionCode],
    queryFn: () => api.get<PolicyTotals>('/api/policies/totals', { regionCode }),
  });
  if (!allowed || !q.data) return null;
  const cny = q.data.byType.filter((r) => r.currency === 'CNY').reduce((s, r) => s + r.amount, 0);
  return (
    <Link to="/policies/ledger" className="fg-screen-card-link">
      <ScreenCard
        label={t('screen.label')}
        value={money(cny, 'CNY', i18n.language)}
        sub={t('screen.sub', { n: q.data.enterprisesReached })}
        testId="headline-policies"
      />
    </Link>
  );
}
