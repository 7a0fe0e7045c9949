import type { Permission } from '@fugong/contract';
import type { FilingAbilities, FilingStatus, FilingSummary, Department, FilingRoute } from '@fugong/contract';
import type { Actor } from '../../platform/permissions';
import type { FilingRow } from './filings.repo';
import { editableStates, reviewStates } from './filing-states';
import { canAccess, filingAccess, type FilingAccess } from './filing-access';

function merge(...xs: FilingAccess[]): FilingAccess {
  return { all: xs.some((x) => x.all), clauses: xs.flatMap((x) => x.clauses), entityIds: xs.flatMap((x) => x.entityIds) };
}

/** A filing as lists show it. */
export function summary(r: FilingRow): FilingSummary {
  return {
    id: r.id,
    entityId: r.entityId,
    entityName: r.entityName,
    regionPath: r.regionPath,
    status: r.status as FilingStatus,
    route: r.route as FilingRoute,
    batchNo: r.batchNo,
    department: r.department as Department | null,
    whitelisted: !!r.whitelisted,
    configVersion: r.configVersion,
    revision: r.revision,
    plannedDate: r.plannedDate,
    submittedAt: r.submittedAt,
    decidedAt: r.decidedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** What the actor may do with the filing now (buttons of the detail page). */
export function abilities(actor: Actor | null, r: FilingRow): FilingAbilities {
  const has = (perm: Permission) => !!actor && actor.permissions.has(perm) && canAccess(filingAccess(actor, perm), r);
  const s = r.status as FilingStatus;
  const own = has('filings.submit') && editableStates.includes(s);
  return {
    edit: own,
    submit: own,
    review: has('filings.review') && reviewStates.includes(s),
    onsite: has('filings.onsite') && s === 'awaiting_onsite',
    suspend: has('filings.review') && s === 'approved',
    reopen: has('filings.review') && s === 'suspended',
  };
}

/** Readers: whoever holds filings.read in the filing's place, plus the entity's own users. */
export function readAccess(actor: Actor): FilingAccess {
  return merge(filingAccess(actor, 'filings.read'), filingAccess(actor, 'filings.submit'), filingAccess(actor, 'filings.onsite'));
}
