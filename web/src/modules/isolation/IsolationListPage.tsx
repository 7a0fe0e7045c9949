import { Link } from 'react-router';
import { Button, Form, Input, Select, Tag, type TableColumnsType } from 'antd';
import { MedicineBoxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isolationKinds, isolationStatuses, type Isolation } from '@fugong/contract';
import { usePermissions } from '../../app/auth';
import { ServerTable } from '../../components/ServerTable';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';
import { StatusTag } from '../../components/StatusTag';
import { useServerTable } from '../../components/useServerTable';
import { isolationStatusStyles } from './labels';

const FILTERS = ['q', 'status', 'kind', 'regionCode'] as const;

export function IsolationListPage() {
  const { t } = useTranslation('isolation');
  const perms = usePermissions();
  const { query, filters, setFilters, tableProps } = useServerTable<Isolation, (typeof FILTERS)[number]>(
    '/api/isolations',
    FILTERS,
  );
  const [form] = Form.useForm();
  const columns: TableColumnsType<Isolation> = [
    {
      title: t('field.person'),
      dataIndex: 'personName',
      render: (n: string, r) => <Link to={`/isolation/cases/${r.id}`}>{n}</Link>,
    },
    {
      title: t('field.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (k: string, r) => `${t(`kind.${k}`)}${r.site ? ` · ${r.site}` : ''}`,
    },
    { title: t('field.period'), width: 200, render: (_, r) => `${r.startDate} — ${r.endDate}` },
    {
      title: t('field.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: Isolation['status']) => <StatusTag value={s} map={isolationStatusStyles} />,
    },
    {
      title: t('field.lastCheckin'),
      dataIndex: 'lastCheckinDate',
      width: 120,
      render: (d: string | null, r) => (
        <>
          {d ?? '—'}
          {r.feverAlert && (
            <Tag color="red" style={{ marginLeft: 4 }}>
              {t('field.fever')}
            </Tag>
          )}
        </>
      ),
    },
    { title: t('field.region'), dataIndex: 'regionName', width: 140 },
  ];
  return (
    <PageContainer
      title={t('menu.cases')}
      extra={
        <>
          <ExportButton url="/api/isolations/export" filename={`${t('list.file')}.xlsx`} query={filters} />
          {perms.has('isolation.manage') && (
            <Link to="/isolation/assess">
              <Button type="primary" icon={<MedicineBoxOutlined />}>
                {t('menu.assess')}
              </Button>
            </Link>
          )}
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
          <Input.Search allowClear placeholder={t('list.search')} onSearch={() => form.submit()} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('field.status')}
            style={{ width: 110 }}
            onChange={() => form.submit()}
            options={isolationStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="kind">
          <Select
            allowClear
            placeholder={t('field.kind')}
            style={{ width: 120 }}
            onChange={() => form.submit()}
            options={isolationKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="regionCode">
          <RegionPicker onChange={() => form.submit()} />
        </Form.Item>
      </Form>
      <ServerTable<Isolation>
        query={query}
        rowKey="id"
        size="small"
        columns={columns}
        scroll={{ x: 860 }}
        {...tableProps}
        locale={{ emptyText: t('list.empty') }}
      />
    </PageContainer>
  );
}
