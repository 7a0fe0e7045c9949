import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { App, Button, Card, Descriptions, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { EyeOutlined, SafetyCertificateOutlined, MedicineBoxOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Page, Pass, Person, PersonAccess } from '@fugong/contract';
import { api } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { ErrorState } from '../../components/ErrorState';
import { FullPageSpin } from '../../components/FullPageSpin';
import { PageContainer } from '../../components/PageContainer';
import { StatusTag } from '../../components/StatusTag';
import { categoryStyles } from './labels';

type Field = 'idNumber' | 'phone';

/** One person, masked; a reveal asks for a reason, is logged, and the person can see that it happened. */
export function PersonDetailPage() {
  const { t } = useTranslation('people');
  const { message } = App.useApp();
  const perms = usePermissions();
  const id = Number(useParams().id);
  const person = useQuery({ queryKey: ['/api/people', id], queryFn: () => api.get<Person>(`/api/people/${id}`) });
  const log = useQuery({
    queryKey: ['/api/people', id, 'log'],
    queryFn: () => api.get<{ items: PersonAccess[] }>(`/api/people/${id}/access-log`),
  });
  const passes = useQuery({
    queryKey: ['/api/passes', { personId: id }],
    queryFn: () => api.get<Page<Pass>>('/api/passes', { personId: id, pageSize: 20 }),
    enabled: perms.has('passes.read'),
  });
  const [asking, setAsking] = useState<Field | null>(null);
  const [shown, setShown] = useState<Partial<Record<Field, string | null>>>({});
  const [form] = Form.useForm();
  const reveal = useMutation({
    mutationFn: (v: { field: Field; reason: string }) =>
      api.post<{ field: Field; value: string | null }>(`/api/people/${id}/reveal`, v),
    onSuccess: (r) => {
      setShown((s) => ({ ...s, [r.field]: r.value }));
      setAsking(null);
      form.resetFields();
      void log.refetch();
    },
    onError: (e) => message.error((e as Error).message),
  });
  if (person.isLoading) return <FullPageSpin />;
  if (person.isError || !person.data) return <ErrorState error={person.error} onRetry={() => void person.refetch()} />;
  const p = person.data;
  const value = (f: Field, masked: string | null) => (
    <Space>
      <code data-testid={`person-${f}`}>{shown[f] !== undefined ? (shown[f] ?? '—') : (masked ?? '—')}</code>
      {p.abilities.reveal && masked && shown[f] === undefined && (
        <Button size="small" icon={<EyeOutlined />} onClick={() => setAsking(f)}>
          {t('action.reveal')}
        </Button>
      )}
    </Space>
  );
  return (
    <PageContainer
      title={p.name}
      extra={
        <>
          {perms.has('passes.issue') && (
            <Link to={`/passes?personId=${p.id}`}>
              <Button icon={<SafetyCertificateOutlined />}>{t('action.passes')}</Button>
            </Link>
          )}
          {perms.has('isolation.manage') && (
            <Link to={`/isolation/assess?personId=${p.id}`}>
              <Button type="primary" icon={<MedicineBoxOutlined />}>
                {t('action.assess')}
              </Button>
            </Link>
          )}
        </>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('field.idNumber')}>{value('idNumber', p.idNumberMasked)}</Descriptions.Item>
          <Descriptions.Item label={t('field.phone')}>{value('phone', p.phoneMasked)}</Descriptions.Item>
          <Descriptions.Item label={t('field.category')}>
            <StatusTag value={p.category} map={categoryStyles} />
          </Descriptions.Item>
          <Descriptions.Item label={t('field.region')}>{p.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('field.address')}>{p.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('field.employer')}>
            {p.employerEntityId ? <Link to={`/registry/entities/${p.employerEntityId}`}>#{p.employerEntityId}</Link> : '—'}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Text type="secondary">{t('detail.privacyNote')}</Typography.Text>
      </Card>
      {perms.has('passes.read') && (
        <Card size="small" title={t('detail.passes')} style={{ marginBottom: 16 }}>
          <Table<Pass>
            rowKey="id"
            size="small"
            pagination={false}
            loading={passes.isLoading}
            dataSource={passes.data?.items ?? []}
            locale={{ emptyText: t('detail.noPasses') }}
            columns={[
              {
                title: t('passes:field.class'),
                dataIndex: 'passClass',
                width: 80,
                render: (c: string) => <Tag color="blue">{c}</Tag>,
              },
              {
                title: t('passes:field.status'),
                dataIndex: 'status',
                render: (s: string, r) => t(`passes:status.${r.expired ? 'expired' : s}`),
              },
              { title: t('passes:field.validUntil'), dataIndex: 'validUntil' },
            ]}
          />
        </Card>
      )}
      <Card size="small" title={t('detail.accessLog')}>
        {log.isError ? (
          <ErrorState error={log.error} onRetry={() => void log.refetch()} />
        ) : (
          <Table<PersonAccess>
            rowKey={(r) => `${r.at}-${r.action}`}
            size="small"
            loading={log.isLoading}
            dataSource={log.data?.items ?? []}
            pagination={{ pageSize: 10 }}
            locale={{ emptyText: t('detail.noAccess') }}
            columns={[
              {
                title: t('access.at'),
                dataIndex: 'at',
                width: 170,
                render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
              },
              { title: t('access.who'), dataIndex: 'actorName', width: 140 },
              {
                title: t('access.what'),
                dataIndex: 'action',
                render: (a: string) => t(`access.action.${a}`, { defaultValue: a }),
              },
            ]}
          />
        )}
      </Card>
      <Modal
        open={!!asking}
        title={t('reveal.title')}
        onCancel={() => setAsking(null)}
        onOk={() => form.submit()}
        confirmLoading={reveal.isPending}
        okText={t('action.reveal')}
      >
        <Typography.Paragraph type="warning">{t('reveal.warning')}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v: { reason: string }) => asking && reveal.mutate({ field: asking, reason: v.reason })}
        >
          <Form.Item
            name="reason"
            label={t('reveal.reason')}
            rules={[{ required: true, min: 2, message: t('reveal.reasonRequired') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
