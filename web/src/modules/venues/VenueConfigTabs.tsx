import type { ReactNode } from 'react';
import { DatePicker, Flex, Form, Input, InputNumber, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { type VenueDetail } from '@fugong/contract';
import { api } from '../../app/api';
import { ConfirmAction, FormModalButton } from './FormModalButton';
import {
  PolicyFields,
  SlotFields,
  VehicleFields,
  policyBody,
  policyState,
  useRequired,
  ymd,
  type Policy,
  type Slot,
  type Vehicle,
} from './venue-forms';

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

export function RulesTab({ v, base }: { v: VenueDetail; base: string }) {
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

export function SlotsTab({ v, base }: { v: VenueDetail; base: string }) {
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

export function VehiclesTab({ v, base }: { v: VenueDetail; base: string }) {
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

export function PoliciesTab({ v, base }: { v: VenueDetail; base: string }) {
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
