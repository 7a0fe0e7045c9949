import { Checkbox, DatePicker, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { proofTypes, type VenueDetail } from '@fugong/contract';

export const ymd = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
export const today = () => dayjs().format('YYYY-MM-DD');
export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'];
export type Slot = VenueDetail['slots'][number];
export type Vehicle = VenueDetail['vehicles'][number];
export type Policy = VenueDetail['policies'][number];

export function useRequired() {
  const { t } = useTranslation('venues');
  return [{ required: true, message: t('book.required') }];
}

export function VenueFields() {
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

export function SlotFields() {
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

export function VehicleFields() {
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

export function PolicyFields() {
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

export const policyBody = (x: Record<string, unknown>) => ({
  ...x,
  validFrom: ymd(x.validFrom as Dayjs),
  validTo: ymd(x.validTo as Dayjs),
});
export const venueBody = (x: Record<string, unknown>) => ({
  ...x,
  openingDays: [...((x.openingDays as string[] | undefined) ?? [])].sort().join(''),
});

export function policyState(p: Policy): { color: string; key: string } {
  const d = today();
  if (!p.active || p.validTo < d) return { color: 'default', key: 'admin.ended' };
  if (p.validFrom > d) return { color: 'blue', key: 'admin.notStarted' };
  return { color: 'green', key: 'admin.inForce' };
}
