import { useState } from 'react';
import { DatePicker, Form, Segmented, Table, type TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import type { TicketStats, TicketStatsRow } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';

/** SLA statistics per department or region: received, closed, on time, handling time, reopen rate, satisfaction. */
export function TicketStatsPage() {
  const { t } = useTranslation('tickets');
  const [by, setBy] = useState<'department' | 'region'>('department');
  const [regionCode, setRegionCode] = useState<string | null>(null);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const params = {
    by,
    regionCode: regionCode ?? undefined,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
  };
  const q = useQuery({
    queryKey: ['/api/tickets/stats', params],
    queryFn: () => api.get<TicketStats>('/api/tickets/stats', params),
  });
  const pct = (v: number | null) => (v == null ? '—' : `${v}%`);
  const columns: TableColumnsType<TicketStatsRow> = [
    {
      title: by === 'department' ? t('field.department') : t('stats.region'),
      dataIndex: 'name',
      render: (n: string | null, r) => n ?? r.key,
    },
    { title: t('stats.received'), dataIndex: 'received', align: 'right' },
    { title: t('stats.closed'), dataIndex: 'closed', align: 'right' },
    { title: t('stats.onTimeRate'), dataIndex: 'onTimeRate', align: 'right', render: pct },
    { title: t('stats.avgHours'), dataIndex: 'avgHandlingHours', align: 'right', render: (v: number | null) => v ?? '—' },
    { title: t('stats.reopenRate'), dataIndex: 'reopenRate', align: 'right', render: pct },
    { title: t('stats.satisfaction'), dataIndex: 'satisfaction', align: 'right', render: (v: number | null) => v ?? '—' },
    { title: t('stats.escalated'), dataIndex: 'escalated', align: 'right' },
    { title: t('stats.open'), dataIndex: 'open', align: 'right' },
  ];
  return (
    <PageContainer
      title={t('menu.stats')}
      extra={<ExportButton url="/api/tickets/stats/export" filename="ticket-stats.xlsx" query={params} />}
    >
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item>
          <Segmented
            value={by}
            onChange={(v) => setBy(v as 'department' | 'region')}
            options={[
              { value: 'department', label: t('stats.byDepartment') },
              { value: 'region', label: t('stats.byRegion') },
            ]}
          />
        </Form.Item>
        <Form.Item>
          <RegionPicker value={regionCode} onChange={(c) => setRegionCode(c)} />
        </Form.Item>
        <Form.Item>
          <DatePicker.RangePicker value={range} onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)} />
        </Form.Item>
      </Form>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<TicketStatsRow>
          rowKey="key"
          size="small"
          loading={q.isFetching}
          columns={columns}
          dataSource={q.data?.rows ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          summary={() =>
            q.data ? (
              <Table.Summary.Row>
                {columns.map((c, i) => {
                  const key = (c as { dataIndex: keyof TicketStatsRow }).dataIndex;
                  const v = q.data!.total[key];
                  return (
                    <Table.Summary.Cell key={i} index={i} align={i === 0 ? 'left' : 'right'}>
                      <b>
                        {i === 0
                          ? t('stats.total')
                          : key === 'onTimeRate' || key === 'reopenRate'
                            ? pct(v as number | null)
                            : (v ?? '—')}
                      </b>
                    </Table.Summary.Cell>
                  );
                })}
              </Table.Summary.Row>
            ) : null
          }
        />
      )}
    </PageContainer>
  );
}
