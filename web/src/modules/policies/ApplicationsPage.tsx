import { useState } from 'react';
import { Button, Form, Input, Select, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { applicationStatuses, type PolicyApplication } from '@fugong/contract';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { ServerTable } from '../../components/ServerTable';
import { StatusTag } from '../../components/StatusTag';
import { useServerTable } from '../../components/useServerTable';
import { applicationStatusStyles, money } from './labels';
import { ApplicationDrawer } from './ApplicationDrawer';

const FILTERS = ['q', 'status'] as const;

/** 申报审核: applications the user may see; the department decides and pays from the drawer. */
export function ApplicationsPage() {
  const { t, i18n } = useTranslation('policies');
  const { query, setFilters, tableProps, params } = useServerTable<PolicyApplication, (typeof FILTERS)[number]>(
    '/api/policies/applications',
    FILTERS,
  );
  const [open, setOpen] = useState<number | null>(null);
  const { page: _p, pageSize: _s, ...exportQuery } = params;
  const columns: TableColumnsType<PolicyApplication> = [
    {
      title: t('field.entity'),
      dataIndex: 'entityName',
      render: (s: string, r) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(r.id)}>
          {s}
        </Button>
      ),
    },
    { title: t('field.measure'), dataIndex: 'measureTitle', ellipsis: true },
    { title: t('field.region'), dataIndex: 'regionName', width: 140 },
    {
      title: t('field.approved'),
      key: 'amt',
      width: 130,
      render: (_, r) => (r.approvedAmount != null ? money(r.approvedAmount, r.currency, i18n.language) : ''),
    },
    {
      title: t('field.status'),
      dataIndex: 'status',
      width: 110,
      render: (s: PolicyApplication['status']) => <StatusTag value={s} map={applicationStatusStyles} />,
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
      title={t('menu.applications')}
      extra={<ExportButton url="/api/policies/applications/export" filename="policy-applications.xlsx" query={exportQuery} />}
    >
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('filter.entity')} htmlFor="pa-q">
          <Input.Search id="pa-q" allowClear onSearch={(q) => setFilters({ q: q || undefined })} />
        </Form.Item>
        <Form.Item label={t('field.status')} htmlFor="pa-status">
          <Select
            id="pa-status"
            allowClear
            style={{ width: 140 }}
            onChange={(v?: string) => setFilters({ status: v })}
            options={applicationStatuses.map((s) => ({ value: s, label: t(`appStatus.${s}`) }))}
          />
        </Form.Item>
      </Form>
      <ServerTable rowKey="id" columns={columns} query={query} {...tableProps} />
      <ApplicationDrawer id={open} onClose={() => setOpen(null)} />
    </PageContainer>
  );
}
