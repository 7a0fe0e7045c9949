import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { passwordPolicy, usernameSchema, type GrantInput, type User } from '@fugong/contract';
import { api } from '../../../app/api';
import { zodRule } from '../../../components/zod-rule';
import { applyFieldErrors } from '../../../components/form-errors';
import { grantNeeds } from '../grant-needs';
import { GrantsField } from './GrantsField';

interface UserForm {
  username: string;
  displayName: string;
  password: string;
  phone?: string;
  grants: Partial<GrantInput>[];
}

/** Keeps only the scope fields the grant's role uses, so a changed role never carries a stale region or entity. */
function cleanGrant(g: Partial<GrantInput>): GrantInput {
  const needs = grantNeeds(g.role);
  return {
    role: g.role!,
    regionCode: needs.region ? (g.regionCode ?? null) : null,
    department: needs.department ? (g.department ?? null) : null,
    entityId: needs.entity ? (g.entityId ?? null) : null,
    venueId: needs.venue ? (g.venueId ?? null) : null,
  };
}

/** Create a user (with a first password and grants) or edit one's name and grants. */
export function UserFormModal({ user, open, onClose }: { user: User | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('platform');
  const [form] = Form.useForm<UserForm>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const editing = user !== null;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      user
        ? {
            username: user.username,
            displayName: user.displayName,
            grants: user.grants.map((g) => ({
              role: g.role,
              regionCode: g.regionCode,
              department: g.department,
              entityId: g.entityId,
              venueId: g.venueId,
            })),
          }
        : { grants: [{}] },
    );
  }, [open, user, form]);

  const save = useMutation({
    mutationFn: async (v: UserForm) => {
      const grants = v.grants.map(cleanGrant);
      if (user) await api.patch(`/api/users/${user.id}`, { displayName: v.displayName, grants });
      else
        await api.post('/api/users', {
          username: v.username,
          displayName: v.displayName,
          password: v.password,
          phone: v.phone || null,
          grants,
        });
    },
    onSuccess: async () => {
      message.success(editing ? t('users.saved') : t('users.created'));
      await qc.invalidateQueries({ queryKey: ['/api/users'] });
      onClose();
    },
    onError: (e) => {
      applyFieldErrors(form, e);
      setError(e.message);
    },
  });

  const required = { required: true, message: t('common:validation.required') };
  return (
    <Modal
      open={open}
      title={editing ? t('users.editTitle', { name: user.username }) : t('users.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common:action.save')}
      cancelText={t('common:action.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={560}
      data-testid="user-form"
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} preserve={false}>
        <Form.Item name="username" label={t('users.username')} rules={editing ? [] : [required, zodRule(usernameSchema, t)]}>
          <Input disabled={editing} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[required]}>
          <Input maxLength={50} />
        </Form.Item>
        {!editing && (
          <>
            <Form.Item
              name="password"
              label={t('users.initialPassword')}
              extra={t('users.initialPasswordHelp')}
              rules={[required, zodRule(passwordPolicy, t)]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item name="phone" label={t('users.phone')}>
              <Input maxLength={20} inputMode="tel" />
            </Form.Item>
          </>
        )}
        <GrantsField form={form} />
        {editing && <Alert type="info" showIcon title={t('users.grantsSignOut')} />}
      </Form>
    </Modal>
  );
}
