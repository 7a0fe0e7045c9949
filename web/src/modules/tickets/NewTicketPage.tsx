import { useNavigate, useSearchParams } from 'react-router';
import { App, Button, Card, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Ticket, TicketCategory } from '@fugong/contract';
import { api } from '../../app/api';
import { useCurrentUser } from '../../app/auth';
import { PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';
import { applyFieldErrors } from '../../components/form-errors';

/** Report a problem: an enterprise for itself, staff for an entity (by id) or a place. */
export function NewTicketPage() {
  const { t } = useTranslation('tickets');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const me = useCurrentUser();
  const ownEntity = me.grants.find((g) => g.role === 'enterprise')?.entityId ?? null;
  const [form] = Form.useForm();
  const cats = useQuery({
    queryKey: ['/api/tickets/categories'],
    queryFn: () => api.get<TicketCategory[]>('/api/tickets/categories'),
  });
  const create = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post<Ticket>('/api/tickets', v),
    onSuccess: (tk) => {
      message.success(t('form.created', { no: tk.no }));
      void navigate(`/tickets/${tk.id}`);
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(e.message);
    },
  });
  const required = [{ required: true, message: t('common:validation.required') }];
  return (
    <PageContainer title={t('action.new')}>
      <Card style={{ maxWidth: 640 }}>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ entityId: ownEntity ?? (Number(search.get('entityId')) || undefined), major: false }}
          onFinish={(v) => create.mutate(v)}
        >
          <Form.Item name="categoryId" label={t('field.category')} rules={required}>
            <Select
              loading={cats.isLoading}
              options={(cats.data ?? []).map((c) => ({ value: c.id, label: t(`category.${c.code}`, { defaultValue: c.name }) }))}
            />
          </Form.Item>
          <Form.Item name="title" label={t('field.title')} rules={required}>
            <Input maxLength={120} showCount />
          </Form.Item>
          <Form.Item name="description" label={t('field.description')} rules={required}>
            <Input.TextArea rows={4} maxLength={4000} showCount />
          </Form.Item>
          <Form.Item name="entityId" label={t('form.entityId')} extra={t('form.entityHint')}>
            <InputNumber min={1} style={{ width: '100%' }} disabled={!!ownEntity} />
          </Form.Item>
          {!ownEntity && (
            <Form.Item name="regionCode" label={t('form.region')}>
              <RegionPicker />
            </Form.Item>
          )}
          <Form.Item name="address" label={t('field.address')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="major" label={t('field.major')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('action.submit')}
          </Button>
        </Form>
      </Card>
    </PageContainer>
  );
}
