import { useMemo, useState } from 'react';
import { App, Button, Flex, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { departments, type TicketCategory } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { PageContainer } from '../../components/PageContainer';
import { applyFieldErrors } from '../../components/form-errors';

const KEY = ['/api/tickets/categories', 'all'];

/** Add or change a category; its code is fixed once created (tickets and statistics refer to it). */
function CategoryModal({ category, onClose }: { category: TicketCategory | null; onClose: () => void }) {
  const { t } = useTranslation('tickets');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      category
        ? api.patch(`/api/tickets/categories/${category.id}`, { ...v, code: undefined })
        : api.post('/api/tickets/categories', v),
    onSuccess: () => {
      message.success(t('action.done'));
      void qc.invalidateQueries({ queryKey: ['/api/tickets/categories'] });
      onClose();
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(e.message);
    },
  });
  const required = [{ required: true, message: t('common:validation.required') }];
  return (
    <Modal
      open
      title={t(category ? 'categories.edit' : 'categories.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText={t('common:action.confirm')}
      cancelText={t('common:action.cancel')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={category ?? { slaValue: 3, slaUnit: 'days', active: true }}
      >
        <Form.Item
          name="code"
          label={t('categories.code')}
          rules={required}
          extra={category ? undefined : t('categories.codeHint')}
        >
          <Input disabled={!!category} maxLength={32} data-testid="category-code" />
        </Form.Item>
        <Form.Item name="name" label={t('categories.name')} rules={required}>
          <Input maxLength={60} data-testid="category-name" />
        </Form.Item>
        <Form.Item name="department" label={t('categories.department')} rules={required}>
          <Select
            showSearch
            optionFilterProp="label"
            options={departments.map((d) => ({ value: d, label: t(`common:department.${d}`) }))}
            data-testid="category-department"
          />
        </Form.Item>
        <Form.Item label={t('categories.sla')} required>
          <Space.Compact block>
            <Form.Item name="slaValue" noStyle rules={required}>
              <InputNumber min={1} max={720} style={{ width: '60%' }} />
            </Form.Item>
            <Form.Item name="slaUnit" noStyle rules={required}>
              <Select
                style={{ width: '40%' }}
                options={['hours', 'days'].map((u) => ({ value: u, label: t(`categories.unit.${u}`) }))}
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 问题类别: admin-configured categories, each with its default department and deadline in working time. */
export function TicketCategoriesPage() {
  const { t } = useTranslation('tickets');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<TicketCategory | 'new' | null>(null);
  const [search, setSearch] = useState('');
  const q = useQuery({ queryKey: KEY, queryFn: () => api.get<TicketCategory[]>('/api/tickets/categories', { all: 'true' }) });
  const toggle = useMutation({
    mutationFn: (c: TicketCategory) => api.patch(`/api/tickets/categories/${c.id}`, { active: !c.active }),
    onSuccess: () => {
      message.success(t('action.done'));
      void qc.invalidateQueries({ queryKey: ['/api/tickets/categories'] });
    },
    onError: (e) => message.error(e.message),
  });
  const rows = useMemo(() => {
    const s = search.trim().toLowerCase();
    return (q.data ?? []).filter(
      (c) =>
        !s ||
        c.code.includes(s) ||
        c.name.toLowerCase().includes(s) ||
        t(`common:department.${c.department}`).toLowerCase().includes(s),
    );
  }, [q.data, search, t]);
  return (
    <PageContainer
      title={t('categories.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="category-add">
          {t('categories.add')}
        </Button>
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('categories.search')}
          onSearch={setSearch}
          onChange={(e) => !e.target.value && setSearch('')}
          style={{ width: 240 }}
        />
      </Flex>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<TicketCategory>
          rowKey="id"
          size="small"
          loading={q.isLoading}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 640 }}
          locale={{ emptyText: t('categories.none') }}
          columns={[
            {
              title: t('categories.name'),
              dataIndex: 'name',
              render: (v: string, c) => <span data-testid={`category-row-${c.code}`}>{v}</span>,
            },
            { title: t('categories.code'), dataIndex: 'code', responsive: ['sm'] },
            { title: t('categories.department'), dataIndex: 'department', render: (d: string) => t(`common:department.${d}`) },
            {
              title: t('categories.sla'),
              key: 'sla',
              render: (_: unknown, c) => `${c.slaValue} ${t(`categories.unit.${c.slaUnit}`)}`,
            },
            {
              title: t('categories.state'),
              dataIndex: 'active',
              render: (a: boolean) =>
                a ? <Tag color="green">{t('categories.active')}</Tag> : <Tag>{t('categories.inactive')}</Tag>,
            },
            {
              title: '',
              key: 'actions',
              fixed: 'right',
              width: 150,
              render: (_: unknown, c) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing(c)}>
                    {t('categories.edit')}
                  </Button>
                  {c.active ? (
                    <Popconfirm
                      title={t('categories.confirmDeactivate', { name: c.name })}
                      onConfirm={() => toggle.mutate(c)}
                      okText={t('common:action.confirm')}
                      cancelText={t('common:action.cancel')}
                    >
                      <Button type="link" size="small" danger data-testid={`category-deactivate-${c.code}`}>
                        {t('categories.deactivate')}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button type="link" size="small" onClick={() => toggle.mutate(c)}>
                      {t('categories.activate')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      {editing && <CategoryModal category={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </PageContainer>
  );
}
