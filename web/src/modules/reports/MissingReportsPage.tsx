import { useState } from 'react';
import { App, Button, DatePicker, Flex, Popconfirm, Tag } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MissingReport } from '@fugong/contract';
import { api, ApiError } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { ServerTable } from '../../components/ServerTable';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';
import { useServerTable } from '../../components/useServerTable';

/** 未报送名单: resumed entities without today's (or a chosen day's) report; export and remind. */
export function MissingReportsPage() {
  const { t } = useTranslation('reports');
  const { message } = App.useApp();
  const perms = usePermissions();
  const { query, filters, setFilters, tableProps } = useServerTable<MissingReport, 'regionCode' | 'date'>(
    '/api/reports/missing',
    ['regionCode', 'date'],
  );
  const [selected, setSelected] = useState<number[]>([]);
  const remind = useMutation({
    mutationFn: (entityIds?: number[]) =>
      api.post<{ entities: number; recipients: number }>('/api/reports/missing/remind', { ...filters, entityIds }),
    onSuccess: (r) => {
      message.success(t('missing.reminded', r));
      setSelected([]);
      void query.refetch();
    },
    onError: (e) => message.error(e instanceof ApiError ? e.message : String(e)),
  });
  const canRemind = perms.has('reports.remind');
  return (
    <PageContainer
      title={t('missing.title')}
      extra={
        <>
          <ExportButton
            url="/api/reports/missing/export"
            filename={`${t('missing.file')}-${filters.date ?? dayjs().format('YYYY-MM-DD')}.xlsx`}
            query={filters}
          />
          {canRemind && (
            <Popconfirm
              title={
                selected.length
                  ? t('missing.confirmSelected', { count: selected.length })
                  : t('missing.confirmAll', { count: query.data?.total ?? 0 })
              }
              onConfirm={() => remind.mutate(selected.length ? selected : undefined)}
            >
              <Button type="primary" icon={<BellOutlined />} loading={remind.isPending} disabled={!query.data?.total}>
                {selected.length ? t('missing.remindSelected', { count: selected.length }) : t('missing.remindAll')}
              </Button>
            </Popconfirm>
          )}
        </>
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <RegionPicker
          value={filters.regionCode ?? null}
          onChange={(c) => setFilters({ ...filters, regionCode: c ?? undefined })}
          style={{ width: 240 }}
        />
        <DatePicker
          value={filters.date ? dayjs(filters.date) : null}
          onChange={(d) => setFilters({ ...filters, date: d ? d.format('YYYY-MM-DD') : undefined })}
          placeholder={t('missing.today')}
        />
      </Flex>
      <ServerTable<MissingReport>
        query={query}
        rowKey="entityId"
        size="small"
        {...tableProps}
        rowSelection={canRemind ? { selectedRowKeys: selected, onChange: (k) => setSelected(k as number[]) } : undefined}
        scroll={{ x: 700 }}
        locale={{ emptyText: t('missing.none') }}
        columns={[
          { title: t('col.name'), dataIndex: 'name' },
          { title: t('col.region'), dataIndex: 'regionName' },
          { title: t('col.lastReport'), dataIndex: 'lastReportDate', render: (v: string | null) => v ?? t('col.never') },
          {
            title: t('col.reminded'),
            dataIndex: 'remindedAt',
            render: (v: string | null) => (v ? <Tag color="orange">{dayjs(v).format('HH:mm')}</Tag> : '—'),
          },
        ]}
      />
    </PageContainer>
  );
}
