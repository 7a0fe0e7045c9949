import { Button, Card, Form, InputNumber, Select, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { departments, roles, type Role } from '@fugong/contract';
import { RegionPicker } from '../../../components/RegionPicker';
import { grantNeeds } from '../grant-needs';

/** One grant: a role and, as that role requires, its region subtree, department, entity or venue. */
function GrantRow({
  form,
  name,
  onRemove,
  removable,
}: {
  form: FormInstance;
  name: number;
  onRemove: () => void;
  removable: boolean;
}) {
  const { t } = useTranslation('platform');
  const role = Form.useWatch(['grants', name, 'role'], form) as Role | undefined;
  const needs = grantNeeds(role);
  const required = { required: true, message: t('common:validation.required') };
  return (
    <Card
      size="small"
      style={{ marginBottom: 8 }}
      data-testid={`grant-${name}`}
      extra={
        removable && (
          <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('common:action.delete')} />
        )
      }
      title={t('users.grantN', { n: name + 1 })}
    >
      <Form.Item name={[name, 'role']} label={t('users.role')} rules={[required]}>
        <Select
          data-testid={`grant-${name}-role`}
          options={roles.map((r) => ({ value: r, label: t(`common:role.${r}`) }))}
          placeholder={t('users.rolePlaceholder')}
        />
      </Form.Item>
      {needs.region && (
        <Form.Item name={[name, 'regionCode']} label={t('users.region')} rules={[required]}>
          <RegionPicker />
        </Form.Item>
      )}
      {needs.department && (
        <Form.Item name={[name, 'department']} label={t('users.department')} rules={[required]}>
          <Select options={departments.map((d) => ({ value: d, label: t(`common:department.${d}`) }))} />
        </Form.Item>
      )}
      {needs.entity && (
        <Form.Item name={[name, 'entityId']} label={t('users.entityId')} rules={[required]}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      )}
      {needs.venue && (
        <Form.Item name={[name, 'venueId']} label={t('users.venueId')} rules={[required]}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      )}
    </Card>
  );
}

/** The list of grants in the user form; at least one. */
export function GrantsField({ form }: { form: FormInstance }) {
  const { t } = useTranslation('platform');
  return (
    <Form.List name="grants">
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((f) => (
            <GrantRow key={f.key} form={form} name={f.name} removable={fields.length > 1} onRemove={() => remove(f.name)} />
          ))}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>
            {t('users.addGrant')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
