import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, List, Modal, Skeleton, Space, Tag, Typography } from 'antd';
import { PlusOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Page, StaffMember } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { PageContainer } from '../../components/PageContainer';
import { applyFieldErrors } from '../../components/form-errors';

const STAFF_KEY = ['filings', 'staff', 'mine'] as const;

function AddStaff({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('filings');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const add = useMutation({
    mutationFn: (v: { name: string; idNumber: string; phone: string }) => api.post<StaffMember>('/api/filings/staff', v),
    onSuccess: async () => {
      message.success(t('staff.added'));
      await qc.invalidateQueries({ queryKey: STAFF_KEY });
      onClose();
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(e.message);
    },
  });
  const req = { required: true, whitespace: true, message: t('common:validation.required') };
  return (
    <Modal
      open={open}
      title={t('staff.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common:action.save')}
      cancelText={t('common:action.cancel')}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => add.mutate(v)}>
        <Form.Item name="name" label={t('staff.name')} rules={[req, { max: 50 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="idNumber" label={t('staff.idNumber')} rules={[req, { len: 18, message: t('staff.idLength') }]}>
          <Input autoComplete="off" maxLength={18} />
        </Form.Item>
        <Form.Item name="phone" label={t('staff.phone')} rules={[req]}>
          <Input inputMode="tel" autoComplete="off" maxLength={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function QrModal({ member, onClose }: { member: StaffMember | null; onClose: () => void }) {
  const { t } = useTranslation('filings');
  const qr = useQuery({
    queryKey: ['filings', 'staff', 'qr', member?.id],
    queryFn: () => api.get<{ url: string; dataUrl: string }>(`/api/filings/staff/${member!.id}/qr`),
    enabled: !!member,
  });
  return (
    <Modal
      open={!!member}
      title={t('staff.qrTitle', { name: member?.name ?? '' })}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      {qr.isPending ? (
        <Skeleton active />
      ) : qr.isError ? (
        <ErrorState error={qr.error} onRetry={() => void qr.refetch()} />
      ) : (
        <Space direction="vertical" align="center" style={{ width: '100%' }}>
          <img src={qr.data.dataUrl} alt={t('staff.qrAlt')} width={240} height={240} />
          <Typography.Text copyable={{ text: qr.data.url }} style={{ wordBreak: 'break-all' }}>
            {qr.data.url}
          </Typography.Text>
          <Typography.Text type="secondary">{t('staff.qrHint')}</Typography.Text>
        </Space>
      )}
    </Modal>
  );
}

/** Staff readiness (岗前培训考试): who works here, and who has passed the prevention quiz. */
export function StaffPage() {
  const { t } = useTranslation('filings');
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [qrFor, setQrFor] = useState<StaffMember | null>(null);
  const staff = useQuery({
    queryKey: STAFF_KEY,
    queryFn: () => api.get<Page<StaffMember>>('/api/filings/staff', { pageSize: 500 }),
  });
  const remove = useMutation({
    mutationFn: (id: number) => api.delete(`/api/filings/staff/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: STAFF_KEY }),
    onError: (e) => message.error(e.message),
  });
  const passed = staff.data?.items.filter((s) => s.passed).length ?? 0;
  return (
    <PageContainer
      title={t('staff.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('staff.add')}
        </Button>
      }
    >
      <div style={{ maxWidth: 720 }}>
        {staff.isPending ? (
          <Skeleton active />
        ) : staff.isError ? (
          <ErrorState error={staff.error} onRetry={() => void staff.refetch()} />
        ) : (
          <Card size="small" title={t('staff.summary', { passed, total: staff.data.total })}>
            <List
              dataSource={staff.data.items}
              locale={{ emptyText: <Empty description={t('staff.none')} /> }}
              renderItem={(s) => (
                <List.Item
                  actions={[
                    <Button key="qr" size="small" icon={<QrcodeOutlined />} onClick={() => setQrFor(s)}>
                      {t('staff.qr')}
                    </Button>,
                    <Button
                      key="rm"
                      size="small"
                      danger
                      type="link"
                      onClick={() =>
                        modal.confirm({
                          title: t('staff.confirmRemove', { name: s.name }),
                          onOk: () => remove.mutateAsync(s.id),
                          okText: t('common:action.confirm'),
                          cancelText: t('common:action.cancel'),
                        })
                      }
                    >
                      {t('common:action.delete')}
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        {s.name}
                        {s.passed ? (
                          <Tag color="success">{t('staff.passed', { score: s.bestScore })}</Tag>
                        ) : (
                          <Tag>{s.attempts ? t('staff.failed', { score: s.bestScore }) : t('staff.notTaken')}</Tag>
                        )}
                      </Space>
                    }
                    description={`${s.idMasked} · ${s.phoneMasked}`}
                  />
                </List.Item>
              )}
            />
          </Card>
        )}
      </div>
      <AddStaff open={adding} onClose={() => setAdding(false)} />
      <QrModal member={qrFor} onClose={() => setQrFor(null)} />
    </PageContainer>
  );
}
