import { Link } from 'react-router';
import { Button, Form, Input, Select, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { departments, escalationLevels, ticketStatuses, type Ticket } from '@fugong/contract';
import { usePermissions } from '../../app/auth';
import { ServerTable } from '../../components/ServerTable';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';
import { StatusTag } from '../../components/StatusTag';
import { useServerTable } from '../../components/useServerTable';
import { escalationStyles, ticketStatusStyles } from './labels';

const FILTERS = ['q', 'status', 'open', 'escalation', 'overdue', 'department', 'regionCode'] as const;

export function useTicketColumns(): TableColumnsType<Ticket> {
  const { t } = useTranslation('tickets');
  return [
    { title: t('field.no'), dataIndex: 'no', width: 170, render: (no: string, r) => <Link to={`/tickets/${r.id}`}>{no}</Link> },
    {
      title: t('field.title'),
      dataIndex: 'title',
      render: (title: string, r) => (
        <>
          {r.major && <Tag color="red">{t('field.major')}</Tag>}
          {title}
        </>
      ),
    },
    { title: t('field.entity'), dataIndex: 'entityName', width: 180, render: (n: string | null, r) => n ?? r.regionName ?? '—' },
    {
      title: t('field.category'),
      dataIndex: 'categoryCode',
      width: 100,
      render: (c: string, r) => t(`category.${c}`, { defaultValue: r.categoryName }),
    },
    {
      title: t('field.department'),
      dataIndex: 'department',
      width: 120,
      render: (d: string | null) => (d ? t(`common:department.${d}`) : '—'),
    },
    {
      title: t('field.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: Ticket['status']) => <StatusTag value={s} map={ticketStatusStyles} />,
    },
    {
      title: t('field.deadline'),
      dataIndex: 'deadline',
      width: 150,
      render: (d: string | null, r) =>
        d ? (
          <span style={{ color: r.overdue ? '#cf1322' : undefined }}>
            {dayjs(d).format('MM-DD HH:mm')}
            {r.overdue ? ` · ${t('field.overdue')}` : ''}
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: t('field.escalation'),
      dataIndex: 'escalationLevel',
      width: 120,
      render: (l: Ticket['escalationLevel']) => (l ? <StatusTag value={l} map={escalationStyles} /> : '—'),
    },
  ];
}

/** Tickets the user may see: a department's inbox, a town's collection, the commander's overview. */
export function TicketsListPage() {
  const { t } = useTranslation('tickets');
  const perms = usePermissions();
  const { query, filters, setFilters, tableProps, params } = useServerTable<Ticket, (typeof FILTERS)[number]>(
    '/api/tickets',
    FILTERS,
  );
  const [form] = Form.useForm();
  const { page: _p, pageSize: _s, ...exportQuery } = params;
  const columns = useTicketColumns();
  return (
    <PageContainer
      title={t('menu.list')}
      extra={
        <>
          {perms.has('tickets.report') && (
            <Link to="/tickets/new">
              <Button type="primary" icon={<PlusOutlined />}>
                {t('action.new')}
              </Button>
            </Link>
          )}
          <ExportButton url="/api/tickets/export" filename="tickets.xlsx" query={exportQuery} />
        </>
      }
    >
      <Form
        form={form}
        layout="inline"
        initialValues={filters}
        onFinish={(v) => setFilters(v)}
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        <Form.Item name="q">
          <Input.Search allowClear placeholder={t('list.search')} onSearch={() => form.submit()} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('field.status')}
            style={{ width: 120 }}
            onChange={() => form.submit()}
            options={ticketStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="escalation">
          <Select
            allowClear
            placeholder={t('field.escalation')}
            style={{ width: 140 }}
            onChange={() => form.submit()}
            options={[
              { value: 'any', label: t('list.anyEscalation') },
              ...escalationLevels.map((l) => ({ value: l, label: t(`level.${l}`) })),
            ]}
          />
        </Form.Item>
        <Form.Item name="overdue">
          <Select
            allowClear
            placeholder={t('field.overdue')}
            style={{ width: 110 }}
            onChange={() => form.submit()}
            options={[{ value: 'true', label: t('list.overdueOnly') }]}
          />
        </Form.Item>
        <Form.Item name="department">
          <Select
            allowClear
            placeholder={t('field.department')}
            style={{ width: 140 }}
            onChange={() => form.submit()}
            options={departments.map((d) => ({ value: d, label: t(`common:department.${d}`) }))}
          />
        </Form.Item>
        <Form.Item name="regionCode">
          <RegionPicker onChange={() => form.submit()} />
        </Form.Item>
      </Form>
      <ServerTable<Ticket>
        query={query}
        rowKey="id"
        size="small"
        columns={columns}
        scroll={{ x: 1000 }}
        {...tableProps}
        locale={{ emptyText: t('list.empty') }}
      />
    </PageContainer>
  );
}
