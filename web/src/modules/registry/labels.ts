import type { EntityStatus, RiskLevel } from '@fugong/contract';
import type { StatusStyle } from '../../components/StatusTag';

export const entityStatusStyles: Record<EntityStatus, StatusStyle> = {
  not_resumed: { color: 'default', labelKey: 'registry:status.not_resumed' },
  filing: { color: 'processing', labelKey: 'registry:status.filing' },
  resumed: { color: 'success', labelKey: 'registry:status.resumed' },
  suspended: { color: 'warning', labelKey: 'registry:status.suspended' },
  closed: { color: 'error', labelKey: 'registry:status.closed' },
};

export const riskStyles: Record<RiskLevel, StatusStyle> = {
  low: { color: 'green', labelKey: 'registry:riskLevel.low' },
  medium: { color: 'orange', labelKey: 'registry:riskLevel.medium' },
  high: { color: 'red', labelKey: 'registry:riskLevel.high' },
};
