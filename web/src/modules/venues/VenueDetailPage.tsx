import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import {
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  type TableColumnsType,
} from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { bookingStatuses, proofTypes, type Booking, type VenueDetail } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { ServerTable } from '../../components/ServerTable';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { StatusTag } from '../../components/StatusTag';
import { useServerTable } from '../../components/useServerTable';
import { bookingStatusStyles } from './labels';
import { ConfirmAction, FormModalButton } from './FormModalButton';

const ymd = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const today = () => dayjs().format('YYYY-MM-DD');
const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'];
type Slot = VenueDetail['slots'][number];
type Vehicle = VenueDetail['vehicles'][number];
type Policy = VenueDetail['policies'][number];

function useRequired() {
  const { t } = useTranslation('venues');
  return [{ required: true, message: t('book.required') }];
}

function VenueFields() {
  const { t } = useTranslation('venues');
  const required = useRequired();
  return (
    <>
      <Form.Item name="name" label={t('admin.name')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="address" label={t('admin.address')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="phone" label={t('admin.phone')}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="normalCapacity" label={t('admin.normalCapacity')} rules={required}>
        <InputNumber min={1} max={1_000_000} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="openingDays" label={t('admin.openingDays')} rules={required}>
        <Checkbox.Group options={WEEKDAYS.map((d) => ({ value: d, label: t(`weekday.${d}`) }))} />
      </Form.Item>
      <Form.Item name="bookingDaysAhead" label={t('admin.bookingDaysAhead')}>
        <InputNumber min={0} max={60} />
      </Form.Item>
      <Form.Item name="bookable" label={t('admin.bookable')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </>
  );
}

function SlotFields() {
  const { t } = useTranslation('venues');
  const required = useRequired();
  return (
    <>
      <Form.Item name="label" label={t('admin.slotLabel')} rules={required}>
        <Input maxLength={50} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="startTime" label={t('admin.start')} rules={required}>
          <Input placeholder="08:00" maxLength={5} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="endTime" label={t('admin.end')} rules={required}>
          <Input placeholder="12:00" maxLength={5} style={{ width: 110 }} />
        </Form.Item>
      </Space>
      <Form.Item name="capacity" label={t('admin.slotCapacity')} rules={required} extra={t('admin.slotCapacityHint')}>
        <InputNumber min={1} style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
}

function VehicleFields() {
  const { t } = useTranslation('venues');
  const required = useRequired();
  return (
    <>
      <Form.Item name="name" label={t('admin.vehicleName')} rules={required}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="count" label={t('admin.vehicleCount')}>
        <InputNumber min={1} max={1000} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="seats" label={t('admin.seats')} rules={required}>
          <InputNumber min={1} max={100} />
        </Form.Item>
        <Form.Item name="seatLimit" label={t('admin.seatLimit')} rules={required}>
          <InputNumber min={0} max={100} />
        </Form.Item>
      </Space>
    </>
  );
}

function PolicyFields() {
  const { t } = useTranslation('venues');
  const required = useRequired();
  return (
    <>
      <Form.Item name="name" label={t('admin.policyName')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="eligibility" label={t('admin.eligibility')}>
        <Select options={[{ value: 'medical_worker', label: t('eligibility.medical_worker') }]} />
      </Form.Item>
      <Form.Item name="proofTypes" label={t('admin.proofTypes')} rules={required}>
        <Checkbox.Group options={proofTypes.map((p) => ({ value: p, label: t(`proofType.${p}`) }))} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="validFrom" label={t('admin.validFrom')} rules={required}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="validTo" label={t('admin.validTo')} rules={required}>
          <DatePicker />
        </Form.Item>
      </Space>
      <Form.Item name="active" label={t('admin.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </>
  );
}

const policyBody = (x: Record<string, unknown>) => ({
  ...x,
  validFrom: ymd(x.validFrom as Dayjs),
  validTo: ymd(x.validTo as Dayjs),
});
const venueBody = (x: Record<string, unknown>) => ({
  ...x,
  openingDays: [...((x.openingDays as string[] | undefined) ?? [])].sort().join(''),
});

function policyState(p: Policy): { color: string; key: string } {
  const d = today();
  if (!p.active || p.validTo < d) return { color: 'default', key: 'admin.ended' };
  if (p.validFrom > d) return { color: 'blue', key: 'admin.notStarted' };
  return { color: 'green', key: 'admin.inForce' };
}

/** A configuration list: the "add" button for managers, then the table with a row-actions column when given. */
function ConfigSection<T extends { id: number }>({
  add,
  rows,
  columns,
  actions,
  actionsWidth = 80,
  scrollX,
  empty,
}: {
  add: ReactNode | false;
  rows: T[];
  columns: TableColumnsType<T>;
  actions?: ((row: T) => ReactNode) | false;
  actionsWidth?: number;
  scrollX: number;
  empty: string;
}) {
  const { t } = useTranslation('venues');
  const all: TableColumnsType<T> = actions
    ? [...columns, { title: t('admin.actions'), key: 'actions', width: actionsWidth, render: (_, row) => actions(row) }]
    : columns;
  return (
    <Flex vertical gap={8}>
      {add && <div>{add}</div>}
      <Table<T>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: scrollX }}
        dataSource={rows}
        columns={all}
        locale={{ emptyText: empty }}
      />
    </Flex>
  );
}

function RulesTab({ v, base }: { v: VenueDetail; base: string }) {
  const { t } = useTranslation('venues');
  const required = useRequired();
  const add = v.abilities.manage && (
    <FormModalButton
      label={t('admin.newRule')}
      icon={<PlusOutlined />}
      url={`${base}/capacity-rules`}
      initialValues={{ mode: 'ratio', ratioPct: 50, effectiveFrom: dayjs() }}
      toBody={(x) => ({ ...x, effectiveFrom: ymd(x.effectiveFrom as Dayjs), effectiveTo: ymd(x.effectiveTo as Dayjs) })}
    >
      <Form.Item name="mode" label={t('admin.mode')}>
        <Select
          options={[
            { value: 'ratio', label: t('admin.modeRatio') },
            { value: 'absolute', label: t('admin.modeAbsolute') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.mode !== b.mode}>
        {({ getFieldValue }) =>
          getFieldValue('mode') === 'ratio' ? (
            <Form.Item name="ratioPct" label={t('admin.ratioPct')} rules={required}>
              <InputNumber min={1} max={100} suffix="%" />
            </Form.Item>
          ) : (
            <Form.Item name="capacity" label={t('admin.absolute')} rules={required}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          )
        }
      </Form.Item>
      <Space wrap>
        <Form.Item name="effectiveFrom" label={t('admin.effectiveFrom')} rules={required}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="effectiveTo" label={t('admin.effectiveTo')}>
          <DatePicker />
        </Form.Item>
      </Space>
      <Form.Item name="note" label={t('admin.note')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModalButton>
  );
  return (
    <ConfigSection
      add={add}
      rows={v.rules}
      scrollX={560}
      empty={t('admin.noRules')}
      columns={[
        {
          title: t('admin.version'),
          dataIndex: 'version',
          width: 60,
          render: (n: number, r) => (r.id === v.rules[0]?.id ? <Tag color="orange">v{n}</Tag> : `v${n}`),
        },
        {
          title: t('admin.mode'),
          key: 'm',
          width: 110,
          render: (_, r) => (r.mode === 'ratio' ? `${r.ratioPct}%` : (r.capacity ?? 0).toLocaleString()),
        },
        {
          title: t('admin.effective'),
          key: 'e',
          width: 200,
          render: (_, r) => `${r.effectiveFrom} — ${r.effectiveTo ?? t('admin.openEnded')}`,
        },
        { title: t('admin.note'), dataIndex: 'note' },
        { title: t('admin.createdAt'), dataIndex: 'createdAt', width: 110, render: (x: string) => x.slice(0, 10) },
      ]}
    />
  );
}

function SlotsTab({ v, base }: { v: VenueDetail; base: string }) {
  const { t } = useTranslation('venues');
  const body = (s: Slot, active: boolean) => ({
    label: s.label,
    startTime: s.startTime,
    endTime: s.endTime,
    capacity: s.capacity,
    active,
  });
  return (
    <ConfigSection<Slot>
      add={
        v.abilities.manage && (
          <FormModalButton label={t('admin.newSlot')} icon={<PlusOutlined />} url={`${base}/slots`}>
            <SlotFields />
          </FormModalButton>
        )
      }
      rows={v.slots}
      scrollX={480}
      empty={t('admin.noSlots')}
      columns={[
        { title: t('admin.slotLabel'), dataIndex: 'label', width: 90 },
        { title: t('admin.time'), key: 't', width: 110, render: (_, s) => `${s.startTime}–${s.endTime}` },
        {
          title: t('admin.slotCapacity'),
          dataIndex: 'capacity',
          width: 100,
          align: 'right',
          render: (n: number) => n.toLocaleString(),
        },
        {
          title: t('admin.status'),
          dataIndex: 'active',
          width: 80,
          render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{a ? t('admin.active') : t('admin.inactive')}</Tag>,
        },
      ]}
      actionsWidth={150}
      actions={
        v.abilities.manage &&
        ((s) => (
          <Space size={0}>
            <FormModalButton
              link
              label={t('admin.edit')}
              title={t('admin.editSlot')}
              method="put"
              url={`${base}/slots/${s.id}`}
              initialValues={{ ...s }}
              toBody={(x) => ({ ...x, active: s.active })}
            >
              <SlotFields />
            </FormModalButton>
            {s.active ? (
              <ConfirmAction
                danger
                label={t('admin.deactivate')}
                confirm={t('admin.deactivateConfirm', { label: s.label })}
                run={() => api.put(`${base}/slots/${s.id}`, body(s, false))}
              />
            ) : (
              <ConfirmAction
                label={t('admin.activate')}
                confirm={t('admin.activateConfirm', { label: s.label })}
                run={() => api.put(`${base}/slots/${s.id}`, body(s, true))}
              />
            )}
          </Space>
        ))
      }
    />
  );
}

function VehiclesTab({ v, base }: { v: VenueDetail; base: string }) {
  const { t } = useTranslation('venues');
  return (
    <ConfigSection<Vehicle>
      add={
        v.abilities.manage && (
          <FormModalButton
            label={t('admin.newVehicle')}
            icon={<PlusOutlined />}
            url={`${base}/vehicles`}
            initialValues={{ count: 1, seats: 9, seatLimit: 4 }}
          >
            <VehicleFields />
          </FormModalButton>
        )
      }
      rows={v.vehicles}
      scrollX={460}
      empty={t('admin.noVehicles')}
      columns={[
        { title: t('admin.vehicleName'), dataIndex: 'name' },
        { title: t('admin.vehicleCount'), dataIndex: 'count', width: 70, align: 'right' },
        {
          title: t('admin.seatsLimit'),
          key: 's',
          width: 130,
          render: (_, x) => t('admin.seatsOf', { limit: x.seatLimit, seats: x.seats }),
        },
      ]}
      actionsWidth={130}
      actions={
        v.abilities.manage &&
        ((x) => (
          <Space size={0}>
            <FormModalButton
              link
              label={t('admin.edit')}
              title={t('admin.editVehicle')}
              method="put"
              url={`${base}/vehicles/${x.id}`}
              initialValues={{ ...x }}
            >
              <VehicleFields />
            </FormModalButton>
            <ConfirmAction
              danger
              label={t('admin.removeVehicle')}
              confirm={t('admin.removeVehicleConfirm', { name: x.name })}
              run={() => api.delete(`${base}/vehicles/${x.id}`)}
            />
          </Space>
        ))
      }
    />
  );
}

function PoliciesTab({ v, base }: { v: VenueDetail; base: string }) {
  const { t } = useTranslation('venues');
  return (
    <ConfigSection<Policy>
      add={
        v.abilities.manage && (
          <FormModalButton
            label={t('admin.newPolicy')}
            icon={<PlusOutlined />}
            url={`${base}/policies`}
            initialValues={{ eligibility: 'medical_worker', active: true }}
            toBody={policyBody}
          >
            <PolicyFields />
          </FormModalButton>
        )
      }
      rows={v.policies}
      scrollX={700}
      empty={t('admin.noPolicies')}
      columns={[
        { title: t('admin.policyName'), dataIndex: 'name', width: 160 },
        { title: t('admin.eligibility'), dataIndex: 'eligibility', width: 90, render: (e: string) => t(`eligibility.${e}`) },
        {
          title: t('admin.proofTypes'),
          dataIndex: 'proofTypes',
          width: 180,
          render: (ps: string[]) => ps.map((p) => t(`proofType.${p}`)).join('、'),
        },
        { title: t('admin.effective'), key: 'e', width: 200, render: (_, p) => `${p.validFrom} — ${p.validTo}` },
        {
          title: t('admin.status'),
          key: 's',
          width: 80,
          render: (_, p) => <Tag color={policyState(p).color}>{t(policyState(p).key)}</Tag>,
        },
      ]}
      actionsWidth={130}
      actions={
        v.abilities.manage &&
        ((p) => (
          <Space size={0}>
            <FormModalButton
              link
              label={t('admin.edit')}
              title={t('admin.editPolicy')}
              method="put"
              url={`${base}/policies/${p.id}`}
              initialValues={{ ...p, validFrom: dayjs(p.validFrom), validTo: dayjs(p.validTo) }}
              toBody={policyBody}
            >
              <PolicyFields />
            </FormModalButton>
            {policyState(p).key !== 'admin.ended' && (
              <ConfirmAction
                danger
                label={t('admin.endPolicy')}
                confirm={t('admin.endPolicyConfirm')}
                run={() => api.post(`${base}/policies/${p.id}/end`)}
              />
            )}
          </Space>
        ))
      }
    />
  );
}

function BookingsTab({ v }: { v: VenueDetail }) {
  const { t } = useTranslation('venues');
  const { query, filters, setFilters, tableProps } = useServerTable<Booking, 'day' | 'status'>(`/api/venues/${v.id}/bookings`, [
    'day',
    'status',
  ]);
  const columns: TableColumnsType<Booking> = [
    { title: t('result.code'), dataIndex: 'code', width: 120 },
    { title: t('book.day'), dataIndex: 'day', width: 110 },
    { title: t('book.slot'), dataIndex: 'slotLabel', width: 80 },
    { title: t('admin.party'), dataIndex: 'partySize', width: 70, align: 'right' },
    { title: t('book.phone'), dataIndex: 'phoneMasked', width: 130 },
    { title: t('admin.channel'), dataIndex: 'channel', width: 90, render: (c: string) => t(`channel.${c}`) },
    {
      title: t('result.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: Booking['status']) => <StatusTag value={s} map={bookingStatusStyles} />,
    },
    {
      title: t('admin.admitted'),
      key: 'in',
      width: 90,
      render: (_, b) => `${b.visitors.filter((x) => x.checkinStatus === 'admitted').length}/${b.partySize}`,
    },
  ];
  const exportDay = filters.day ?? today();
  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={8} align="center">
        <DatePicker
          aria-label={t('book.day')}
          placeholder={t('admin.allDays')}
          value={filters.day ? dayjs(filters.day) : null}
          onChange={(d) => setFilters({ ...filters, day: ymd(d) ?? undefined })}
        />
        <Select
          allowClear
          placeholder={t('result.status')}
          style={{ width: 120 }}
          value={filters.status}
          onChange={(s) => setFilters({ ...filters, status: s })}
          options={bookingStatuses.map((s) => ({ value: s, label: t(`bookingStatus.${s}`) }))}
        />
        {v.abilities.gate && (
          <Space size={4} wrap>
            <ExportButton
              url={`/api/venues/${v.id}/bookings/export`}
              filename={`${v.name}-${exportDay}.xlsx`}
              query={{ day: exportDay }}
            />
            <span style={{ color: '#888', fontSize: 12 }}>{t('admin.exportDayHint', { day: exportDay })}</span>
          </Space>
        )}
      </Flex>
      <ServerTable
        query={query}
        rowKey="code"
        size="small"
        columns={columns}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('admin.noBookings') }}
        {...tableProps}
      />
    </Flex>
  );
}

/** One venue: its settings, capacity rules (versioned), time slots, vehicles and seat limits, admission policies, bookings. */
export function VenueDetailPage() {
  const { t } = useTranslation('venues');
  const id = Number(useParams().id);
  const q = useQuery({ queryKey: ['venue', id], queryFn: () => api.get<VenueDetail>(`/api/venues/${id}`) });
  if (q.isPending) return <Skeleton active />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const v = q.data;
  const base = `/api/venues/${id}`;

  return (
    <PageContainer
      title={v.name}
      extra={
        <Space wrap>
          {v.abilities.gate && (
            <Link to={`/venues/${id}/gate`}>
              <Button type="primary">{t('menu.gate')}</Button>
            </Link>
          )}
          {(v.kind === 'farmstay' || v.kind === 'hotel') && (
            <Link to={`/venues/${id}/guests`}>
              <Button>{t('menu.guests')}</Button>
            </Link>
          )}
          {v.bookable && (
            <Link to={`/p/venues/${id}`} target="_blank">
              <Button>{t('admin.publicPage')}</Button>
            </Link>
          )}
          {v.abilities.manage && (
            <FormModalButton
              label={t('admin.edit')}
              title={t('admin.editVenue')}
              icon={<EditOutlined />}
              method="patch"
              url={base}
              initialValues={{
                name: v.name,
                address: v.address,
                phone: v.phone,
                normalCapacity: v.normalCapacity,
                openingDays: v.openingDays.split(''),
                bookingDaysAhead: v.bookingDaysAhead,
                bookable: v.bookable,
              }}
              toBody={venueBody}
            >
              <VenueFields />
            </FormModalButton>
          )}
        </Space>
      }
    >
      <Descriptions bordered size="small" column={{ xs: 1, sm: 2, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('admin.kind')}>{t(`kind.${v.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('admin.region')}>{v.regionName}</Descriptions.Item>
        <Descriptions.Item label={t('admin.address')}>{v.address || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('admin.phone')}>{v.phone || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('admin.normalCapacity')}>{v.normalCapacity.toLocaleString()}</Descriptions.Item>
        <Descriptions.Item label={t('admin.capacityToday')}>
          <Tag color="orange">{v.capacityToday.toLocaleString()}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('admin.openingDays')}>
          {v.openingDays
            .split('')
            .map((d) => t(`weekday.${d}`))
            .join(' ')}
        </Descriptions.Item>
        <Descriptions.Item label={t('admin.bookingDaysAhead')}>{v.bookingDaysAhead}</Descriptions.Item>
        <Descriptions.Item label={t('admin.bookable')}>
          {v.bookable ? <Tag color="green">{t('admin.yes')}</Tag> : <Tag>{t('admin.no')}</Tag>}
        </Descriptions.Item>
      </Descriptions>
      <Card size="small">
        <Tabs
          items={[
            { key: 'rules', label: t('admin.rules'), children: <RulesTab v={v} base={base} /> },
            { key: 'slots', label: t('admin.slots'), children: <SlotsTab v={v} base={base} /> },
            { key: 'vehicles', label: t('admin.vehicles'), children: <VehiclesTab v={v} base={base} /> },
            { key: 'policies', label: t('admin.policies'), children: <PoliciesTab v={v} base={base} /> },
            { key: 'bookings', label: t('admin.bookings'), children: <BookingsTab v={v} /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
