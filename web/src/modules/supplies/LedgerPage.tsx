import { useState } from 'react';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Statistic,
  type TableColumnsType,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import {
  movementKinds,
  recordedMovementKinds,
  type Movement,
  type Page,
  type StockPoint,
  type SupplyItem,
  type SupplySummary,
} from '@fugong/contract';
import { api } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { ServerTable } from '../../components/ServerTable';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';
import { useServerTable } from '../../components/useServerTable';
import { applyFieldErrors } from '../../components/form-errors';

const FILTERS = ['kind', 'itemId', 'stockPointId', 'regionCode'] as const;
const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/** 台账: every movement in and out, the spending summed from purchases, and recording a new movement. */
export function LedgerPage() {
  const { t } = useTranslation('supplies');
  const perms = usePermissions();
  const qc = useQueryClient();
  const [recording, setRecording] = useState(false);
  const [form] = Form.useForm();
  const [filterForm] = Form.useForm();
  const { query, filters, setFilters, tableProps, params } = useServerTable<Movement, (typeof FILTERS)[number]>(
    '/api/supplies/movements',
    FILTERS,
  );
  const items = useQuery({ queryKey: ['/api/supplies/items'], queryFn: () => api.get<SupplyItem[]>('/api/supplies/items') });
  const points = useQuery({
    queryKey: ['/api/supplies/stock-points', 'ledger'],
    queryFn: () => api.get<Page<StockPoint>>('/api/supplies/stock-points', { pageSize: 200 }),
  });
  const summary = useQuery({
    queryKey: ['/api/supplies/summary', filters.regionCode],
    queryFn: () => api.get<SupplySummary>('/api/supplies/summary', { regionCode: filters.regionCode }),
  });
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      api.post('/api/supplies/movements', {
        ...v,
        onDate: v.onDate ? dayjs(v.onDate as string).format('YYYY-MM-DD') : undefined,
        amountFen: v.amountYuan == null ? undefined : Math.round(Number(v.amountYuan) * 100),
        amountYuan: undefined,
      }),
    onSuccess: () => {
      setRecording(false);
      form.resetFields();
      void qc.invalidateQueries();
    },
    onError: (e) => applyFieldErrors(form, e),
  });
  const { page: _p, pageSize: _s, ...exportQuery } = params;
  const columns: TableColumnsType<Movement> = [
    { title: t('field.date'), dataIndex: 'onDate', width: 110 },
    { title: t('field.stockPoint'), dataIndex: 'stockPointName', ellipsis: true },
    { title: t('field.item'), dataIndex: 'itemName', width: 140 },
    { title: t('field.kind'), dataIndex: 'kind', width: 100, render: (k: string) => t(`kind.${k}`) },
    { title: t('field.quantity'), dataIndex: 'quantity', width: 100, align: 'right' },
    { title: t('field.counterparty'), dataIndex: 'counterparty', width: 180, ellipsis: true },
    {
      title: t('field.amount'),
      dataIndex: 'amountFen',
      width: 120,
      align: 'right',
      render: (f: number | null) => (f == null ? '' : yuan(f)),
    },
  ];
  return (
    <PageContainer
      title={t('menu.ledger')}
      extra={
        <>
          {perms.has('supplies.ledger') && (
            <Button type="primary" onClick={() => setRecording(true)} style={{ marginRight: 8 }}>
              {t('ledger.record')}
            </Button>
          )}
          <ExportButton url="/api/supplies/movements/export" filename="supply-ledger.xlsx" query={exportQuery} />
        </>
      }
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('ledger.spent')}
              value={summary.data ? yuan(summary.data.purchasesFen) : '—'}
              loading={summary.isLoading}
              data-testid="supplies-spent"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('ledger.purchases')} value={summary.data?.purchases ?? '—'} loading={summary.isLoading} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('ledger.donations')} value={summary.data?.donations ?? '—'} loading={summary.isLoading} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('ledger.lines')}
              value={summary.data ? `${summary.data.runningLines} / ${summary.data.productionLines}` : '—'}
              loading={summary.isLoading}
            />
          </Card>
        </Col>
      </Row>
      <Form
        form={filterForm}
        layout="inline"
        initialValues={filters}
        onFinish={(v) => setFilters(v)}
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        <Form.Item name="kind">
          <Select
            allowClear
            aria-label={t('field.kind')}
            placeholder={t('field.kind')}
            style={{ width: 120 }}
            onChange={() => filterForm.submit()}
            options={movementKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="itemId">
          <Select
            allowClear
            aria-label={t('field.item')}
            placeholder={t('field.item')}
            style={{ width: 160 }}
            onChange={() => filterForm.submit()}
            options={(items.data ?? []).map((i) => ({ value: String(i.id), label: i.name }))}
          />
        </Form.Item>
        <Form.Item name="regionCode">
          <RegionPicker onChange={() => filterForm.submit()} />
        </Form.Item>
      </Form>
      <ServerTable<Movement>
        query={query}
        rowKey="id"
        size="small"
        columns={columns}
        scroll={{ x: 900 }}
        {...tableProps}
        locale={{ emptyText: t('ledger.empty') }}
      />
      <Modal
        open={recording}
        title={t('ledger.record')}
        onCancel={() => setRecording(false)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="stockPointId" label={t('field.stockPoint')} rules={[{ required: true }]}>
            <Select
              aria-label={t('field.stockPoint')}
              options={(points.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
          <Form.Item name="itemId" label={t('field.item')} rules={[{ required: true }]}>
            <Select aria-label={t('field.item')} options={(items.data ?? []).map((i) => ({ value: i.id, label: i.name }))} />
          </Form.Item>
          <Form.Item name="kind" label={t('field.kind')} rules={[{ required: true }]}>
            <Select
              aria-label={t('field.kind')}
              options={recordedMovementKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="quantity" label={t('field.quantity')} rules={[{ required: true }]}>
            <InputNumber min={1} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="onDate" label={t('field.date')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="counterparty" label={t('field.counterparty')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="amountYuan" label={t('field.amountYuan')}>
            <InputNumber min={0} precision={2} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="note" label={t('field.note')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
