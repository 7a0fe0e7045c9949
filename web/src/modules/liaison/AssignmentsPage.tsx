import { useState } from 'react';
import { Link } from 'react-router';
import {
  Alert,
  App,
  Button,
  Drawer,
  Flex,
  Form,
  Input,
  List,
  Radio,
  Select,
  Tabs,
  Tag,
  Timeline,
  Typography,
  type TableColumnsType,
} from 'antd';
import { HistoryOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  entityKinds,
  type LiaisonAssignment,
  type LiaisonCadre,
  type LiaisonTeam,
  type Page,
  type ResolvedList,
} from '@fugong/contract';
import { api } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { EntitySelect } from '../../components/EntitySelect';
import { ErrorState } from '../../components/ErrorState';
import { ServerTable } from '../../components/ServerTable';
import { PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';
import { applyFieldErrors } from '../../components/form-errors';
import { useServerTable } from '../../components/useServerTable';

/** Cadres or teams found by name, for the assignee field. */
function AssigneeSelect({
  kind,
  value,
  onChange,
}: {
  kind: 'liaison' | 'team';
  value?: number;
  onChange?: (v?: number) => void;
}) {
  const { t } = useTranslation('liaison');
  const [q, setQ] = useState('');
  const cadres = useQuery({
    queryKey: ['/api/liaison/cadres', q],
    queryFn: () => api.get<LiaisonCadre[]>('/api/liaison/cadres', { q: q || undefined }),
    enabled: kind === 'liaison',
  });
  const teams = useQuery({
    queryKey: ['/api/liaison/teams', 'select', q],
    queryFn: () => api.get<Page<LiaisonTeam>>('/api/liaison/teams', { q: q || undefined, pageSize: 30 }),
    enabled: kind === 'team',
  });
  const options =
    kind === 'liaison'
      ? (cadres.data ?? []).map((c) => ({
          value: c.id,
          label: `${c.displayName}（${c.regionName ?? ''} · ${t('assign.load', { count: c.assigned })}）`,
        }))
      : (teams.data?.items ?? []).map((x) => ({
          value: x.id,
          label: `${x.name}（${x.members.map((m) => m.displayName + (m.leader ? `·${t('team.leader')}` : '')).join('、')}）`,
        }));
  return (
    <Select
      showSearch
      allowClear
      filterOption={false}
      onSearch={setQ}
      value={value}
      onChange={onChange}
      options={options}
      placeholder={t('assign.assigneeSearch')}
      style={{ width: '100%' }}
      data-testid={`assign-${kind}`}
    />
  );
}

/** Assign a cadre or a team: chosen entities, a pasted list (names or credit codes), or a region's uncovered ones. */
function AssignDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('liaison');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [mode, setMode] = useState<'pick' | 'paste' | 'region'>('pick');
  const [resolved, setResolved] = useState<ResolvedList | null>(null);
  const assigneeKind = (Form.useWatch('assigneeKind', form) as 'liaison' | 'team' | undefined) ?? 'liaison';
  const resolve = useMutation({
    mutationFn: (text: string) =>
      api.post<ResolvedList>('/api/liaison/assignments/resolve', {
        lines: text
          .split(/\r?\n|[,，;；\t]/)
          .map((l) => l.trim())
          .filter(Boolean)
          .slice(0, 1000),
      }),
    onSuccess: setResolved,
    onError: (e) => message.error(e.message),
  });
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      api.post<{ assigned: number }>('/api/liaison/assignments', {
        entityIds: mode === 'pick' ? v.entityIds : mode === 'paste' ? resolved?.matched.map((m) => m.entityId) : undefined,
        regionCode: mode === 'region' ? v.regionCode : undefined,
        kind: mode === 'region' ? v.kind : undefined,
        liaisonUserId: assigneeKind === 'liaison' ? v.assignee : null,
        teamId: assigneeKind === 'team' ? v.assignee : null,
        reason: v.reason || null,
      }),
    onSuccess: (r) => {
      message.success(t('assign.done', { count: r.assigned }));
      for (const k of ['/api/liaison/assignments', '/api/liaison/coverage', '/api/liaison/teams', '/api/liaison/cadres'])
        void qc.invalidateQueries({ queryKey: [k] });
      form.resetFields();
      setResolved(null);
      onClose();
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(e.message);
    },
  });
  const required = [{ required: true, message: t('common:validation.required') }];
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('assign.title')}
      width={Math.min(560, typeof window === 'undefined' ? 560 : window.innerWidth)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ assigneeKind: 'liaison' }}>
        <Tabs
          activeKey={mode}
          onChange={(k) => setMode(k as typeof mode)}
          items={[
            {
              key: 'pick',
              label: t('assign.pick'),
              children: mode === 'pick' && (
                <Form.Item name="entityIds" label={t('assign.entities')} rules={required}>
                  <EntitySelect multiple placeholder={t('assign.entitySearch')} testId="assign-entities" />
                </Form.Item>
              ),
            },
            {
              key: 'paste',
              label: t('assign.paste'),
              children: mode === 'paste' && (
                <>
                  <Form.Item name="pasted" label={t('assign.pasteLabel')} extra={t('assign.pasteHint')}>
                    <Input.TextArea rows={6} data-testid="assign-paste" />
                  </Form.Item>
                  <Button
                    onClick={() => resolve.mutate(String(form.getFieldValue('pasted') ?? ''))}
                    loading={resolve.isPending}
                    style={{ marginBottom: 12 }}
                    data-testid="assign-resolve"
                  >
                    {t('assign.match')}
                  </Button>
                  {resolved && (
                    <>
                      <Alert
                        type={resolved.unmatched.length ? 'warning' : 'success'}
                        showIcon
                        style={{ marginBottom: 8 }}
                        message={t('assign.matched', { matched: resolved.matched.length, unmatched: resolved.unmatched.length })}
                      />
                      <List
                        size="small"
                        bordered
                        style={{ maxHeight: 220, overflow: 'auto', marginBottom: 12 }}
                        dataSource={[
                          ...resolved.unmatched.map((u) => ({
                            key: `u-${u.line}`,
                            text: u.line,
                            tag: <Tag color="red">{t(`assign.${u.reason}`)}</Tag>,
                          })),
                          ...resolved.matched.map((m) => ({
                            key: `m-${m.entityId}`,
                            text: `${m.name}${m.uscc ? `（${m.uscc}）` : ''}`,
                            tag: <Tag color="green">{t(`registry:kind.${m.kind}`, { defaultValue: m.kind })}</Tag>,
                          })),
                        ]}
                        renderItem={(x) => (
                          <List.Item>
                            <Typography.Text ellipsis style={{ maxWidth: '75%' }}>
                              {x.text}
                            </Typography.Text>
                            {x.tag}
                          </List.Item>
                        )}
                      />
                    </>
                  )}
                </>
              ),
            },
            {
              key: 'region',
              label: t('assign.region'),
              children: mode === 'region' && (
                <>
                  <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('assign.regionHint')} />
                  <Form.Item name="regionCode" label={t('assign.regionLabel')} rules={required}>
                    <RegionPicker />
                  </Form.Item>
                  <Form.Item name="kind" label={t('coverage.kind')}>
                    <Select
                      allowClear
                      options={entityKinds.map((k) => ({ value: k, label: t(`registry:kind.${k}`, { defaultValue: k }) }))}
                    />
                  </Form.Item>
                </>
              ),
            },
          ]}
        />
        <Form.Item name="assigneeKind" label={t('assign.assigneeKind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'liaison', label: t('assign.cadre') },
              { value: 'team', label: t('assign.team') },
            ]}
            onChange={() => form.setFieldValue('assignee', undefined)}
          />
        </Form.Item>
        <Form.Item name="assignee" label={assigneeKind === 'team' ? t('assign.team') : t('assign.cadre')} rules={required}>
          <AssigneeSelect kind={assigneeKind} />
        </Form.Item>
        <Form.Item name="reason" label={t('assign.reason')} extra={t('assign.reasonHint')}>
          <Input maxLength={200} />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={save.isPending}
          disabled={mode === 'paste' && !resolved?.matched.length}
          data-testid="assign-submit"
        >
          {t('assign.submit')}
        </Button>
      </Form>
    </Drawer>
  );
}

/** The history of one entity's liaisons: who, from when to when, why it changed. */
function HistoryDrawer({ entity, onClose }: { entity: { id: number; name: string } | null; onClose: () => void }) {
  const { t } = useTranslation('liaison');
  const q = useQuery({
    queryKey: ['/api/liaison/assignments', 'history', entity?.id],
    queryFn: () =>
      api.get<Page<LiaisonAssignment>>('/api/liaison/assignments', { entityId: entity!.id, current: 'false', pageSize: 100 }),
    enabled: !!entity,
  });
  return (
    <Drawer
      open={!!entity}
      onClose={onClose}
      title={t('assign.historyOf', { name: entity?.name ?? '' })}
      width={Math.min(480, typeof window === 'undefined' ? 480 : window.innerWidth)}
    >
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Timeline
          items={(q.data?.items ?? []).map((a) => ({
            color: a.endedAt ? 'gray' : 'green',
            children: (
              <div data-testid="assign-history-item">
                <b>{a.teamName ?? a.liaisonName}</b> {a.endedAt ? '' : <Tag color="green">{t('assign.current')}</Tag>}
                <div>
                  {a.startedAt.slice(0, 10)} ～ {a.endedAt ? a.endedAt.slice(0, 10) : t('assign.now')}
                  {a.assignedBy ? ` · ${t('assign.by', { name: a.assignedBy })}` : ''}
                </div>
                {a.endedReason && <Typography.Text type="secondary">{a.endedReason}</Typography.Text>}
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}

/** 联络员配置: who looks after which entity now; assign in bulk; every change kept in the history. */
export function AssignmentsPage() {
  const { t } = useTranslation('liaison');
  const perms = usePermissions();
  const [assigning, setAssigning] = useState(false);
  const [history, setHistory] = useState<{ id: number; name: string } | null>(null);
  const { query, filters, setFilters, tableProps } = useServerTable<LiaisonAssignment, 'q' | 'regionCode' | 'teamId'>(
    '/api/liaison/assignments',
    ['q', 'regionCode', 'teamId'],
  );
  const columns: TableColumnsType<LiaisonAssignment> = [
    {
      title: t('assign.entity'),
      dataIndex: 'entityName',
      render: (n: string, r) => <Link to={`/registry/entities/${r.entityId}`}>{n}</Link>,
    },
    {
      title: t('coverage.kind'),
      dataIndex: 'entityKind',
      width: 100,
      render: (k: string) => t(`registry:kind.${k}`, { defaultValue: k }),
    },
    {
      title: t('assign.assignee'),
      render: (_, r) =>
        r.teamName ? (
          <>
            <Tag color="blue">{t('assign.team')}</Tag>
            {r.teamName}
          </>
        ) : (
          r.liaisonName
        ),
    },
    { title: t('assign.since'), dataIndex: 'startedAt', width: 110, render: (s: string) => s.slice(0, 10) },
    {
      title: '',
      width: 90,
      render: (_, r) => (
        <Button
          size="small"
          type="link"
          icon={<HistoryOutlined />}
          onClick={() => setHistory({ id: r.entityId, name: r.entityName })}
        >
          {t('assign.history')}
        </Button>
      ),
    },
  ];
  return (
    <PageContainer
      title={t('menu.assignments')}
      extra={
        perms.has('liaison.assign') && (
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAssigning(true)} data-testid="assign-open">
            {t('assign.title')}
          </Button>
        )
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('assign.searchEntity')}
          defaultValue={filters.q}
          onSearch={(v) => setFilters({ ...filters, q: v })}
          style={{ maxWidth: 260 }}
        />
        <RegionPicker value={filters.regionCode ?? null} onChange={(c) => setFilters({ ...filters, regionCode: c ?? '' })} />
        {filters.teamId && (
          <Tag closable onClose={() => setFilters({ ...filters, teamId: '' })}>
            {t('assign.team')} #{filters.teamId}
          </Tag>
        )}
      </Flex>
      <ServerTable<LiaisonAssignment>
        query={query}
        rowKey="id"
        size="small"
        columns={columns}
        scroll={{ x: 700 }}
        {...tableProps}
        locale={{ emptyText: t('assign.empty') }}
      />
      <AssignDrawer open={assigning} onClose={() => setAssigning(false)} />
      <HistoryDrawer entity={history} onClose={() => setHistory(null)} />
    </PageContainer>
  );
}
