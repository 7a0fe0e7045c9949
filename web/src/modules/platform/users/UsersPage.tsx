import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { passwordPolicy, roles, type User } from '@fugong/contract';
import { api } from '../../../app/api';
import { usePermissions } from '../../../app/auth';
import { ServerTable } from '../../../components/ServerTable';
import { PageContainer } from '../../../components/PageContainer';
import { StatusTag } from '../../../components/StatusTag';
import { statusStyles } from '../../../components/status-styles';
import { useServerTable } from '../../../components/useServerTable';
import { zodRule } from '../../../components/zod-rule';
import { useGrantText } from '../HomePage';
import { UserFormModal } from './UserFormModal';

const FILTERS = ['q', 'role', 'disabled'] as const;
const userStatusStyles = statusStyles<'active' | 'disabled'>('platform:users', { active: 'green', disabled: 'default' });

/** Asks for the temporary password; the modal itself is the confirmation. */
function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation('platform');
  const [form] = Form.useForm<{ password: string }>();
  const { message } = App.useApp();
  const reset = useMutation({
    mutationFn: (password: string) => api.post(`/api/users/${user!.id}/reset-password`, { password }),
    onSuccess: () => {
      message.success(t('users.resetDone'));
      onClose();
    },
    onError: (e) => message.error(e.message),
  });
  return (
    <Modal
      open={user !== null}
      title={t('users.resetTitle', { name: user?.username })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('users.resetConfirm')}
      okButtonProps={{ danger: true }}
      cancelText={t('common:action.cancel')}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('users.resetExplain')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => reset.mutate(v.password)} preserve={false}>
        <Form.Item
          name="password"
          label={t('users.temporaryPassword')}
          rules={[{ required: true, message: t('common:validation.required') }, zodRule(passwordPolicy, t)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** User administration: find users, create them, change grants, disable/enable, reset passwords. */
export function UsersPage() {
  const { t } = useTranslation('platform');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const canManage = usePermissions().has('users.manage');
  const grantText = useGrantText();
  const { query, filters, setFilters, tableProps } = useServerTable<User, (typeof FILTERS)[number]>('/api/users', FILTERS);
  const [editing, setEditing] = useState<User | null>(null);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const [filterForm] = Form.useForm();

  const toggle = useMutation({
    mutationFn: (u: User) => api.patch(`/api/users/${u.id}`, { disabled: !u.disabled }),
    onSuccess: async (_r, u) => {
      message.success(u.disabled ? t('users.enabledDone') : t('users.disabledDone'));
      await qc.invalidateQueries({ queryKey: ['/api/users'] });
    },
    onError: (e) => message.error(e.message),
  });

  const columns: TableColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username', width: 140 },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 160 },
    {
      title: t('users.grants'),
      key: 'grants',
      render: (_, u) => (
        <Space direction="vertical" size={2}>
          {u.grants.map((g) => (
            <span key={g.id}>
              <Tag color="blue">{t(`common:role.${g.role}`)}</Tag>
              {grantText(g)}
            </span>
          ))}
        </Space>
      ),
    },
    {
      title: t('users.status'),
      key: 'status',
      width: 90,
      render: (_, u) => <StatusTag value={u.disabled ? 'disabled' : 'active'} map={userStatusStyles} />,
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 150,
      render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—'),
    },
    ...(canManage
      ? [
          {
            title: t('common:table.actions'),
            key: 'actions',
            width: 220,
            render: (_: unknown, u: User) => (
              <Space wrap size={0}>
                <Button type="link" size="small" onClick={() => setEditing(u)}>
                  {t('common:action.edit')}
                </Button>
                <Popconfirm
                  title={
                    u.disabled ? t('users.enableConfirm', { name: u.username }) : t('users.disableConfirm', { name: u.username })
                  }
                  okText={t('common:action.confirm')}
                  cancelText={t('common:action.cancel')}
                  onConfirm={() => toggle.mutateAsync(u)}
                >
                  <Button type="link" size="small" danger={!u.disabled}>
                    {u.disabled ? t('users.enable') : t('users.disable')}
                  </Button>
                </Popconfirm>
                <Button type="link" size="small" onClick={() => setResetting(u)}>
                  {t('users.resetPassword')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <PageContainer
      title={t('users.title')}
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-user">
            {t('users.create')}
          </Button>
        )
      }
    >
      <Form form={filterForm} layout="inline" className="fg-filters" initialValues={filters} onFinish={(v) => setFilters(v)}>
        <Form.Item name="q">
          <Input.Search
            placeholder={t('users.searchPlaceholder')}
            allowClear
            onSearch={() => filterForm.submit()}
            style={{ width: 220 }}
          />
        </Form.Item>
        <Form.Item name="role">
          <Select
            allowClear
            placeholder={t('users.role')}
            style={{ width: 160 }}
            options={roles.map((r) => ({ value: r, label: t(`common:role.${r}`) }))}
            onChange={() => filterForm.submit()}
          />
        </Form.Item>
        <Form.Item name="disabled">
          <Select
            allowClear
            placeholder={t('users.status')}
            style={{ width: 120 }}
            options={[
              { value: 'false', label: t('users.active') },
              { value: 'true', label: t('users.disabled') },
            ]}
            onChange={() => filterForm.submit()}
          />
        </Form.Item>
        <Form.Item>
          <Button
            onClick={() => {
              filterForm.resetFields();
              filterForm.setFieldsValue({ q: undefined, role: undefined, disabled: undefined });
              setFilters({});
            }}
          >
            {t('common:action.reset')}
          </Button>
        </Form.Item>
      </Form>
      <ServerTable<User> query={query} rowKey="id" columns={columns} scroll={{ x: 900 }} size="middle" {...tableProps} />
      <UserFormModal
        open={creating || editing !== null}
        user={editing}
        onClose={() => {
          setCreating(false);
          setEditing(null);
        }}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </PageContainer>
  );
}
