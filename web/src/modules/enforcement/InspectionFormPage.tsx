import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Result, Select, Space, Switch } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import {
  inspectionKinds,
  premisesTypes,
  type Inspection,
  type InspectionChecklist,
  type InspectionRound,
  type Page,
} from '@fugong/contract';
import { api } from '../../app/api';
import { EntitySelect } from '../../components/EntitySelect';
import { PageContainer } from '../../components/PageContainer';
import { applyFieldErrors } from '../../components/form-errors';

interface VisitState {
  id: number;
  date: string;
  count: number;
  done: number;
}

/**
 * An inspection on a phone: the premises (searched by name or credit code), the checklist of its
 * type, problems, and what follows. The first premises starts a visit 出动 of the named inspectors;
 * the next ones are added to the same visit, so the inspectors are counted once.
 */
export function InspectionFormPage() {
  const { t } = useTranslation('enforcement');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [form] = Form.useForm();
  const [visit, setVisit] = useState<VisitState | null>(null);
  const [last, setLast] = useState<Inspection | null>(null);
  const premisesType = (Form.useWatch('premisesType', form) as string | undefined) ?? 'five_small';
  const outcome = Form.useWatch('outcome', form) as string | undefined;
  const kind = Form.useWatch('kind', form) as string | undefined;
  const checklist = useQuery({
    queryKey: ['/api/enforcement/checklists', premisesType],
    queryFn: () => api.get<InspectionChecklist>(`/api/enforcement/checklists/${premisesType}`),
  });
  const rounds = useQuery({
    queryKey: ['/api/enforcement/rounds', 'active'],
    queryFn: () => api.get<Page<InspectionRound>>('/api/enforcement/rounds', { status: 'active', pageSize: 100 }),
  });
  const items = (checklist.data?.items ?? []).filter((i) => i.active);
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => {
      const results = Object.fromEntries(
        items.map((i) => [i.code, (v.results as Record<string, boolean> | undefined)?.[i.code] !== false]),
      );
      const inspectedOn = visit ? visit.date : (v.inspectedOn as Dayjs).format('YYYY-MM-DD');
      return api.post<Inspection>('/api/enforcement/inspections', {
        ...v,
        results,
        inspectedOn,
        visitId: visit?.id ?? null,
        roundId: visit ? null : (v.roundId ?? null),
        inspectors: visit ? undefined : ((v.inspectors as string[] | undefined) ?? []),
        inspectorCount: visit ? undefined : v.inspectorCount,
        noticeDeadline: v.noticeDeadline ? (v.noticeDeadline as Dayjs).format('YYYY-MM-DD') : null,
      });
    },
    onSuccess: (ins) => {
      message.success(t('form.saved', { no: ins.no }));
      setVisit({
        id: ins.visitId!,
        date: ins.inspectedOn,
        count: ins.inspectorCount,
        done: (visit?.id === ins.visitId ? visit.done : 0) + 1,
      });
      setLast(ins);
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(e.message);
    },
  });
  const required = [{ required: true, message: t('common:validation.required') }];

  if (last) {
    return (
      <Result
        status="success"
        title={t('form.saved', { no: last.no })}
        subTitle={visit ? t('form.visit', { date: visit.date, count: visit.count, done: visit.done }) : undefined}
        extra={
          <Space direction="vertical" style={{ width: '100%', maxWidth: 360 }}>
            {last.noticeId && (
              <Link to={`/enforcement/notices/${last.noticeId}`}>
                <Button block>{t('action.viewNotice')}</Button>
              </Link>
            )}
            <Button
              type="primary"
              block
              data-testid="inspection-next"
              onClick={() => {
                setLast(null);
                form.resetFields([
                  'entityId',
                  'results',
                  'extraProblems',
                  'fixedOnSpot',
                  'outcome',
                  'noticeItems',
                  'noticeDeadline',
                  'notes',
                  'filingId',
                ]);
              }}
            >
              {t('action.next')}
            </Button>
            <Button block onClick={() => void navigate('/enforcement/inspections')}>
              {t('action.done')}
            </Button>
          </Space>
        }
      />
    );
  }
  return (
    <PageContainer title={t('action.new')}>
      <Card style={{ maxWidth: 640 }}>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => save.mutate(v)}
          initialValues={{
            kind: 'routine',
            premisesType: 'five_small',
            inspectedOn: dayjs(),
            inspectorCount: 2,
            inspectors: [],
            extraProblems: 0,
            fixedOnSpot: 0,
            outcome: 'pass',
            roundId: search.get('roundId') ? Number(search.get('roundId')) : undefined,
          }}
        >
          {visit ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              message={t('form.visit', { date: visit.date, count: visit.count, done: visit.done })}
              action={
                <Button size="small" onClick={() => setVisit(null)}>
                  {t('form.newVisit')}
                </Button>
              }
            />
          ) : (
            <>
              <Form.Item name="roundId" label={t('form.round')}>
                <Select
                  allowClear
                  options={(rounds.data?.items ?? []).map((r) => ({
                    value: r.id,
                    label: `${r.name}（${r.startsOn}～${r.endsOn}）`,
                  }))}
                />
              </Form.Item>
              <Form.Item name="inspectedOn" label={t('field.inspectedOn')} rules={required}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="inspectors" label={t('form.inspectors')}>
                <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} />
              </Form.Item>
              <Form.Item name="inspectorCount" label={t('form.inspectorCount')} rules={required}>
                <InputNumber min={1} max={50} style={{ width: '100%' }} inputMode="numeric" />
              </Form.Item>
            </>
          )}
          <Form.Item name="entityId" label={t('form.entityId')} rules={required}>
            <EntitySelect placeholder={t('form.entitySearch')} testId="inspection-entity" />
          </Form.Item>
          <Form.Item name="kind" label={t('field.kind')}>
            <Select
              options={inspectionKinds.filter((k) => k !== 'reinspection').map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            />
          </Form.Item>
          {kind === 'pre_opening' && (
            <Form.Item name="filingId" label={t('form.filingId')} rules={required}>
              <InputNumber min={1} style={{ width: '100%' }} inputMode="numeric" />
            </Form.Item>
          )}
          <Form.Item name="premisesType" label={t('field.premisesType')}>
            <Select options={premisesTypes.map((p) => ({ value: p, label: t(`premises.${p}`) }))} />
          </Form.Item>
          <Card size="small" title={t('form.checklist')} style={{ marginBottom: 16 }} loading={checklist.isLoading}>
            {items.length === 0 && !checklist.isLoading && <Alert type="warning" message={t('form.noChecklist')} />}
            {items.map((i) => (
              <Form.Item
                key={`${premisesType}-${i.code}`}
                name={['results', i.code]}
                label={i.text}
                valuePropName="checked"
                initialValue={true}
                style={{ marginBottom: 8 }}
              >
                <Switch checkedChildren={t('form.ok')} unCheckedChildren={t('form.problem')} />
              </Form.Item>
            ))}
          </Card>
          <Form.Item name="extraProblems" label={t('form.extraProblems')}>
            <InputNumber min={0} max={100} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
          <Form.Item name="fixedOnSpot" label={t('field.fixedOnSpot')}>
            <InputNumber min={0} max={200} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
          <Form.Item name="outcome" label={t('field.outcome')}>
            <Radio.Group
              optionType="button"
              options={(['pass', 'notice', 'closure'] as const).map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
            />
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
          <Form.Item name="notes" label={t('form.notes')} rules={outcome === 'closure' ? required : undefined}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={save.isPending} data-testid="inspection-submit">
            {t('form.submit')}
          </Button>
        </Form>
      </Card>
    </PageContainer>
  );
}
