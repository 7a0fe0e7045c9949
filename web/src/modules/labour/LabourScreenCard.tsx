import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LabourStats } from '@fugong/contract';
import { api } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { ScreenCard } from '../../components/ScreenCard';
import type { ScreenCardProps } from '../types';

/** 大屏: jobs filled through the platform and workers brought back, for the region shown. */
export function LabourScreenCard({ regionCode }: ScreenCardProps) {
  const { t } = useTranslation('labour');
  const may = usePermissions().has('labour.read');
  const stats = useQuery({
    queryKey: ['/api/labour/stats', regionCode],
    enabled: may,
    queryFn: () => api.get<LabourStats>('/api/labour/stats', { regionCode }),
  });
  if (!may || !stats.data) return null;
  const s = stats.data;
  return (
    <ScreenCard
      testId="screen-labour"
      label={t('screen.label')}
      value={s.hires.toLocaleString()}
      sub={t('screen.sub', { postings: s.postings.toLocaleString(), transported: s.transported.toLocaleString() })}
    />
  );
}
