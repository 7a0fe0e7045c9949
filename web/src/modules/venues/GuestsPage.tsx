import { useState } from 'react';
import { useParams } from 'react-router';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  List,
  Modal,
  Pagination,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { FEVER_THRESHOLD, idTypes, type Guest } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { ExportButton } from '../../components/ExportButton';
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
      const r = await api.post<{ fever: boolean }>(`/api/venues/${venueId}/guests/${guest.id}/temperatures`, {
        day: dayjs().format('YYYY-MM-DD'),
        temperature: value,
      });
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
      <InputNumber
        aria-label={t('guests.todayTemperature')}
        placeholder="36.5"
        min={34}
        max={43}
        step={0.1}
        value={value}
        onChange={setValue}
        style={{ width: 90 }}
      />
      <Button onClick={() => void save()} disabled={value === null}>
        {t('guests.record')}
      </Button>
    </Space.Compact>
  );
}

function TemperatureLog({ guest }: { guest: Guest }) {
  return (
    <Space size={4} wrap>
      {guest.temperatures.map((x) => (
        <Tag key={x.day} color={x.fever ? 'red' : 'green'}>
          {x.day.slice(5)} {x.temperature.toFixed(1)}℃
        </Tag>
      ))}
    </Space>
  );
}

/** On a phone each guest is a card: who, room and stay, the temperature log, and today's reading. */
function GuestCards({ venueId, guests, empty }: { venueId: number; guests: Guest[]; empty: string }) {
  const { t } = useTranslation('venues');
  return (
    <List
      dataSource={guests}
      locale={{ emptyText: empty }}
      renderItem={(g) => (
        <Card
          size="small"
          style={{ marginBottom: 8 }}
          title={`${g.nameMasked} · ${g.room || '—'}`}
          extra={<Typography.Text type="secondary">{g.phoneMasked}</Typography.Text>}
        >
          <Flex vertical gap={8}>
            <Typography.Text type="secondary">
              {g.idMasked} · {g.arrivalDay.slice(5)} — {g.departureDay.slice(5)}
            </Typography.Text>
            <TemperatureLog guest={g} />
            <Flex align="center" gap={8} wrap>
              <span>{t('guests.todayTemperature')}</span>
              <TemperatureInput venueId={venueId} guest={g} />
            </Flex>
          </Flex>
        </Card>
      )}
    />
  );
}

/** 农家院住客登记: guests booked by phone, each with a temperature a day; a fever alerts the managers. */
export function GuestsPage() {
  const { t } = useTranslation('venues');
  const venueId = Number(useParams().id);
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const { query, filters, setFilters, tableProps } = useServerTable<Guest, 'day'>(`/api/venues/${venueId}/guests`, ['day']);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const register = async () => {
    const v = await form.validateFields();
    const [a, d] = v.stay as [Dayjs, Dayjs];
    try {
      await api.post(`/api/venues/${venueId}/guests`, {
        ...v,
        stay: undefined,
        arrivalDay: a.format('YYYY-MM-DD'),
        departureDay: d.format('YYYY-MM-DD'),
      });
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
      render: (_, g) => <TemperatureLog guest={g} />,
    },
    {
      title: t('guests.todayTemperature'),
      key: 'new',
      width: 180,
      render: (_, g) => <TemperatureInput venueId={venueId} guest={g} />,
    },
  ];
  return (
    <PageContainer
      title={t('guests.title')}
      extra={
        <Space wrap>
          <ExportButton
            url={`/api/venues/${venueId}/guests/export`}
            filename={`${t('guests.title')}${filters.day ? '-' + filters.day : ''}.xlsx`}
            query={filters.day ? { day: filters.day } : undefined}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('guests.register')}
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker
          aria-label={t('guests.stayingOn')}
          placeholder={t('guests.stayingOn')}
          value={filters.day ? dayjs(filters.day) : null}
          onChange={(d) => setFilters({ day: d ? d.format('YYYY-MM-DD') : undefined })}
        />
        <Button onClick={() => setFilters({ day: dayjs().format('YYYY-MM-DD') })}>{t('guests.stayingToday')}</Button>
      </Space>
      {query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : screens.md ? (
        <Table
          rowKey="id"
          size="small"
          columns={columns}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('guests.none') }}
          {...tableProps}
        />
      ) : (
        <>
          <GuestCards venueId={venueId} guests={query.data?.items ?? []} empty={t('guests.none')} />
          {tableProps.pagination && <Pagination size="small" align="end" {...tableProps.pagination} />}
        </>
      )}
      <Modal
        open={open}
        title={t('guests.register')}
        onCancel={() => setOpen(false)}
        onOk={() => void register()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ idType: 'id_card' }}>
          <Form.Item name="name" label={t('book.name')} rules={[{ required: true, message: t('book.required') }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="idType" label={t('book.idType')}>
            <Select options={idTypes.map((x) => ({ value: x, label: t(`idType.${x}`) }))} />
          </Form.Item>
          <Form.Item name="idNumber" label={t('book.idNumber')} rules={[{ required: true, message: t('book.required') }]}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="phone" label={t('book.phone')} rules={[{ required: true, message: t('book.required') }]}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="stay" label={t('guests.stay')} rules={[{ required: true, message: t('book.required') }]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="room" label={t('guests.room')}>
            <Input maxLength={30} />
          </Form.Item>
        </Form>
      </Modal>
      <p style={{ color: '#888', fontSize: 12 }}>{t('guests.feverRule', { threshold: FEVER_THRESHOLD })}</p>
    </PageContainer>
  );
}
