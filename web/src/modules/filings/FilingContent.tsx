import { Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone, PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Attachment, Checklist, FilingData } from '@fugong/contract';

/** A link that downloads one plan attachment with the session cookie. */
export function AttachmentLink({ a }: { a: Attachment }) {
  return (
    <a href={`/api/filings/attachments/${a.id}`} download={a.fileName}>
      <PaperClipOutlined /> {a.fileName} <Typography.Text type="secondary">({Math.ceil(a.size / 1024)} KB)</Typography.Text>
    </a>
  );
}

/** What an enterprise filed (a draft may be incomplete): numbers, plans, supplies and the checklist. */
export function FilingContent({
  data,
  checklist,
  attachments,
}: {
  data: Partial<FilingData>;
  checklist: Checklist;
  attachments: Attachment[];
}) {
  const { t } = useTranslation('filings');
  const n = (v: number | undefined) => (v === undefined ? '—' : v);
  const files = (ids: number[] | undefined) =>
    (ids ?? [])
      .map((id) => attachments.find((a) => a.id === id))
      .filter((a): a is Attachment => !!a)
      .map((a) => (
        <div key={a.id}>
          <AttachmentLink a={a} />
        </div>
      ));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, xl: 4 }}>
        <Descriptions.Item label={t('field.plannedDate')}>{data.plannedDate ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('field.staffTotal')}>{n(data.staff?.total)}</Descriptions.Item>
        <Descriptions.Item label={t('field.staffReturning')}>{n(data.staff?.returning)}</Descriptions.Item>
        <Descriptions.Item label={t('field.staffOtherProvinces')}>{n(data.staff?.fromOtherProvinces)}</Descriptions.Item>
        <Descriptions.Item label={t('field.staffHighRisk')}>{n(data.staff?.fromHighRiskAreas)}</Descriptions.Item>
        <Descriptions.Item label={t('field.masks')}>{n(data.supplies?.masks)}</Descriptions.Item>
        <Descriptions.Item label={t('field.thermometers')}>{n(data.supplies?.thermometers)}</Descriptions.Item>
        <Descriptions.Item label={t('field.disinfectantLitres')}>{n(data.supplies?.disinfectantLitres)}</Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t('field.preventionPlan')}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
          {data.preventionPlan?.text || '—'}
        </Typography.Paragraph>
        {files(data.preventionPlan?.attachmentIds)}
      </Card>
      <Card size="small" title={t('field.emergencyPlan')}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
          {data.emergencyPlan?.text || '—'}
        </Typography.Paragraph>
        {files(data.emergencyPlan?.attachmentIds)}
      </Card>
      <Card size="small" title={checklist.title}>
        <List
          size="small"
          dataSource={checklist.items}
          renderItem={(i) => (
            <List.Item>
              <Space align="start">
                {data.checklist?.[i.code] ? (
                  <CheckCircleTwoTone twoToneColor="#52c41a" />
                ) : (
                  <CloseCircleTwoTone twoToneColor="#ff4d4f" />
                )}
                <span>
                  {i.text} {!i.required && <Tag>{t('checklist.optional')}</Tag>}
                </span>
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
