import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';

type Query = Parameters<typeof api.download>[2];

/** "Export to Excel": downloads `url` with the list's current filters as an .xlsx named `filename`. */
export function ExportButton({ url, filename, query }: { url: string; filename: string; query?: Query }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await api.download(url, filename, query);
    } catch (e) {
      message.error(e instanceof Error ? e.message : t('error.exportFailed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void onClick()}>
      {t('action.export')}
    </Button>
  );
}
