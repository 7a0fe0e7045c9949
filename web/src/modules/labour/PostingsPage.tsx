import { App, Button, Form, Input, Select, Space, type TableColumnsType } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { postingStatuses, type Posting } from '@fugong/contract';
import { api } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';
import { ServerTable } from '../../components/ServerTable';
import { StatusTag } from '../../components/StatusTag';
import { useServerTable } from '../../components/useServerTable';
import { payRange, postingStatusStyles } from './labels';

const FILTERS = ['q', 'status', 'regionCode'] as const;

/** 岗位: the area's postings; the labour bureau publishes or rejects those waiting for review. */
export function PostingsPage() {
  const { t } = useTranslation('labour');
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const perms = usePermissions();
  const { query, filters, setFilters, tableProps, params } = useServerTable<Posting, (typeof FILTERS)[number]>(
    '/api/labour/postings',
    FILTERS,
  );
  const [form] = Form.useForm();
  const { page: _p, pageSize: _s, ...exportQuery } = params;
  const review = useMutation({
    mutationFn: ({ id, approve, note }: { id: number; approve: boolean; note?: string }) =>
      api.post(`/api/labour/postings/${id}/review`, { approve, note }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['/api/labour/postings'] }),
    onError: (e) => message.error(e.message),
  });
  const reject = (p: Posting) => {
    let note = '';
    modal.confirm({
      title: t('review.rejectTitle', { title: p.title }),
      content: <Input.TextArea aria-label={t('review.reason')} rows={3} onChange={(e) => (note = e.target.value)} />,
      onOk: () => review.mutateAsync({ id: p.id, approve: false, note }),
    });
  };
  const columns: TableColumnsType<Posting> = [
    { title: t('field.title'), dataIndex: 'title' },
    { title: t('field.entity'), dataIndex: 'entityName', ellipsis: true },
    { title: t('field.fair'), dataIndex: 'fairName', ellipsis: true, render: (n: string | null) => n ?? '—' },
    { title: t('field.places'), dataIndex: 'places', width: 80 },
    { title: t('field.hired'), dataIndex: 'hired', width: 80 },
    { title: t('field.applications'), dataIndex: 'applications', width: 80 },
    { title: t('field.pay'), width: 150, render: (_: unknown, p) => payRange(p.payMinFen, p.payMaxFen) },
    { title: t('field.validUntil'), dataIndex: 'validUntil', width: 110 },
    {
      title: t('field.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: Posting['status']) => <StatusTag value={s} map={postingStatusStyles} />,
    },
    {
      title: t('review.actions'),
      width: 170,
      render: (_: unknown, p) =>
        p.status === 'pending_review' && perms.has('labour.review') ? (
          <Space>
            <Button
              size="small"
              type="primary"
              data-testid="approve-posting"
              onClick={() => review.mutate({ id: p.id, approve: true })}
            >
              {t('review.approve')}
            </Button>
            <Button size="small" danger onClick={() => reject(p)}>
              {t('review.reject')}
            </Button>
          </Space>
        ) : null,
    },
  ];
  return (
    <PageContainer
      title={<h1 style={{ fontSize: 'inherit', margin: 0 }}>{t('menu.postings')}</h1>}
      extra={<ExportButton url="/api/labour/postings/export" filename="postings.xlsx" query={exportQuery} />}
    >
      <Form
        form={form}
        layout="inline"
        initialValues={filters}
        onFinish={(v) => setFilters(v)}
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        <Form.Item name="q">
          <Input.Search
            allowClear
            aria-label={t('list.search')}
            placeholder={t('list.search')}
            onSearch={() => form.submit()}
            style={{ width: 220 }}
          />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            aria-label={t('field.status')}
            placeholder={t('field.status')}
            style={{ width: 130 }}
            onChange={() => form.submit()}
            options={postingStatuses.map((s) => ({ value: s, label: t(`postingStatus.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="regionCode">
          <RegionPicker onChange={() => form.submit()} />
        </Form.Item>
      </Form>
      <ServerTable<Posting>
        query={query}
        {...tableProps}
        rowKey="id"
        columns={columns}
        scroll={{ x: 1100 }}
        data-testid="postings-table"
      />
    </PageContainer>
  );
}
