import { describe, expect, it } from 'vitest';
import { dueEscalation, supervisionDeadline } from './escalation';

describe('escalation ladder', () => {
  const now = new Date('2026-11-25T09:30:00Z'); // Wednesday 17:30 local
  it('starts with a reminder', () => expect(dueEscalation(null, null, now)).toBe('reminder'));
  it('turns a reminder into a supervision order only after a working day', () => {
    expect(dueEscalation('reminder', '2026-11-25T01:00:00Z', now)).toBeNull();
    expect(dueEscalation('reminder', '2026-11-24T08:30:00Z', now)).toBe('supervision');
    // Friday's reminder waits over the weekend
    expect(dueEscalation('reminder', '2026-11-27T08:00:00Z', new Date('2026-11-29T12:00:00Z'))).toBeNull();
  });
  it('sends an overdue supervision order to the leaders, and stops there', () => {
    expect(dueEscalation('supervision', '2026-11-20T00:00:00Z', now)).toBe('leaders');
    expect(dueEscalation('leaders', '2026-11-20T00:00:00Z', now)).toBeNull();
  });
  it('gives a supervision order two working days', () => expect(supervisionDeadline(now)).toBe('2026-11-27T09:00:00.000Z'));
});
