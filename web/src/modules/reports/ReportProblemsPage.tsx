import { useState } from 'react';
import { Link } from 'react-router';
import {
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Grid,
  Input,
  List,
  Modal,
  Pagination,
  Segmented,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { ConvertProblemResult, ReportProblem, TicketCategory } from '@fugong/contract';
import { api } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { ErrorState } from '../../components/ErrorState';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';
import { applyFieldErrors } from '../../components/form-errors';
import { useServerTable } from '../../components/useServerTable';

/** 转为问题单: the category (its department and deadline apply), a title, and whether to 交办 at once. */
function ConvertModal({
  row,
  onDone,
  onClose,
}: {
  row: ReportProblem;
  onDone: (r: ConvertProblemResult) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('reports');
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const cats = useQuery({
    queryKey: ['/api/tickets/categories'],
    queryFn: () => api.get<TicketCategory[]>('/api/tickets/categories'),
  });
  const firstLine = row.problems.split(/\r?\n/)[0]!.slice(0, 60);
  const run = useMutation({
    mutationFn: (v: { categoryId: number; title: string; assignNow: boolean }) =>
      api.post<ConvertProblemResult>(`/api/reports/daily/${row.reportId}/ticket`, v),
    onSuccess: (r) => {
      message.success(t(r.created ? 'problems.converted' : 'problems.already', { no: r.ticketNo }));
      onDone(r);
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(e.message);
    },
  });
  const required = [{ required: true, message: t('common:validation.required') }];
  return (
    <Modal
      open
      title={t('problems.convert')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={run.isPending}
      okText={t('problems.convert')}
      cancelText={t('common:action.cancel')}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {row.entityName} · {row.reportDate}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{row.problems}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)} initialValues={{ title: firstLine, assignNow: true }}>
        <Form.Item name="categoryId" label={t('problems.category')} rules={required}>
          <Select
            loading={cats.isLoading}
            data-testid="convert-category"
            options={(cats.data ?? []).map((c) => ({
              value: c.id,
              label: `${t(`tickets:category.${c.code}`, { defaultValue: c.name })} · ${t(`common:department.${c.department}`)}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('problems.ticketTitle')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="assignNow" valuePropName="checked">
          <Checkbox>{t('problems.assignNow')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Reports whose problems field is filled, in the caller's area; each can become a ticket once. */
export function ReportProblemsPage() {
  const { t } = useTranslation('reports');
  const perms = usePermissions();
  const { query, filters, setFilters, tableProps } = useServerTable<ReportProblem, 'regionCode' | 'converted' | 'q' | 'reportId'>(
    '/api/reports/problems',
    ['regionCode', 'converted', 'q', 'reportId'],
  );
  const [converting, setConverting] = useState<ReportProblem | null>(null);
  const canConvert = perms.has('reports.convert');
  // on a phone each report is a card, so the problem text stays readable
  const phone = !Grid.useBreakpoint().md;
  const ticketCell = (r: ReportProblem) =>
    r.ticket ? (
      <Link to={`/tickets/${r.ticket.ticketId}`} data-testid={`problem-ticket-${r.reportId}`}>
        {r.ticket.ticketNo}
      </Link>
    ) : canConvert && r.canConvert ? (
      <Button size="small" type="primary" onClick={() => setConverting(r)} data-testid={`convert-${r.reportId}`}>
        {t('problems.convert')}
      </Button>
    ) : (
      '—'
    );
  return (
    <PageContainer
      title={t('problems.title')}
      extra={
        <ExportButton
          url="/api/reports/problems/export"
          filename={`${t('problems.file')}-${dayjs().format('YYYY-MM-DD')}.xlsx`}
          query={filters}
        />
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <RegionPicker
          value={filters.regionCode ?? null}
          onChange={(c) => setFilters({ ...filters, regionCode: c ?? undefined })}
          style={{ width: 240 }}
        />
        <Segmented
          value={filters.converted ?? 'all'}
          onChange={(v) => setFilters({ ...filters, converted: v === 'all' ? undefined : String(v) })}
          options={[
            { value: 'all', label: t('problems.all') },
            { value: 'false', label: t('problems.open') },
            { value: 'true', label: t('problems.done') },
          ]}
        />
        <Input.Search
          allowClear
          placeholder={t('problems.search')}
          defaultValue={filters.q}
          onSearch={(v) => setFilters({ ...filters, q: v || undefined })}
          style={{ width: 220 }}
        />
        {filters.reportId && (
          <Tag closable onClose={() => setFilters({ ...filters, reportId: undefined })}>
            #{filters.reportId}
          </Tag>
        )}
      </Flex>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : phone ? (
        <>
          <List<ReportProblem>
            loading={query.isLoading}
            dataSource={query.data?.items ?? []}
            locale={{ emptyText: t('problems.none') }}
            renderItem={(r) => (
              <Card size="small" style={{ marginBottom: 8 }} data-testid={`problem-card-${r.reportId}`}>
                <Flex justify="space-between" gap={8} align="start">
                  <div>
                    <Link to={`/registry/entities/${r.entityId}`}>{r.entityName}</Link>
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {r.reportDate} · {r.regionName}
                    </Typography.Text>
                  </div>
                  {ticketCell(r)}
                </Flex>
                <Typography.Paragraph
                  style={{ whiteSpace: 'pre-wrap', margin: '8px 0 0' }}
                  ellipsis={{ rows: 4, expandable: true }}
                >
                  {r.problems}
                </Typography.Paragraph>
              </Card>
            )}
          />
          {(query.data?.total ?? 0) > 0 && (
            <Pagination size="small" align="center" {...tableProps.pagination} showSizeChanger={false} />
          )}
        </>
      ) : (
        <Table<ReportProblem>
          rowKey="reportId"
          size="small"
          {...tableProps}
          scroll={{ x: 760 }}
          locale={{ emptyText: t('problems.none') }}
          columns={[
            { title: t('col.date'), dataIndex: 'reportDate', width: 100 },
            {
              title: t('col.name'),
              dataIndex: 'entityName',
              width: 160,
              render: (v: string, r) => <Link to={`/registry/entities/${r.entityId}`}>{v}</Link>,
            },
            { title: t('col.region'), dataIndex: 'regionName', width: 120 },
            {
              title: t('field.problems'),
              dataIndex: 'problems',
              render: (v: string) => (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} ellipsis={{ rows: 3, expandable: true }}>
                  {v}
                </Typography.Paragraph>
              ),
            },
            { title: t('problems.ticket'), key: 'ticket', width: 170, fixed: 'right', render: (_: unknown, r) => ticketCell(r) },
          ]}
        />
      )}
      {converting && (
        <ConvertModal
          row={converting}
          onClose={() => setConverting(null)}
          onDone={() => {
            setConverting(null);
            void query.refetch();
          }}
        />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('problems.hint', { from: dayjs().subtract(30, 'day').format('YYYY-MM-DD') })}
      </Typography.Text>
    </PageContainer>
  );
}
