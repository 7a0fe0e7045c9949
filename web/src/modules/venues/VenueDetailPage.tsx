import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { App, Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Skeleton, Space, Table, Tabs, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { proofTypes, type Booking, type VenueDetail } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { PageContainer } from '../../components/PageContainer';
import { StatusTag } from '../../components/StatusTag';
import { applyFieldErrors } from '../../components/form-errors';
import { useServerTable } from '../../components/useServerTable';
import { bookingStatusStyles } from './labels';

const ymd = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** A modal form that posts to one of the venue's configuration endpoints. */
function AddButton({ label, url, children, toBody }: { label: string; url: string; children: ReactNode; toBody?: (v: Record<string, unknown>) => unknown }) {
  const { t } = useTranslation('venues');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const save = async () => {
    const v = await form.validateFields();
    try {
      await api.post(url, toBody ? toBody(v) : v);
      message.success(t('admin.saved'));
      setOpen(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['venue'] });
    } catch (e) {
      if (!applyFieldErrors(form, e)) message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>{label}</Button>
      <Modal open={open} title={label} onCancel={() => setOpen(false)} onOk={() => void save()} destroyOnHidden>
        <Form form={form} layout="vertical">{children}</Form>
      </Modal>
    </>
  );
}

function BookingsTab({ venueId }: { venueId: number }) {
  const { t } = useTranslation('venues');
  const { query, tableProps } = useServerTable<Booking, 'day' | 'status'>(`/api/venues/${venueId}/bookings`, ['day', 'status']);
  const columns: TableColumnsType<Booking> = [
    { title: t('result.code'), dataIndex: 'code', width: 120 },
    { title: t('book.day'), dataIndex: 'day', width: 110 },
    { title: t('book.slot'), dataIndex: 'slotLabel', width: 80 },
    { title: t('admin.party'), dataIndex: 'partySize', width: 70, align: 'right' },
    { title: t('book.phone'), dataIndex: 'phoneMasked', width: 130 },
    { title: t('admin.channel'), dataIndex: 'channel', width: 90, render: (c: string) => t(`channel.${c}`) },
    { title: t('result.status'), dataIndex: 'status', width: 90, render: (s: Booking['status']) => <StatusTag value={s} map={bookingStatusStyles} /> },
    { title: t('admin.admitted'), key: 'in', width: 90, render: (_, b) => `${b.visitors.filter((v) => v.checkinStatus === 'admitted').length}/${b.partySize}` },
  ];
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <Table rowKey="code" size="small" columns={columns} scroll={{ x: 800 }} {...tableProps} />;
}

/** One venue: capacity rules (versioned), time slots, vehicles and seat limits, admission policies, bookings. */
export function VenueDetailPage() {
  const { t } = useTranslation('venues');
  const id = Number(useParams().id);
  const q = useQuery({ queryKey: ['venue', id], queryFn: () => api.get<VenueDetail>(`/api/venues/${id}`) });
  if (q.isPending) return <Skeleton active />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const v = q.data;
  const manage = v.abilities.manage;
  const base = `/api/venues/${id}`;
  const required = [{ required: true, message: t('book.required') }];

  return (
    <PageContainer
      title={v.name}
      extra={
        <Space wrap>
          {v.abilities.gate && <Link to={`/venues/${id}/gate`}><Button type="primary">{t('menu.gate')}</Button></Link>}
          {(v.kind === 'farmstay' || v.kind === 'hotel') && <Link to={`/venues/${id}/guests`}><Button>{t('menu.guests')}</Button></Link>}
          {v.bookable && <Link to={`/p/venues/${id}`} target="_blank"><Button>{t('admin.publicPage')}</Button></Link>}
        </Space>
      }
    >
      <Descriptions bordered size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('admin.kind')}>{t(`kind.${v.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('admin.region')}>{v.regionName}</Descriptions.Item>
        <Descriptions.Item label={t('admin.address')}>{v.address || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('admin.normalCapacity')}>{v.normalCapacity.toLocaleString()}</Descriptions.Item>
        <Descriptions.Item label={t('admin.capacityToday')}><Tag color="orange">{v.capacityToday.toLocaleString()}</Tag></Descriptions.Item>
        <Descriptions.Item label={t('admin.openingDays')}>{v.openingDays.split('').map((d) => t(`weekday.${d}`)).join(' ')}</Descriptions.Item>
      </Descriptions>
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'rules',
              label: t('admin.rules'),
              children: (
                <>
                  {manage && (
                    <AddButton label={t('admin.newRule')} url={`${base}/capacity-rules`} toBody={(x) => ({ ...x, effectiveFrom: ymd(x.effectiveFrom as Dayjs), effectiveTo: ymd(x.effectiveTo as Dayjs) })}>
                      <Form.Item name="mode" label={t('admin.mode')} initialValue="ratio"><Select options={[{ value: 'ratio', label: t('admin.modeRatio') }, { value: 'absolute', label: t('admin.modeAbsolute') }]} /></Form.Item>
                      <Form.Item name="ratioPct" label={t('admin.ratioPct')}><InputNumber min={1} max={100} addonAfter="%" /></Form.Item>
                      <Form.Item name="capacity" label={t('admin.absolute')}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
                      <Form.Item name="effectiveFrom" label={t('admin.effectiveFrom')} rules={required}><DatePicker /></Form.Item>
                      <Form.Item name="effectiveTo" label={t('admin.effectiveTo')}><DatePicker /></Form.Item>
                      <Form.Item name="note" label={t('admin.note')}><Input maxLength={200} /></Form.Item>
                    </AddButton>
                  )}
                  <Table
                    rowKey="id"
                    size="small"
                    pagination={false}
                    style={{ marginTop: 8 }}
                    dataSource={v.rules}
                    columns={[
                      { title: t('admin.version'), dataIndex: 'version', width: 70 },
                      { title: t('admin.mode'), key: 'm', render: (_, r) => (r.mode === 'ratio' ? `${r.ratioPct}%` : (r.capacity ?? 0).toLocaleString()) },
                      { title: t('admin.effective'), key: 'e', render: (_, r) => `${r.effectiveFrom} — ${r.effectiveTo ?? t('admin.openEnded')}` },
                      { title: t('admin.note'), dataIndex: 'note' },
                    ]}
                  />
                </>
              ),
            },
            {
              key: 'slots',
              label: t('admin.slots'),
              children: (
                <>
                  {manage && (
                    <AddButton label={t('admin.newSlot')} url={`${base}/slots`}>
                      <Form.Item name="label" label={t('admin.slotLabel')} rules={required}><Input maxLength={50} /></Form.Item>
                      <Form.Item name="startTime" label={t('admin.start')} rules={required}><Input placeholder="08:00" maxLength={5} /></Form.Item>
                      <Form.Item name="endTime" label={t('admin.end')} rules={required}><Input placeholder="12:00" maxLength={5} /></Form.Item>
                      <Form.Item name="capacity" label={t('admin.slotCapacity')} rules={required}><InputNumber min={1} style={{ width: '100%' }} /></Form.Item>
                    </AddButton>
                  )}
                  <Table rowKey="id" size="small" pagination={false} style={{ marginTop: 8 }} dataSource={v.slots} columns={[
                    { title: t('admin.slotLabel'), dataIndex: 'label' },
                    { title: t('admin.time'), key: 't', render: (_, s) => `${s.startTime}–${s.endTime}` },
                    { title: t('admin.slotCapacity'), dataIndex: 'capacity', align: 'right', render: (n: number) => n.toLocaleString() },
                  ]} />
                </>
              ),
            },
            {
              key: 'vehicles',
              label: t('admin.vehicles'),
              children: (
                <>
                  {manage && (
                    <AddButton label={t('admin.newVehicle')} url={`${base}/vehicles`}>
                      <Form.Item name="name" label={t('admin.vehicleName')} rules={required}><Input maxLength={50} /></Form.Item>
                      <Form.Item name="count" label={t('admin.vehicleCount')} initialValue={1}><InputNumber min={1} /></Form.Item>
                      <Form.Item name="seats" label={t('admin.seats')} rules={required}><InputNumber min={1} max={100} /></Form.Item>
                      <Form.Item name="seatLimit" label={t('admin.seatLimit')} rules={required}><InputNumber min={0} max={100} /></Form.Item>
                    </AddButton>
                  )}
                  <Table rowKey="id" size="small" pagination={false} style={{ marginTop: 8 }} dataSource={v.vehicles} columns={[
                    { title: t('admin.vehicleName'), dataIndex: 'name' },
                    { title: t('admin.vehicleCount'), dataIndex: 'count', align: 'right' },
                    { title: t('admin.seatsLimit'), key: 's', render: (_, x) => t('admin.seatsOf', { limit: x.seatLimit, seats: x.seats }) },
                  ]} />
                </>
              ),
            },
            {
              key: 'policies',
              label: t('admin.policies'),
              children: (
                <>
                  {manage && (
                    <AddButton label={t('admin.newPolicy')} url={`${base}/policies`} toBody={(x) => ({ ...x, eligibility: 'medical_worker', validFrom: ymd(x.validFrom as Dayjs), validTo: ymd(x.validTo as Dayjs) })}>
                      <Form.Item name="name" label={t('admin.policyName')} rules={required}><Input maxLength={100} /></Form.Item>
                      <Form.Item name="proofTypes" label={t('admin.proofTypes')} rules={required}><Checkbox.Group options={proofTypes.map((p) => ({ value: p, label: t(`proofType.${p}`) }))} /></Form.Item>
                      <Form.Item name="validFrom" label={t('admin.validFrom')} rules={required}><DatePicker /></Form.Item>
                      <Form.Item name="validTo" label={t('admin.validTo')} rules={required}><DatePicker /></Form.Item>
                    </AddButton>
                  )}
                  <Table rowKey="id" size="small" pagination={false} style={{ marginTop: 8 }} dataSource={v.policies} columns={[
                    { title: t('admin.policyName'), dataIndex: 'name' },
                    { title: t('admin.eligibility'), dataIndex: 'eligibility', render: (e: string) => t(`eligibility.${e}`) },
                    { title: t('admin.proofTypes'), dataIndex: 'proofTypes', render: (ps: string[]) => ps.map((p) => t(`proofType.${p}`)).join('、') },
                    { title: t('admin.validTo'), dataIndex: 'validTo' },
                  ]} />
                </>
              ),
            },
            { key: 'bookings', label: t('admin.bookings'), children: <BookingsTab venueId={id} /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
