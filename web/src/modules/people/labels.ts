import type { PersonCategory } from '@fugong/contract';
import type { StatusStyle } from '../../components/StatusTag';

export const categoryStyles: Record<PersonCategory, StatusStyle> = {
  resident: { color: 'blue', labelKey: 'people:category.resident' },
  outside_worker: { color: 'orange', labelKey: 'people:category.outside_worker' },
  scattered_outsider: { color: 'purple', labelKey: 'people:category.scattered_outsider' },
};
