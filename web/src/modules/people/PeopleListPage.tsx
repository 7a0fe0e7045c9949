import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Form, Input, Select, type TableColumnsType } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { personCategories, type Person } from '@fugong/contract';
import { usePermissions } from '../../app/auth';
import { ServerTable } from '../../components/ServerTable';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';
import { StatusTag } from '../../components/StatusTag';
import { useServerTable } from '../../components/useServerTable';
import { categoryStyles } from './labels';
import { PersonFormModal } from './PersonFormModal';

const FILTERS = ['q', 'category', 'regionCode'] as const;

/** People of the caller's area; ID numbers and phones masked. A whole ID number in the search box is an exact look-up. */
export function PeopleListPage() {
  const { t } = useTranslation('people');
  const perms = usePermissions();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const { query, filters, setFilters, tableProps } = useServerTable<Person, (typeof FILTERS)[number]>('/api/people', FILTERS);
  const [form] = Form.useForm();
  const columns: TableColumnsType<Person> = [
    { title: t('field.name'), dataIndex: 'name', render: (n: string, r) => <Link to={`/people/${r.id}`}>{n}</Link> },
    { title: t('field.idNumber'), dataIndex: 'idNumberMasked', width: 200, render: (v: string) => <code>{v}</code> },
    { title: t('field.phone'), dataIndex: 'phoneMasked', width: 140, render: (v: string | null) => v ?? '—' },
    {
      title: t('field.category'),
      dataIndex: 'category',
      width: 130,
      render: (c: Person['category']) => <StatusTag value={c} map={categoryStyles} />,
    },
    { title: t('field.region'), dataIndex: 'regionName', width: 160 },
  ];
  return (
    <PageContainer
      title={t('menu.people')}
      extra={
        <>
          <ExportButton url="/api/people/export" filename={`${t('list.file')}.xlsx`} query={filters} />
          {perms.has('people.manage') && (
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
              {t('action.register')}
            </Button>
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
          <Input.Search allowClear placeholder={t('list.search')} onSearch={() => form.submit()} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="category">
          <Select
            allowClear
            placeholder={t('field.category')}
            style={{ width: 150 }}
            onChange={() => form.submit()}
            options={personCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="regionCode">
          <RegionPicker onChange={() => form.submit()} />
        </Form.Item>
      </Form>
      <ServerTable<Person>
        query={query}
        rowKey="id"
        size="small"
        columns={columns}
        scroll={{ x: 760 }}
        {...tableProps}
        locale={{ emptyText: t('list.empty') }}
      />
      <PersonFormModal open={adding} onClose={() => setAdding(false)} onCreated={(id) => navigate(`/people/${id}`)} />
    </PageContainer>
  );
}
