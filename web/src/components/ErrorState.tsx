import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';

/** A failed load shown in place of the content: the server's localised message and a retry button. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const status = error instanceof ApiError ? error.status : 0;
  const title = status === 403 ? t('error.forbidden') : status === 404 ? t('error.notFound') : t('error.loadFailed');
  const detail = error instanceof ApiError ? error.message : error instanceof Error ? error.message : undefined;
  return (
    <Result
      status={status === 403 ? '403' : status === 404 ? '404' : 'error'}
      title={title}
      subTitle={detail}
      extra={onRetry ? <Button onClick={onRetry}>{t('action.retry')}</Button> : undefined}
    />
  );
}
