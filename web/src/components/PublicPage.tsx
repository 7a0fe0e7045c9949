import type { ReactNode } from 'react';
import { Typography } from 'antd';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * Frame of every public, phone-first page (no sign-in): the service's name, a language picker, the
 * title and the content in one column, so a visitor can switch language on any of them.
 */
export function PublicPage({
  brand,
  title,
  children,
  maxWidth = 540,
}: {
  brand: ReactNode;
  title: ReactNode;
  children: ReactNode;
  maxWidth?: number;
}) {
  return (
    <div className="fg-public" style={{ maxWidth, margin: '0 auto', padding: '16px 12px 40px' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, marginBottom: 8 }}>
        <span style={{ fontSize: 13 }}>{brand}</span>
        <LanguageSwitch />
      </div>
      <Typography.Title level={4} style={{ margin: '8px 0 16px' }}>
        {title}
      </Typography.Title>
      {children}
    </div>
  );
}
