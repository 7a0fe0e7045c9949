import { Link, useParams } from 'react-router';
import { List, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { publicPackageSchema } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { PolicyShell } from './PublicShell';

/** A package's measures, each linking its own page. */
export function PublicPackagePage() {
  const { token = '' } = useParams();
  const { t } = useTranslation('policies');
  const q = useQuery({
    queryKey: ['/api/public/policies/packages', token],
    queryFn: () => api.get<z.infer<typeof publicPackageSchema>>(`/api/public/policies/packages/${token}`),
  });
  if (q.isPending)
    return (
      <PolicyShell title={t('public.loading')}>
        <Spin />
      </PolicyShell>
    );
  if (q.error)
    return (
      <PolicyShell title={t('public.notFound')}>
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      </PolicyShell>
    );
  const p = q.data;
  return (
    <PolicyShell title={p.shortTitle}>
      <Typography.Paragraph>{p.title}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {p.issuer} · {p.validFrom} — {p.validTo ?? t('public.openEnded')} · {t('public.version', { v: p.version })}
      </Typography.Paragraph>
      <List
        bordered
        dataSource={p.measures}
        locale={{ emptyText: t('msg.empty') }}
        renderItem={(m) => (
          <List.Item>
            <Link to={`/p/policies/${m.publicToken}`}>
              {m.seq}. {m.title}
            </Link>
          </List.Item>
        )}
      />
    </PolicyShell>
  );
}
