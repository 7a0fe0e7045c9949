import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Entity, EntityStatus, TimelineItem } from '@fugong/contract';
import { api } from '../../app/api';
import { useCurrentUser } from '../../app/auth';
import { ErrorState } from '../../components/ErrorState';
import { PageContainer } from '../../components/PageContainer';
import { StatusTag } from '../../components/StatusTag';
import { applyFieldErrors } from '../../components/form-errors';
import { entityStatusStyles, riskStyles } from './labels';
import { EntityFormModal } from './EntityFormModal';

const entityKey = (id: number) => ['registry', 'entity', id] as const;

function StatusModal({ entity, open, onClose }: { entity: Entity; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('registry');
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ to: EntityStatus; reason: string }>();
  const change = useMutation({
    mutationFn: (v: { to: EntityStatus; reason: string }) => api.post(`/api/registry/entities/${entity.id}/status`, v),
    onSuccess: async () => {
      message.success(t('detail.statusChanged'));
      await qc.invalidateQueries({ queryKey: entityKey(entity.id) });
      await qc.invalidateQueries({ queryKey: ['/api/registry/entities'] });
      onClose();
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(e.message);
    },
  });
  return (
    <Modal
      open={open}
      title={t('detail.changeStatus')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common:action.confirm')}
      cancelText={t('common:action.cancel')}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        // a status change is visible to everyone working on the entity: confirm once more
        onFinish={(v) =>
          modal.confirm({
            title: t('detail.confirmStatus', { to: t(`status.${v.to}`) }),
            onOk: () => change.mutateAsync(v),
            okText: t('common:action.confirm'),
            cancelText: t('common:action.cancel'),
          })
        }
      >
        <Form.Item name="to" label={t('detail.to')} rules={[{ required: true, message: t('common:validation.required') }]}>
          <Select options={entity.abilities.nextStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('detail.reason')}
          rules={[{ required: true, whitespace: true, message: t('common:validation.required') }, { max: 500 }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 一企一档: one entity's attributes and everything that happened to it, newest first. */
export function EntityFile({ id, showBack = true }: { id: number; showBack?: boolean }) {
  const { t } = useTranslation('registry');
  const [editing, setEditing] = useState(false);
  const [changing, setChanging] = useState(false);
  const entity = useQuery({ queryKey: entityKey(id), queryFn: () => api.get<Entity>(`/api/registry/entities/${id}`) });
  const timeline = useQuery({
    queryKey: [...entityKey(id), 'timeline', entity.data?.updatedAt, entity.data?.status],
    queryFn: () => api.get<{ items: TimelineItem[] }>(`/api/registry/entities/${id}/timeline`).then((r) => r.items),
    enabled: entity.isSuccess,
  });

  if (entity.isPending) return <Skeleton active />;
  if (entity.isError) return <ErrorState error={entity.error} onRetry={() => void entity.refetch()} />;
  const e = entity.data;
  const yes = (v: boolean) => (v ? t('yes') : t('no'));

  return (
    <PageContainer
      title={
        <Space wrap>
          {e.name}
          <StatusTag value={e.status} map={entityStatusStyles} />
        </Space>
      }
      extra={
        <>
          {showBack && (
            <Link to="/registry/entities">
              <Button>{t('detail.back')}</Button>
            </Link>
          )}
          {e.abilities.edit && <Button onClick={() => setEditing(true)}>{t('common:action.edit')}</Button>}
          {e.abilities.changeStatus && e.abilities.nextStatuses.length > 0 && (
            <Button type="primary" onClick={() => setChanging(true)}>
              {t('detail.changeStatus')}
            </Button>
          )}
        </>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('detail.attributes')} size="small">
            <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
              <Descriptions.Item label={t('entity.uscc')}>{e.uscc ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('entity.regNo')}>{e.regNo ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('entity.kind')}>{t(`kind.${e.kind}`)}</Descriptions.Item>
              <Descriptions.Item label={t('entity.region')}>
                {e.regionName ?? ''} <Typography.Text type="secondary">{e.regionCode}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('entity.address')} span={2}>
                {e.address ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('entity.sector')}>{t(`sector.${e.sector}`)}</Descriptions.Item>
              <Descriptions.Item label={t('entity.industry')}>{e.industry ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('entity.aboveScale')}>{yes(e.aboveScale)}</Descriptions.Item>
              <Descriptions.Item label={t('entity.aboveQuota')}>{yes(e.aboveQuota)}</Descriptions.Item>
              <Descriptions.Item label={t('entity.fourAbove')}>{yes(e.fourAbove)}</Descriptions.Item>
              <Descriptions.Item label={t('entity.sizeClass')}>
                {e.sizeClass ? t(`sizeClass.${e.sizeClass}`) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('entity.smallVenueType')}>
                {e.smallVenueType ? <Tag color="purple">{t(`smallVenueType.${e.smallVenueType}`)}</Tag> : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('entity.registeredStaff')}>{e.registeredStaff}</Descriptions.Item>
              <Descriptions.Item label={t('entity.contactName')}>{e.contactName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('entity.contactPhone')}>{e.contactPhoneMasked ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('entity.riskLevel')}>
                <StatusTag value={e.riskLevel} map={riskStyles} />
              </Descriptions.Item>
              <Descriptions.Item label={t('entity.statusChangedAt')}>
                {e.statusChangedAt ? dayjs(e.statusChangedAt).format('YYYY-MM-DD HH:mm') : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('entity.createdAt')}>{dayjs(e.createdAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('detail.timeline')} size="small">
            {timeline.isPending ? (
              <Skeleton active />
            ) : timeline.isError ? (
              <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
            ) : timeline.data.length === 0 ? (
              <Empty description={t('detail.noTimeline')} />
            ) : (
              <Timeline
                items={timeline.data.map((item, i) => ({
                  key: `${item.at}-${i}`,
                  color: item.kind === 'registry.status' ? 'blue' : 'gray',
                  children: (
                    <div data-testid="timeline-item">
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {dayjs(item.at).format('YYYY-MM-DD HH:mm')}
                      </Typography.Text>
                      <div>{item.link ? <Link to={item.link}>{item.title}</Link> : item.title}</div>
                      {item.detail && <Typography.Text type="secondary">{item.detail}</Typography.Text>}
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>
      <EntityFormModal open={editing} entity={e} onClose={() => setEditing(false)} />
      <StatusModal entity={e} open={changing} onClose={() => setChanging(false)} />
    </PageContainer>
  );
}

export function EntityDetailPage() {
  const { id } = useParams();
  return <EntityFile key={id} id={Number(id)} />;
}

/** An enterprise user's own entity, found through the grant that binds them to it. */
export function MyEntityPage() {
  const { t } = useTranslation('registry');
  const me = useCurrentUser();
  const grant = me.grants.find((g) => g.role === 'enterprise' && g.entityId);
  if (!grant?.entityId) return <Empty description={t('detail.noEntity')} />;
  return <EntityFile id={grant.entityId} showBack={false} />;
}
