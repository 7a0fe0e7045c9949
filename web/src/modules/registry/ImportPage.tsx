import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Result,
  Row,
  Segmented,
  Space,
  Spin,
  Statistic,
  Steps,
  Table,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ImportConfirmResult, ImportPreview, ImportRow } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { PageContainer } from '../../components/PageContainer';
import { StatusTag } from '../../components/StatusTag';
import { statusStyles } from '../../components/status-styles';

const ONLY = ['all', 'error', 'create', 'update', 'unchanged'] as const;
type Only = (typeof ONLY)[number];
const actionStyles = statusStyles<ImportRow['action']>('registry:import', {
  create: 'green',
  update: 'blue',
  unchanged: 'default',
  error: 'red',
});

/** Import wizard: upload → preview with every row's problems → confirm, written in one go. The token in the URL keeps the preview across reloads. */
export function ImportPage() {
  const { t } = useTranslation('registry');
  const { message, modal } = App.useApp();
  const [search, setSearch] = useSearchParams();
  const token = search.get('token');
  const [only, setOnly] = useState<Only>('all');
  const [page, setPage] = useState({ current: 1, size: 20 });
  const [result, setResult] = useState<ImportConfirmResult | null>(null);

  const upload = useMutation({
    mutationFn: (file: File) => {
      const fd = new FormData();
      fd.append('file', file);
      return api.post<ImportPreview>('/api/registry/imports', fd);
    },
    onSuccess: (p) => {
      setResult(null);
      setOnly(p.summary.error > 0 ? 'error' : 'all');
      setPage({ current: 1, size: 20 });
      setSearch({ token: p.token }, { replace: true });
    },
    onError: (e) => message.error(e.message),
  });

  const preview = useQuery({
    queryKey: ['registry', 'import', token, only, page.current, page.size],
    queryFn: () => api.get<ImportPreview>(`/api/registry/imports/${token}`, { only, page: page.current, pageSize: page.size }),
    enabled: !!token,
    placeholderData: keepPreviousData,
  });

  const confirm = useMutation({
    mutationFn: () => api.post<ImportConfirmResult>(`/api/registry/imports/${token}/confirm`),
    onSuccess: (r) => setResult(r),
    onError: (e) => message.error(e.message),
  });

  const restart = () => {
    setResult(null);
    setSearch({}, { replace: true });
  };
  const p = preview.data;
  const step = result || p?.status === 'confirmed' ? 2 : token ? 1 : 0;
  const writable = p ? p.summary.create + p.summary.update : 0;

  const columns: TableColumnsType<ImportRow> = [
    { title: t('import.row'), dataIndex: 'row', width: 70 },
    {
      title: t('import.action'),
      dataIndex: 'action',
      width: 90,
      render: (a: ImportRow['action']) => <StatusTag value={a} map={actionStyles} />,
    },
    { title: t('entity.name'), dataIndex: 'name', width: 200, render: (v: string | null) => v ?? '—' },
    { title: t('entity.uscc'), dataIndex: 'uscc', width: 190, render: (v: string | null) => v ?? '—' },
    { title: t('entity.regionCode'), dataIndex: 'regionCode', width: 140, render: (v: string | null) => v ?? '—' },
    {
      title: t('import.problems'),
      key: 'problems',
      render: (_, r) =>
        r.errors.length > 0 ? (
          <Space direction="vertical" size={0}>
            {r.errors.map((e) => (
              <Typography.Text type="danger" key={e.field + e.message} data-testid="row-error">
                {t(`entity.${e.field}`, { defaultValue: e.field })}：{e.message}
              </Typography.Text>
            ))}
          </Space>
        ) : r.changes.length > 0 ? (
          <Typography.Text type="secondary">
            {t('import.changes')}：{r.changes.map((c) => t(`entity.${c}`, { defaultValue: c })).join('、')}
          </Typography.Text>
        ) : null,
    },
  ];

  const onConfirm = () =>
    modal.confirm({
      title: t('import.confirm'),
      content: t('import.confirmQuestion', {
        count: writable,
        create: p!.summary.create,
        update: p!.summary.update,
        error: p!.summary.error,
      }),
      okText: t('import.confirm'),
      cancelText: t('common:action.cancel'),
      onOk: () => confirm.mutateAsync(),
    });

  return (
    <PageContainer
      title={t('import.title')}
      extra={
        <Button
          icon={<DownloadOutlined />}
          onClick={() => void api.download('/api/registry/imports/template', t('list.templateFile'))}
        >
          {t('list.template')}
        </Button>
      }
    >
      <Steps
        current={step}
        style={{ marginBottom: 24 }}
        items={[{ title: t('import.step1') }, { title: t('import.step2') }, { title: t('import.step3') }]}
        responsive
      />

      {step === 0 && (
        <Spin spinning={upload.isPending} tip={t('import.uploading')}>
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            beforeUpload={(file) => {
              upload.mutate(file);
              return false;
            }}
            data-testid="import-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('import.drop')}</p>
            <p className="ant-upload-hint">{t('import.dropHint')}</p>
          </Upload.Dragger>
        </Spin>
      )}

      {step === 1 && preview.isError && <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />}
      {step === 1 && preview.isPending && <Spin />}
      {step === 1 && p && (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Row gutter={16}>
              {(['total', 'create', 'update', 'unchanged', 'error'] as const).map((k) => (
                <Col xs={12} sm={8} md={4} key={k}>
                  <Statistic
                    title={t(`import.${k}`)}
                    value={p.summary[k]}
                    valueStyle={k === 'error' && p.summary.error > 0 ? { color: '#cf1322' } : undefined}
                  />
                </Col>
              ))}
            </Row>
          </Card>
          {p.status === 'expired' && <Alert type="warning" showIcon message={t('import.expired')} style={{ marginBottom: 16 }} />}
          <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
            <Segmented<Only>
              value={only}
              onChange={(v) => {
                setOnly(v);
                setPage((x) => ({ ...x, current: 1 }));
              }}
              options={ONLY.map((o) => ({ value: o, label: t(`import.${o}`) }))}
            />
            <Space>
              <Button onClick={restart}>{t('import.restart')}</Button>
              <Button
                type="primary"
                disabled={writable === 0 || p.status !== 'preview'}
                loading={confirm.isPending}
                onClick={onConfirm}
                data-testid="import-confirm"
              >
                {writable === 0 ? t('import.nothingToWrite') : t('import.confirm')}
              </Button>
            </Space>
          </Space>
          <Table<ImportRow>
            rowKey="row"
            size="small"
            columns={columns}
            dataSource={p.rows}
            loading={preview.isFetching}
            scroll={{ x: 900 }}
            onRow={(r) => (r.action === 'error' ? { style: { background: '#fff1f0' } } : {})}
            pagination={{
              current: page.current,
              pageSize: page.size,
              total: p.rowsTotal,
              showSizeChanger: true,
              showTotal: (n) => t('common:table.total', { count: n }),
              onChange: (current, size) => setPage({ current: size !== page.size ? 1 : current, size }),
            }}
          />
        </>
      )}

      {step === 2 && (
        <Result
          status="success"
          title={t('import.done')}
          subTitle={result ? t('import.doneDetail', result) : t('import.confirmedAlready')}
          extra={[
            <Link to="/registry/entities" key="list">
              <Button type="primary">{t('import.toList')}</Button>
            </Link>,
            <Button key="again" onClick={restart}>
              {t('import.restart')}
            </Button>,
          ]}
        />
      )}
    </PageContainer>
  );
}
