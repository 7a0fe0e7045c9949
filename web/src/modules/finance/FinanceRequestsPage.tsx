import { Link } from 'react-router';
import { Button, Form, Input, Select, Tag, type TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { answerStatuses, financingStatuses, type FinancingRequest } from '@fugong/contract';
import { api } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { ServerTable } from '../../components/ServerTable';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';
import { StatusTag } from '../../components/StatusTag';
import { useServerTable } from '../../components/useServerTable';
import { answerStatusStyles, requestStatusStyles } from './labels';
import { yuan } from './money';

const FILTERS = ['q', 'status', 'answerStatus', 'regionCode', 'whitelisted', 'unrouted'] as const;

/** Financing requests: the centre's queue, an enterprise's own, a bank officer's inbox (its institution's). */
export function FinanceRequestsPage() {
  const { t } = useTranslation('finance');
  const perms = usePermissions();
  const bank = perms.has('finance.answer');
  const me = useQuery({
    queryKey: ['/api/finance/me'],
    enabled: bank,
    queryFn: () => api.get<{ institution: { name: string } | null }>('/api/finance/me'),
  });
  const { query, filters, setFilters, tableProps, params } = useServerTable<FinancingRequest, (typeof FILTERS)[number]>(
    '/api/finance/requests',
    FILTERS,
  );
  const [form] = Form.useForm();
  const { page: _p, pageSize: _s, ...exportQuery } = params;
  const columns: TableColumnsType<FinancingRequest> = [
    {
      title: t('field.no'),
      dataIndex: 'no',
      width: 170,
      render: (no: string, r) => <Link to={`/finance/requests/${r.id}`}>{no}</Link>,
    },
    {
      title: t('field.entity'),
      dataIndex: 'entityName',
      render: (n: string, r) => (
        <>
          {n}
          {r.whitelisted && (
            <Tag color="gold" style={{ marginLeft: 4 }}>
              {t('field.whitelisted')}
            </Tag>
          )}
        </>
      ),
    },
    { title: t('field.amountYuan'), dataIndex: 'amountFen', width: 140, align: 'right', render: (f: number) => yuan(f) },
    { title: t('field.disbursedYuan'), dataIndex: 'disbursedFen', width: 140, align: 'right', render: (f: number) => yuan(f) },
    {
      title: t('field.answers'),
      dataIndex: 'answers',
      render: (as: FinancingRequest['answers']) =>
        as.length === 0 ? t('list.unrouted') : as.map((a) => <StatusTag key={a.id} value={a.status} map={answerStatusStyles} />),
    },
    {
      title: t('field.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: FinancingRequest['status']) => <StatusTag value={s} map={requestStatusStyles} />,
    },
    {
      title: t('field.createdAt'),
      dataIndex: 'createdAt',
      width: 140,
      render: (d: string) => dayjs(d).format('YYYY-MM-DD HH:mm'),
    },
  ];
  const title = bank ? t('menu.inbox') : t('menu.requests');
  return (
    <PageContainer
      title={me.data?.institution ? `${title} · ${me.data.institution.name}` : title}
      extra={
        <>
          {perms.has('finance.request') && (
            <Link to="/finance/requests/new">
              <Button type="primary">{t('request.title')}</Button>
            </Link>
          )}
          <ExportButton url="/api/finance/requests/export" filename="financing.xlsx" query={exportQuery} />
        </>
      }
    >
      {bank && me.data && !me.data.institution && <Tag color="warning">{t('list.noInstitution')}</Tag>}
      <Form
        form={form}
        layout="inline"
        initialValues={filters}
        onFinish={(v) => setFilters(v)}
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        <Form.Item name="q">
          <Input.Search
            allowClear
            aria-label={t('list.search')}
            placeholder={t('list.search')}
            onSearch={() => form.submit()}
            style={{ width: 220 }}
          />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            aria-label={t('field.status')}
            placeholder={t('field.status')}
            style={{ width: 120 }}
            onChange={() => form.submit()}
            options={financingStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="answerStatus">
          <Select
            allowClear
            aria-label={t('field.answerStatus')}
            placeholder={t('field.answerStatus')}
            style={{ width: 130 }}
            onChange={() => form.submit()}
            options={answerStatuses.map((s) => ({ value: s, label: t(`answer.${s}`) }))}
          />
        </Form.Item>
        {perms.has('finance.manage') && (
          <>
            <Form.Item name="whitelisted">
              <Select
                allowClear
                aria-label={t('field.whitelisted')}
                placeholder={t('field.whitelisted')}
                style={{ width: 120 }}
                onChange={() => form.submit()}
                options={[{ value: 'true', label: t('field.whitelisted') }]}
              />
            </Form.Item>
            <Form.Item name="unrouted">
              <Select
                allowClear
                aria-label={t('list.unrouted')}
                placeholder={t('list.unrouted')}
                style={{ width: 120 }}
                onChange={() => form.submit()}
                options={[{ value: 'true', label: t('list.unrouted') }]}
              />
            </Form.Item>
            <Form.Item name="regionCode">
              <RegionPicker onChange={() => form.submit()} />
            </Form.Item>
          </>
        )}
      </Form>
      <ServerTable<FinancingRequest>
        query={query}
        rowKey="id"
        size="small"
        columns={columns}
        scroll={{ x: 900 }}
        {...tableProps}
        locale={{ emptyText: t('list.empty') }}
      />
    </PageContainer>
  );
}
