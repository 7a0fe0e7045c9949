import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  TimePicker,
  DatePicker,
  type TableColumnsType,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { checkpointKinds, type Checkpoint, type Shift } from '@fugong/contract';
import { api } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { ErrorState } from '../../components/ErrorState';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';
import { applyFieldErrors } from '../../components/form-errors';

/** 卡点: the checkpoints of an area, open or closed, with today's duty teams. */
export function CheckpointsPage() {
  const { t } = useTranslation('passes');
  const { message } = App.useApp();
  const perms = usePermissions();
  const manage = perms.has('passes.checkpoints');
  const list = useQuery({
    queryKey: ['/api/checkpoints'],
    queryFn: () => api.get<{ items: Checkpoint[] }>('/api/checkpoints').then((r) => r.items),
  });
  const [selected, setSelected] = useState<number | null>(null);
  const shifts = useQuery({
    queryKey: ['/api/checkpoints', selected, 'shifts'],
    queryFn: () => api.get<{ items: Shift[] }>(`/api/checkpoints/${selected}/shifts`).then((r) => r.items),
    enabled: !!selected,
  });
  const [adding, setAdding] = useState<'checkpoint' | 'shift' | null>(null);
  const [logDay, setLogDay] = useState<Dayjs>(() => dayjs());
  const selectedName = list.data?.find((c) => c.id === selected)?.name ?? '';
  const [cpForm] = Form.useForm();
  const [shiftForm] = Form.useForm();
  const create = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post('/api/checkpoints', v),
    onSuccess: () => {
      setAdding(null);
      cpForm.resetFields();
      void list.refetch();
    },
    onError: (e) => applyFieldErrors(cpForm, e) || message.error((e as Error).message),
  });
  const toggle = useMutation({
    mutationFn: ({ id, active }: { id: number; active: boolean }) => api.patch(`/api/checkpoints/${id}`, { active }),
    onSuccess: () => void list.refetch(),
    onError: (e) => message.error((e as Error).message),
  });
  const addShift = useMutation({
    mutationFn: (v: { date: Dayjs; time: [Dayjs, Dayjs]; team: string; members: string }) =>
      api.post(`/api/checkpoints/${selected}/shifts`, {
        date: v.date.format('YYYY-MM-DD'),
        startTime: v.time[0].format('HH:mm'),
        endTime: v.time[1].format('HH:mm'),
        team: v.team,
        members: v.members.split(/[,，、\s]+/).filter(Boolean),
      }),
    onSuccess: () => {
      setAdding(null);
      shiftForm.resetFields();
      void shifts.refetch();
    },
    onError: (e) => applyFieldErrors(shiftForm, e) || message.error((e as Error).message),
  });
  const columns: TableColumnsType<Checkpoint> = [
    { title: t('field.checkpoint'), dataIndex: 'name' },
    { title: t('field.kind'), dataIndex: 'kind', width: 120, render: (k: string) => t(`kind.${k}`) },
    { title: t('field.region'), dataIndex: 'regionName', width: 150 },
    { title: t('field.scansToday'), dataIndex: 'scansToday', width: 100 },
    {
      title: t('field.active'),
      dataIndex: 'active',
      width: 90,
      render: (a: boolean, r) => (
        <Switch size="small" checked={a} disabled={!manage} onChange={(v) => toggle.mutate({ id: r.id, active: v })} />
      ),
    },
  ];
  return (
    <PageContainer
      title={t('menu.checkpoints')}
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding('checkpoint')}>
            {t('action.newCheckpoint')}
          </Button>
        )
      }
    >
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Checkpoint>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data ?? []}
          columns={columns}
          pagination={false}
          scroll={{ x: 640 }}
          rowSelection={{
            type: 'radio',
            selectedRowKeys: selected ? [selected] : [],
            onChange: (keys) => setSelected(Number(keys[0])),
          }}
          onRow={(r) => ({ onClick: () => setSelected(r.id) })}
          locale={{ emptyText: t('scan.noCheckpoints') }}
        />
      )}
      {selected && (
        <Card
          size="small"
          title={t('shift.title')}
          style={{ marginTop: 16 }}
          extra={
            manage && (
              <Button size="small" onClick={() => setAdding('shift')}>
                {t('shift.add')}
              </Button>
            )
          }
        >
          <Table<Shift>
            rowKey="id"
            size="small"
            loading={shifts.isLoading}
            dataSource={shifts.data ?? []}
            pagination={false}
            locale={{ emptyText: t('shift.none') }}
            columns={[
              { title: t('shift.date'), dataIndex: 'date', width: 110 },
              { title: t('shift.time'), width: 120, render: (_, s) => `${s.startTime}–${s.endTime}` },
              { title: t('shift.team'), dataIndex: 'team' },
              { title: t('shift.members'), dataIndex: 'members', render: (m: string[]) => m.join('、') },
            ]}
          />
        </Card>
      )}
      {selected && manage && (
        <Card size="small" title={t('scanLog.title')} style={{ marginTop: 16 }}>
          <Space wrap>
            <DatePicker value={logDay} allowClear={false} onChange={(d) => d && setLogDay(d)} aria-label={t('scanLog.date')} />
            <ExportButton
              url={`/api/checkpoints/${selected}/scans/export`}
              filename={`${t('scanLog.file')}-${selectedName}-${logDay.format('YYYY-MM-DD')}.xlsx`}
              query={{ date: logDay.format('YYYY-MM-DD') }}
            />
          </Space>
          <div style={{ marginTop: 8, color: 'rgba(0,0,0,0.45)' }}>{t('scanLog.hint')}</div>
        </Card>
      )}
      <Modal
        open={adding === 'checkpoint'}
        title={t('action.newCheckpoint')}
        onCancel={() => setAdding(null)}
        onOk={() => cpForm.submit()}
        confirmLoading={create.isPending}
      >
        <Form form={cpForm} layout="vertical" onFinish={(v) => create.mutate(v)} initialValues={{ kind: 'community_gate' }}>
          <Form.Item
            name="name"
            label={t('field.checkpoint')}
            rules={[{ required: true, message: t('common:validation.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="kind" label={t('field.kind')}>
            <Select options={checkpointKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
          </Form.Item>
          <Form.Item
            name="regionCode"
            label={t('field.region')}
            rules={[{ required: true, message: t('common:validation.required') }]}
          >
            <RegionPicker />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={adding === 'shift'}
        title={t('shift.add')}
        onCancel={() => setAdding(null)}
        onOk={() => shiftForm.submit()}
        confirmLoading={addShift.isPending}
      >
        <Form
          form={shiftForm}
          layout="vertical"
          onFinish={(v) => addShift.mutate(v)}
          initialValues={{ date: dayjs(), time: [dayjs('08:00', 'HH:mm'), dayjs('20:00', 'HH:mm')] }}
        >
          <Form.Item name="date" label={t('shift.date')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="time" label={t('shift.time')} rules={[{ required: true }]}>
            <TimePicker.RangePicker format="HH:mm" />
          </Form.Item>
          <Form.Item name="team" label={t('shift.team')} rules={[{ required: true, message: t('common:validation.required') }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="members"
            label={t('shift.members')}
            rules={[{ required: true, message: t('common:validation.required') }]}
            extra={t('shift.membersHint')}
          >
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
