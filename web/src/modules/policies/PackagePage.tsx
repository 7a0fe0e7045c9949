import { useState } from 'react';
import { useParams } from 'react-router';
import { Button, Descriptions, Spin, Table, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PackageDetail, PolicyMeasure } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { PageContainer } from '../../components/PageContainer';
import { StatusTag } from '../../components/StatusTag';
import { packageStatusStyles } from './labels';
import { EligibleDrawer } from './EligibleDrawer';
import './policies.css';

/** A package: its measures with their public links, the A4 sheet of QR codes liaisons hand out, and each measure's 应享尽享 list. */
export function PackagePage() {
  const { id } = useParams();
  const { t } = useTranslation('policies');
  const [eligibleOf, setEligibleOf] = useState<PolicyMeasure | null>(null);
  const q = useQuery({
    queryKey: ['/api/policies/packages', id],
    queryFn: () => api.get<PackageDetail>(`/api/policies/packages/${id}`),
  });
  if (q.isPending) return <Spin />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const p = q.data;
  return (
    <PageContainer
      title={`${p.shortTitle} · ${p.title}`}
      extra={
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('package.printQr')}
        </Button>
      }
    >
      <div className="fg-no-print">
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('field.issuer')}>{p.issuer}</Descriptions.Item>
          <Descriptions.Item label={t('field.validity')}>{`${p.validFrom} — ${p.validTo ?? ''}`}</Descriptions.Item>
          <Descriptions.Item label={t('field.status')}>
            <StatusTag value={p.status} map={packageStatusStyles} /> {t('public.version', { v: p.version })}
          </Descriptions.Item>
        </Descriptions>
        <Table
          rowKey="id"
          size="small"
          dataSource={p.measures}
          pagination={false}
          locale={{ emptyText: t('msg.empty') }}
          columns={[
            { title: '#', dataIndex: 'seq', width: 50 },
            {
              title: t('field.measure'),
              dataIndex: 'title',
              render: (s: string, m) => <a href={`/p/policies/${m.publicToken}`}>{s}</a>,
            },
            { title: t('field.subsidyType'), dataIndex: 'subsidyType', width: 170, render: (s: string) => t(`subsidyType.${s}`) },
            { title: t('field.department'), dataIndex: 'department', width: 130, render: (s: string) => t(`department.${s}`) },
            {
              title: '',
              key: 'a',
              width: 120,
              render: (_, m) => (
                <Button size="small" onClick={() => setEligibleOf(m)}>
                  {t('eligible.open')}
                </Button>
              ),
            },
          ]}
        />
      </div>
      <section className="fg-policy-qr-sheet" aria-label={t('package.qrSheet')}>
        <Typography.Title level={5} className="fg-print-only">
          {p.shortTitle} · {p.issuer}
        </Typography.Title>
        <div className="fg-policy-qr-grid">
          {p.measures.map((m) => (
            <figure key={m.id}>
              <img
                src={`/api/public/policies/qr/${m.publicToken}`}
                alt={t('package.qrAlt', { title: m.title })}
                width={110}
                height={110}
              />
              <figcaption>
                {m.seq}. {m.title}
              </figcaption>
            </figure>
          ))}
        </div>
      </section>
      <EligibleDrawer measure={eligibleOf} onClose={() => setEligibleOf(null)} />
    </PageContainer>
  );
}
