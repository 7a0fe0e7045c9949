import { useNavigate } from 'react-router';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { inspectionKinds, premisesTypes, type Inspection, type InspectionChecklist } from '@fugong/contract';
import { api } from '../../app/api';
import { PageContainer } from '../../components/PageContainer';
import { applyFieldErrors } from '../../components/form-errors';

/** An inspection on a phone: the checklist of the premises type, problems, and what follows. */
export function InspectionFormPage() {
  const { t } = useTranslation('enforcement');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const premisesType = (Form.useWatch('premisesType', form) as string | undefined) ?? 'five_small';
  const outcome = Form.useWatch('outcome', form) as string | undefined;
  const checklist = useQuery({ queryKey: ['/api/enforcement/checklists', premisesType], queryFn: () => api.get<InspectionChecklist>(`/api/enforcement/checklists/${premisesType}`) });
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => {
      const results = Object.fromEntries((checklist.data?.items ?? []).map((i) => [i.code, (v.results as Record<string, boolean> | undefined)?.[i.code] !== false]));
      return api.post<Inspection>('/api/enforcement/inspections', {
        ...v,
        results,
        inspectedOn: (v.inspectedOn as Dayjs).format('YYYY-MM-DD'),
        noticeDeadline: v.noticeDeadline ? (v.noticeDeadline as Dayjs).format('YYYY-MM-DD') : null,
      });
    },
    onSuccess: (ins) => {
      message.success(t('form.saved', { no: ins.no }));
      void navigate(ins.noticeId ? `/enforcement/notices/${ins.noticeId}` : '/enforcement/inspections');
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(e.message);
    },
  });
  const required = [{ required: true, message: t('common:validation.required') }];
  return (
    <PageContainer title={t('action.new')}>
      <Card style={{ maxWidth: 640 }}>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ kind: 'routine', premisesType: 'five_small', inspectedOn: dayjs(), inspectorCount: 2, extraProblems: 0, fixedOnSpot: 0, outcome: 'pass' }}>
          <Form.Item name="entityId" label={t('form.entityId')} rules={required}>
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="kind" label={t('field.kind')}>
            <Select options={inspectionKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="premisesType" label={t('field.premisesType')}>
            <Select options={premisesTypes.map((p) => ({ value: p, label: t(`premises.${p}`) }))} />
          </Form.Item>
          <Form.Item name="inspectedOn" label={t('field.inspectedOn')} rules={required}>
            <DatePicker style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
          <Form.Item name="inspectorCount" label={t('field.inspectorCount')} rules={required}>
            <InputNumber min={1} max={50} style={{ width: '100%' }} />
          </Form.Item>
          <Card size="small" title={t('form.checklist')} style={{ marginBottom: 16 }} loading={checklist.isLoading}>
            {(checklist.data?.items ?? []).map((i) => (
              <Form.Item key={`${premisesType}-${i.code}`} name={['results', i.code]} label={i.text} valuePropName="checked" initialValue={true} style={{ marginBottom: 8 }}>
                <Switch checkedChildren={t('form.ok')} unCheckedChildren={t('form.problem')} />
              </Form.Item>
            ))}
          </Card>
          <Form.Item name="extraProblems" label={t('form.extraProblems')}>
            <InputNumber min={0} max={100} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="fixedOnSpot" label={t('field.fixedOnSpot')}>
            <InputNumber min={0} max={200} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="outcome" label={t('field.outcome')}>
            <Radio.Group options={(['pass', 'notice', 'closure'] as const).map((o) => ({ value: o, label: t(`outcome.${o}`) }))} />
          </Form.Item>
          {outcome === 'notice' && (
            <>
              <Form.Item name="noticeItems" label={t('form.noticeItems')} rules={required}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
              <Form.Item name="noticeDeadline" label={t('form.noticeDeadline')} rules={required}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </>
          )}
          <Form.Item name="filingId" label={t('form.filingId')}>
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="notes" label={t('form.notes')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={save.isPending} data-testid="inspection-submit">
            {t('form.submit')}
          </Button>
        </Form>
      </Card>
    </PageContainer>
  );
}
