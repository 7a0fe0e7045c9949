import { Link } from 'react-router';
import { Form, Input, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PolicyPackage } from '@fugong/contract';
import { PageContainer } from '../../components/PageContainer';
import { ServerTable } from '../../components/ServerTable';
import { StatusTag } from '../../components/StatusTag';
import { useServerTable } from '../../components/useServerTable';
import { packageStatusStyles } from './labels';

/** 政策目录: the packages of the user's area and the areas above it. */
export function PackagesPage() {
  const { t } = useTranslation('policies');
  const { query, setFilters, tableProps } = useServerTable<PolicyPackage, 'q'>('/api/policies/packages', ['q']);
  const columns: TableColumnsType<PolicyPackage> = [
    {
      title: t('field.shortTitle'),
      dataIndex: 'shortTitle',
      width: 130,
      render: (s: string, r) => <Link to={`/policies/packages/${r.id}`}>{s}</Link>,
    },
    { title: t('field.title'), dataIndex: 'title', ellipsis: true },
    { title: t('field.issuer'), dataIndex: 'issuer', width: 160 },
    { title: t('field.measureCount'), dataIndex: 'measureCount', width: 90 },
    { title: t('field.validity'), key: 'v', width: 200, render: (_, r) => `${r.validFrom} — ${r.validTo ?? ''}` },
    {
      title: t('field.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: PolicyPackage['status']) => <StatusTag value={s} map={packageStatusStyles} />,
    },
  ];
  return (
    <PageContainer title={t('menu.packages')}>
      <Form layout="inline" style={{ marginBottom: 12 }} onFinish={(v: { q?: string }) => setFilters({ q: v.q || undefined })}>
        <Form.Item name="q" label={t('filter.q')}>
          <Input.Search allowClear onSearch={(q) => setFilters({ q: q || undefined })} />
        </Form.Item>
      </Form>
      <ServerTable rowKey="id" columns={columns} query={query} {...tableProps} />
    </PageContainer>
  );
}
