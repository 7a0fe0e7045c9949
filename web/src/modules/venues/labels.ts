import { statusStyles } from '../../components/status-styles';

/** '2020-04-04' → '4月4日 周六' / 'Sat 4 Apr', for day pickers on a phone. */
export function dayLabel(day: string, lang: string): string {
  const d = new Date(day + 'T00:00:00Z');
  const locale = lang === 'en' ? 'en-GB' : lang === 'zh-TW' ? 'zh-TW' : 'zh-CN';
  return d.toLocaleDateString(locale, { timeZone: 'UTC', month: 'short', day: 'numeric', weekday: 'short' });
}

export const bookingStatusStyles = statusStyles<'booked' | 'cancelled'>('venues:bookingStatus', {
  booked: 'blue',
  cancelled: 'default',
});

export const checkinStatusStyles = statusStyles<'pending' | 'admitted' | 'refused'>('venues:checkinStatus', {
  pending: 'default',
  admitted: 'green',
  refused: 'red',
});
