import type { Kysely, Transaction } from 'kysely';
import { sql, type SqlBool } from 'kysely';
import {
  departmentSchema,
  escalationLevels,
  ticketCategoryBodySchema,
  ticketCategoryPatchSchema,
  type Department,
  type EscalationLevel,
  type Page,
  type Ticket,
  type TicketAction,
  type TicketCategory,
  type TicketDetail,
  type TicketListQuery,
  type TicketSource,
  type TicketStats,
  type TicketStatsRow,
  type TicketStatus,
  type RecordFile,
  type TimelineItem,
  recordFileLimits,
} from '@fugong/contract';
import type { z } from 'zod';
import crypto from 'node:crypto';
import type { DB } from '../schema';
import type { Clock } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { EventBus } from '../../platform/events';
import type { RequestContext } from '../../platform/context';
import type { Notifier } from '../../platform/notify';
import { AppError, badTransition, invalid } from '../../platform/errors';
import { t } from '../../platform/i18n/index';
import { requirePermission, type Actor } from '../../platform/permissions';
import { pathPrefix } from '../../db/sql-helpers';
import { toXlsx } from '../../platform/excel';
import { openStored, requireRoomFor, storeUpload, toRecordFile, type Upload } from '../../platform/files';
import { addWorkingTime } from '../../platform/working-time';
import { dueEscalation, supervisionDeadline } from '../../platform/escalation';
import type { RegionsService } from '../regions/regions.service';
import type { RegistryService } from '../registry/registry.service';
import { ticketsRepo, type TicketRow, type TicketWhere } from './tickets.repo';
import { ticketTransition, finishedStates, runningStates } from './ticket-states';
import { abilitiesOf, canAssign, canConfirm, canHandle, canLead, canSee, canWhistle, visibleWhere } from './ticket-access';
import './tickets.messages';

type Db = Kysely<DB> | Transaction<DB>;

interface Deps {
  db: Kysely<DB>;
  clock: Clock;
  audit: Audit;
  events: EventBus;
  notifier: Notifier;
  regions: RegionsService;
  registry: Pick<RegistryService, 'getForService' | 'registerTimelineSource'>;
  /** where uploaded files are kept (files/<sha256>) */
  dataDir: string;
}

/** What another module hands over when it finds a problem (a visit, a daily report, an inspection, a complaint). */
export interface NewTicket {
  source: TicketSource;
  /** e.g. "visit:12#0": one ticket per source record, so a retry never files a second */
  sourceRef?: string | null;
  categoryId?: number;
  categoryCode?: string;
  title: string;
  description: string;
  entityId?: number | null;
  regionCode?: string | null;
  address?: string | null;
  major?: boolean;
  /** assign at once to the category's default department (交办 without a separate step) */
  assignNow?: boolean;
}

export type PreparedTicket = NewTicket & {
  category: { id: number; code: string; department: string; slaValue: number; slaUnit: string };
  regionCode: string;
  regionPath: string;
  entityName: string | null;
};

const levelRank = (l: string | null) => (l ? escalationLevels.indexOf(l as EscalationLevel) + 1 : 0);

export function createTicketsService(deps: Deps) {
  const { db, clock, audit, events, notifier, regions, registry, dataDir } = deps;
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
  async function visible(dbx: Db, actor: Actor, id: number): Promise<TicketRow> {
    const row = await repo.byId(dbx, id);
    if (!row || !canSee(actor, place(row))) throw new AppError('common.not_found', 404);
    return row;
  }

  async function event(
    dbx: Db,
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

  async function deadlineFor(dbx: Db, categoryId: number, from: Date): Promise<string> {
    const c = await repo.category(dbx, categoryId);
    return addWorkingTime(from, c!.slaValue, c!.slaUnit as 'hours' | 'days').toISOString();
  }

  async function notifyDepartment(dbx: Db, row: { department: string | null; regionPath: string }, title: string, link: string) {
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

  /**
   * Resolves what a new ticket names (category, entity, region) — outside any transaction, since
   * on SQLite a read through another service inside one would wait for the connection it holds.
   */
  async function prepareTicket(input: NewTicket): Promise<PreparedTicket> {
    const category = input.categoryId
      ? await repo.category(db, input.categoryId)
      : input.categoryCode
        ? await repo.categoryByCode(db, input.categoryCode)
        : undefined;
    if (!category || !category.active) throw invalid([{ field: 'categoryId', message: 'tickets.unknown_category' }]);
    if (input.entityId) {
      const e = await registry.getForService(input.entityId);
      if (!e) throw invalid([{ field: 'entityId', message: 'tickets.unknown_entity' }]);
      return { ...input, category, regionCode: e.regionCode, regionPath: e.regionPath, entityName: e.name };
    }
    if (!input.regionCode) throw invalid([{ field: 'entityId', message: 'tickets.where_required' }]);
    const r = await regions.resolve(input.regionCode);
    return { ...input, category, regionCode: r.code, regionPath: r.path, entityName: null };
  }

  /**
   * Files a prepared ticket inside the caller's transaction. For other modules (liaison visits,
   * daily reports, inspections, complaints): the caller has checked its own permission.
   */
  async function createTicket(
    trx: Db,
    ctx: RequestContext,
    input: PreparedTicket,
  ): Promise<{ id: number; no: string; regionPath: string }> {
    const { category, regionCode, regionPath, entityName } = input;
    const at = now();
    const deadline = addWorkingTime(at, category.slaValue, category.slaUnit as 'hours' | 'days').toISOString();
    const assign = !!input.assignNow;
    const { id } = await repo.insert(trx, {
      // a placeholder that is unique until the id-based number replaces it below
      no: `tmp-${crypto.randomBytes(12).toString('hex')}`,
      source: input.source,
      sourceRef: input.sourceRef ?? null,
      categoryId: Number(category.id),
      title: input.title,
      description: input.description,
      entityId: input.entityId ?? null,
      entityName,
      regionCode,
      regionPath,
      address: input.address ?? null,
      department: assign ? category.department : null,
      status: assign ? 'assigned' : 'collected',
      major: input.major ? 1 : 0,
      deadline,
      originalDeadline: deadline,
      escalationLevel: null,
      escalatedAt: null,
      leaderAckAt: null,
      leaderAckBy: null,
      result: null,
      satisfaction: null,
      reopenCount: 0,
      onTime: null,
      handlingMinutes: null,
      mergedInto: null,
      reporterId: ctx.actor?.id ?? null,
      reporterName: ctx.actor?.displayName ?? null,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
      assignedAt: assign ? at.toISOString() : null,
      handledAt: null,
      closedAt: null,
    });
    const ticketId = Number(id);
    const no = `WT${at.toISOString().slice(0, 10).replace(/-/g, '')}${String(ticketId).padStart(6, '0')}`;
    await repo.update(trx, ticketId, { no });
    await event(trx, ctx, ticketId, {
      action: 'collect',
      to: 'collected',
      detail: { source: input.source, sourceRef: input.sourceRef ?? null },
    });
    if (assign) {
      await event(trx, ctx, ticketId, {
        action: 'assign',
        from: 'collected',
        to: 'assigned',
        detail: { department: category.department, deadline },
      });
    }
    await notifyDepartment(
      trx,
      { department: assign ? category.department : null, regionPath },
      t('zh-CN', 'tickets.notify.assigned', { no, title: input.title }),
      `/tickets/${ticketId}`,
    );
    await audit.record(trx, ctx, {
      action: 'tickets.create',
      targetType: 'ticket',
      targetId: ticketId,
      regionPath,
      detail: { source: input.source, category: category.code, entityId: input.entityId ?? null },
    });
    return { id: ticketId, no, regionPath };
  }

  function announce(type: string, regionPath: string, data: Record<string, unknown>) {
    events.publish({ type, regionPath, data });
  }

  /** One transition: permission, state machine, a conditional update, a timeline line, audit. */
  async function act(
    ctx: RequestContext,
    id: number,
    action: TicketAction,
    allowed: (actor: Actor, row: TicketRow) => boolean,
    change: (
      row: TicketRow,
      at: Date,
      trx: Db,
    ) => Promise<{
      set: Record<string, unknown>;
      note?: string | null;
      detail?: Record<string, unknown>;
      notify?: (row: TicketRow, trx: Db) => Promise<void>;
    }>,
  ): Promise<Ticket> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('auth.required', 401);
    const result = await db.transaction().execute(async (trx) => {
      const row = await visible(trx, actor, id);
      if (!allowed(actor, row)) throw new AppError('common.forbidden', 403);
      const from = row.status as TicketStatus;
      const to = ticketTransition(from, action);
      const at = now();
      const c = await change(row, at, trx);
      if (!(await repo.update(trx, id, { ...c.set, status: to, updatedAt: at.toISOString() }, { status: from })))
        throw new AppError('common.conflict', 409);
      await event(trx, ctx, id, { action, from, to, note: c.note, detail: c.detail });
      await audit.record(trx, ctx, {
        action: `tickets.${action}`,
        targetType: 'ticket',
        targetId: id,
        regionPath: row.regionPath,
        detail: { from, to, ...c.detail },
      });
      const updated = (await repo.byId(trx, id))!;
      await c.notify?.(updated, trx);
      return updated;
    });
    announce(`tickets.${action}`, result.regionPath, { ticketId: id, status: result.status });
    return (await toTickets([result], actor))[0]!;
  }

  async function checkDeadline(deadline: string | null | undefined, fallback: () => Promise<string>): Promise<string> {
    if (!deadline) return fallback();
    if (deadline <= now().toISOString()) throw invalid([{ field: 'deadline', message: 'tickets.deadline_past' }]);
    return new Date(deadline).toISOString();
  }

  function assignChange(body: { department: Department; deadline?: string | null; note?: string | null }) {
    return async (row: TicketRow, at: Date, trx: Db) => {
      const deadline = await checkDeadline(body.deadline, () => deadlineFor(trx, Number(row.categoryId), at));
      return {
        set: { department: body.department, deadline, assignedAt: at.toISOString() },
        note: body.note,
        detail: { department: body.department, from: row.department, deadline },
        notify: (r: TicketRow, tx: Db) =>
          notifyDepartment(tx, r, t('zh-CN', 'tickets.notify.assigned', { no: r.no, title: r.title }), `/tickets/${r.id}`),
      };
    };
  }

  /** Escalates one ticket to `level` (conditional on its current level); returns false if someone else moved it first. */
  async function raise(
    trx: Db,
    ctx: RequestContext,
    row: { id: number; no: string; title: string; regionPath: string; department: string | null; escalationLevel: string | null },
    level: EscalationLevel,
    how: 'auto' | 'whistle',
    note: string | null,
  ) {
    const at = now();
    const set: Record<string, unknown> = { escalationLevel: level, escalatedAt: at.toISOString(), updatedAt: at.toISOString() };
    // 督办单: the supervision order comes with a new, short deadline
    if (level === 'supervision') set.deadline = supervisionDeadline(at);
    if (!(await repo.update(trx, Number(row.id), set, { escalationLevel: row.escalationLevel }))) return false;
    await event(trx, ctx, Number(row.id), {
      action: how === 'auto' ? 'escalate' : 'whistle',
      note,
      detail: { from: row.escalationLevel, level, deadline: set.deadline ?? null },
    });
    await audit.record(trx, ctx, {
      action: `tickets.${how === 'auto' ? 'escalate' : 'whistle'}`,
      targetType: 'ticket',
      targetId: Number(row.id),
      regionPath: row.regionPath,
      detail: { from: row.escalationLevel, level },
    });
    const title = t('zh-CN', how === 'auto' ? 'tickets.notify.escalated' : 'tickets.notify.whistle', {
      level: t('zh-CN', `tickets.level.${level}`),
      no: row.no,
      title: row.title,
    });
    const link = `/tickets/${row.id}`;
    await notifyDepartment(trx, row, title, link);
    if (level !== 'reminder')
      await notifier.send(trx, await notifier.usersCovering(trx, 'commander', row.regionPath), {
        kind: `tickets.${level}`,
        title,
        link,
      });
    return true;
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

  const TICKET_PERMS = [
    'tickets.read',
    'tickets.handle',
    'tickets.own',
    'tickets.report',
    'tickets.stats',
    'tickets.lead',
    'tickets.configure',
  ] as const;
  /** Anyone the problem loop concerns; others (a bank officer …) get a 403, not an empty list. */
  function readActor(ctx: RequestContext): Actor {
    const actor = ctx.actor;
    if (!actor) throw new AppError('auth.required', 401);
    if (!TICKET_PERMS.some((p) => actor.permissions.has(p))) throw new AppError('common.forbidden', 403);
    return actor;
  }

  const toCategory = (c: NonNullable<Awaited<ReturnType<typeof repo.category>>>): TicketCategory => ({
    id: Number(c.id),
    code: c.code,
    name: c.name,
    department: c.department as Department,
    slaValue: Number(c.slaValue),
    slaUnit: c.slaUnit as 'hours' | 'days',
    active: !!c.active,
  });

  function statsRow(
    key: string,
    name: string | null,
    a: {
      received: number;
      closed: number;
      onTime: number;
      handled: number;
      handlingMinutes: number;
      reopened: number;
      satisfactionSum: number;
      rated: number;
      escalated: number;
      open: number;
    },
  ): TicketStatsRow {
    const pct = (n: number, d: number) => (d > 0 ? Math.round((1000 * n) / d) / 10 : null);
    return {
      key,
      name,
      received: a.received,
      closed: a.closed,
      onTime: a.onTime,
      onTimeRate: pct(a.onTime, a.handled),
      avgHandlingHours: a.handled > 0 ? Math.round((10 * a.handlingMinutes) / a.handled / 60) / 10 : null,
      reopened: a.reopened,
      reopenRate: pct(a.reopened, a.handled),
      satisfaction: a.rated > 0 ? Math.round((100 * a.satisfactionSum) / a.rated) / 100 : null,
      escalated: a.escalated,
      open: a.open,
    };
  }

  async function stats(
    ctx: RequestContext,
    q: { from?: string; to?: string; regionCode?: string; by: 'department' | 'region' },
  ): Promise<TicketStats> {
    const actor = requirePermission(ctx.actor, 'tickets.stats');
    const region = q.regionCode ? await regions.resolve(q.regionCode) : null;
    // business dates are local (UTC+8): a day starts at 16:00 UTC the day before
    const fromIso = q.from ? new Date(`${q.from}T00:00:00+08:00`).toISOString() : null;
    const toIso = q.to ? new Date(`${q.to}T23:59:59.999+08:00`).toISOString() : null;
    const base = listWhere(actor, {}, region?.path ?? null);
    const rows = await repo.stats(db, (eb) => {
      const ands = [base(eb)];
      if (fromIso) ands.push(eb('ticket.createdAt', '>=', fromIso));
      if (toIso) ands.push(eb('ticket.createdAt', '<=', toIso));
      return eb.and(ands);
    });
    const empty = () => ({
      received: 0,
      closed: 0,
      onTime: 0,
      handled: 0,
      handlingMinutes: 0,
      reopened: 0,
      satisfactionSum: 0,
      rated: 0,
      escalated: 0,
      open: 0,
    });
    const groups = new Map<string, ReturnType<typeof empty>>();
    const total = empty();
    // group by department, or by the child region under the requested one (town under a district …)
    const depth = region ? region.path.split('/').filter(Boolean).length : 1;
    for (const r of rows) {
      const key =
        q.by === 'department'
          ? (r.department ?? '-')
          : (r.regionPath.split('/').filter(Boolean)[depth] ?? r.regionPath.split('/').filter(Boolean)[depth - 1] ?? '-');
      const g = groups.get(key) ?? empty();
      for (const k of Object.keys(total) as (keyof typeof total)[]) {
        g[k] += Number(r[k] ?? 0);
        total[k] += Number(r[k] ?? 0);
      }
      groups.set(key, g);
    }
    const names = q.by === 'region' ? await regions.namesOf([...groups.keys()]) : new Map<string, string>();
    const nameOf = (k: string) =>
      q.by === 'department'
        ? k === '-'
          ? t(ctx.locale, 'tickets.status.collected')
          : t(ctx.locale, `department.${k}`)
        : (names.get(k) ?? k);
    return {
      rows: [...groups.entries()].sort((a, b) => b[1].received - a[1].received).map(([k, a]) => statsRow(k, nameOf(k), a)),
      total: statsRow('total', t(ctx.locale, 'tickets.col.total'), total),
    };
  }

  registry.registerTimelineSource({
    name: 'tickets',
    async load(entityId, ctx) {
      const rows = await repo
        .list(db, (eb) => eb('ticket.entityId', '=', entityId), { offset: 0, limit: 200, order: 'created' })
        .rows();
      return rows.map((r): TimelineItem => ({
        at: r.createdAt,
        kind: 'tickets.ticket',
        title: t(ctx.locale, 'tickets.timeline', {
          no: r.no,
          status: t(ctx.locale, `tickets.status.${r.status}`),
          title: r.title,
        }),
        detail: [r.categoryName, r.department ? t(ctx.locale, `department.${r.department}`) : null, r.result]
          .filter(Boolean)
          .join(' · '),
        link: `/tickets/${r.id}`,
      }));
    },
  });

  return {
    prepareTicket,
    createTicket,
    announceCreated: (c: { id: number; regionPath: string }) => announce('tickets.created', c.regionPath, { ticketId: c.id }),

    /** The tickets another module filed, by its source references (e.g. a visit's problems). */
    async bySourceRefs(
      source: TicketSource,
      refs: string[],
    ): Promise<{ id: number; sourceRef: string | null; title: string; status: string }[]> {
      if (refs.length === 0) return [];
      const rows = await db
        .selectFrom('ticket')
        .select(['id', 'sourceRef', 'title', 'status'])
        .where('source', '=', source)
        .where('sourceRef', 'in', refs)
        .execute();
      return rows.map((r) => ({ id: Number(r.id), sourceRef: r.sourceRef, title: r.title, status: r.status }));
    },

    async create(ctx: RequestContext, body: NewTicket): Promise<Ticket> {
      const actor = requirePermission(ctx.actor, 'tickets.report');
      // an enterprise reports for its own entity; staff for entities and places in their area
      if (body.entityId) {
        const e = await registry.getForService(body.entityId);
        const own = actor.grants.some((g) => g.entityId === body.entityId);
        if (
          !e ||
          !(own || actor.grants.some((g) => g.role === 'admin' || (g.regionPath && e.regionPath.startsWith(g.regionPath))))
        ) {
          throw invalid([{ field: 'entityId', message: 'tickets.out_of_scope' }]);
        }
      } else if (body.regionCode) {
        const r = await regions.resolve(body.regionCode);
        if (!actor.grants.some((g) => g.role === 'admin' || (g.regionPath && r.path.startsWith(g.regionPath))))
          throw invalid([{ field: 'regionCode', message: 'tickets.out_of_scope' }]);
      }
      const source: TicketSource =
        actor.grants.some((g) => g.role === 'enterprise') && body.source === 'staff' ? 'self_report' : body.source;
      const prepared = await prepareTicket({ ...body, source, sourceRef: null });
      const created = await db.transaction().execute((trx) => createTicket(trx, ctx, prepared));
      announce('tickets.created', created.regionPath, { ticketId: created.id });
      const row = (await repo.byId(db, created.id))!;
      return (await toTickets([row], actor))[0]!;
    },

    async get(ctx: RequestContext, id: number): Promise<TicketDetail> {
      const actor = readActor(ctx);
      const row = await visible(db, actor, id);
      const [events, files] = await Promise.all([repo.events(db, id), repo.attachments(db, id)]);
      const [ticket] = await toTickets([row], actor);
      return {
        ...ticket!,
        attachments: files.map(toRecordFile),
        events: events.map((e) => ({
          id: Number(e.id),
          at: e.at,
          action: e.action,
          fromStatus: e.fromStatus,
          toStatus: e.toStatus,
          actorName: e.actorName,
          note: e.note,
          detail: e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : null,
        })),
      };
    },

    async list(ctx: RequestContext, q: TicketListQuery): Promise<Page<Ticket>> {
      const actor = readActor(ctx);
      const region = q.regionCode ? await regions.resolve(q.regionCode) : null;
      const l = repo.list(db, listWhere(actor, q, region?.path ?? null), {
        offset: (q.page - 1) * q.pageSize,
        limit: q.pageSize,
        order: q.escalation ? 'escalated' : q.open === 'true' || q.overdue === 'true' ? 'deadline' : 'created',
      });
      const [{ n }, rows] = await Promise.all([l.count(), l.rows()]);
      return { items: await toTickets(rows, actor), total: Number(n), page: q.page, pageSize: q.pageSize };
    },

    /** 区领导报到: the open tickets that reached the district leaders, oldest escalation first. */
    async leadersQueue(ctx: RequestContext, q: { page: number; pageSize: number }): Promise<Page<Ticket>> {
      const actor = requirePermission(ctx.actor, 'tickets.lead');
      return this.list({ ...ctx, actor }, { ...q, escalation: 'leaders', open: 'true' });
    },

    async exportXlsx(ctx: RequestContext, q: Omit<TicketListQuery, 'page' | 'pageSize'>): Promise<Buffer> {
      const actor = readActor(ctx);
      const region = q.regionCode ? await regions.resolve(q.regionCode) : null;
      const rows = await repo
        .list(db, listWhere(actor, q, region?.path ?? null), { offset: 0, limit: 50_000, order: 'created' })
        .rows();
      const L = ctx.locale;
      await audit.record(db, ctx, { action: 'tickets.export', targetType: 'ticket', detail: { filter: q, rows: rows.length } });
      return toXlsx<TicketRow>(
        t(L, 'tickets.sheet.list'),
        [
          { header: t(L, 'tickets.col.no'), width: 20, value: (r) => r.no },
          { header: t(L, 'tickets.col.title'), width: 36, value: (r) => r.title },
          { header: t(L, 'tickets.col.category'), value: (r) => r.categoryName },
          { header: t(L, 'tickets.col.entity'), width: 28, value: (r) => r.entityName },
          { header: t(L, 'tickets.col.department'), value: (r) => (r.department ? t(L, `department.${r.department}`) : '') },
          { header: t(L, 'tickets.col.status'), value: (r) => t(L, `tickets.status.${r.status}`) },
          { header: t(L, 'tickets.col.deadline'), width: 22, value: (r) => r.deadline },
          {
            header: t(L, 'tickets.col.escalation'),
            value: (r) => (r.escalationLevel ? t(L, `tickets.level.${r.escalationLevel}`) : ''),
          },
          { header: t(L, 'tickets.col.createdAt'), width: 22, value: (r) => r.createdAt },
        ],
        rows,
      );
    },

    assign: (ctx: RequestContext, id: number, body: { department: Department; deadline?: string | null; note?: string | null }) =>
      act(ctx, id, 'assign', canAssign, assignChange(body)),
    reassign: (
      ctx: RequestContext,
      id: number,
      body: { department: Department; deadline?: string | null; note?: string | null },
    ) => act(ctx, id, 'reassign', (a, r) => canAssign(a, place(r)) || canHandle(a, place(r)), assignChange(body)),
    accept: (ctx: RequestContext, id: number, note: string | null) =>
      act(
        ctx,
        id,
        'accept',
        (a, r) => canHandle(a, place(r)),
        async () => ({ set: {}, note }),
      ),
    handle: (ctx: RequestContext, id: number, result: string) =>
      act(
        ctx,
        id,
        'handle',
        (a, r) => canHandle(a, place(r)),
        async (row, at) => {
          const first = row.onTime == null;
          return {
            set: {
              result,
              handledAt: at.toISOString(),
              // measured once: a reopened ticket keeps its first hand-back's timing
              ...(first
                ? {
                    onTime: row.deadline && at.toISOString() > row.deadline ? 0 : 1,
                    handlingMinutes: Math.round((at.getTime() - new Date(row.createdAt).getTime()) / 60_000),
                  }
                : {}),
            },
            note: result,
            notify: async (r, tx) => {
              const to = [...(r.reporterId ? [Number(r.reporterId)] : [])];
              await notifier.send(tx, to, {
                kind: 'tickets.feedback',
                title: t('zh-CN', 'tickets.notify.feedback', { no: r.no, title: r.title }),
                link: `/tickets/${r.id}`,
              });
            },
          };
        },
      ),
    confirm: (ctx: RequestContext, id: number, body: { satisfaction: number; note?: string | null }) =>
      act(
        ctx,
        id,
        'confirm',
        (a, r) => canConfirm(a, place(r)),
        async (_row, at) => ({
          set: { satisfaction: body.satisfaction, closedAt: at.toISOString() },
          note: body.note,
          detail: { satisfaction: body.satisfaction },
        }),
      ),
    reopen: (ctx: RequestContext, id: number, note: string) =>
      act(
        ctx,
        id,
        'reopen',
        (a, r) => canConfirm(a, place(r)),
        async (row) => ({
          set: { reopenCount: Number(row.reopenCount) + 1, result: null },
          note,
          notify: (r, tx) =>
            notifyDepartment(tx, r, t('zh-CN', 'tickets.notify.reopened', { no: r.no, title: r.title }), `/tickets/${r.id}`),
        }),
      ),
    close: (ctx: RequestContext, id: number, note: string) =>
      act(ctx, id, 'close', canAssign, async (_row, at) => ({ set: { closedAt: at.toISOString() }, note })),
    merge: (ctx: RequestContext, id: number, body: { intoId: number; note?: string | null }) =>
      act(ctx, id, 'merge', canAssign, async (row, at, trx) => {
        const actor = ctx.actor!;
        const into = body.intoId === id ? null : await repo.byId(trx, body.intoId);
        if (!into || !canSee(actor, place(into)) || (finishedStates as readonly string[]).includes(into.status))
          throw invalid([{ field: 'intoId', message: 'tickets.merge_self' }]);
        await event(trx, ctx, Number(into.id), { action: 'merged_in', note: body.note, detail: { ticketId: id, no: row.no } });
        return {
          set: { mergedInto: Number(into.id), closedAt: at.toISOString() },
          note: body.note,
          detail: { intoId: Number(into.id), intoNo: into.no },
        };
      }),

    async comment(ctx: RequestContext, id: number, note: string): Promise<void> {
      const actor = readActor(ctx);
      await db.transaction().execute(async (trx) => {
        const row = await visible(trx, actor, id);
        await event(trx, ctx, id, { action: 'comment', note });
        await audit.record(trx, ctx, {
          action: 'tickets.comment',
          targetType: 'ticket',
          targetId: id,
          regionPath: row.regionPath,
        });
      });
    },

    /** A photo or document added by anyone who can see the ticket, at any step; it shows on the timeline. */
    async attach(ctx: RequestContext, id: number, upload: Upload): Promise<RecordFile> {
      const actor = readActor(ctx);
      await visible(db, actor, id);
      requireRoomFor((await repo.attachments(db, id)).length, recordFileLimits.perRecord);
      const file = storeUpload(dataDir, upload, recordFileLimits, actor, now());
      const { fileId, regionPath } = await db.transaction().execute(async (trx) => {
        const row = await visible(trx, actor, id);
        const { id: fileId } = await repo.insertAttachment(trx, { ticketId: id, ...file });
        await event(trx, ctx, id, {
          action: 'attach',
          detail: { fileId: Number(fileId), fileName: file.fileName, mime: file.mime },
        });
        await audit.record(trx, ctx, {
          action: 'tickets.attach',
          targetType: 'ticket',
          targetId: id,
          regionPath: row.regionPath,
          detail: { fileId: Number(fileId), fileName: file.fileName, size: file.size, sha256: file.sha256 },
        });
        return { fileId: Number(fileId), regionPath: row.regionPath };
      });
      announce('tickets.attached', regionPath, { ticketId: id, fileId });
      return toRecordFile({ ...file, id: fileId });
    },

    /** A file of a ticket, for whoever can see the ticket (404 otherwise). */
    async openFile(ctx: RequestContext, id: number, fileId: number) {
      const actor = readActor(ctx);
      await visible(db, actor, id);
      const f = await repo.attachment(db, id, fileId);
      if (!f) throw new AppError('common.not_found', 404);
      return { file: toRecordFile(f), stream: openStored(dataDir, f.sha256) };
    },

    /** 吹哨: anyone allowed raises an open ticket, by default one level, a liaison straight to the leaders if they choose. */
    async whistle(ctx: RequestContext, id: number, body: { level?: EscalationLevel | null; note: string }): Promise<Ticket> {
      const actor = readActor(ctx);
      const row = await db.transaction().execute(async (trx) => {
        const row = await visible(trx, actor, id);
        if (!canWhistle(actor, place(row))) throw new AppError('common.forbidden', 403);
        if ((finishedStates as readonly string[]).includes(row.status)) throw badTransition(row.status, 'whistle');
        const current = levelRank(row.escalationLevel);
        if (current >= escalationLevels.length) throw new AppError('tickets.already_top', 409);
        const level = body.level ?? escalationLevels[current]!;
        if (levelRank(level) <= current) throw invalid([{ field: 'level', message: 'tickets.level_not_higher' }]);
        if (!(await raise(trx, ctx, { ...row, id: Number(row.id) }, level, 'whistle', body.note)))
          throw new AppError('common.conflict', 409);
        return (await repo.byId(trx, id))!;
      });
      announce('tickets.escalated', row.regionPath, { ticketId: id, level: row.escalationLevel });
      return (await toTickets([row], actor))[0]!;
    },

    /** 区领导报到: a leader takes the ticket up; the department sees who and when. */
    async acknowledge(ctx: RequestContext, id: number, note: string | null): Promise<Ticket> {
      const actor = readActor(ctx);
      const row = await db.transaction().execute(async (trx) => {
        const row = await visible(trx, actor, id);
        if (!canLead(actor, place(row))) throw new AppError('common.forbidden', 403);
        if (row.escalationLevel !== 'leaders') throw new AppError('tickets.not_at_leaders', 409);
        await repo.update(trx, id, {
          leaderAckAt: now().toISOString(),
          leaderAckBy: actor.displayName,
          updatedAt: now().toISOString(),
        });
        await event(trx, ctx, id, { action: 'leader_ack', note });
        await audit.record(trx, ctx, {
          action: 'tickets.leader_ack',
          targetType: 'ticket',
          targetId: id,
          regionPath: row.regionPath,
        });
        await notifyDepartment(
          trx,
          row,
          t('zh-CN', 'tickets.notify.whistle', { level: t('zh-CN', 'tickets.level.leaders'), no: row.no, title: row.title }),
          `/tickets/${id}`,
        );
        return (await repo.byId(trx, id))!;
      });
      return (await toTickets([row], actor))[0]!;
    },

    /**
     * The escalation ladder, run by the job scheduler: an overdue ticket gets a reminder (提示);
     * a reminder unanswered for a working day becomes a supervision order (督办) with a new
     * deadline; a supervision order overdue goes to the district leaders (区领导报到).
     */
    async escalateDue(): Promise<{ reminder: number; supervision: number; leaders: number }> {
      const at = now();
      const counts = { reminder: 0, supervision: 0, leaders: 0 };
      const ctx: RequestContext = { actor: null, ip: null, requestId: null, locale: 'zh-CN' };
      const rows = await repo.escalationCandidates(db, at.toISOString(), runningStates, 500);
      for (const r of rows) {
        const level = dueEscalation(r.escalationLevel, r.escalatedAt, at);
        if (!level) continue;
        const done = await db.transaction().execute((trx) => raise(trx, ctx, { ...r, id: Number(r.id) }, level, 'auto', null));
        if (done) {
          counts[level] += 1;
          announce('tickets.escalated', r.regionPath, { ticketId: Number(r.id), level });
        }
      }
      return counts;
    },

    stats,
    async statsXlsx(
      ctx: RequestContext,
      q: { from?: string; to?: string; regionCode?: string; by: 'department' | 'region' },
    ): Promise<Buffer> {
      const s = await stats(ctx, q);
      const L = ctx.locale;
      const col = (k: string, value: (r: TicketStatsRow) => string | number | null) => ({
        header: t(L, `tickets.col.${k}`),
        value,
      });
      return toXlsx<TicketStatsRow>(
        t(L, 'tickets.sheet.stats'),
        [
          { ...col('key', (r) => r.name), width: 24 },
          col('received', (r) => r.received),
          col('closed', (r) => r.closed),
          col('onTimeRate', (r) => r.onTimeRate),
          col('avgHours', (r) => r.avgHandlingHours),
          col('reopenRate', (r) => r.reopenRate),
          col('satisfaction', (r) => r.satisfaction),
          col('escalated', (r) => r.escalated),
          col('open', (r) => r.open),
        ],
        [...s.rows, s.total],
      );
    },

    async categories(ctx: RequestContext, all: boolean): Promise<TicketCategory[]> {
      readActor(ctx);
      return (await repo.categories(db, !all)).map(toCategory);
    },
    async createCategory(ctx: RequestContext, body: z.infer<typeof ticketCategoryBodySchema>): Promise<TicketCategory> {
      requirePermission(ctx.actor, 'tickets.configure');
      const id = await db.transaction().execute(async (trx) => {
        if (await repo.categoryByCode(trx, body.code))
          throw new AppError('tickets.category_taken', 409, { code: body.code }, [
            { field: 'code', message: 'tickets.category_taken' },
          ]);
        const { id } = await repo.insertCategory(trx, { ...body, active: body.active ? 1 : 0 });
        await audit.record(trx, ctx, {
          action: 'tickets.category_create',
          targetType: 'ticket_category',
          targetId: Number(id),
          detail: body,
        });
        return Number(id);
      });
      return toCategory((await repo.category(db, id))!);
    },
    async updateCategory(
      ctx: RequestContext,
      id: number,
      body: z.infer<typeof ticketCategoryPatchSchema>,
    ): Promise<TicketCategory> {
      requirePermission(ctx.actor, 'tickets.configure');
      await db.transaction().execute(async (trx) => {
        if (!(await repo.category(trx, id))) throw new AppError('common.not_found', 404);
        const { active, ...rest } = body;
        await repo.updateCategory(trx, id, { ...rest, ...(active === undefined ? {} : { active: active ? 1 : 0 }) });
        await audit.record(trx, ctx, {
          action: 'tickets.category_update',
          targetType: 'ticket_category',
          targetId: id,
          detail: body,
        });
      });
      return toCategory((await repo.category(db, id))!);
    },
  };
}
export type TicketsService = ReturnType<typeof createTicketsService>;
