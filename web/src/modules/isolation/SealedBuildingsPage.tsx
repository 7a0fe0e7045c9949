import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SealedBuilding, SealedReport } from '@fugong/contract';
import { api } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { ErrorState } from '../../components/ErrorState';
import { ServerTable } from '../../components/ServerTable';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';
import { applyFieldErrors } from '../../components/form-errors';
import { useServerTable } from '../../components/useServerTable';

const FILTERS = ['status', 'regionCode'] as const;

/** 封闭楼栋: seal with residents and reason, daily status, release; totals of buildings and people per region. */
export function SealedBuildingsPage() {
  const { t } = useTranslation('isolation');
  const { message } = App.useApp();
  const perms = usePermissions();
  const qc = useQueryClient();
  const { query, filters, setFilters, tableProps } = useServerTable<SealedBuilding, (typeof FILTERS)[number]>(
    '/api/sealed-buildings',
    FILTERS,
  );
  const report = useQuery({
    queryKey: ['/api/sealed-buildings/report', filters.regionCode],
    queryFn: () => api.get<SealedReport>('/api/sealed-buildings/report', { regionCode: filters.regionCode }),
  });
  const [form] = Form.useForm();
  const [sealForm] = Form.useForm();
  const [statusForm] = Form.useForm();
  const [sealing, setSealing] = useState(false);
  const [reporting, setReporting] = useState<SealedBuilding | null>(null);
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['/api/sealed-buildings'] });
    void report.refetch();
  };
  const seal = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post('/api/sealed-buildings', v),
    onSuccess: () => {
      setSealing(false);
      sealForm.resetFields();
      refresh();
    },
    onError: (e) => applyFieldErrors(sealForm, e) || message.error((e as Error).message),
  });
  const status = useMutation({
    mutationFn: (v: { note: string }) => api.post(`/api/sealed-buildings/${reporting!.id}/status`, v),
    onSuccess: () => {
      setReporting(null);
      statusForm.resetFields();
      refresh();
    },
    onError: (e) => message.error((e as Error).message),
  });
  const release = useMutation({
    mutationFn: (id: number) => api.post(`/api/sealed-buildings/${id}/release`),
    onSuccess: refresh,
    onError: (e) => message.error((e as Error).message),
  });
  const seals = perms.has('isolation.seal');
  const columns: TableColumnsType<SealedBuilding> = [
    { title: t('sealed.name'), dataIndex: 'name' },
    { title: t('field.region'), dataIndex: 'regionName', width: 140 },
    { title: t('sealed.residents'), dataIndex: 'residents', width: 90 },
    { title: t('sealed.reason'), dataIndex: 'reason', width: 160 },
    { title: t('sealed.period'), width: 200, render: (_, r) => `${r.sealedOn} — ${r.releasedOn ?? ''}` },
    {
      title: t('sealed.lastStatus'),
      dataIndex: 'lastStatusNote',
      render: (n: string | null, r) => (n ? `${r.lastStatusDate} ${n}` : '—'),
    },
    {
      title: t('common:table.actions'),
      width: 170,
      render: (_, r) =>
        r.status === 'sealed' &&
        seals && (
          <Space size={4}>
            <Button size="small" onClick={() => setReporting(r)}>
              {t('sealed.report')}
            </Button>
            <Popconfirm title={t('sealed.confirmRelease', { name: r.name })} onConfirm={() => release.mutate(r.id)}>
              <Button size="small" type="primary">
                {t('sealed.release')}
              </Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];
  const total = report.data?.total;
  return (
    <PageContainer
      title={t('menu.sealed')}
      extra={
        seals && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setSealing(true)}>
            {t('sealed.seal')}
          </Button>
        )
      }
    >
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        loading={report.isLoading}
        title={report.data ? t('sealed.reportTitle', { region: report.data.regionName }) : undefined}
        extra={
          report.data && (
            <ExportButton
              url="/api/sealed-buildings/report/export"
              filename={`${t('sealed.reportTitle', { region: report.data.regionName })}.xlsx`}
              query={{ regionCode: filters.regionCode }}
            />
          )
        }
      >
        {report.isError ? (
          <ErrorState error={report.error} />
        ) : (
          total && (
            <>
              <Space size="large" wrap data-testid="sealed-total">
                <Statistic title={t('sealed.buildingsTotal')} value={total.buildings} />
                <Statistic title={t('sealed.peopleTotal')} value={total.people} />
                <Statistic title={t('sealed.sealedNow')} value={total.sealedNow} />
                <Statistic title={t('sealed.peopleNow')} value={total.peopleSealedNow} />
              </Space>
              <Table
                size="small"
                rowKey="regionCode"
                pagination={false}
                style={{ marginTop: 12 }}
                dataSource={report.data!.rows}
                columns={[
                  { title: t('field.region'), dataIndex: 'regionName' },
                  { title: t('sealed.buildingsTotal'), dataIndex: 'buildings' },
                  { title: t('sealed.peopleTotal'), dataIndex: 'people' },
                  { title: t('sealed.sealedNow'), dataIndex: 'sealedNow' },
                ]}
              />
            </>
          )
        )}
      </Card>
      <Form
        form={form}
        layout="inline"
        initialValues={filters}
        onFinish={(v) => setFilters(v)}
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('field.status')}
            style={{ width: 120 }}
            onChange={() => form.submit()}
            options={(['sealed', 'released'] as const).map((s) => ({ value: s, label: t(`sealed.status.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="regionCode">
          <RegionPicker onChange={() => form.submit()} />
        </Form.Item>
      </Form>
      <ServerTable<SealedBuilding>
        query={query}
        rowKey="id"
        size="small"
        columns={columns}
        scroll={{ x: 1000 }}
        {...tableProps}
        locale={{ emptyText: t('list.empty') }}
      />
      <Modal
        open={sealing}
        title={t('sealed.seal')}
        onCancel={() => setSealing(false)}
        onOk={() => sealForm.submit()}
        confirmLoading={seal.isPending}
      >
        <Form form={sealForm} layout="vertical" onFinish={(v) => seal.mutate(v)}>
          <Form.Item name="name" label={t('sealed.name')} rules={[{ required: true, message: t('common:validation.required') }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="regionCode"
            label={t('field.region')}
            rules={[{ required: true, message: t('common:validation.required') }]}
          >
            <RegionPicker />
          </Form.Item>
          <Form.Item
            name="residents"
            label={t('sealed.residents')}
            rules={[{ required: true, message: t('common:validation.required') }]}
          >
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('sealed.reason')}
            rules={[{ required: true, min: 2, message: t('assess.reasonRequired') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!reporting}
        title={t('sealed.report')}
        onCancel={() => setReporting(null)}
        onOk={() => statusForm.submit()}
        confirmLoading={status.isPending}
      >
        <Form form={statusForm} layout="vertical" onFinish={(v) => status.mutate(v)}>
          <Form.Item name="note" label={t('sealed.note')} rules={[{ required: true, message: t('common:validation.required') }]}>
            <Input.TextArea maxLength={300} rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
