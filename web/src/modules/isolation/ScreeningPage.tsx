import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, List, Modal, Progress, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import type { Campaign, GridProgress } from '@fugong/contract';
import { api } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { ErrorState } from '../../components/ErrorState';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';
import { applyFieldErrors } from '../../components/form-errors';

/** 三级网格化排查: campaigns and their progress per grid; grid workers report households visited and people recorded. */
export function ScreeningPage() {
  const { t } = useTranslation('isolation');
  const { message } = App.useApp();
  const perms = usePermissions();
  const campaigns = useQuery({
    queryKey: ['/api/screening'],
    queryFn: () => api.get<{ items: Campaign[] }>('/api/screening').then((r) => r.items),
  });
  const [selected, setSelected] = useState<number | null>(null);
  const current = selected ?? campaigns.data?.[0]?.id ?? null;
  const progress = useQuery({
    queryKey: ['/api/screening', current],
    queryFn: () => api.get<{ campaign: Campaign; grids: GridProgress[] }>(`/api/screening/${current}`),
    enabled: !!current,
  });
  const [dialog, setDialog] = useState<'campaign' | 'visit' | null>(null);
  const [cForm] = Form.useForm();
  const [vForm] = Form.useForm();
  const create = useMutation({
    mutationFn: (v: { name: string; regionCode: string; range: [Dayjs, Dayjs]; householdsPerGrid: number }) =>
      api.post<{ id: number }>('/api/screening', {
        name: v.name,
        regionCode: v.regionCode,
        startDate: v.range[0].format('YYYY-MM-DD'),
        endDate: v.range[1].format('YYYY-MM-DD'),
        householdsPerGrid: v.householdsPerGrid,
      }),
    onSuccess: (r) => {
      setDialog(null);
      cForm.resetFields();
      setSelected(r.id);
      void campaigns.refetch();
    },
    onError: (e) => applyFieldErrors(cForm, e) || message.error((e as Error).message),
  });
  const visit = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post(`/api/screening/${current}/visits`, v),
    onSuccess: () => {
      setDialog(null);
      vForm.resetFields();
      void progress.refetch();
      void campaigns.refetch();
    },
    onError: (e) => applyFieldErrors(vForm, e) || message.error((e as Error).message),
  });
  const c = progress.data?.campaign;
  return (
    <PageContainer
      title={t('menu.screening')}
      extra={
        perms.has('isolation.screening') && (
          <>
            {current && <Button onClick={() => setDialog('visit')}>{t('screening.record')}</Button>}
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('campaign')}>
              {t('screening.new')}
            </Button>
          </>
        )
      }
    >
      {campaigns.isError ? (
        <ErrorState error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      ) : (
        <List
          size="small"
          loading={campaigns.isLoading}
          dataSource={campaigns.data ?? []}
          locale={{ emptyText: t('screening.none') }}
          style={{ marginBottom: 16 }}
          renderItem={(x) => (
            <List.Item
              onClick={() => setSelected(x.id)}
              style={{ cursor: 'pointer', background: x.id === current ? '#e6f4ff' : undefined, paddingInline: 8 }}
            >
              <List.Item.Meta title={x.name} description={`${x.regionName} · ${x.startDate} — ${x.endDate}`} />
              <Progress
                type="circle"
                size={48}
                percent={x.householdsTarget ? Math.round((100 * x.householdsVisited) / x.householdsTarget) : 0}
              />
            </List.Item>
          )}
        />
      )}
      {c && (
        <Card
          size="small"
          title={t('screening.progress', { visited: c.householdsVisited, target: c.householdsTarget, people: c.peopleRecorded })}
          extra={<ExportButton url={`/api/screening/${c.id}/export`} filename={`${c.name}.xlsx`} />}
        >
          <Table<GridProgress>
            rowKey="gridCode"
            size="small"
            loading={progress.isFetching}
            dataSource={progress.data?.grids ?? []}
            pagination={{ pageSize: 20 }}
            columns={[
              { title: t('screening.grid'), dataIndex: 'gridName' },
              {
                title: t('screening.households'),
                width: 140,
                render: (_, g) => `${g.householdsVisited} / ${g.householdsTarget}`,
              },
              { title: t('screening.people'), dataIndex: 'peopleRecorded', width: 110 },
              {
                title: t('screening.rate'),
                dataIndex: 'progress',
                width: 180,
                render: (p: number) => <Progress percent={Math.round(p * 100)} size="small" />,
              },
            ]}
          />
        </Card>
      )}
      <Modal
        open={dialog === 'campaign'}
        title={t('screening.new')}
        onCancel={() => setDialog(null)}
        onOk={() => cForm.submit()}
        confirmLoading={create.isPending}
      >
        <Form form={cForm} layout="vertical" onFinish={(v) => create.mutate(v)} initialValues={{ householdsPerGrid: 300 }}>
          <Form.Item
            name="name"
            label={t('screening.name')}
            rules={[{ required: true, message: t('common:validation.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="regionCode"
            label={t('field.region')}
            rules={[{ required: true, message: t('common:validation.required') }]}
          >
            <RegionPicker />
          </Form.Item>
          <Form.Item
            name="range"
            label={t('screening.dates')}
            rules={[{ required: true, message: t('common:validation.required') }]}
          >
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="householdsPerGrid" label={t('screening.perGrid')}>
            <InputNumber min={1} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={dialog === 'visit'}
        title={t('screening.record')}
        onCancel={() => setDialog(null)}
        onOk={() => vForm.submit()}
        confirmLoading={visit.isPending}
      >
        <Form form={vForm} layout="vertical" onFinish={(v) => visit.mutate(v)}>
          <Form.Item
            name="gridCode"
            label={t('screening.grid')}
            rules={[{ required: true, message: t('common:validation.required') }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              options={(progress.data?.grids ?? []).map((g) => ({ value: g.gridCode, label: g.gridName }))}
            />
          </Form.Item>
          <Form.Item name="householdsVisited" label={t('screening.households')} rules={[{ required: true }]}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="peopleRecorded" label={t('screening.people')} rules={[{ required: true }]}>
            <InputNumber min={0} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
