import type { Role } from '@fugong/contract';
import { systemContext, type RequestContext } from '../platform/context';
import { makeActor, type ActorGrant } from '../platform/permissions';

// What the modules' demo loaders share about demo users. Apart from load-demo.ts, which imports every
// loader, so that a loader need not import it back.

export const DEMO_PASSWORD = 'Fugong2026';

export interface DemoLogin {
  username: string;
  role: Role;
  where: string;
}

/** A demo user's request context with one grant. */
export function demoContext(
  id: number,
  username: string,
  displayName: string,
  grant: Partial<ActorGrant> & Pick<ActorGrant, 'role'>,
): RequestContext {
  return {
    ...systemContext(),
    ip: '127.0.0.1',
    actor: makeActor({ id, username, displayName }, [
      { regionPath: null, department: null, entityId: null, venueId: null, ...grant },
    ]),
  };
}
