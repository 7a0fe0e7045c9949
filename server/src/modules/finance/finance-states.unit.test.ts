import { describe, expect, it } from 'vitest';
import { answerStatuses, answerActions } from '@fugong/contract';
import { answerActionsFrom, answerTransition, nextAnswerStatus } from './finance-states';

describe('answer state table', () => {
  it('walks the usual path to approval', () => {
    let s = answerTransition('received', 'contact');
    s = answerTransition(s, 'review');
    s = answerTransition(s, 'request_info');
    s = answerTransition(s, 'review');
    expect(answerTransition(s, 'approve')).toBe('approved');
  });
  it('ends in declined and disbursed', () => {
    for (const a of answerActions) {
      expect(nextAnswerStatus('declined', a)).toBeNull();
      expect(nextAnswerStatus('disbursed', a)).toBeNull();
    }
  });
  it('refuses a move the table does not hold with 409', () => {
    expect(() => answerTransition('received', 'approve')).toThrow(expect.objectContaining({ status: 409 }));
  });
  it('lists exactly the allowed moves of every state', () => {
    for (const s of answerStatuses)
      for (const a of answerActions) expect(answerActionsFrom(s).includes(a)).toBe(nextAnswerStatus(s, a) !== null);
  });
});
