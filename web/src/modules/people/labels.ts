import type { PersonCategory } from '@fugong/contract';
import { statusStyles } from '../../components/status-styles';

export const categoryStyles = statusStyles<PersonCategory>('people:category', {
  resident: 'blue',
  outside_worker: 'orange',
  scattered_outsider: 'purple',
});
