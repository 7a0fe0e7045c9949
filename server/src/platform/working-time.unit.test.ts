import { describe, expect, it } from 'vitest';
import { addWorkingDays, addWorkingHours } from './working-time';

// 2026-11-20 is a Friday; times below are UTC (local = UTC+8).
describe('working time', () => {
  it('counts hours inside one working day', () => {
    // Fri 10:00 local + 3h → Fri 13:00 local
    expect(addWorkingHours(new Date('2026-11-20T02:00:00Z'), 3).toISOString()).toBe('2026-11-20T05:00:00.000Z');
  });
  it('carries hours over the weekend', () => {
    // Fri 15:00 local + 4h → 2h on Friday, 2h on Monday → Mon 11:00 local
    expect(addWorkingHours(new Date('2026-11-20T07:00:00Z'), 4).toISOString()).toBe('2026-11-23T03:00:00.000Z');
  });
  it('starts the clock at 09:00 when work arrives at night or on a weekend', () => {
    // Sat 20:00 local + 1h → Mon 10:00 local
    expect(addWorkingHours(new Date('2026-11-21T12:00:00Z'), 1).toISOString()).toBe('2026-11-23T02:00:00.000Z');
    // Mon 07:00 local + 8h → Mon 17:00 local
    expect(addWorkingHours(new Date('2026-11-22T23:00:00Z'), 8).toISOString()).toBe('2026-11-23T09:00:00.000Z');
  });
  it('ends working days at 17:00 local and skips weekends', () => {
    // Thu → 2 working days → Mon 17:00 local
    expect(addWorkingDays(new Date('2026-11-19T02:00:00Z'), 2).toISOString()).toBe('2026-11-23T09:00:00.000Z');
    // Fri late evening local (still Friday) + 1 → Monday
    expect(addWorkingDays(new Date('2026-11-20T15:00:00Z'), 1).toISOString()).toBe('2026-11-23T09:00:00.000Z');
    // Sunday + 5 → next Friday
    expect(addWorkingDays(new Date('2026-11-22T03:00:00Z'), 5).toISOString()).toBe('2026-11-27T09:00:00.000Z');
  });
});
