import type { IsolationStatus, RiskLevel } from '@fugong/contract';
import { statusStyles } from '../../components/status-styles';

export const isolationStatusStyles = statusStyles<IsolationStatus>('isolation:status', { active: 'orange', released: 'green' });
export const riskStyles = statusStyles<RiskLevel>('isolation:risk', { low: 'green', medium: 'gold', high: 'red' });
