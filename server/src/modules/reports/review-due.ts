import { REVIEW_INTERVAL_DAYS } from '@fugong/contract';
import { addDays } from '../../platform/clock';

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86_400_000);
}

/**
 * When an entity's next five-day review falls due: five days after its last review, or after
 * it resumed when it was never reviewed; overdue days count from that date.
 */
export function reviewDue(
  lastReviewedOn: string | null,
  resumedOn: string,
  today: string,
): { dueOn: string; overdueDays: number } {
  const dueOn = addDays(lastReviewedOn ?? resumedOn, REVIEW_INTERVAL_DAYS);
  return { dueOn, overdueDays: Math.max(0, daysBetween(dueOn, today)) };
}
