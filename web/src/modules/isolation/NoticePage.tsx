import { useParams } from 'react-router';
import { Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { IsolationNotice } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { FullPageSpin } from '../../components/FullPageSpin';
import './notice.css';

/** 隔离时限告知书 for the building's notice board: A4, name masked, address and dates, room to sign. */
export function NoticePage() {
  const { t } = useTranslation('isolation');
  const id = Number(useParams().id);
  const notice = useQuery({
    queryKey: ['/api/isolations', id, 'notice'],
    queryFn: () => api.get<IsolationNotice>(`/api/isolations/${id}/notice`),
  });
  if (notice.isLoading) return <FullPageSpin />;
  if (notice.isError || !notice.data) return <ErrorState error={notice.error} onRetry={() => void notice.refetch()} />;
  const n = notice.data;
  return (
    <div>
      <div className="fg-no-print" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('notice.print')}
        </Button>
      </div>
      <article className="fg-notice" data-testid="isolation-notice">
        <h1>{t('notice.title')}</h1>
        <p className="fg-notice-to">{t('notice.to')}</p>
        <p>
          {t('notice.body', {
            address: n.address ?? n.regionName ?? '',
            name: n.nameMasked,
            kind: t(`kind.${n.kind}`),
            start: n.startDate,
            end: n.endDate,
            days: n.days,
          })}
        </p>
        {n.site && <p>{t('notice.site', { site: n.site })}</p>}
        <table>
          <tbody>
            <tr>
              <th>{t('notice.person')}</th>
              <td>{n.nameMasked}</td>
            </tr>
            <tr>
              <th>{t('notice.address')}</th>
              <td>{[...n.regionPathNames.slice(1), n.address].filter(Boolean).join(' ')}</td>
            </tr>
            <tr>
              <th>{t('notice.kind')}</th>
              <td>{t(`kind.${n.kind}`)}</td>
            </tr>
            <tr>
              <th>{t('notice.period')}</th>
              <td>{t('notice.periodValue', { start: n.startDate, end: n.endDate, days: n.days })}</td>
            </tr>
          </tbody>
        </table>
        <p>{t('notice.duties')}</p>
        <p>{t('notice.supervise')}</p>
        <div className="fg-notice-sign">
          <div>{n.regionPathNames.slice(0, 3).join(' ')}</div>
          <div>{t('notice.issuer')}</div>
          <div>{n.issuedOn}</div>
        </div>
      </article>
    </div>
  );
}
