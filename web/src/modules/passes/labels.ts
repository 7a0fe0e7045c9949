import type { StatusStyle } from '../../components/StatusTag';

export type PassState = 'active' | 'revoked' | 'expired';
export const passStateStyles: Record<PassState, StatusStyle> = {
  active: { color: 'green', labelKey: 'passes:status.active' },
  revoked: { color: 'red', labelKey: 'passes:status.revoked' },
  expired: { color: 'default', labelKey: 'passes:status.expired' },
};
