import type { ReactNode } from 'react';
import { Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LOCALES, type AppLocale } from '../../app/i18n';
import { LOCALE_LABELS, applyLocale } from '../../app/locale';

/** Phone-first frame of the public complaint pages: title, language, content in one column. */
export function PublicShell({ title, children }: { title: string; children: ReactNode }) {
  const { t, i18n } = useTranslation('complaints');
  return (
    <div style={{ maxWidth: 560, margin: '0 auto', padding: '16px 12px 32px' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('public.brand')}</Typography.Text>
        <Select size="small" value={i18n.language as AppLocale} onChange={(l: AppLocale) => applyLocale(l)} options={LOCALES.map((l) => ({ value: l, label: LOCALE_LABELS[l] }))} style={{ width: 110 }} />
      </div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      {children}
    </div>
  );
}
