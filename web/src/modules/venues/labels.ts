import type { StatusStyle } from '../../components/StatusTag';

/** '2020-04-04' → '4月4日 周六' / 'Sat 4 Apr', for day pickers on a phone. */
export function dayLabel(day: string, lang: string): string {
  const d = new Date(day + 'T00:00:00Z');
  const locale = lang === 'en' ? 'en-GB' : lang === 'zh-TW' ? 'zh-TW' : 'zh-CN';
  return d.toLocaleDateString(locale, { timeZone: 'UTC', month: 'short', day: 'numeric', weekday: 'short' });
}

export const bookingStatusStyles: Record<'booked' | 'cancelled', StatusStyle> = {
  booked: { color: 'blue', labelKey: 'venues:bookingStatus.booked' },
  cancelled: { color: 'default', labelKey: 'venues:bookingStatus.cancelled' },
};

export const checkinStatusStyles: Record<'pending' | 'admitted' | 'refused', StatusStyle> = {
  pending: { color: 'default', labelKey: 'venues:checkinStatus.pending' },
  admitted: { color: 'green', labelKey: 'venues:checkinStatus.admitted' },
  refused: { color: 'red', labelKey: 'venues:checkinStatus.refused' },
};
