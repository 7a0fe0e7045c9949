import { auditPermissions } from '@fugong/contract';
import { defineModule } from '../../platform/module';
import type { PlatformTables } from '../../db/schema';
import { createAuditService, type AuditService } from './audit.service';
import { auditRoutes } from './audit.routes';

declare module '../../platform/module' {
  interface ServiceMap {
    auditLog: AuditService;
  }
}

export const auditModule = defineModule<Pick<PlatformTables, 'auditLog'>>()({
  name: 'audit',
  tables: ['auditLog'],
  provides: ['auditLog'],
  createServices({ db }, _d) {
    const auditLog = createAuditService({ db: db as never });
    return { auditLog };
  },
  routes: auditRoutes,
  permissions: Object.keys(auditPermissions) as (keyof typeof auditPermissions)[],
});
