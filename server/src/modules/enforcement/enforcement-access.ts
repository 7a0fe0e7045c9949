import type { Inspection, PremisesType } from '@fugong/contract';
import type { Clock } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { EventBus } from '../../platform/events';
import { AppError } from '../../platform/errors';
import type { ModuleDb } from '../../platform/module';
import type { Actor } from '../../platform/permissions';
import { pathsOf } from '../../platform/scope';
import type { RegionsService } from '../regions/regions.service';
import type { RegistryService } from '../registry/registry.service';
import type { FilingsService } from '../filings/filings.service';
import type { ComplaintsService } from '../complaints/complaints.service';
import type { EnforcementTables } from './enforcement.tables';
import type { InspectionRow } from './enforcement.repo';

export interface EnforcementDeps {
  db: ModuleDb<EnforcementTables>;
  clock: Clock;
  audit: Audit;
  events: EventBus;
  regions: RegionsService;
  registry: Pick<
    RegistryService,
    'getForService' | 'getManyForService' | 'addressesForService' | 'changeStatus' | 'registerTimelineSource'
  >;
  filings: Pick<FilingsService, 'recordOnsiteResult'>;
  complaints: Pick<ComplaintsService, 'linkInspection'>;
}

/**
 * The area an actor works in: that of the first enforcement permission they hold (inspectors, readers
 * and administrators all see the records of their area).
 */
export function enforcementPaths(actor: Actor): string[] | 'all' {
  const perm = (['enforcement.inspect', 'enforcement.read', 'enforcement.configure'] as const).find((p) =>
    actor.permissions.has(p),
  );
  if (!perm) throw new AppError('common.forbidden', 403);
  return pathsOf(actor, perm);
}

export const num = (v: unknown) => (v == null ? null : Number(v));
export const pageOf = (q: { page: number; pageSize: number }) => ({ offset: (q.page - 1) * q.pageSize, limit: q.pageSize });

export const toInspection = (r: InspectionRow): Inspection => ({
  id: Number(r.id),
  no: r.no,
  kind: r.kind as Inspection['kind'],
  entityId: Number(r.entityId),
  entityName: r.entityName,
  premisesType: r.premisesType as PremisesType,
  inspectedOn: r.inspectedOn,
  inspectorCount: Number(r.inspectorCount),
  inspectorName: r.inspectorName,
  results: JSON.parse(r.results) as Record<string, boolean>,
  problemsFound: Number(r.problemsFound),
  fixedOnSpot: Number(r.fixedOnSpot),
  outcome: r.outcome as Inspection['outcome'],
  notes: r.notes,
  noticeId: num(r.noticeId),
  closureId: num(r.closureId),
  visitId: num(r.visitId),
  roundId: num(r.roundId),
  filingId: num(r.filingId),
  createdAt: r.createdAt,
});
