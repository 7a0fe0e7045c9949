import type { IsolationStatus } from '@fugong/contract';
import { badTransition } from '../../platform/errors';

export const isolationActions = ['checkin', 'release'] as const;
export type IsolationAction = (typeof isolationActions)[number];

/** An isolation runs until released; a released one takes no more check-ins. */
export const isolationTransitions: Record<IsolationStatus, Partial<Record<IsolationAction, IsolationStatus>>> = {
  active: { checkin: 'active', release: 'released' },
  released: {},
};

export const sealedStatuses = ['sealed', 'released'] as const;
export type SealedStatus = (typeof sealedStatuses)[number];
export const sealedActions = ['report', 'release'] as const;
export type SealedAction = (typeof sealedActions)[number];

/** A sealed building reports its status daily until released. */
export const sealedTransitions: Record<SealedStatus, Partial<Record<SealedAction, SealedStatus>>> = {
  sealed: { report: 'sealed', release: 'released' },
  released: {},
};

export function nextIsolationStatus(from: IsolationStatus, action: IsolationAction): IsolationStatus {
  const to = isolationTransitions[from][action];
  if (!to) throw badTransition(from, action);
  return to;
}

export function nextSealedStatus(from: SealedStatus, action: SealedAction): SealedStatus {
  const to = sealedTransitions[from][action];
  if (!to) throw badTransition(from, action);
  return to;
}
