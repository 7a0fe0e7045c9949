import { useState } from 'react';
import { Link } from 'react-router';
import { DatePicker, Descriptions, Drawer, Flex, Grid, Input, Select, Spin, Tag, Typography, type TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { visitModes, type RecordFile, type Visit, type VisitDetail } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { ServerTable } from '../../components/ServerTable';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { RecordFiles } from '../../components/RecordFiles';
import { RegionPicker } from '../../components/RegionPicker';
import { useServerTable } from '../../components/useServerTable';
import { SupplyDemandLink } from '../supplies/index';

const filterKeys = ['from', 'to', 'mode', 'liaison', 'q', 'regionCode'] as const;
export const modeColor: Record<Visit['mode'], string> = { onsite: 'green', phone: 'blue', online: 'purple' };

/** One visit: what was delivered, the problems found with the tickets they became, and the photos. */
function VisitDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation(['liaison', 'tickets']);
  const detail = useQuery({
    queryKey: [`/api/liaison/visits/${id}`],
    queryFn: () => api.get<VisitDetail>(`/api/liaison/visits/${id}`),
    enabled: id != null,
  });
  const photos = useQuery({
    queryKey: [`/api/liaison/visits/${id}/photos`],
    queryFn: () => api.get<RecordFile[]>(`/api/liaison/visits/${id}/photos`),
    enabled: id != null,
  });
  const v = detail.data;
  return (
    <Drawer
      open={id != null}
      onClose={onClose}
      title={v?.entityName ?? t('log.detail')}
      width="min(560px, 100vw)"
      destroyOnHidden
    >
      {detail.isError ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : !v ? (
        <Spin />
      ) : (
        <div data-testid="visit-detail">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('assign.entity')}>
              <Link to={`/registry/entities/${v.entityId}`}>{v.entityName}</Link>
              <SupplyDemandLink entityId={v.entityId} />
              {v.regionName && <Typography.Text type="secondary"> · {v.regionName}</Typography.Text>}
            </Descriptions.Item>
            <Descriptions.Item label={t('log.liaison')}>{v.liaisonName}</Descriptions.Item>
            <Descriptions.Item label={t('visit.date')}>{v.visitDate}</Descriptions.Item>
            <Descriptions.Item label={t('visit.mode')}>
              <Tag color={modeColor[v.mode]}>{t(`mode.${v.mode}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('visit.policies')}>
              {v.policies.length ? (
                v.policies.map((p) => <Tag key={p}>{p}</Tag>)
              ) : (
                <Typography.Text type="secondary">{t('log.none')}</Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('visit.notes')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{v.notes || '—'}</span>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('log.problems', { count: v.problems.length })}
          </Typography.Title>
          {v.problems.length === 0 ? (
            <Typography.Text type="secondary">{t('log.noProblems')}</Typography.Text>
          ) : (
            <ul style={{ paddingInlineStart: 20 }} data-testid="visit-problems">
              {v.problems.map((p) => (
                <li key={p.ticketId}>
                  {p.title} — <Link to={`/tickets/${p.ticketId}`}>{t('visit.ticket', { id: p.ticketId })}</Link>{' '}
                  <Tag>{t(`tickets:status.${p.status}`, { defaultValue: p.status })}</Tag>
                </li>
              ))}
            </ul>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('log.photos')}
          </Typography.Title>
          {photos.isError ? (
            <ErrorState error={photos.error} onRetry={() => void photos.refetch()} />
          ) : (
            <RecordFiles
              base={`/api/liaison/visits/${v.id}`}
              files={photos.data ?? []}
              canUpload={false}
              onUploaded={() => undefined}
            />
          )}
        </div>
      )}
    </Drawer>
  );
}

/** 走访台账: the visits of the caller's area (a liaison's own), filtered, opened one by one, exported. */
export function VisitsPage() {
  const { t } = useTranslation('liaison');
  const { query, filters, setFilters, tableProps } = useServerTable<Visit, (typeof filterKeys)[number]>(
    '/api/liaison/visits',
    filterKeys,
  );
  const [open, setOpen] = useState<number | null>(null);
  const screens = Grid.useBreakpoint();
  // on a phone one column holds the whole visit, so nothing hides behind a sideways scroll
  const phoneColumns: TableColumnsType<Visit> = [
    {
      title: t('menu.visits'),
      key: 'visit',
      render: (_: unknown, v) => (
        <div>
          <a onClick={() => setOpen(v.id)} data-testid="visit-open">
            {v.entityName}
          </a>
          <Flex gap={6} wrap align="center" style={{ marginTop: 4, fontSize: 12 }}>
            <span>{v.visitDate}</span>
            <Tag color={modeColor[v.mode]}>{t(`mode.${v.mode}`)}</Tag>
            <span>{v.liaisonName}</span>
            {v.problemCount > 0 && <Tag color="orange">{t('log.problems', { count: v.problemCount })}</Tag>}
          </Flex>
        </div>
      ),
    },
  ];
  const columns: TableColumnsType<Visit> = [
    { title: t('visit.date'), dataIndex: 'visitDate', width: 110 },
    {
      title: t('assign.entity'),
      dataIndex: 'entityName',
      render: (name: string, v) => (
        <a onClick={() => setOpen(v.id)} data-testid="visit-open">
          {name}
        </a>
      ),
    },
    { title: t('log.liaison'), dataIndex: 'liaisonName', width: 110 },
    {
      title: t('visit.mode'),
      dataIndex: 'mode',
      width: 90,
      render: (m: Visit['mode']) => <Tag color={modeColor[m]}>{t(`mode.${m}`)}</Tag>,
    },
    { title: t('visit.policies'), dataIndex: 'policies', responsive: ['md'], render: (ps: string[]) => ps.join('、') },
    { title: t('log.problemCount'), dataIndex: 'problemCount', width: 90, align: 'right' },
  ];
  return (
    <PageContainer
      title={t('menu.visits')}
      extra={<ExportButton url="/api/liaison/visits/export" filename={`${t('menu.visits')}.xlsx`} query={filters} />}
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
          onChange={(r) =>
            setFilters({ ...filters, from: r?.[0]?.format('YYYY-MM-DD') ?? '', to: r?.[1]?.format('YYYY-MM-DD') ?? '' })
          }
          style={{ maxWidth: 280 }}
        />
        <Select
          allowClear
          placeholder={t('visit.mode')}
          value={filters.mode}
          onChange={(m?: string) => setFilters({ ...filters, mode: m ?? '' })}
          options={visitModes.map((m) => ({ value: m, label: t(`mode.${m}`) }))}
          style={{ width: 120 }}
          data-testid="visits-mode"
        />
        <Input.Search
          allowClear
          placeholder={t('log.searchEntity')}
          defaultValue={filters.q}
          onSearch={(q) => setFilters({ ...filters, q })}
          style={{ maxWidth: 220 }}
          data-testid="visits-q"
        />
        <Input.Search
          allowClear
          placeholder={t('log.searchLiaison')}
          defaultValue={filters.liaison}
          onSearch={(liaison) => setFilters({ ...filters, liaison })}
          style={{ maxWidth: 180 }}
        />
        <RegionPicker value={filters.regionCode ?? null} onChange={(c) => setFilters({ ...filters, regionCode: c ?? '' })} />
      </Flex>
      <ServerTable<Visit>
        query={query}
        rowKey="id"
        size="small"
        columns={screens.md === false ? phoneColumns : columns}
        scroll={screens.md === false ? undefined : { x: 640 }}
        {...tableProps}
        onRow={(v) => ({ onClick: () => setOpen(v.id), style: { cursor: 'pointer' } })}
        locale={{ emptyText: t('log.empty') }}
        data-testid="visits-table"
      />
      <VisitDrawer id={open} onClose={() => setOpen(null)} />
    </PageContainer>
  );
}
