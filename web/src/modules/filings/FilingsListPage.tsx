import { Link } from 'react-router';
import { Form, Input, Select, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { filingRoutes, filingStatuses, type FilingAbilities, type FilingSummary } from '@fugong/contract';
import { ServerTable } from '../../components/ServerTable';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';
import { StatusTag } from '../../components/StatusTag';
import { useServerTable } from '../../components/useServerTable';
import { filingRouteStyles, filingStatusStyles } from './labels';

const FILTERS = ['q', 'status', 'route', 'regionCode'] as const;
type Row = FilingSummary & { abilities: FilingAbilities };

/**
 * Filings in the user's area: the reviewer's inbox (waiting for their decision), the inspector's
 * on-site list, or every filing they may read.
 */
export function FilingsListPage({ inbox }: { inbox?: 'review' | 'onsite' }) {
  const { t } = useTranslation('filings');
  const base = inbox ? `/api/filings?inbox=${inbox}` : '/api/filings';
  const { query, filters, setFilters, tableProps, params } = useServerTable<Row, (typeof FILTERS)[number]>(base, FILTERS);
  const [form] = Form.useForm();
  const columns: TableColumnsType<Row> = [
    { title: t('field.id'), dataIndex: 'id', width: 70 },
    { title: t('field.entity'), dataIndex: 'entityName', render: (n: string, f) => <Link to={`/filings/${f.id}`}>{n}</Link> },
    {
      title: t('field.status'),
      dataIndex: 'status',
      width: 130,
      render: (s: Row['status']) => <StatusTag value={s} map={filingStatusStyles} />,
    },
    {
      title: t('field.route'),
      dataIndex: 'route',
      width: 150,
      render: (r: Row['route'], f) => (
        <>
          <StatusTag value={r} map={filingRouteStyles} />
          {f.batchNo ? t('field.batchNo', { no: f.batchNo }) : null}
          {f.whitelisted && <Tag color="gold">{t('field.whitelisted')}</Tag>}
        </>
      ),
    },
    {
      title: t('field.department'),
      dataIndex: 'department',
      width: 110,
      render: (d: string | null) => (d ? t(`common:department.${d}`) : '—'),
    },
    { title: t('field.plannedDate'), dataIndex: 'plannedDate', width: 120, render: (d: string | null) => d ?? '—' },
    {
      title: t('field.submittedAt'),
      dataIndex: 'submittedAt',
      width: 150,
      render: (d: string | null) => (d ? dayjs(d).format('YYYY-MM-DD HH:mm') : '—'),
    },
    { title: t('field.revision'), dataIndex: 'revision', width: 80 },
  ];
  const title = inbox === 'review' ? t('menu.inbox') : inbox === 'onsite' ? t('menu.onsite') : t('menu.list');
  const { page: _p, pageSize: _s, ...exportQuery } = params;
  return (
    <PageContainer
      title={title}
      extra={<ExportButton url="/api/filings/export" filename="filings.xlsx" query={{ ...exportQuery, inbox }} />}
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
        {!inbox && (
          <Form.Item name="status">
            <Select
              allowClear
              placeholder={t('field.status')}
              style={{ width: 150 }}
              onChange={() => form.submit()}
              options={filingStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            />
          </Form.Item>
        )}
        <Form.Item name="route">
          <Select
            allowClear
            placeholder={t('field.route')}
            style={{ width: 140 }}
            onChange={() => form.submit()}
            options={filingRoutes.map((r) => ({ value: r, label: t(`route.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="regionCode">
          <RegionPicker onChange={() => form.submit()} />
        </Form.Item>
      </Form>
      <ServerTable<Row>
        query={query}
        rowKey="id"
        size="small"
        columns={columns}
        scroll={{ x: 900 }}
        {...tableProps}
        locale={{ emptyText: inbox ? t('list.inboxEmpty') : t('list.empty') }}
      />
    </PageContainer>
  );
}
