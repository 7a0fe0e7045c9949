import { Link, useParams } from 'react-router';
import { Alert, Button, Descriptions, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PublicMeasure } from '@fugong/contract';
import { api } from '../../app/api';
import { useMe } from '../../app/auth';
import { ErrorState } from '../../components/ErrorState';
import { PolicyShell } from './PublicShell';
import { ApplyForm } from './ApplyForm';

/** What a QR code on a policy leaflet opens: the measure, its interpretation and guide, and (signed in as an enterprise) the application. */
export function PublicMeasurePage() {
  const { token = '' } = useParams();
  const { t } = useTranslation('policies');
  const me = useMe();
  const q = useQuery({
    queryKey: ['/api/public/policies/measures', token],
    queryFn: () => api.get<PublicMeasure>(`/api/public/policies/measures/${token}`),
  });
  if (q.isPending)
    return (
      <PolicyShell title={t('public.loading')}>
        <Spin />
      </PolicyShell>
    );
  if (q.error)
    return (
      <PolicyShell title={t('public.notFound')}>
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      </PolicyShell>
    );
  const m = q.data;
  const enterprise = me.data?.permissions.includes('policies.apply');
  const here = `/p/policies/${token}`;
  return (
    <PolicyShell title={m.title}>
      <Typography.Paragraph type="secondary">
        <Link to={`/p/policies/package/${m.packageToken}`}>{m.packageShortTitle}</Link> · {t('public.article', { n: m.seq })} ·{' '}
        {t('public.version', { v: m.version })}
      </Typography.Paragraph>
      <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('field.issuer')}>{m.issuer}</Descriptions.Item>
        <Descriptions.Item label={t('field.department')}>{t(`department.${m.department}`)}</Descriptions.Item>
        <Descriptions.Item label={t('field.subsidyType')}>{t(`subsidyType.${m.subsidyType}`)}</Descriptions.Item>
        <Descriptions.Item label={t('field.validity')}>
          {m.validFrom} — {m.validTo ?? t('public.openEnded')}
        </Descriptions.Item>
        {m.deadline && <Descriptions.Item label={t('field.deadline')}>{m.deadline}</Descriptions.Item>}
        {m.amountNote && <Descriptions.Item label={t('field.amountNote')}>{m.amountNote}</Descriptions.Item>}
      </Descriptions>
      <Typography.Title level={5}>{t('field.interpretation')}</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.interpretation}</Typography.Paragraph>
      <Typography.Title level={5}>{t('field.conditions')}</Typography.Title>
      {m.conditions.length ? (
        <ul data-testid="policy-conditions">
          {m.conditions.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      ) : (
        <Typography.Paragraph>{t('public.anyone')}</Typography.Paragraph>
      )}
      <Typography.Title level={5}>{t('field.guide')}</Typography.Title>
      {m.guideMaterials && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
          {t('public.materials')}：{m.guideMaterials}
        </Typography.Paragraph>
      )}
      {m.guideSteps && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.guideSteps}</Typography.Paragraph>}
      {enterprise ? (
        <ApplyForm measureId={m.id} />
      ) : m.applicationRequired ? (
        <Alert
          type="info"
          message={t('public.signInToApply')}
          action={
            <Link to={`/login?next=${encodeURIComponent(here)}`}>
              <Button type="primary">{t('public.signIn')}</Button>
            </Link>
          }
        />
      ) : (
        <Alert type="info" message={t('public.noApplication')} />
      )}
    </PolicyShell>
  );
}
