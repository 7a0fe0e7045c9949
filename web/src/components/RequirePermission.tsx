import type { Permission } from '@fugong/contract';
import type { ReactNode } from 'react';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../app/auth';
import { allowed } from '../app/menu';

/** Renders a page only for users holding the permission (any of); others see "no access" rather than failing calls. */
export function RequirePermission({ permission, children }: { permission: Permission | Permission[]; children: ReactNode }) {
  const { t } = useTranslation();
  const held = usePermissions();
  return allowed(permission, held) ? children : <Result status="403" title={t('error.forbidden')} />;
}
