import { Button, DatePicker, Form, Input, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { AuditEntry } from '@fugong/contract';
import { ServerTable } from '../../../components/ServerTable';
import { ExportButton } from '../../../components/ExportButton';
import { PageContainer } from '../../../components/PageContainer';
import { useServerTable } from '../../../components/useServerTable';

const FILTERS = ['actor', 'action', 'targetType', 'targetId', 'from', 'to'] as const;
type FilterKey = (typeof FILTERS)[number];
interface FilterForm {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** The append-only audit log: who did what to which record, when and from where; filter and export. */
export function AuditPage() {
  const { t } = useTranslation('platform');
  const { query, filters, setFilters, tableProps } = useServerTable<AuditEntry, FilterKey>('/api/audit', FILTERS);
  const [form] = Form.useForm<FilterForm>();
  const { from, to, ...text } = filters;

  const onFinish = ({ range, ...v }: FilterForm) =>
    setFilters({ ...v, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') });

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 130, render: (v: string | null) => v ?? '—' },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 220,
      render: (v: string) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
          {v}
        </Typography.Text>
      ),
    },
    {
      title: t('audit.target'),
      key: 'target',
      width: 150,
      render: (_, e) => (e.targetType ? `${e.targetType}${e.targetId ? ` #${e.targetId}` : ''}` : '—'),
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
    {
      title: t('audit.detail'),
      dataIndex: 'detail',
      render: (v: string | null) =>
        v ? (
          <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 320 }}>
            {v}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      title: t('audit.requestId'),
      dataIndex: 'requestId',
      width: 120,
      render: (v: string | null) =>
        v ? (
          <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 110 }} type="secondary">
            {v}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <PageContainer
      title={t('audit.title')}
      extra={<ExportButton url="/api/audit/export" filename="audit.xlsx" query={filters} />}
    >
      <Form
        form={form}
        layout="inline"
        className="fg-filters"
        initialValues={{ ...text, range: from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null }}
        onFinish={onFinish}
      >
        <Form.Item name="actor">
          <Input placeholder={t('audit.actor')} allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="action">
          <Input placeholder={t('audit.actionPrefix')} allowClear style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="targetType">
          <Input placeholder={t('audit.targetType')} allowClear style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="targetId">
          <Input placeholder={t('audit.targetId')} allowClear style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 250 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common:action.search')}
          </Button>
        </Form.Item>
        <Form.Item>
          <Button
            onClick={() => {
              form.setFieldsValue({
                actor: undefined,
                action: undefined,
                targetType: undefined,
                targetId: undefined,
                range: null,
              });
              setFilters({});
            }}
          >
            {t('common:action.reset')}
          </Button>
        </Form.Item>
      </Form>
      <ServerTable<AuditEntry> query={query} rowKey="id" columns={columns} scroll={{ x: 1300 }} size="middle" {...tableProps} />
    </PageContainer>
  );
}
