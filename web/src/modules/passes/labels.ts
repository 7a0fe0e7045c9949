import { statusStyles } from '../../components/status-styles';

export type PassState = 'active' | 'revoked' | 'expired';
export const passStateStyles = statusStyles<PassState>('passes:status', { active: 'green', revoked: 'red', expired: 'default' });
