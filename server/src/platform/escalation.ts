import type { EscalationLevel } from '@fugong/contract';
import { addWorkingDays } from './working-time';

/** After the supervision order (督办单), this many working days more. */
export const SUPERVISION_EXTRA_DAYS = 2;
/** A reminder (提示单) unanswered for this many working days becomes a supervision order. */
export const REMINDER_GRACE_DAYS = 1;

/**
 * The next rung of the ladder 提示 → 督办 → 区领导报到 for an overdue record, or null when the
 * next step is not due yet. Shared by tickets and complaints so both climb alike.
 */
export function dueEscalation(level: string | null, escalatedAt: string | null, now: Date): EscalationLevel | null {
  if (!level) return 'reminder';
  if (level === 'reminder')
    return escalatedAt && addWorkingDays(new Date(escalatedAt), REMINDER_GRACE_DAYS).getTime() <= now.getTime()
      ? 'supervision'
      : null;
  if (level === 'supervision') return 'leaders';
  return null;
}

/** The deadline a supervision order sets. */
export function supervisionDeadline(now: Date): string {
  return addWorkingDays(now, SUPERVISION_EXTRA_DAYS).toISOString();
}
