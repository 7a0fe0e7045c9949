import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Flex, Form, Grid, Input, Modal, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LiaisonCadre, LiaisonTeam } from '@fugong/contract';
import { api } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';
import { applyFieldErrors } from '../../components/form-errors';
import { ServerTable } from '../../components/ServerTable';
import { useServerTable } from '../../components/useServerTable';

/** Forms a team, or edits one (`team` given): name, members from the area's liaisons, a leader among them. */
function TeamModal({ open, team, onClose }: { open: boolean; team: LiaisonTeam | null; onClose: () => void }) {
  const { t } = useTranslation('liaison');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [q, setQ] = useState('');
  const memberIds = (Form.useWatch('memberIds', form) as number[] | undefined) ?? [];
  const cadres = useQuery({
    queryKey: ['/api/liaison/cadres', q],
    queryFn: () => api.get<LiaisonCadre[]>('/api/liaison/cadres', { q: q || undefined }),
    enabled: open,
  });
  // names of members picked or already in the team, so the leader list still shows them after a new search
  const [known, setKnown] = useState<Map<number, string>>(new Map());
  const nameOf = (id: number) =>
    known.get(id) ??
    team?.members.find((m) => m.userId === id)?.displayName ??
    (cadres.data ?? []).find((c) => c.id === id)?.displayName ??
    `#${id}`;
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      team
        ? api.put<LiaisonTeam>(`/api/liaison/teams/${team.id}`, { ...v, version: team.version })
        : api.post<LiaisonTeam>('/api/liaison/teams', v),
    onSuccess: () => {
      message.success(t(team ? 'team.saved' : 'team.created'));
      onClose();
      void qc.invalidateQueries({ queryKey: ['/api/liaison/teams'] });
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(e.message);
    },
  });
  const required = [{ required: true, message: t('common:validation.required') }];
  const options = [
    ...(cadres.data ?? []).map((c) => ({ value: c.id, label: `${c.displayName}（${c.username}）` })),
    ...[...new Set([...known.keys(), ...(team?.members.map((m) => m.userId) ?? [])])]
      .filter((id) => !(cadres.data ?? []).some((c) => c.id === id))
      .map((id) => ({ value: id, label: nameOf(id) })),
  ];
  return (
    <Modal
      open={open}
      title={t(team ? 'team.editTitle' : 'team.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          team
            ? {
                name: team.name,
                memberIds: team.members.map((m) => m.userId),
                leaderId: team.members.find((m) => m.leader)?.userId,
              }
            : undefined
        }
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="name" label={t('team.name')} rules={required}>
          <Input maxLength={100} data-testid="team-name" />
        </Form.Item>
        {!team && (
          <Form.Item name="regionCode" label={t('team.region')} rules={required}>
            <RegionPicker />
          </Form.Item>
        )}
        <Form.Item name="memberIds" label={t('team.members')} rules={required} extra={t('team.membersHint')}>
          <Select
            mode="multiple"
            showSearch
            filterOption={false}
            onSearch={setQ}
            onChange={() => {
              const next = new Map(known);
              for (const c of cadres.data ?? []) next.set(c.id, c.displayName);
              setKnown(next);
            }}
            options={options}
            data-testid="team-members"
          />
        </Form.Item>
        <Form.Item name="leaderId" label={t('team.leader')} rules={required}>
          <Select options={memberIds.map((id) => ({ value: id, label: nameOf(id) }))} data-testid="team-leader" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 帮扶工作组: teams of cadres (e.g. three, one leader), each with the entities it looks after; formed, edited, dissolved. */
export function TeamsPage() {
  const { t } = useTranslation('liaison');
  const { message, modal } = App.useApp();
  const perms = usePermissions();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState<{ team: LiaisonTeam | null } | null>(null);
  const { query, filters, setFilters, tableProps } = useServerTable<LiaisonTeam, 'q' | 'regionCode'>('/api/liaison/teams', [
    'q',
    'regionCode',
  ]);
  const dissolve = useMutation({
    mutationFn: (team: LiaisonTeam) => api.post(`/api/liaison/teams/${team.id}/dissolve`),
    onSuccess: () => {
      message.success(t('team.dissolved'));
      void qc.invalidateQueries({ queryKey: ['/api/liaison/teams'] });
    },
    onError: (e) => message.error(e.message),
  });
  // a team still looking after entities is offered their reassignment first; the server refuses it too
  const askDissolve = (team: LiaisonTeam) =>
    team.assigned > 0
      ? modal.confirm({
          title: t('team.dissolve'),
          content: t('team.dissolveBusy', { count: team.assigned }),
          okText: t('team.reassign'),
          onOk: () => navigate(`/liaison/assignments?teamId=${team.id}`),
        })
      : modal.confirm({
          title: t('team.dissolve'),
          content: t('team.dissolveConfirm', { name: team.name }),
          okButtonProps: { danger: true },
          okText: t('team.dissolve'),
          onOk: () => dissolve.mutateAsync(team),
        });
  const screens = Grid.useBreakpoint();
  const actions = (r: LiaisonTeam) => (
    <Flex gap={4} wrap>
      <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ team: r })} data-testid="team-edit">
        {t('team.edit')}
      </Button>
      <Button size="small" danger icon={<DeleteOutlined />} onClick={() => askDissolve(r)} data-testid="team-dissolve">
        {t('team.dissolve')}
      </Button>
    </Flex>
  );
  const memberTags = (ms: LiaisonTeam['members']) =>
    ms.map((m) => (
      <Tag key={m.userId} color={m.leader ? 'gold' : undefined}>
        {m.displayName}
        {m.leader ? ` · ${t('team.leader')}` : ''}
      </Tag>
    ));
  // on a phone one column holds the whole team with its actions, so nothing hides behind a sideways scroll
  const phoneColumns: TableColumnsType<LiaisonTeam> = [
    {
      title: t('menu.teams'),
      key: 'team',
      render: (_: unknown, r) => (
        <Flex vertical gap={6}>
          <div>
            <b>{r.name}</b> <Typography.Text type="secondary">{r.regionName}</Typography.Text>
          </div>
          <div>{memberTags(r.members)}</div>
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Link to={`/liaison/assignments?teamId=${r.id}`}>
              {t('team.assigned')} {r.assigned}
            </Link>
            {perms.has('liaison.assign') && actions(r)}
          </Flex>
        </Flex>
      ),
    },
  ];
  const columns: TableColumnsType<LiaisonTeam> = [
    { title: t('team.name'), dataIndex: 'name' },
    { title: t('team.region'), dataIndex: 'regionName', width: 140 },
    { title: t('team.members'), dataIndex: 'members', render: memberTags },
    {
      title: t('team.assigned'),
      dataIndex: 'assigned',
      width: 110,
      align: 'right',
      render: (n: number, r) => <Link to={`/liaison/assignments?teamId=${r.id}`}>{n}</Link>,
    },
    ...(perms.has('liaison.assign')
      ? [
          {
            title: t('team.actions'),
            key: 'actions',
            width: 170,
            render: (_: unknown, r: LiaisonTeam) => actions(r),
          },
        ]
      : []),
  ];
  return (
    <PageContainer
      title={t('menu.teams')}
      extra={
        perms.has('liaison.assign') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ team: null })} data-testid="team-new">
            {t('team.new')}
          </Button>
        )
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('team.search')}
          defaultValue={filters.q}
          onSearch={(v) => setFilters({ ...filters, q: v })}
          style={{ maxWidth: 260 }}
        />
        <RegionPicker value={filters.regionCode ?? null} onChange={(c) => setFilters({ ...filters, regionCode: c ?? '' })} />
      </Flex>
      <ServerTable<LiaisonTeam>
        query={query}
        rowKey="id"
        size="small"
        columns={screens.md === false ? phoneColumns : columns}
        scroll={screens.md === false ? undefined : { x: 860 }}
        {...tableProps}
        locale={{ emptyText: t('team.empty') }}
      />
      <TeamModal open={editing != null} team={editing?.team ?? null} onClose={() => setEditing(null)} />
    </PageContainer>
  );
}
