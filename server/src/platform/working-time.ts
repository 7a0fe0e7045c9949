/**
 * Deadlines in working time, local to China (UTC+8): Monday to Friday, 09:00–17:00.
 * Public holidays are not known to the platform yet; weekends are always skipped.
 */
const OFFSET = 8 * 3600_000;
const HOUR = 3600_000;
const DAY = 24 * HOUR;
export const WORK_START_HOUR = 9;
export const WORK_END_HOUR = 17;

function isWorkday(localMs: number): boolean {
  const dow = new Date(localMs).getUTCDay();
  return dow !== 0 && dow !== 6;
}
const dayStart = (localMs: number) => localMs - (((localMs % DAY) + DAY) % DAY);

/** `amount` working hours after `start`: the clock only runs inside working hours. */
export function addWorkingHours(start: Date, amount: number): Date {
  let t = start.getTime() + OFFSET;
  let left = amount * HOUR;
  for (;;) {
    const d = dayStart(t);
    const open = d + WORK_START_HOUR * HOUR;
    const close = d + WORK_END_HOUR * HOUR;
    if (!isWorkday(t) || t >= close) {
      t = d + DAY + WORK_START_HOUR * HOUR;
      continue;
    }
    if (t < open) t = open;
    const take = Math.min(left, close - t);
    t += take;
    left -= take;
    if (left <= 0) return new Date(t - OFFSET);
  }
}

/** The end (17:00 local) of the `amount`-th working day after the day of `start`. */
export function addWorkingDays(start: Date, amount: number): Date {
  let d = dayStart(start.getTime() + OFFSET);
  let left = amount;
  while (left > 0) {
    d += DAY;
    if (isWorkday(d)) left -= 1;
  }
  return new Date(d + WORK_END_HOUR * HOUR - OFFSET);
}

export function addWorkingTime(start: Date, amount: number, unit: 'hours' | 'days'): Date {
  return unit === 'hours' ? addWorkingHours(start, amount) : addWorkingDays(start, amount);
}
