import type { Inspection, RectificationNotice } from '@fugong/contract';
import { statusStyles } from '../../components/status-styles';

export const noticeStatusStyles = statusStyles<RectificationNotice['status']>('enforcement:noticeStatus', {
  issued: 'orange',
  rectified: 'green',
  escalated: 'red',
});

export const outcomeStyles = statusStyles<Inspection['outcome']>('enforcement:outcome', {
  pass: 'green',
  notice: 'orange',
  closure: 'red',
});
