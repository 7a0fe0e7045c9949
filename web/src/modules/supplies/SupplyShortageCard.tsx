import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SupplySummary } from '@fugong/contract';
import { api } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { ScreenCard } from '../../components/ScreenCard';
import type { ScreenCardProps } from '../types';

/** 大屏: entities whose prevention supplies run short (a demand not yet met), and the worst item. */
export function SupplyShortageCard({ regionCode }: ScreenCardProps) {
  const { t } = useTranslation('supplies');
  const may = usePermissions().has('supplies.read');
  const q = useQuery({
    queryKey: ['/api/supplies/summary', regionCode],
    queryFn: () => api.get<SupplySummary>('/api/supplies/summary', { regionCode }),
    enabled: may,
    refetchInterval: 30_000,
  });
  if (!may) return null;
  const s = q.data;
  const top = s?.byItem[0];
  return (
    <ScreenCard
      testId="supplies-shortage-card"
      label={t('card.label')}
      value={s ? String(s.shortageEntities) : '—'}
      sub={
        s
          ? top
            ? t('card.sub', { days: s.shortageDays, item: top.itemName, n: top.entities })
            : t('card.none', { days: s.shortageDays })
          : q.isError
            ? t('card.error')
            : ''
      }
      danger={!!s && s.shortageEntities > 0}
    />
  );
}
