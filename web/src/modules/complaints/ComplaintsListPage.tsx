import { Link } from 'react-router';
import { Card, Col, Form, Input, Row, Select, Statistic, Tag, type TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { complaintStatuses, type Complaint, type ComplaintStats } from '@fugong/contract';
import { api } from '../../app/api';
import { ServerTable } from '../../components/ServerTable';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';
import { StatusTag } from '../../components/StatusTag';
import { useServerTable } from '../../components/useServerTable';
import { complaintStatusStyles } from './labels';

const FILTERS = ['q', 'status', 'overdue', 'regionCode'] as const;

/** 投诉举报 in the user's area, with the "N received, N answered" figures on top. */
export function ComplaintsListPage() {
  const { t } = useTranslation('complaints');
  const { query, filters, setFilters, tableProps, params } = useServerTable<Complaint, (typeof FILTERS)[number]>(
    '/api/complaints',
    FILTERS,
  );
  const stats = useQuery({
    queryKey: ['/api/complaints/stats', filters.regionCode],
    queryFn: () => api.get<ComplaintStats>('/api/complaints/stats', { regionCode: filters.regionCode }),
  });
  const [form] = Form.useForm();
  const { page: _p, pageSize: _s, ...exportQuery } = params;
  const columns: TableColumnsType<Complaint> = [
    {
      title: t('field.receiptNo'),
      dataIndex: 'receiptNo',
      width: 170,
      render: (no: string, r) => <Link to={`/complaints/${r.id}`}>{no}</Link>,
    },
    { title: t('field.content'), dataIndex: 'content', ellipsis: true },
    {
      title: t('field.where'),
      dataIndex: 'entityName',
      width: 180,
      render: (n: string | null, r) => n ?? r.address ?? r.regionName,
    },
    { title: t('field.channel'), dataIndex: 'channel', width: 80, render: (c: string) => t(`channel.${c}`) },
    {
      title: t('field.status'),
      dataIndex: 'status',
      width: 110,
      render: (s: Complaint['status']) => <StatusTag value={s} map={complaintStatusStyles} />,
    },
    {
      title: t('field.deadline'),
      dataIndex: 'deadline',
      width: 160,
      render: (d: string, r) => (
        <>
          {dayjs(d).format('MM-DD HH:mm')}
          {r.overdue && (
            <Tag color="red" style={{ marginLeft: 4 }}>
              {t('field.overdue')}
            </Tag>
          )}
        </>
      ),
    },
    {
      title: t('field.createdAt'),
      dataIndex: 'createdAt',
      width: 140,
      render: (d: string) => dayjs(d).format('YYYY-MM-DD HH:mm'),
    },
  ];
  return (
    <PageContainer
      title={t('menu.list')}
      extra={<ExportButton url="/api/complaints/export" filename="complaints.xlsx" query={exportQuery} />}
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {(['received', 'answered', 'substantiated', 'unfounded', 'open', 'overdue'] as const).map((k) => (
          <Col key={k} xs={12} sm={8} md={4}>
            <Card size="small">
              <Statistic title={t(`stats.${k}`)} value={stats.data?.[k] ?? '—'} loading={stats.isLoading} />
            </Card>
          </Col>
        ))}
      </Row>
      <Form
        form={form}
        layout="inline"
        initialValues={filters}
        onFinish={(v) => setFilters(v)}
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        <Form.Item name="q">
          <Input.Search allowClear placeholder={t('list.search')} onSearch={() => form.submit()} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('field.status')}
            style={{ width: 130 }}
            onChange={() => form.submit()}
            options={complaintStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="overdue">
          <Select
            allowClear
            placeholder={t('field.overdue')}
            style={{ width: 110 }}
            onChange={() => form.submit()}
            options={[{ value: 'true', label: t('field.overdue') }]}
          />
        </Form.Item>
        <Form.Item name="regionCode">
          <RegionPicker onChange={() => form.submit()} />
        </Form.Item>
      </Form>
      <ServerTable<Complaint>
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
