import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Partner } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { PageContainer } from '../../components/PageContainer';
import { applyFieldErrors } from '../../components/form-errors';

/** OTA partners and their API keys: a key is shown once when issued, stored only as a hash, revocable. */
export function PartnersPage() {
  const { t } = useTranslation('venues');
  const { message } = App.useApp();
  const q = useQuery({ queryKey: ['venue-partners'], queryFn: () => api.get<Partner[]>('/api/venue-partners') });
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<string | null>(null);
  const [form] = Form.useForm();
  const create = async () => {
    const v = await form.validateFields();
    try {
      await api.post('/api/venue-partners', v);
      setOpen(false);
      form.resetFields();
      void q.refetch();
    } catch (e) {
      if (!applyFieldErrors(form, e)) message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const issue = async (p: Partner) => {
    const r = await api.post<{ key: string }>(`/api/venue-partners/${p.id}/keys`);
    setIssued(r.key);
    void q.refetch();
  };
  const revoke = async (p: Partner, keyId: number) => {
    await api.delete(`/api/venue-partners/${p.id}/keys/${keyId}`);
    message.success(t('partners.revoked'));
    void q.refetch();
  };
  const columns: TableColumnsType<Partner> = [
    { title: t('partners.name'), dataIndex: 'name', width: 160 },
    { title: t('partners.rate'), dataIndex: 'ratePerMinute', width: 120, align: 'right' },
    {
      title: t('partners.keys'),
      key: 'keys',
      render: (_, p) => (
        <Space direction="vertical" size={4}>
          {p.keys.length === 0 && <Typography.Text type="secondary">{t('partners.noKeys')}</Typography.Text>}
          {p.keys.map((k) => (
            <Space key={k.id} wrap>
              <Typography.Text code>{k.prefix}…</Typography.Text>
              {k.revokedAt ? (
                <Tag>{t('partners.revokedAt', { at: k.revokedAt.slice(0, 10) })}</Tag>
              ) : (
                <Popconfirm title={t('partners.revokeConfirm')} onConfirm={() => void revoke(p, k.id)}>
                  <Button size="small" danger>
                    {t('partners.revoke')}
                  </Button>
                </Popconfirm>
              )}
              {k.lastUsedAt && (
                <Typography.Text type="secondary">
                  {t('partners.lastUsed', { at: k.lastUsedAt.slice(0, 16).replace('T', ' ') })}
                </Typography.Text>
              )}
            </Space>
          ))}
        </Space>
      ),
    },
    {
      title: t('admin.actions'),
      key: 'a',
      width: 140,
      render: (_, p) => (
        <Button size="small" icon={<KeyOutlined />} onClick={() => void issue(p)}>
          {t('partners.issue')}
        </Button>
      ),
    },
  ];
  return (
    <PageContainer
      title={t('menu.partners')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
          {t('partners.new')}
        </Button>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message={t('partners.docs')}
        description={
          <a href="/api/docs" target="_blank" rel="noreferrer">
            /api/docs
          </a>
        }
      />
      {q.error ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table
          rowKey="id"
          loading={q.isPending}
          columns={columns}
          dataSource={q.data ?? []}
          pagination={false}
          scroll={{ x: 700 }}
        />
      )}
      <Modal open={open} title={t('partners.new')} onCancel={() => setOpen(false)} onOk={() => void create()} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ ratePerMinute: 600 }}>
          <Form.Item name="name" label={t('partners.name')} rules={[{ required: true, message: t('book.required') }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="ratePerMinute" label={t('partners.rate')}>
            <InputNumber min={1} max={100000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!issued}
        title={t('partners.issuedTitle')}
        onOk={() => setIssued(null)}
        onCancel={() => setIssued(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Alert type="warning" showIcon message={t('partners.showOnce')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable code>
          {issued}
        </Typography.Paragraph>
      </Modal>
    </PageContainer>
  );
}
