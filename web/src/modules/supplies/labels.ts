import type { AllocationStatus, DemandStatus } from '@fugong/contract';
import { statusStyles } from '../../components/status-styles';

export const demandStatusStyles = statusStyles<DemandStatus>('supplies:status', {
  open: 'red',
  allocated: 'orange',
  met: 'green',
  cancelled: 'default',
});
export const allocationStatusStyles = statusStyles<AllocationStatus>('supplies:delivery', {
  allocated: 'blue',
  dispatched: 'orange',
  received: 'green',
});
