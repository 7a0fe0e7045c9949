import { useState } from 'react';
import { App, Button, Drawer, Flex, Statistic, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EligiblePage, PolicyMeasure } from '@fugong/contract';
import { api } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { ErrorState } from '../../components/ErrorState';
import { RegionPicker } from '../../components/RegionPicker';
import { StatusTag } from '../../components/StatusTag';
import { applicationStatusStyles } from './labels';

/** 应享尽享 for one measure: eligible entities of an area that have not applied, with a reminder to all of them. */
export function EligibleDrawer({ measure, onClose }: { measure: PolicyMeasure | null; onClose(): void }) {
  const { t } = useTranslation('policies');
  const { message } = App.useApp();
  const perms = usePermissions();
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const q = useQuery({
    enabled: !!measure,
    queryKey: ['/api/policies/eligible', measure?.id, regionCode, page],
    queryFn: () =>
      api.get<EligiblePage>(`/api/policies/measures/${measure!.id}/eligible`, {
        regionCode,
        pending: 'true',
        page,
        pageSize: 20,
      }),
  });
  const remind = async () => {
    const r = await api.post<{ entities: number; notified: number }>(`/api/policies/measures/${measure!.id}/remind`, {
      regionCode,
    });
    message.success(t('eligible.reminded', r));
  };
  return (
    <Drawer open={!!measure} onClose={onClose} width={720} title={measure ? `${t('eligible.title')} · ${measure.title}` : ''}>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <label htmlFor="eligible-region">{t('field.region')}</label>
        <RegionPicker
          id="eligible-region"
          value={regionCode}
          onChange={(v) => {
            setRegionCode(v ?? undefined);
            setPage(1);
          }}
          style={{ minWidth: 220 }}
        />
        {perms.has('policies.assist') && (
          <Button onClick={() => void remind()} disabled={!q.data?.total}>
            {t('eligible.remind')}
          </Button>
        )}
      </Flex>
      {q.error ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <>
          <Flex gap={32} style={{ marginBottom: 12 }}>
            <Statistic title={t('eligible.eligible')} value={q.data?.eligible ?? 0} loading={q.isPending} />
            <Statistic title={t('eligible.applied')} value={q.data?.applied ?? 0} loading={q.isPending} />
            <Statistic
              title={t('eligible.share')}
              value={q.data?.eligible ? Math.round((1000 * q.data.applied) / q.data.eligible) / 10 : 0}
              suffix="%"
              loading={q.isPending}
            />
          </Flex>
          <Table
            rowKey="entityId"
            size="small"
            loading={q.isPending}
            dataSource={q.data?.items ?? []}
            locale={{ emptyText: t('eligible.none') }}
            pagination={{ current: page, total: q.data?.total ?? 0, pageSize: 20, onChange: setPage, showSizeChanger: false }}
            columns={[
              { title: t('field.entity'), dataIndex: 'entityName' },
              { title: t('field.region'), dataIndex: 'regionName', width: 160 },
              {
                title: t('eligible.state'),
                key: 's',
                width: 140,
                render: (_, r) =>
                  r.applicationStatus ? (
                    <StatusTag value={r.applicationStatus} map={applicationStatusStyles} />
                  ) : r.deliveredOn ? (
                    <Tag color="blue">{t('eligible.delivered', { on: r.deliveredOn })}</Tag>
                  ) : (
                    <Tag>{t('eligible.notReached')}</Tag>
                  ),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
