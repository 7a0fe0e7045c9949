import { useState } from 'react';
import { useParams } from 'react-router';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { FEVER_THRESHOLD, idTypes, type Guest } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { PageContainer } from '../../components/PageContainer';
import { applyFieldErrors } from '../../components/form-errors';
import { useServerTable } from '../../components/useServerTable';

function TemperatureInput({ venueId, guest }: { venueId: number; guest: Guest }) {
  const { t } = useTranslation('venues');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [value, setValue] = useState<number | null>(null);
  const save = async () => {
    try {
      const r = await api.post<{ fever: boolean }>(`/api/venues/${venueId}/guests/${guest.id}/temperatures`, { day: dayjs().format('YYYY-MM-DD'), temperature: value });
      if (r.fever) message.warning(t('guests.feverAlerted'));
      else message.success(t('admin.saved'));
      setValue(null);
      void qc.invalidateQueries({ queryKey: [`/api/venues/${venueId}/guests`] });
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Space.Compact>
      <InputNumber aria-label={t('guests.todayTemperature')} placeholder="36.5" min={34} max={43} step={0.1} value={value} onChange={setValue} style={{ width: 90 }} />
      <Button onClick={() => void save()} disabled={value === null}>{t('guests.record')}</Button>
    </Space.Compact>
  );
}

/** 农家院住客登记: guests booked by phone, each with a temperature a day; a fever alerts the managers. */
export function GuestsPage() {
  const { t } = useTranslation('venues');
  const venueId = Number(useParams().id);
  const { message } = App.useApp();
  const { query, tableProps } = useServerTable<Guest, 'day'>(`/api/venues/${venueId}/guests`, ['day']);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const register = async () => {
    const v = await form.validateFields();
    const [a, d] = v.stay as [Dayjs, Dayjs];
    try {
      await api.post(`/api/venues/${venueId}/guests`, { ...v, stay: undefined, arrivalDay: a.format('YYYY-MM-DD'), departureDay: d.format('YYYY-MM-DD') });
      message.success(t('admin.saved'));
      setOpen(false);
      form.resetFields();
      void query.refetch();
    } catch (e) {
      if (!applyFieldErrors(form, e)) message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const columns: TableColumnsType<Guest> = [
    { title: t('book.name'), dataIndex: 'nameMasked', width: 90 },
    { title: t('book.idNumber'), dataIndex: 'idMasked', width: 190 },
    { title: t('book.phone'), dataIndex: 'phoneMasked', width: 130 },
    { title: t('guests.room'), dataIndex: 'room', width: 80 },
    { title: t('guests.stay'), key: 's', width: 190, render: (_, g) => `${g.arrivalDay} — ${g.departureDay}` },
    {
      title: t('guests.temperatures'),
      key: 'temps',
      render: (_, g) => (
        <Space size={4} wrap>
          {g.temperatures.map((x) => (
            <Tag key={x.day} color={x.fever ? 'red' : 'green'}>
              {x.day.slice(5)} {x.temperature.toFixed(1)}℃
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('guests.todayTemperature'), key: 'new', width: 180, render: (_, g) => <TemperatureInput venueId={venueId} guest={g} /> },
  ];
  return (
    <PageContainer title={t('guests.title')} extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>{t('guests.register')}</Button>}>
      {query.error ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : <Table rowKey="id" size="small" columns={columns} scroll={{ x: 1000 }} {...tableProps} />}
      <Modal open={open} title={t('guests.register')} onCancel={() => setOpen(false)} onOk={() => void register()} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ idType: 'id_card' }}>
          <Form.Item name="name" label={t('book.name')} rules={[{ required: true, message: t('book.required') }]}><Input maxLength={50} /></Form.Item>
          <Form.Item name="idType" label={t('book.idType')}><Select options={idTypes.map((x) => ({ value: x, label: t(`idType.${x}`) }))} /></Form.Item>
          <Form.Item name="idNumber" label={t('book.idNumber')} rules={[{ required: true, message: t('book.required') }]}><Input maxLength={30} /></Form.Item>
          <Form.Item name="phone" label={t('book.phone')} rules={[{ required: true, message: t('book.required') }]}><Input maxLength={20} /></Form.Item>
          <Form.Item name="stay" label={t('guests.stay')} rules={[{ required: true, message: t('book.required') }]}><DatePicker.RangePicker /></Form.Item>
          <Form.Item name="room" label={t('guests.room')}><Input maxLength={30} /></Form.Item>
        </Form>
      </Modal>
      <p style={{ color: '#888', fontSize: 12 }}>{t('guests.feverRule', { threshold: FEVER_THRESHOLD })}</p>
    </PageContainer>
  );
}
