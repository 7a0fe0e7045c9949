import type { Permission } from '@fugong/contract';
import { sql, type Expression, type SqlBool } from 'kysely';
import { permissionsOf, type TicketAbilities, type TicketStatus } from '@fugong/contract';
import type { Actor, ActorGrant } from '../../platform/permissions';
import { pathPrefix } from '../../db/sql-helpers';
import { nextTicketStatus } from './ticket-states';
import type { TicketWhere } from './tickets.repo';

/**
 * Who sees and does what with a ticket, decided per grant:
 * - tickets.read (commander, town, liaison): every ticket in the grant's subtree — so a district
 *   commander sees the escalated ones district-wide;
 * - tickets.handle (department officers): only tickets assigned to the grant's department, in its subtree;
 * - tickets.own (enterprise users): the tickets of their entity;
 * - everyone: the tickets they reported.
 */
interface TicketPlace {
  regionPath: string;
  department: string | null;
  entityId: number | null;
  reporterId: number | null;
  status: string;
  escalationLevel: string | null;
}

const has = (g: ActorGrant, perm: Permission) => permissionsOf([g.role]).has(perm);
const under = (g: ActorGrant, path: string) => g.role === 'admin' || (!!g.regionPath && path.startsWith(g.regionPath));

function grantsWith(actor: Actor, perm: Permission): ActorGrant[] {
  return actor.grants.filter((g) => has(g, perm));
}

export function canSee(actor: Actor, t: TicketPlace): boolean {
  if (t.reporterId === actor.id) return true;
  return actor.grants.some(
    (g) =>
      (has(g, 'tickets.read') && under(g, t.regionPath)) ||
      (has(g, 'tickets.handle') &&
        !!g.department &&
        g.department === t.department &&
        (!g.regionPath || t.regionPath.startsWith(g.regionPath))) ||
      (has(g, 'tickets.own') && g.entityId != null && g.entityId === t.entityId),
  );
}

/** The same rule as `canSee`, as SQL for lists. */
export function visibleWhere(actor: Actor): TicketWhere {
  return (eb) => {
    if (actor.grants.some((g) => g.role === 'admin')) return sql<SqlBool>`1 = 1`;
    const ors: Expression<SqlBool>[] = [eb('ticket.reporterId', '=', actor.id)];
    const like = (p: string) => sql<SqlBool>`${sql.ref('ticket.regionPath')} like ${pathPrefix(p)} escape '\\'`;
    for (const g of actor.grants) {
      if (has(g, 'tickets.read') && g.regionPath) ors.push(like(g.regionPath));
      if (has(g, 'tickets.handle') && g.department) {
        ors.push(
          g.regionPath
            ? eb.and([eb('ticket.department', '=', g.department), like(g.regionPath)])
            : eb('ticket.department', '=', g.department),
        );
      }
      if (has(g, 'tickets.own') && g.entityId) ors.push(eb('ticket.entityId', '=', g.entityId));
    }
    return eb.or(ors);
  };
}

export const canAssign = (actor: Actor, t: TicketPlace) =>
  grantsWith(actor, 'tickets.assign').some((g) => under(g, t.regionPath));
export const canHandle = (actor: Actor, t: TicketPlace) =>
  grantsWith(actor, 'tickets.handle').some(
    (g) => !!g.department && g.department === t.department && (!g.regionPath || t.regionPath.startsWith(g.regionPath)),
  );
/** The enterprise confirms; the reporter (e.g. its liaison) or an assigner may confirm on its behalf. */
export const canConfirm = (actor: Actor, t: TicketPlace) =>
  t.reporterId === actor.id ||
  canAssign(actor, t) ||
  grantsWith(actor, 'tickets.own').some((g) => g.entityId != null && g.entityId === t.entityId);
export const canWhistle = (actor: Actor, t: TicketPlace) => grantsWith(actor, 'tickets.whistle').length > 0 && canSee(actor, t);
export const canLead = (actor: Actor, t: TicketPlace) => grantsWith(actor, 'tickets.lead').some((g) => under(g, t.regionPath));

export function abilitiesOf(actor: Actor, t: TicketPlace): TicketAbilities {
  const status = t.status as TicketStatus;
  const allows = (a: Parameters<typeof nextTicketStatus>[1]) => nextTicketStatus(status, a) !== null;
  const open = status !== 'closed' && status !== 'merged';
  const assigner = canAssign(actor, t);
  const handler = canHandle(actor, t);
  const confirmer = canConfirm(actor, t);
  return {
    assign: assigner && allows('assign'),
    reassign: (assigner || handler) && allows('reassign'),
    accept: handler && allows('accept'),
    handle: handler && allows('handle'),
    confirm: confirmer && allows('confirm'),
    reopen: confirmer && allows('reopen'),
    close: assigner && allows('close'),
    merge: assigner && allows('merge'),
    whistle: open && t.escalationLevel !== 'leaders' && canWhistle(actor, t),
    acknowledge: open && t.escalationLevel === 'leaders' && canLead(actor, t),
    comment: canSee(actor, t),
  };
}
