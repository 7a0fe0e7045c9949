import type { EntityStatus, RiskLevel } from '@fugong/contract';
import { statusStyles } from '../../components/status-styles';

export const entityStatusStyles = statusStyles<EntityStatus>('registry:status', {
  not_resumed: 'default',
  filing: 'processing',
  resumed: 'success',
  suspended: 'warning',
  closed: 'error',
});

export const riskStyles = statusStyles<RiskLevel>('registry:riskLevel', { low: 'green', medium: 'orange', high: 'red' });
