import type { PassStatus } from '@fugong/contract';
import { badTransition } from '../../platform/errors';

export const passActions = ['renew', 'revoke', 'rotate'] as const;
export type PassAction = (typeof passActions)[number];

/** Every allowed move of a pass; expiry is not a state but a date, so an expired pass can be renewed. */
export const passTransitions: Record<PassStatus, Partial<Record<PassAction, PassStatus>>> = {
  active: { renew: 'active', revoke: 'revoked', rotate: 'active' },
  revoked: {},
};

export function nextPassStatus(from: PassStatus, action: PassAction): PassStatus {
  const to = passTransitions[from][action];
  if (!to) throw badTransition(from, action);
  return to;
}

export function canPass(from: PassStatus, action: PassAction): boolean {
  return !!passTransitions[from][action];
}
