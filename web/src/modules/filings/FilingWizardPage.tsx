import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { App, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Skeleton, Steps, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { attachmentLimits, type Attachment, type AttachmentKind, type FilingDetail, type FilingSummary } from '@fugong/contract';
import { ApiError, api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { PageContainer } from '../../components/PageContainer';
import { applyFieldErrors } from '../../components/form-errors';
import { filingKey } from './labels';
import { AttachmentLink } from './FilingContent';
import { StatusNotice } from './StatusNotice';

const STEPS = ['basics', 'plans', 'checklist', 'commitment'] as const;
// which step shows a field, so a server error on it takes the user there
const stepOfField = (field: string) =>
  field.startsWith('commitment')
    ? 3
    : field.startsWith('data.checklist')
      ? 2
      : /^data\.(preventionPlan|emergencyPlan)/.test(field)
        ? 1
        : 0;

/** Uploads plan files one by one; the value is the list of attachment ids. */
function AttachmentsField({
  kind,
  value,
  onChange,
  known,
}: {
  kind: AttachmentKind;
  value?: number[];
  onChange?: (v: number[]) => void;
  known: Attachment[];
}) {
  const { t } = useTranslation('filings');
  const { message } = App.useApp();
  const [uploaded, setUploaded] = useState<Attachment[]>(known);
  const ids = value ?? [];
  const shown = ids.map((id) => uploaded.find((a) => a.id === id)).filter((a): a is Attachment => !!a);
  return (
    <div>
      {shown.map((a) => (
        <Flex key={a.id} gap={8} align="center">
          <AttachmentLink a={a} />
          <Button size="small" type="link" danger onClick={() => onChange?.(ids.filter((x) => x !== a.id))}>
            {t('wizard.removeFile')}
          </Button>
        </Flex>
      ))}
      {ids.length < attachmentLimits.perPlan && (
        <Upload
          accept=".pdf,.png,.jpg,.jpeg,.docx"
          showUploadList={false}
          beforeUpload={(file) => {
            if (file.size > attachmentLimits.maxBytes) {
              message.error(t('wizard.tooLarge', { mb: attachmentLimits.maxBytes / 1024 / 1024 }));
              return Upload.LIST_IGNORE;
            }
            return true;
          }}
          customRequest={async ({ file, onSuccess, onError }) => {
            const body = new FormData();
            body.append('kind', kind);
            body.append('file', file as Blob);
            try {
              const a = await api.post<Attachment>('/api/filings/attachments', body);
              setUploaded((u) => [...u, a]);
              onChange?.([...ids, a.id]);
              onSuccess?.(a);
            } catch (e) {
              message.error(e instanceof Error ? e.message : String(e));
              onError?.(e as Error);
            }
          }}
        >
          <Button icon={<UploadOutlined />}>{t('wizard.upload')}</Button>
        </Upload>
      )}
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
        {t('wizard.uploadHint', { mb: attachmentLimits.maxBytes / 1024 / 1024, n: attachmentLimits.perPlan })}
      </Typography.Text>
    </div>
  );
}

function Wizard({ filing }: { filing: FilingDetail }) {
  const { t } = useTranslation('filings');
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [step, setStep] = useState(0);
  const num = (name: string[], label: string) => (
    <Form.Item name={['data', ...name]} label={label} rules={[{ required: true, message: t('common:validation.required') }]}>
      <InputNumber min={0} precision={0} style={{ width: '100%' }} inputMode="numeric" />
    </Form.Item>
  );

  const draft = useMutation({
    mutationFn: () => api.put(`/api/filings/${filing.id}/draft`, { data: form.getFieldValue('data') }),
    onSuccess: () => message.success(t('wizard.draftSaved')),
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(e.message);
    },
  });
  const submit = useMutation({
    mutationFn: (v: { data: unknown; commitment: { signerName: string; accepted: boolean } }) =>
      api.post<FilingSummary>(`/api/filings/${filing.id}/submit`, {
        data: v.data,
        commitment: { ...v.commitment, text: filing.commitmentText },
      }),
    onSuccess: async () => {
      message.success(t('wizard.submitted'));
      await qc.invalidateQueries({ queryKey: ['filings'] });
      navigate('/filings/mine');
    },
    onError: (e) => {
      if (applyFieldErrors(form, e) && e instanceof ApiError) setStep(Math.min(...e.fields.map((f) => stepOfField(f.field))));
      else message.error(e.message);
    },
  });

  const fieldsOf = (s: number) => {
    if (s === 0)
      return [
        ['data', 'plannedDate'],
        ...['total', 'returning', 'fromOtherProvinces', 'fromHighRiskAreas'].map((k) => ['data', 'staff', k]),
        ...['masks', 'thermometers', 'disinfectantLitres'].map((k) => ['data', 'supplies', k]),
      ];
    if (s === 1)
      return [
        ['data', 'preventionPlan', 'text'],
        ['data', 'emergencyPlan', 'text'],
      ];
    if (s === 2) return filing.checklist.items.map((i) => ['data', 'checklist', i.code]);
    return [
      ['commitment', 'signerName'],
      ['commitment', 'accepted'],
    ];
  };
  const next = async () => {
    await form.validateFields(fieldsOf(step));
    setStep(step + 1);
  };

  const data = filing.data as Record<string, unknown>;
  const initial = {
    data: {
      ...data,
      checklist: Object.fromEntries(
        filing.checklist.items.map((i) => [i.code, !!(data.checklist as Record<string, boolean> | undefined)?.[i.code]]),
      ),
    },
    commitment: { signerName: '', accepted: false },
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(v) =>
        modal.confirm({
          title: t('wizard.confirmSubmit'),
          onOk: () => submit.mutateAsync(v),
          okText: t('common:action.confirm'),
          cancelText: t('common:action.cancel'),
        })
      }
    >
      <Steps
        current={step}
        size="small"
        direction="horizontal"
        responsive={false}
        items={STEPS.map((s) => ({ title: t(`wizard.step.${s}`) }))}
        style={{ marginBottom: 16 }}
      />
      <div style={{ display: step === 0 ? 'block' : 'none' }}>
        <Form.Item
          name={['data', 'plannedDate']}
          label={t('field.plannedDate')}
          rules={[{ required: true, message: t('common:validation.required') }]}
        >
          <Input type="date" />
        </Form.Item>
        <Card size="small" title={t('wizard.staff')} style={{ marginBottom: 12 }}>
          {num(['staff', 'total'], t('field.staffTotal'))}
          {num(['staff', 'returning'], t('field.staffReturning'))}
          {num(['staff', 'fromOtherProvinces'], t('field.staffOtherProvinces'))}
          {num(['staff', 'fromHighRiskAreas'], t('field.staffHighRisk'))}
        </Card>
        <Card size="small" title={t('wizard.supplies')}>
          {num(['supplies', 'masks'], t('field.masks'))}
          {num(['supplies', 'thermometers'], t('field.thermometers'))}
          {num(['supplies', 'disinfectantLitres'], t('field.disinfectantLitres'))}
        </Card>
      </div>
      <div style={{ display: step === 1 ? 'block' : 'none' }}>
        {(['preventionPlan', 'emergencyPlan'] as const).map((plan) => (
          <Card key={plan} size="small" title={t(`field.${plan}`)} style={{ marginBottom: 12 }}>
            <Form.Item
              name={['data', plan, 'text']}
              label={t('wizard.planText')}
              rules={[{ required: true, min: 10, message: t('wizard.planMin') }]}
            >
              <Input.TextArea rows={4} maxLength={5000} showCount />
            </Form.Item>
            <Form.Item name={['data', plan, 'attachmentIds']} label={t('wizard.attachments')} initialValue={[]}>
              <AttachmentsField
                kind={plan === 'preventionPlan' ? 'prevention_plan' : 'emergency_plan'}
                known={filing.attachments}
              />
            </Form.Item>
          </Card>
        ))}
      </div>
      <div style={{ display: step === 2 ? 'block' : 'none' }}>
        <Typography.Title level={5}>{filing.checklist.title}</Typography.Title>
        {filing.checklist.items.map((i) => (
          <Form.Item
            key={i.code}
            name={['data', 'checklist', i.code]}
            valuePropName="checked"
            style={{ marginBottom: 8 }}
            rules={
              i.required
                ? [{ validator: (_r, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('wizard.itemRequired')))) }]
                : []
            }
          >
            <Checkbox>
              {i.text} {!i.required && <Tag>{t('checklist.optional')}</Tag>}
            </Checkbox>
          </Form.Item>
        ))}
      </div>
      <div style={{ display: step === 3 ? 'block' : 'none' }}>
        <Card size="small" title={t('wizard.commitmentTitle')} style={{ marginBottom: 12 }}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="commitment-text">
            {filing.commitmentText}
          </Typography.Paragraph>
        </Card>
        <Form.Item
          name={['commitment', 'signerName']}
          label={t('wizard.signerName')}
          rules={[{ required: true, min: 2, whitespace: true, message: t('wizard.signerRequired') }]}
        >
          <Input maxLength={50} autoComplete="name" />
        </Form.Item>
        <Form.Item
          name={['commitment', 'accepted']}
          valuePropName="checked"
          rules={[{ validator: (_r, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('wizard.mustAccept')))) }]}
        >
          <Checkbox>{t('wizard.accept')}</Checkbox>
        </Form.Item>
        <Typography.Text type="secondary">{t('wizard.signNote')}</Typography.Text>
      </div>
      <Flex gap={8} wrap justify="space-between" style={{ marginTop: 16 }}>
        <Button onClick={() => draft.mutate()} loading={draft.isPending}>
          {t('wizard.saveDraft')}
        </Button>
        <Flex gap={8}>
          {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('wizard.prev')}</Button>}
          {step < STEPS.length - 1 ? (
            <Button type="primary" onClick={() => void next().catch(() => undefined)}>
              {t('wizard.next')}
            </Button>
          ) : (
            <Button type="primary" htmlType="submit" loading={submit.isPending}>
              {filing.status === 'changes_requested' ? t('wizard.resubmit') : t('wizard.submit')}
            </Button>
          )}
        </Flex>
      </Flex>
    </Form>
  );
}

/** The filing form, phone-first: four short steps, files uploaded as they are chosen, signed at the end. */
export function FilingWizardPage() {
  const { t } = useTranslation('filings');
  const { id } = useParams();
  const filing = useQuery({ queryKey: filingKey(Number(id)), queryFn: () => api.get<FilingDetail>(`/api/filings/${id}`) });
  if (filing.isPending) return <Skeleton active />;
  if (filing.isError) return <ErrorState error={filing.error} onRetry={() => void filing.refetch()} />;
  const f = filing.data;
  return (
    <PageContainer title={t('wizard.title')}>
      <Typography.Paragraph type="secondary">{f.entityName}</Typography.Paragraph>
      {f.status === 'changes_requested' && (
        <div style={{ marginBottom: 12 }}>
          <StatusNotice filing={f} />
        </div>
      )}
      {f.abilities.submit ? <Wizard filing={f} /> : <StatusNotice filing={f} />}
    </PageContainer>
  );
}
