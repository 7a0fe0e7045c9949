import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Flex, Form, Input, Modal, Select, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LiaisonCadre, LiaisonTeam } from '@fugong/contract';
import { api } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { ServerTable } from '../../components/ServerTable';
import { PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';
import { applyFieldErrors } from '../../components/form-errors';
import { useServerTable } from '../../components/useServerTable';

/** 帮扶工作组: teams of cadres (e.g. three, one leader), each with the entities it looks after. */
export function TeamsPage() {
  const { t } = useTranslation('liaison');
  const { message } = App.useApp();
  const perms = usePermissions();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [form] = Form.useForm();
  const memberIds = (Form.useWatch('memberIds', form) as number[] | undefined) ?? [];
  const { query, filters, setFilters, tableProps } = useServerTable<LiaisonTeam, 'q' | 'regionCode'>('/api/liaison/teams', ['q', 'regionCode']);
  const cadres = useQuery({ queryKey: ['/api/liaison/cadres', q], queryFn: () => api.get<LiaisonCadre[]>('/api/liaison/cadres', { q: q || undefined }), enabled: open });
  const [known, setKnown] = useState<Map<number, string>>(new Map());
  const create = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post<LiaisonTeam>('/api/liaison/teams', v),
    onSuccess: () => {
      message.success(t('team.created'));
      setOpen(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['/api/liaison/teams'] });
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(e.message);
    },
  });
  const required = [{ required: true, message: t('common:validation.required') }];
  const columns: TableColumnsType<LiaisonTeam> = [
    { title: t('team.name'), dataIndex: 'name' },
    { title: t('team.region'), dataIndex: 'regionName', width: 140 },
    { title: t('team.members'), dataIndex: 'members', render: (ms: LiaisonTeam['members']) => ms.map((m) => <Tag key={m.userId} color={m.leader ? 'gold' : undefined}>{m.displayName}{m.leader ? ` · ${t('team.leader')}` : ''}</Tag>) },
    { title: t('team.assigned'), dataIndex: 'assigned', width: 110, align: 'right', render: (n: number, r) => <Link to={`/liaison/assignments?teamId=${r.id}`}>{n}</Link> },
  ];
  return (
    <PageContainer
      title={t('menu.teams')}
      extra={
        perms.has('liaison.assign') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="team-new">
            {t('team.new')}
          </Button>
        )
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('team.search')} defaultValue={filters.q} onSearch={(v) => setFilters({ ...filters, q: v })} style={{ maxWidth: 260 }} />
        <RegionPicker value={filters.regionCode ?? null} onChange={(c) => setFilters({ ...filters, regionCode: c ?? '' })} />
      </Flex>
      <ServerTable<LiaisonTeam> query={query} rowKey="id" size="small" columns={columns} scroll={{ x: 700 }} {...tableProps} locale={{ emptyText: t('team.empty') }} />
      <Modal open={open} title={t('team.new')} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="name" label={t('team.name')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="regionCode" label={t('team.region')} rules={required}>
            <RegionPicker />
          </Form.Item>
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
              options={[...(cadres.data ?? []).map((c) => ({ value: c.id, label: `${c.displayName}（${c.username}）` })), ...[...known].filter(([id]) => !(cadres.data ?? []).some((c) => c.id === id)).map(([id, name]) => ({ value: id, label: name }))]}
            />
          </Form.Item>
          <Form.Item name="leaderId" label={t('team.leader')} rules={required}>
            <Select options={memberIds.map((id) => ({ value: id, label: known.get(id) ?? (cadres.data ?? []).find((c) => c.id === id)?.displayName ?? `#${id}` }))} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
