import { sql, type SqlBool } from 'kysely';
import {
  departmentSchema,
  type Department,
  type EscalationLevel,
  type Ticket,
  type TicketListQuery,
  type TicketSource,
  type TicketStatus,
} from '@fugong/contract';
import type { Clock } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { EventBus } from '../../platform/events';
import type { RequestContext } from '../../platform/context';
import type { Notifier } from '../../platform/notify';
import type { ModuleDb } from '../../platform/module';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { pathPrefix } from '../../db/sql-helpers';
import { addWorkingTime } from '../../platform/working-time';
import type { RegionsService } from '../regions/regions.service';
import type { RegistryService } from '../registry/registry.service';
import type { TicketsTables } from './tickets.tables';
import { ticketsRepo, type TicketRow, type TicketsDb, type TicketWhere } from './tickets.repo';
import { finishedStates, runningStates } from './ticket-states';
import { abilitiesOf, canSee, visibleWhere } from './ticket-access';

export interface TicketsDeps {
  db: ModuleDb<TicketsTables>;
  clock: Clock;
  audit: Audit;
  events: EventBus;
  notifier: Notifier;
  regions: RegionsService;
  registry: Pick<RegistryService, 'getForService' | 'registerTimelineSource'>;
  /** where uploaded files are kept (files/<sha256>) */
  dataDir: string;
}

const TICKET_PERMS = [
  'tickets.read',
  'tickets.handle',
  'tickets.own',
  'tickets.report',
  'tickets.stats',
  'tickets.lead',
  'tickets.configure',
] as const;

/**
 * What every part of the tickets service shares: the ticket as the API shows it, the ticket the caller
 * may see (404 otherwise), its timeline lines, the department's notices, the list filters and live events.
 */
export function ticketRecords(deps: TicketsDeps) {
  const { clock, notifier, regions, events } = deps;
  const repo = ticketsRepo;
  const now = () => clock.now();

  function toTicket(r: TicketRow, regionNames: Map<string, string>, actor: Actor | null): Ticket {
    const running = (runningStates as readonly string[]).includes(r.status);
    return {
      id: Number(r.id),
      no: r.no,
      source: r.source as TicketSource,
      sourceRef: r.sourceRef,
      categoryId: Number(r.categoryId),
      categoryCode: r.categoryCode,
      categoryName: r.categoryName,
      title: r.title,
      description: r.description,
      entityId: r.entityId == null ? null : Number(r.entityId),
      entityName: r.entityName,
      regionCode: r.regionCode,
      regionName: regionNames.get(r.regionCode) ?? null,
      address: r.address,
      department: r.department as Department | null,
      status: r.status as TicketStatus,
      major: !!r.major,
      deadline: r.deadline,
      overdue: running && !!r.deadline && r.deadline < now().toISOString(),
      escalationLevel: r.escalationLevel as EscalationLevel | null,
      escalatedAt: r.escalatedAt,
      result: r.result,
      satisfaction: r.satisfaction == null ? null : Number(r.satisfaction),
      reopenCount: Number(r.reopenCount),
      mergedInto: r.mergedInto == null ? null : Number(r.mergedInto),
      reporterName: r.reporterName,
      createdAt: r.createdAt,
      assignedAt: r.assignedAt,
      handledAt: r.handledAt,
      closedAt: r.closedAt,
      abilities: actor
        ? abilitiesOf(actor, {
            ...r,
            entityId: r.entityId == null ? null : Number(r.entityId),
            reporterId: r.reporterId == null ? null : Number(r.reporterId),
          })
        : undefined,
    };
  }
  const place = (r: TicketRow) => ({
    ...r,
    entityId: r.entityId == null ? null : Number(r.entityId),
    reporterId: r.reporterId == null ? null : Number(r.reporterId),
  });

  async function toTickets(rows: TicketRow[], actor: Actor | null): Promise<Ticket[]> {
    const names = await regions.namesOf(rows.map((r) => r.regionCode));
    return rows.map((r) => toTicket(r, names, actor));
  }

  /** The ticket if the actor may see it; otherwise 404, never revealing that it exists. */
  async function visible(dbx: TicketsDb, actor: Actor, id: number): Promise<TicketRow> {
    const row = await repo.byId(dbx, id);
    if (!row || !canSee(actor, place(row))) throw new AppError('common.not_found', 404);
    return row;
  }

  async function event(
    dbx: TicketsDb,
    ctx: RequestContext,
    ticketId: number,
    e: { action: string; from?: string | null; to?: string | null; note?: string | null; detail?: Record<string, unknown> },
  ) {
    await repo.addEvent(dbx, {
      ticketId,
      at: now().toISOString(),
      action: e.action,
      fromStatus: e.from ?? null,
      toStatus: e.to ?? null,
      actorId: ctx.actor?.id ?? null,
      actorName: ctx.actor?.displayName ?? null,
      note: e.note ?? null,
      detail: e.detail ? JSON.stringify(e.detail) : null,
    });
  }

  async function deadlineFor(dbx: TicketsDb, categoryId: number, from: Date): Promise<string> {
    const c = await repo.category(dbx, categoryId);
    return addWorkingTime(from, c!.slaValue, c!.slaUnit as 'hours' | 'days').toISOString();
  }

  async function notifyDepartment(
    dbx: TicketsDb,
    row: { department: string | null; regionPath: string },
    title: string,
    link: string,
  ) {
    if (row.department) {
      const ids = await notifier.usersCovering(dbx, 'department', row.regionPath, departmentSchema.parse(row.department));
      await notifier.send(dbx, ids, { kind: 'tickets.department', title, link });
    } else {
      await notifier.send(dbx, await notifier.usersCovering(dbx, 'town', row.regionPath), {
        kind: 'tickets.collected',
        title,
        link,
      });
    }
  }

  function announce(type: string, regionPath: string, data: Record<string, unknown>) {
    events.publish({ type, regionPath, data });
  }

  function listWhere(actor: Actor, q: Partial<TicketListQuery>, regionPath: string | null): TicketWhere {
    return (eb) => {
      const ands = [visibleWhere(actor)(eb)];
      if (q.status) ands.push(eb('ticket.status', '=', q.status));
      if (q.open === 'true') ands.push(eb('ticket.status', 'not in', [...finishedStates]));
      if (q.open === 'false') ands.push(eb('ticket.status', 'in', [...finishedStates]));
      if (q.department) ands.push(eb('ticket.department', '=', q.department));
      if (q.categoryId) ands.push(eb('ticket.categoryId', '=', q.categoryId));
      if (q.source) ands.push(eb('ticket.source', '=', q.source));
      if (q.entityId) ands.push(eb('ticket.entityId', '=', q.entityId));
      if (q.escalation === 'any') ands.push(eb('ticket.escalationLevel', 'is not', null));
      else if (q.escalation) ands.push(eb('ticket.escalationLevel', '=', q.escalation));
      if (q.overdue === 'true') {
        ands.push(eb('ticket.status', 'in', [...runningStates]));
        ands.push(eb('ticket.deadline', '<', now().toISOString()));
      }
      if (regionPath) ands.push(sql<SqlBool>`${sql.ref('ticket.regionPath')} like ${pathPrefix(regionPath)} escape '\\'`);
      if (q.q) {
        const like = '%' + q.q.replace(/[\\%_]/g, (m) => '\\' + m) + '%';
        ands.push(
          eb.or([
            sql<SqlBool>`${sql.ref('ticket.title')} like ${like} escape '\\'`,
            sql<SqlBool>`${sql.ref('ticket.no')} like ${like} escape '\\'`,
            sql<SqlBool>`${sql.ref('ticket.entityName')} like ${like} escape '\\'`,
          ]),
        );
      }
      return eb.and(ands);
    };
  }

  /** Anyone the problem loop concerns; others (a bank officer …) get a 403, not an empty list. */
  function readActor(ctx: RequestContext): Actor {
    const actor = ctx.actor;
    if (!actor) throw new AppError('auth.required', 401);
    if (!TICKET_PERMS.some((p) => actor.permissions.has(p))) throw new AppError('common.forbidden', 403);
    return actor;
  }

  return { now, place, toTickets, visible, event, deadlineFor, notifyDepartment, announce, listWhere, readActor };
}
export type TicketRecords = ReturnType<typeof ticketRecords>;
