import { useState, type ReactNode } from 'react';
import { App, Button, Form, Modal, Popconfirm } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { applyFieldErrors } from '../../components/form-errors';

type Method = 'post' | 'put' | 'patch';

/**
 * A button opening a modal form that sends to one of the venue's configuration endpoints; the server's
 * per-field messages land on their fields, anything else (a 409, say) is shown as a message.
 */
export function FormModalButton({
  label,
  title,
  url,
  method = 'post',
  initialValues,
  toBody,
  icon,
  link,
  children,
}: {
  label: string;
  title?: string;
  url: string;
  method?: Method;
  initialValues?: Record<string, unknown>;
  toBody?: (v: Record<string, unknown>) => unknown;
  icon?: ReactNode;
  /** a small text button, for a row's actions */
  link?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation('venues');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await api[method](url, toBody ? toBody(v) : v);
      message.success(t('admin.saved'));
      setOpen(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['venue'] });
    } catch (e) {
      if (!applyFieldErrors(form, e)) message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button icon={icon} type={link ? 'link' : 'default'} size={link ? 'small' : 'middle'} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal
        open={open}
        title={title ?? label}
        onCancel={() => setOpen(false)}
        onOk={() => void save()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={initialValues} preserve={false}>
          {children}
        </Form>
      </Modal>
    </>
  );
}

/** A row action that asks first (e.g. deactivate, end), then sends; a refusal's message is shown as it came. */
export function ConfirmAction({
  label,
  confirm,
  run,
  danger,
}: {
  label: string;
  confirm: string;
  run: () => Promise<unknown>;
  danger?: boolean;
}) {
  const { t } = useTranslation('venues');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const go = async () => {
    try {
      await run();
      message.success(t('admin.saved'));
      void qc.invalidateQueries({ queryKey: ['venue'] });
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Popconfirm title={confirm} onConfirm={() => go()} okButtonProps={{ danger }}>
      <Button type="link" size="small" danger={danger}>
        {label}
      </Button>
    </Popconfirm>
  );
}
