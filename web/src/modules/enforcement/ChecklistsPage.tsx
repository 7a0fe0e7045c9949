import { useEffect, useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, Modal, Segmented, Switch, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { premisesTypes, type InspectionChecklist, type InspectionChecklistItem, type PremisesType } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { PageContainer } from '../../components/PageContainer';

/** 检查清单配置: the items asked per premises type; edit texts, add items, deactivate (never delete) them. */
export function ChecklistsPage() {
  const { t } = useTranslation('enforcement');
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [type, setType] = useState<PremisesType>('five_small');
  const [items, setItems] = useState<InspectionChecklistItem[]>([]);
  const [dirty, setDirty] = useState(false);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const q = useQuery({
    queryKey: ['/api/enforcement/checklists', type],
    queryFn: () => api.get<InspectionChecklist>(`/api/enforcement/checklists/${type}`),
  });
  useEffect(() => {
    if (q.data) {
      setItems(q.data.items);
      setDirty(false);
    }
  }, [q.data]);
  const change = (next: InspectionChecklistItem[]) => {
    setItems(next);
    setDirty(true);
  };
  const save = useMutation({
    mutationFn: () => api.put<InspectionChecklist>(`/api/enforcement/checklists/${type}`, { items }),
    onSuccess: (c) => {
      message.success(t('checklist.saved'));
      qc.setQueryData(['/api/enforcement/checklists', type], c);
    },
    onError: (e) => message.error(e.message),
  });
  return (
    <PageContainer
      title={t('menu.checklists')}
      extra={
        <Flex gap={8}>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="checklist-add">
            {t('action.addItem')}
          </Button>
          <Button
            type="primary"
            disabled={!dirty}
            loading={save.isPending}
            onClick={() => save.mutate()}
            data-testid="checklist-save"
          >
            {t('common:action.save')}
          </Button>
        </Flex>
      }
    >
      <Segmented
        style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
        value={type}
        onChange={(v) => {
          if (!dirty) setType(v as PremisesType);
          else modal.confirm({ title: t('checklist.unsaved'), onOk: () => setType(v as PremisesType) });
        }}
        options={premisesTypes.map((p) => ({ value: p, label: t(`premises.${p}`) }))}
      />
      {dirty && <Alert type="warning" showIcon message={t('checklist.unsaved')} style={{ marginBottom: 12 }} />}
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<InspectionChecklistItem>
          rowKey="code"
          size="small"
          loading={q.isFetching}
          pagination={false}
          dataSource={items}
          columns={[
            {
              title: t('checklist.code'),
              dataIndex: 'code',
              width: 140,
              render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
            },
            {
              title: t('checklist.text'),
              dataIndex: 'text',
              render: (text: string, r) => (
                <Typography.Text
                  editable={{
                    onChange: (v) => v.trim() && change(items.map((i) => (i.code === r.code ? { ...i, text: v.trim() } : i))),
                  }}
                  type={r.active ? undefined : 'secondary'}
                  delete={!r.active}
                >
                  {text}
                </Typography.Text>
              ),
            },
            {
              title: t('checklist.active'),
              dataIndex: 'active',
              width: 90,
              render: (active: boolean, r) => (
                <Switch
                  checked={active}
                  onChange={(on) => {
                    const apply = () => change(items.map((i) => (i.code === r.code ? { ...i, active: on } : i)));
                    if (on) apply();
                    else modal.confirm({ title: t('checklist.deactivateConfirm'), onOk: apply });
                  }}
                />
              ),
            },
          ]}
        />
      )}
      <Modal
        open={adding}
        title={t('action.addItem')}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v: { code: string; text: string }) => {
            if (items.some((i) => i.code === v.code)) {
              form.setFields([{ name: 'code', errors: [t('checklist.codeTaken')] }]);
              return;
            }
            change([...items, { code: v.code, text: v.text.trim(), active: true }]);
            setAdding(false);
          }}
        >
          <Form.Item
            name="code"
            label={t('checklist.code')}
            extra={t('checklist.codeHint')}
            rules={[{ required: true, pattern: /^[a-z0-9_]{1,32}$/, message: t('checklist.codeHint') }]}
          >
            <Input maxLength={32} />
          </Form.Item>
          <Form.Item
            name="text"
            label={t('checklist.text')}
            rules={[{ required: true, whitespace: true, message: t('common:validation.required') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
