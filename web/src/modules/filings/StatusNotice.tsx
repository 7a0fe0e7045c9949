import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FilingDetail } from '@fugong/contract';

type Props = Pick<FilingDetail, 'status' | 'route' | 'batchNo' | 'batchReleaseDate' | 'events'>;

/** What the filing's state means for the enterprise, in one sentence: may it open, and what happens next. */
export function StatusNotice({ filing }: { filing: Props }) {
  const { t } = useTranslation('filings');
  const last = [...filing.events].reverse().find((e) => e.reason);
  const reason = last?.reason ?? '';
  switch (filing.status) {
    case 'draft':
      return <Alert type="info" showIcon message={t('notice.draft')} />;
    case 'submitted':
    case 'resubmitted':
    case 'under_review':
      return <Alert type="info" showIcon message={t('notice.online')} />;
    case 'awaiting_onsite':
      return (
        <Alert
          type="warning"
          showIcon
          message={t('notice.onsiteTitle')}
          description={t('notice.onsite')}
          data-testid="onsite-notice"
        />
      );
    case 'awaiting_batch':
      return (
        <Alert
          type="info"
          showIcon
          message={
            filing.batchReleaseDate
              ? t('notice.batchDated', { no: filing.batchNo, date: filing.batchReleaseDate })
              : t('notice.batchUndated', { no: filing.batchNo })
          }
        />
      );
    case 'changes_requested':
      return <Alert type="warning" showIcon message={t('notice.changes')} description={reason} />;
    case 'approved':
      return <Alert type="success" showIcon message={t('notice.approved')} />;
    case 'rejected':
      return <Alert type="error" showIcon message={t('notice.rejected')} description={reason} />;
    case 'suspended':
      return <Alert type="error" showIcon message={t('notice.suspended')} description={reason} />;
  }
}
