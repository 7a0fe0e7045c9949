import type { IsolationStatus, RiskLevel } from '@fugong/contract';
import type { StatusStyle } from '../../components/StatusTag';

export const isolationStatusStyles: Record<IsolationStatus, StatusStyle> = {
  active: { color: 'orange', labelKey: 'isolation:status.active' },
  released: { color: 'green', labelKey: 'isolation:status.released' },
};
export const riskStyles: Record<RiskLevel, StatusStyle> = {
  low: { color: 'green', labelKey: 'isolation:risk.low' },
  medium: { color: 'gold', labelKey: 'isolation:risk.medium' },
  high: { color: 'red', labelKey: 'isolation:risk.high' },
};
