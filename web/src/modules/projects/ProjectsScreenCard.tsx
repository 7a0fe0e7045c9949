import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ProjectStats } from '@fugong/contract';
import { api, withQuery } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { ScreenCard } from '../../components/ScreenCard';
import type { ScreenCardProps } from '../types';

/** 大屏: continuing key projects resumed (the seeds' 66 / 71 = 93 %), approvals overdue below. */
export function ProjectsScreenCard({ regionCode }: ScreenCardProps) {
  const { t } = useTranslation('projects');
  const may = usePermissions().has('projects.read');
  const url = withQuery('/api/projects/stats', { regionCode });
  const q = useQuery({ queryKey: [url], queryFn: () => api.get<ProjectStats>(url), enabled: may });
  if (!may || !q.data || q.data.total.total === 0) return null;
  const c = q.data.byPhase.find((p) => p.phase === 'continuing')!;
  return (
    <ScreenCard
      testId="headline-key-projects"
      label={t('screen.label')}
      value={`${c.rate} %`}
      sub={t('screen.sub', { resumed: c.resumed, total: c.total, all: q.data.total.total, overdue: q.data.approvals.overdue })}
      danger={q.data.approvals.overdue > 0}
    />
  );
}
