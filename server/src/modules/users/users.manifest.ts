import { usersPermissions } from '@fugong/contract';
import { defineModule } from '../../platform/module';
import type { UsersTables } from './users.tables';
import { createUsersService, type UsersService } from './users.service';
import { authRoutes } from './auth.routes';
import { usersRoutes } from './users.routes';

declare module '../../platform/module' {
  interface ServiceMap {
    users: UsersService;
  }
}

export const usersModule = defineModule<UsersTables>()({
  name: 'users',
  tables: ['appUser', 'userGrant', 'session'],
  needs: ['regions'],
  provides: ['users'],
  createServices({ core, db }, d) {
    const users = createUsersService({
      db,
      dialect: core.dialect,
      clock: core.clock,
      audit: core.audit,
      pii: core.pii,
      sessions: core.sessions,
      regions: d.regions,
      lockout: { maxFailures: core.config.loginMaxFailures, lockMinutes: core.config.loginLockMinutes },
    });
    return { users };
  },
  routes(app, s) {
    authRoutes(app, s);
    usersRoutes(app, s);
  },
  permissions: Object.keys(usersPermissions) as (keyof typeof usersPermissions)[],
});
