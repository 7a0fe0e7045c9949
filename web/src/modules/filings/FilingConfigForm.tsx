import { App, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Select, Space, Switch, Tabs } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { departments, entityKinds, filingRoutes, sectors, smallVenueTypes, type FilingConfigVersion } from '@fugong/contract';
import { api } from '../../app/api';
import { applyFieldErrors } from '../../components/form-errors';

/** Routes, checklists, commitment text and quiz, edited together and saved as a new version. */
export function ConfigForm({ current }: { current: FilingConfigVersion }) {
  const { t } = useTranslation('filings');
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const checklistKeys =
    (Form.useWatch(['config', 'checklists'], form) as { key?: string }[] | undefined)?.map((c) => c?.key).filter(Boolean) ??
    current.config.checklists.map((c) => c.key);
  const save = useMutation({
    mutationFn: (v: unknown) => api.post<FilingConfigVersion>('/api/filings/config', v),
    onSuccess: async (v) => {
      message.success(t('config.saved', { version: v.version }));
      await qc.invalidateQueries({ queryKey: ['filings'] });
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(e.message);
      else message.error(e.message);
    },
  });
  const opts = (values: readonly string[], prefix: string, ns = 'filings') =>
    values.map((v) => ({ value: v, label: t(`${ns}:${prefix}.${v}`) }));
  const req = { required: true, message: t('common:validation.required') };

  const rulesTab = (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form.List name={['config', 'rules']}>
        {(fields, { add, remove, move }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                title={
                  <Form.Item noStyle name={[f.name, 'name']} rules={[req]}>
                    <Input style={{ maxWidth: 320 }} placeholder={t('config.ruleName')} />
                  </Form.Item>
                }
                extra={
                  <Space>
                    <Button size="small" disabled={i === 0} onClick={() => move(i, i - 1)}>
                      ↑
                    </Button>
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(f.name)}
                      aria-label={t('common:action.delete')}
                    />
                  </Space>
                }
              >
                <Flex wrap gap={12}>
                  <Form.Item name={[f.name, 'match', 'kinds']} label={t('config.kinds')} style={{ minWidth: 220 }}>
                    <Select
                      mode="multiple"
                      allowClear
                      options={opts(entityKinds, 'kind', 'registry')}
                      placeholder={t('config.any')}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'match', 'smallVenueTypes']}
                    label={t('config.smallVenueTypes')}
                    style={{ minWidth: 260 }}
                  >
                    <Select
                      mode="multiple"
                      allowClear
                      options={opts(smallVenueTypes, 'smallVenueType', 'registry')}
                      placeholder={t('config.any')}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'match', 'sectors']} label={t('config.sectors')} style={{ minWidth: 180 }}>
                    <Select
                      mode="multiple"
                      allowClear
                      options={opts(sectors, 'sector', 'registry')}
                      placeholder={t('config.any')}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'match', 'industries']} label={t('config.industries')} style={{ minWidth: 260 }}>
                    <Select mode="tags" allowClear placeholder={t('config.any')} />
                  </Form.Item>
                </Flex>
                <Flex wrap gap={12}>
                  <Form.Item name={[f.name, 'route']} label={t('field.route')} rules={[req]} style={{ minWidth: 160 }}>
                    <Select options={opts(filingRoutes, 'route')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'batchNo']} label={t('config.batchNo')}>
                    <InputNumber min={1} max={5} precision={0} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'department']} label={t('field.department')} style={{ minWidth: 160 }}>
                    <Select allowClear options={departments.map((d) => ({ value: d, label: t(`common:department.${d}`) }))} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'checklistKey']}
                    label={t('config.checklist')}
                    rules={[req]}
                    style={{ minWidth: 160 }}
                  >
                    <Select options={checklistKeys.map((k) => ({ value: k, label: k }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'whitelistFastTrack']} label={t('config.whitelistFastTrack')} valuePropName="checked">
                    <Switch />
                  </Form.Item>
                </Flex>
              </Card>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() =>
                add({
                  name: '',
                  match: { kinds: [], smallVenueTypes: [], sectors: [], industries: [] },
                  route: 'online',
                  batchNo: null,
                  department: null,
                  whitelistFastTrack: false,
                  checklistKey: checklistKeys[0],
                })
              }
            >
              {t('config.addRule')}
            </Button>
          </Space>
        )}
      </Form.List>
      <Card size="small" title={t('config.fallback')}>
        <Flex wrap gap={12}>
          <Form.Item name={['config', 'fallback', 'route']} label={t('field.route')} style={{ minWidth: 160 }}>
            <Select
              options={opts(
                filingRoutes.filter((r) => r !== 'batch'),
                'route',
              )}
            />
          </Form.Item>
          <Form.Item name={['config', 'fallback', 'department']} label={t('field.department')} style={{ minWidth: 160 }}>
            <Select allowClear options={departments.map((d) => ({ value: d, label: t(`common:department.${d}`) }))} />
          </Form.Item>
          <Form.Item name={['config', 'fallback', 'checklistKey']} label={t('config.checklist')} style={{ minWidth: 160 }}>
            <Select options={checklistKeys.map((k) => ({ value: k, label: k }))} />
          </Form.Item>
        </Flex>
      </Card>
    </Space>
  );

  const checklistsTab = (
    <Form.List name={['config', 'checklists']}>
      {(lists, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {lists.map((l) => (
            <Card
              key={l.key}
              size="small"
              title={
                <Space wrap>
                  <Form.Item noStyle name={[l.name, 'key']} rules={[req]}>
                    <Input style={{ width: 140 }} placeholder={t('config.key')} />
                  </Form.Item>
                  <Form.Item noStyle name={[l.name, 'title']} rules={[req]}>
                    <Input style={{ width: 260 }} placeholder={t('config.checklistTitle')} />
                  </Form.Item>
                </Space>
              }
              extra={
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(l.name)}
                  aria-label={t('common:action.delete')}
                />
              }
            >
              <Form.List name={[l.name, 'items']}>
                {(items, { add: addItem, remove: removeItem }) => (
                  <>
                    {items.map((it) => (
                      <Flex key={it.key} gap={8} align="baseline" wrap>
                        <Form.Item name={[it.name, 'code']} rules={[req]} style={{ width: 130 }}>
                          <Input placeholder={t('config.code')} />
                        </Form.Item>
                        <Form.Item name={[it.name, 'text']} rules={[req]} style={{ flex: 1, minWidth: 220 }}>
                          <Input placeholder={t('config.itemText')} />
                        </Form.Item>
                        <Form.Item name={[it.name, 'required']} valuePropName="checked">
                          <Checkbox>{t('config.required')}</Checkbox>
                        </Form.Item>
                        <Button size="small" danger type="link" onClick={() => removeItem(it.name)}>
                          {t('common:action.delete')}
                        </Button>
                      </Flex>
                    ))}
                    <Button size="small" icon={<PlusOutlined />} onClick={() => addItem({ code: '', text: '', required: true })}>
                      {t('config.addItem')}
                    </Button>
                  </>
                )}
              </Form.List>
            </Card>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ key: '', title: '', items: [{ code: '', text: '', required: true }] })}
          >
            {t('config.addChecklist')}
          </Button>
        </Space>
      )}
    </Form.List>
  );

  const quizTab = (
    <>
      <Form.Item name={['config', 'quiz', 'passMark']} label={t('config.passMark')} rules={[req]}>
        <InputNumber min={1} max={100} precision={0} addonAfter="%" />
      </Form.Item>
      <Form.List name={['config', 'quiz', 'questions']}>
        {(qs, { add, remove }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {qs.map((q, i) => (
              <Card
                key={q.key}
                size="small"
                title={`${i + 1}`}
                extra={
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(q.name)}
                    aria-label={t('common:action.delete')}
                  />
                }
              >
                <Form.Item name={[q.name, 'text']} label={t('config.question')} rules={[req]}>
                  <Input />
                </Form.Item>
                <Form.Item name={[q.name, 'options']} label={t('config.options')} rules={[req]}>
                  <Select mode="tags" open={false} placeholder={t('config.optionsHint')} />
                </Form.Item>
                <Form.Item name={[q.name, 'answer']} label={t('config.answer')} rules={[req]} extra={t('config.answerHint')}>
                  <InputNumber min={0} max={5} precision={0} />
                </Form.Item>
              </Card>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ text: '', options: [], answer: 0 })}>
              {t('config.addQuestion')}
            </Button>
          </Space>
        )}
      </Form.List>
    </>
  );

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ note: '', config: current.config }}
      onFinish={(v) =>
        modal.confirm({
          title: t('config.confirmSave', { version: current.version + 1 }),
          onOk: () => save.mutateAsync(v),
          okText: t('common:action.confirm'),
          cancelText: t('common:action.cancel'),
        })
      }
    >
      <Tabs
        items={[
          { key: 'rules', label: t('config.tabRules'), children: rulesTab, forceRender: true },
          { key: 'checklists', label: t('config.tabChecklists'), children: checklistsTab, forceRender: true },
          {
            key: 'commitment',
            label: t('config.tabCommitment'),
            forceRender: true,
            children: (
              <Form.Item name={['config', 'commitmentText']} label={t('config.commitmentText')} rules={[req]}>
                <Input.TextArea rows={8} maxLength={4000} showCount />
              </Form.Item>
            ),
          },
          { key: 'quiz', label: t('config.tabQuiz'), children: quizTab, forceRender: true },
        ]}
      />
      <Flex gap={8} wrap align="end" style={{ marginTop: 16 }}>
        <Form.Item name="note" label={t('config.note')} style={{ flex: 1, minWidth: 240, marginBottom: 0 }}>
          <Input maxLength={200} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('config.save')}
        </Button>
      </Flex>
    </Form>
  );
}
