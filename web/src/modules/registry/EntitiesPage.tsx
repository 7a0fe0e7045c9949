import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Form, Input, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  entityKinds,
  entityStatuses,
  fiveSmallVenueTypes,
  riskLevels,
  sectors,
  sizeClasses,
  smallVenueTypes,
  type Entity,
} from '@fugong/contract';
import { api } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { ServerTable } from '../../components/ServerTable';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';
import { StatusTag } from '../../components/StatusTag';
import { useServerTable } from '../../components/useServerTable';
import { entityStatusStyles } from './labels';
import { EntityFormModal } from './EntityFormModal';

// later modules' coverage views (e.g. without a liaison) arrive as one more key: `coverage`
const FILTERS = [
  'q',
  'regionCode',
  'kind',
  'sector',
  'industry',
  'aboveScale',
  'aboveQuota',
  'fourAbove',
  'sizeClass',
  'smallVenueType',
  'status',
  'riskLevel',
  'coverage',
] as const;
type FilterKey = (typeof FILTERS)[number];

/** 市场主体库: find entities in one's area by name, credit code, region and category; export what is shown. */
export function EntitiesPage() {
  const { t } = useTranslation('registry');
  const perms = usePermissions();
  const { query, filters, setFilters, tableProps } = useServerTable<Entity, FilterKey>('/api/registry/entities', FILTERS);
  const [filterForm] = Form.useForm();
  const [creating, setCreating] = useState(false);
  const submit = () => filterForm.submit();
  const yesNo = [
    { value: 'true', label: t('yes') },
    { value: 'false', label: t('no') },
  ];
  const sel = (name: FilterKey, label: string, options: { value: string; label: string }[], width = 130) => (
    <Form.Item name={name}>
      <Select allowClear placeholder={label} style={{ width }} options={options} onChange={submit} aria-label={label} />
    </Form.Item>
  );

  const columns: TableColumnsType<Entity> = [
    {
      title: t('entity.name'),
      dataIndex: 'name',
      width: 240,
      render: (name: string, e) => <Link to={`/registry/entities/${e.id}`}>{name}</Link>,
    },
    {
      title: `${t('entity.uscc')} / ${t('entity.regNo')}`,
      key: 'id',
      width: 200,
      render: (_, e) => <Typography.Text copyable={!!(e.uscc ?? e.regNo)}>{e.uscc ?? e.regNo ?? '—'}</Typography.Text>,
    },
    { title: t('entity.kind'), dataIndex: 'kind', width: 110, render: (k: string) => t(`kind.${k}`) },
    { title: t('entity.region'), dataIndex: 'regionName', width: 130, render: (v: string | null, e) => v ?? e.regionCode },
    { title: t('entity.sector'), dataIndex: 'sector', width: 70, render: (s: string) => t(`sector.${s}`) },
    { title: t('entity.industry'), dataIndex: 'industry', width: 110, render: (v: string | null) => v ?? '—' },
    {
      title: t('entity.scaleFlags'),
      key: 'flags',
      width: 170,
      render: (_, e) => (
        <Space size={2} wrap>
          {e.aboveScale && <Tag color="blue">{t('entity.aboveScale')}</Tag>}
          {e.aboveQuota && <Tag color="cyan">{t('entity.aboveQuota')}</Tag>}
          <Tag>{e.fourAbove ? t('entity.fourAbove') : t('entity.fourBelow')}</Tag>
          {e.sizeClass && <Tag>{t(`sizeClass.${e.sizeClass}`)}</Tag>}
          {e.smallVenueType && <Tag color="purple">{t(`smallVenueType.${e.smallVenueType}`)}</Tag>}
        </Space>
      ),
    },
    {
      title: t('entity.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: Entity['status']) => <StatusTag value={s} map={entityStatusStyles} />,
    },
  ];

  return (
    <PageContainer
      title={t('list.title')}
      extra={
        <>
          {perms.has('registry.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('list.create')}
            </Button>
          )}
          {perms.has('registry.import') && (
            <>
              <Link to="/registry/import">
                <Button icon={<UploadOutlined />}>{t('list.import')}</Button>
              </Link>
              <Button
                icon={<DownloadOutlined />}
                onClick={() => void api.download('/api/registry/imports/template', t('list.templateFile'))}
              >
                {t('list.template')}
              </Button>
            </>
          )}
          <ExportButton url="/api/registry/entities/export" filename={t('list.exportName')} query={filters} />
        </>
      }
    >
      <Form form={filterForm} layout="inline" className="fg-filters" initialValues={filters} onFinish={(v) => setFilters(v)}>
        <Form.Item name="q">
          <Input.Search
            placeholder={t('list.search')}
            allowClear
            onSearch={submit}
            style={{ width: 240 }}
            aria-label={t('list.search')}
          />
        </Form.Item>
        <Form.Item name="regionCode">
          <RegionPicker onChange={() => setTimeout(submit)} style={{ width: 200 }} />
        </Form.Item>
        {sel(
          'kind',
          t('entity.kind'),
          entityKinds.map((k) => ({ value: k, label: t(`kind.${k}`) })),
        )}
        {sel(
          'status',
          t('entity.status'),
          entityStatuses.map((s) => ({ value: s, label: t(`status.${s}`) })),
          110,
        )}
        {sel(
          'sector',
          t('entity.sector'),
          sectors.map((s) => ({ value: s, label: t(`sector.${s}`) })),
          100,
        )}
        <Form.Item name="industry">
          <Input
            placeholder={t('entity.industry')}
            allowClear
            onPressEnter={submit}
            style={{ width: 120 }}
            aria-label={t('entity.industry')}
          />
        </Form.Item>
        {sel('aboveScale', t('entity.aboveScale'), yesNo, 90)}
        {sel('aboveQuota', t('entity.aboveQuota'), yesNo, 90)}
        {sel('fourAbove', t('entity.fourAbove'), yesNo, 90)}
        {sel(
          'sizeClass',
          t('entity.sizeClass'),
          sizeClasses.map((s) => ({ value: s, label: t(`sizeClass.${s}`) })),
          110,
        )}
        <Form.Item name="smallVenueType">
          <Select
            allowClear
            placeholder={t('entity.smallVenueType')}
            style={{ width: 160 }}
            onChange={submit}
            aria-label={t('entity.smallVenueType')}
            options={[
              {
                label: t('smallVenueGroup.five'),
                options: fiveSmallVenueTypes.map((v) => ({ value: v, label: t(`smallVenueType.${v}`) })),
              },
              {
                label: t('smallVenueGroup.nine'),
                options: smallVenueTypes
                  .filter((v) => !(fiveSmallVenueTypes as readonly string[]).includes(v))
                  .map((v) => ({ value: v, label: t(`smallVenueType.${v}`) })),
              },
            ]}
          />
        </Form.Item>
        {sel(
          'riskLevel',
          t('entity.riskLevel'),
          riskLevels.map((r) => ({ value: r, label: t(`riskLevel.${r}`) })),
          110,
        )}
        <Form.Item>
          <Button
            onClick={() => {
              filterForm.setFieldsValue(Object.fromEntries(FILTERS.map((k) => [k, undefined])));
              setFilters({});
            }}
          >
            {t('common:action.reset')}
          </Button>
        </Form.Item>
      </Form>
      <ServerTable<Entity> query={query} rowKey="id" columns={columns} scroll={{ x: 1150 }} size="middle" {...tableProps} />
      <EntityFormModal open={creating} entity={null} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
