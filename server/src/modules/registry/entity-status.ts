import type { EntityStatus } from '@fugong/contract';
import { badTransition } from '../../platform/errors';

/**
 * Every status an entity may move to from each status; the one table the registry and every
 * module that changes an entity's status (filings, enforcement …) obey.
 * - filing is the only way in from not_resumed, except resumed directly for entities that had
 *   already reopened before the platform knew them (recorded with a reason like any change);
 * - a rejected or withdrawn filing falls back to not_resumed;
 * - a suspended entity reopens (resumed) or has to file again (filing);
 * - closed (关停 / deregistered) is left only by reinstatement to not_resumed, so it files afresh.
 */
export const entityStatusTransitions: Readonly<Record<EntityStatus, readonly EntityStatus[]>> = {
  not_resumed: ['filing', 'resumed', 'closed'],
  filing: ['not_resumed', 'resumed', 'closed'],
  resumed: ['suspended', 'closed'],
  suspended: ['filing', 'resumed', 'closed'],
  closed: ['not_resumed'],
};

export function canChangeStatus(from: EntityStatus, to: EntityStatus): boolean {
  return entityStatusTransitions[from].includes(to);
}

/** Throws the 409 of an invalid transition. */
export function assertStatusChange(from: EntityStatus, to: EntityStatus): void {
  if (!canChangeStatus(from, to)) throw badTransition(from, to);
}
