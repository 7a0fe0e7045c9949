import { auditPermissions } from '@fugong/contract';
import { defineModule } from '../../platform/module';
import type { AuditTables } from './audit.tables';
import { createAuditService, type AuditService } from './audit.service';
import { auditRoutes } from './audit.routes';

declare module '../../platform/module' {
  interface ServiceMap {
    auditLog: AuditService;
  }
}

export const auditModule = defineModule<AuditTables>()({
  name: 'audit',
  tables: ['auditLog'],
  provides: ['auditLog'],
  createServices({ db }, _d) {
    const auditLog = createAuditService({ db });
    return { auditLog };
  },
  routes: auditRoutes,
  permissions: Object.keys(auditPermissions) as (keyof typeof auditPermissions)[],
});
