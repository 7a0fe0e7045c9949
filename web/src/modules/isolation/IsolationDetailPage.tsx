import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { App, Button, Card, Descriptions, Form, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { symptoms, type Isolation, type IsolationCheckin } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { FullPageSpin } from '../../components/FullPageSpin';
import { PageContainer } from '../../components/PageContainer';
import { StatusTag } from '../../components/StatusTag';
import { isolationStatusStyles } from './labels';

/** One isolation: dates, the phone check-in link, daily check-ins, a staff check-in, release after the final check. */
export function IsolationDetailPage() {
  const { t } = useTranslation('isolation');
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const iso = useQuery({ queryKey: ['/api/isolations', id], queryFn: () => api.get<Isolation>(`/api/isolations/${id}`) });
  const checkins = useQuery({
    queryKey: ['/api/isolations', id, 'checkins'],
    queryFn: () => api.get<{ items: IsolationCheckin[] }>(`/api/isolations/${id}/checkins`).then((r) => r.items),
  });
  const [dialog, setDialog] = useState<'checkin' | 'release' | null>(null);
  const [form] = Form.useForm();
  const run = useMutation({
    mutationFn: (v: { temperature: number; symptoms?: string[] }) =>
      api.post(`/api/isolations/${id}/${dialog === 'release' ? 'release' : 'checkins'}`, { symptoms: [], ...v }),
    onSuccess: () => {
      message.success(t(dialog === 'release' ? 'detail.released' : 'detail.checkedIn'));
      setDialog(null);
      form.resetFields();
      void iso.refetch();
      void checkins.refetch();
    },
    onError: (e) => message.error((e as Error).message),
  });
  if (iso.isLoading) return <FullPageSpin />;
  if (iso.isError || !iso.data) return <ErrorState error={iso.error} onRetry={() => void iso.refetch()} />;
  const r = iso.data;
  const link = r.checkinToken ? `${window.location.origin}/p/checkin/${r.checkinToken}` : null;
  return (
    <PageContainer
      title={`${r.personName} · ${t(`kind.${r.kind}`)}`}
      extra={
        <>
          <Link to={`/isolation/cases/${id}/notice`}>
            <Button icon={<PrinterOutlined />}>{t('detail.notice')}</Button>
          </Link>
          {r.abilities.checkin && <Button onClick={() => setDialog('checkin')}>{t('detail.staffCheckin')}</Button>}
          {r.status === 'active' && (
            <Button type="primary" disabled={!r.abilities.release} onClick={() => setDialog('release')}>
              {t('detail.release')}
            </Button>
          )}
        </>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('field.status')}>
            <StatusTag value={r.status} map={isolationStatusStyles} /> {r.feverAlert && <Tag color="red">{t('field.fever')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.period')}>
            {r.startDate} — {r.endDate}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.idNumber')}>
            <code>{r.idNumberMasked}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t('field.address')}>{r.site ?? r.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('field.region')}>{r.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('field.lastCheckin')}>{r.lastCheckinDate ?? '—'}</Descriptions.Item>
        </Descriptions>
        {link && (
          <Typography.Paragraph style={{ marginTop: 8 }}>
            {t('detail.link')}:{' '}
            <Typography.Text copyable data-testid="checkin-link">
              {link}
            </Typography.Text>
          </Typography.Paragraph>
        )}
        {r.status === 'active' && !r.abilities.release && (
          <Typography.Text type="secondary">{t('detail.releaseFrom', { date: r.endDate })}</Typography.Text>
        )}
      </Card>
      <Card size="small" title={t('detail.checkins')}>
        <Table<IsolationCheckin>
          rowKey="id"
          size="small"
          loading={checkins.isLoading}
          dataSource={checkins.data ?? []}
          pagination={false}
          locale={{ emptyText: t('detail.noCheckins') }}
          columns={[
            { title: t('checkin.date'), dataIndex: 'date', width: 110 },
            { title: t('checkin.at'), dataIndex: 'at', width: 90, render: (v: string) => dayjs(v).format('HH:mm') },
            {
              title: t('checkin.temperature'),
              dataIndex: 'temperature',
              width: 100,
              render: (v: number | null, c) => <span style={{ color: c.fever ? '#cf1322' : undefined }}>{v ?? '—'} ℃</span>,
            },
            {
              title: t('checkin.symptoms'),
              dataIndex: 'symptoms',
              render: (s: string[]) => (s.length ? s.map((x) => t(`symptom.${x}`)).join('、') : t('checkin.none')),
            },
            { title: t('checkin.by'), dataIndex: 'by', width: 90, render: (b: string) => t(`checkin.by_${b}`) },
          ]}
        />
      </Card>
      <Modal
        open={!!dialog}
        title={dialog === 'release' ? t('detail.releaseTitle') : t('detail.staffCheckin')}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        confirmLoading={run.isPending}
        okText={dialog === 'release' ? t('detail.release') : t('common:action.save')}
      >
        {dialog === 'release' && <Typography.Paragraph>{t('detail.releaseHint')}</Typography.Paragraph>}
        <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)} initialValues={{ temperature: 36.5, symptoms: [] }}>
          <Form.Item name="temperature" label={t('checkin.temperature')} rules={[{ required: true }]}>
            <InputNumber min={34} max={43} step={0.1} />
          </Form.Item>
          <Form.Item name="symptoms" label={t('checkin.symptoms')}>
            <Select mode="multiple" options={symptoms.map((s) => ({ value: s, label: t(`symptom.${s}`) }))} />
          </Form.Item>
        </Form>
      </Modal>
      <Space />
    </PageContainer>
  );
}
