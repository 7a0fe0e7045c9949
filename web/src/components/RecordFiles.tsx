import { App, Button, Flex, Image, Typography, Upload, type UploadFile } from 'antd';
import { CameraOutlined, FilePdfOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { recordFileLimits, type RecordFile } from '@fugong/contract';
import { api } from '../app/api';

/**
 * The files of a record (ticket, complaint): image thumbnails that open large, other files as
 * download links, and an upload control for those allowed to add one. `base` is the record's
 * API path, e.g. /api/tickets/12.
 */
export function RecordFiles({
  base,
  files,
  canUpload,
  onUploaded,
}: {
  base: string;
  files: RecordFile[];
  canUpload: boolean;
  onUploaded: () => void;
}) {
  const { t } = useTranslation('common');
  const { message } = App.useApp();
  const mb = recordFileLimits.maxBytes / 1024 / 1024;
  const url = (f: RecordFile) => `${base}/attachments/${f.id}`;
  const images = files.filter((f) => f.mime.startsWith('image/'));
  const others = files.filter((f) => !f.mime.startsWith('image/'));
  return (
    <div data-testid="record-files">
      {files.length === 0 && <Typography.Text type="secondary">{t('files.none')}</Typography.Text>}
      {images.length > 0 && (
        <Image.PreviewGroup>
          <Flex wrap gap={8} style={{ marginBottom: 8 }}>
            {images.map((f) => (
              <Image
                key={f.id}
                src={url(f)}
                alt={f.fileName}
                width={88}
                height={88}
                style={{ objectFit: 'cover', borderRadius: 4 }}
                data-testid="record-file-thumb"
              />
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
      {others.map((f) => (
        <div key={f.id}>
          <a href={url(f)} download={f.fileName} data-testid="record-file-link">
            {f.mime === 'application/pdf' ? <FilePdfOutlined /> : <PaperClipOutlined />} {f.fileName}
          </a>{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {Math.max(1, Math.round(f.size / 1024))} KB · {dayjs(f.uploadedAt).format('MM-DD HH:mm')}
            {f.uploadedByName ? ` · ${t('files.by', { name: f.uploadedByName })}` : ''}
          </Typography.Text>
        </div>
      ))}
      {canUpload && files.length < recordFileLimits.perRecord && (
        <div style={{ marginTop: 8 }}>
          <Upload
            accept=".pdf,.png,.jpg,.jpeg"
            showUploadList={false}
            multiple
            beforeUpload={(file) => {
              if (file.size > recordFileLimits.maxBytes) {
                message.error(t('files.tooLarge', { mb }));
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            customRequest={async ({ file, onSuccess, onError }) => {
              const body = new FormData();
              body.append('file', file as Blob);
              try {
                const f = await api.post<RecordFile>(`${base}/attachments`, body);
                message.success(t('files.uploaded', { name: f.fileName }));
                onSuccess?.(f);
                onUploaded();
              } catch (e) {
                message.error(e instanceof Error ? e.message : String(e));
                onError?.(e as Error);
              }
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="record-file-upload">
              {t('files.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
            {t('files.hint', { mb, n: recordFileLimits.perRecord })}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

/**
 * Photos chosen on a phone and kept until the record they belong to is saved (then `sendFiles`):
 * PNG/JPG, at most `max`, each within the size limit.
 */
export function PhotoPicker({
  value,
  onChange,
  max,
  addLabel,
}: {
  value: UploadFile[];
  onChange: (files: UploadFile[]) => void;
  max: number;
  addLabel: string;
}) {
  const { t } = useTranslation('common');
  const { message } = App.useApp();
  return (
    <Upload
      listType="picture-card"
      accept=".png,.jpg,.jpeg"
      multiple
      fileList={value}
      beforeUpload={(file) => {
        if (file.size > recordFileLimits.maxBytes) {
          message.error(t('files.tooLarge', { mb: recordFileLimits.maxBytes / 1024 / 1024 }));
          return Upload.LIST_IGNORE;
        }
        return false;
      }}
      onChange={({ fileList }) => onChange(fileList.slice(0, max))}
    >
      {value.length < max && (
        <div>
          <CameraOutlined />
          <div style={{ marginTop: 4 }}>{addLabel}</div>
        </div>
      )}
    </Upload>
  );
}

/** Sends picked files one by one to `url` (with extra form fields); one that fails does not stop the others. */
export async function sendFiles(
  url: string,
  files: UploadFile[],
  fields: Record<string, string> = {},
): Promise<{ files: RecordFile[]; errors: string[] }> {
  const out = { files: [] as RecordFile[], errors: [] as string[] };
  for (const f of files) {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
    body.append('file', f.originFileObj as Blob, f.name);
    try {
      out.files.push(await api.post<RecordFile>(url, body));
    } catch (e) {
      out.errors.push(`${f.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return out;
}
