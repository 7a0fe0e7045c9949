import type { PlatformTables } from '../../db/schema';

/**
 * Accounts, their grants and sessions: platform tables this module keeps. Other modules ask it, or
 * `usersWith` (platform/grants.ts) for holders of a role, and never query them.
 */
export type UsersTables = Pick<PlatformTables, 'appUser' | 'userGrant' | 'session'>;
