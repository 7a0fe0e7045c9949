import crypto from 'node:crypto';
import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import {
  normalisePhone,
  publicComplaintBodySchema,
  staffComplaintBodySchema,
  type Complaint,
  type ComplaintAction,
  type ComplaintDetail,
  type ComplaintListQuery,
  type ComplaintReceipt,
  type ComplaintStats,
  type ComplaintStatus,
  type EscalationLevel,
  type Page,
  type PublicComplaintStatus,
  type RecordFile,
  type TimelineItem,
  recordFileLimits,
} from '@fugong/contract';
import type { z } from 'zod';
import type { DB } from '../schema';
import { pathPrefix } from '../../db/sql-helpers';
import type { Clock } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { EventBus } from '../../platform/events';
import type { Pii } from '../../platform/pii';
import { maskPhone } from '../../platform/pii';
import type { RequestContext } from '../../platform/context';
import type { Notifier } from '../../platform/notify';
import { AppError, invalid } from '../../platform/errors';
import { t } from '../../platform/i18n/index';
import { makeActor, requirePermission, scopeOf, type Actor } from '../../platform/permissions';
import { addWorkingDays } from '../../platform/working-time';
import { dueEscalation, supervisionDeadline } from '../../platform/escalation';
import { toXlsx } from '../../platform/excel';
import { openStored, requireRoomFor, storeUpload, toRecordFile, type Upload } from '../../platform/files';
import type { RegionsService } from '../regions/regions.service';
import type { RegistryService } from '../registry/registry.service';
import type { PreparedTicket, TicketsService } from '../tickets/tickets.service';
import { complaintTransition, nextComplaintStatus, openComplaintStates } from './complaint-states';
import { complaintsRepo, type ComplaintRow, type ComplaintWhere } from './complaints.repo';
import './complaints.messages';

type Db = Kysely<DB> | Transaction<DB>;

interface Deps {
  db: Kysely<DB>;
  clock: Clock;
  audit: Audit;
  events: EventBus;
  pii: Pii;
  notifier: Notifier;
  regions: RegionsService;
  registry: Pick<RegistryService, 'getForService' | 'registerTimelineSource'>;
  tickets: Pick<TicketsService, 'prepareTicket' | 'createTicket' | 'announceCreated'>;
  /** where uploaded files are kept (files/<sha256>) */
  dataDir: string;
}

/** Working days within which a complainant gets an answer. */
export const COMPLAINT_REPLY_DAYS = 5;
/** How long after filing the complainant may still add photos from the public form. */
export const PUBLIC_PHOTO_HOURS = 24;
const QUERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const READ_PERMS = ['complaints.read', 'complaints.handle', 'complaints.intake'] as const;

// region names are public (the form offers them); browsing them needs no sign-in
const regionReader: Actor = makeActor({ id: 0, username: 'public', displayName: 'public' }, [
  { role: 'admin', regionPath: null, department: null, entityId: null, venueId: null },
]);

export function createComplaintsService(deps: Deps) {
  const { db, clock, audit, events, pii, notifier, regions, registry, tickets, dataDir } = deps;
  const repo = complaintsRepo;
  const now = () => clock.now();

  function readPaths(actor: Actor): string[] | 'all' {
    const paths: string[] = [];
    for (const p of READ_PERMS) {
      if (!actor.permissions.has(p)) continue;
      const s = scopeOf(actor, p);
      if (s.all) return 'all';
      paths.push(...s.regionPaths);
    }
    if (paths.length === 0) throw new AppError('common.forbidden', 403);
    return paths;
  }
  const within = (paths: string[] | 'all', path: string) => paths === 'all' || paths.some((p) => path.startsWith(p));
  const canHandle = (actor: Actor, path: string) =>
    actor.permissions.has('complaints.handle') &&
    within(scopeOf(actor, 'complaints.handle').all ? 'all' : scopeOf(actor, 'complaints.handle').regionPaths, path);

  function toComplaint(r: ComplaintRow, names: Map<string, string>, actor: Actor | null): Complaint {
    const status = r.status as ComplaintStatus;
    const handler = actor ? canHandle(actor, r.regionPath) : false;
    const may = (a: ComplaintAction) => handler && nextComplaintStatus(status, a) !== null;
    return {
      id: Number(r.id),
      receiptNo: r.receiptNo,
      channel: r.channel as 'web' | 'phone',
      content: r.content,
      entityId: r.entityId == null ? null : Number(r.entityId),
      entityName: r.entityName,
      address: r.address,
      regionCode: r.regionCode,
      regionName: names.get(r.regionCode) ?? null,
      occurredOn: r.occurredOn,
      anonymous: !!r.anonymous,
      // an anonymous complainant stays anonymous to staff too
      contactName: r.anonymous ? null : r.contactName,
      phoneMasked: r.anonymous ? null : r.phoneMasked,
      status,
      deadline: r.deadline,
      overdue: (openComplaintStates as readonly string[]).includes(status) && r.deadline < now().toISOString(),
      escalationLevel: r.escalationLevel as EscalationLevel | null,
      verifyNote: r.verifyNote,
      handlingNote: r.handlingNote,
      ticketId: r.ticketId == null ? null : Number(r.ticketId),
      inspectionId: r.inspectionId == null ? null : Number(r.inspectionId),
      reply: r.reply,
      repliedAt: r.repliedAt,
      createdAt: r.createdAt,
      abilities: actor
        ? {
            verify: may('verify'),
            substantiate: may('substantiate'),
            dismiss: may('dismiss'),
            handle: may('handle'),
            reply: may('reply'),
          }
        : undefined,
    };
  }
  async function toComplaints(rows: ComplaintRow[], actor: Actor | null) {
    const names = await regions.namesOf(rows.map((r) => r.regionCode));
    return rows.map((r) => toComplaint(r, names, actor));
  }

  async function event(
    dbx: Db,
    ctx: RequestContext,
    complaintId: number,
    e: { action: string; from?: string | null; to?: string | null; note?: string | null },
  ) {
    await repo.addEvent(dbx, {
      complaintId,
      at: now().toISOString(),
      action: e.action,
      fromStatus: e.from ?? null,
      toStatus: e.to ?? null,
      actorId: ctx.actor?.id ?? null,
      actorName: ctx.actor?.displayName ?? null,
      note: e.note ?? null,
    });
  }

  /** Records a complaint from the public form or a staff member's phone intake. */
  async function receive(
    ctx: RequestContext,
    b: z.output<typeof staffComplaintBodySchema>,
    channel: 'web' | 'phone',
  ): Promise<ComplaintReceipt> {
    const region = await regions.resolve(b.regionCode);
    let entityName = b.entityName;
    if (b.entityId) {
      const e = await registry.getForService(b.entityId);
      if (!e || !e.regionPath.startsWith(region.path))
        throw invalid([{ field: 'entityId', message: 'complaints.unknown_entity' }]);
      entityName = e.name;
    }
    const at = now();
    const deadline = addWorkingDays(at, COMPLAINT_REPLY_DAYS).toISOString();
    const queryCode = Array.from(crypto.randomBytes(8), (x) => QUERY_ALPHABET[x % QUERY_ALPHABET.length]).join('');
    const phone = b.phone ? normalisePhone(b.phone) : null;
    const created = await db.transaction().execute(async (trx) => {
      const { id } = await repo.insert(trx, {
        receiptNo: `tmp-${crypto.randomBytes(12).toString('hex')}`,
        queryCodeHash: pii.hash(queryCode),
        channel,
        content: b.content,
        entityId: b.entityId ?? null,
        entityName,
        address: b.address,
        regionCode: region.code,
        regionPath: region.path,
        occurredOn: b.occurredOn ?? null,
        anonymous: b.anonymous ? 1 : 0,
        contactName: b.anonymous ? null : b.contactName,
        phoneEnc: phone ? pii.encrypt(phone) : null,
        phoneHash: phone ? pii.hash(phone) : null,
        phoneMasked: phone ? maskPhone(phone) : null,
        status: 'received',
        deadline,
        escalationLevel: null,
        escalatedAt: null,
        verdict: null,
        verifyNote: null,
        handlingNote: null,
        ticketId: null,
        inspectionId: null,
        reply: null,
        repliedAt: null,
        createdBy: ctx.actor?.id ?? null,
        createdAt: at.toISOString(),
        updatedAt: at.toISOString(),
      });
      const cid = Number(id);
      const receiptNo = `TS${at.toISOString().slice(0, 10).replace(/-/g, '')}${String(cid).padStart(6, '0')}`;
      await repo.update(trx, cid, { receiptNo });
      await event(trx, ctx, cid, { action: 'receive', to: 'received', note: channel });
      await notifier.send(trx, await notifier.usersCovering(trx, 'town', region.path), {
        kind: 'complaints.received',
        title: t('zh-CN', 'complaints.notify.received', { no: receiptNo }),
        link: `/complaints/${cid}`,
      });
      await audit.record(trx, ctx, {
        action: 'complaints.receive',
        targetType: 'complaint',
        targetId: cid,
        regionPath: region.path,
        detail: { channel, anonymous: b.anonymous },
      });
      return { id: cid, receiptNo };
    });
    events.publish({ type: 'complaints.received', regionPath: region.path, data: { complaintId: created.id } });
    return { receiptNo: created.receiptNo, queryCode, deadline };
  }

  async function visible(dbx: Db, actor: Actor, id: number): Promise<ComplaintRow> {
    const row = await repo.byId(dbx, id);
    if (!row || !within(readPaths(actor), row.regionPath)) throw new AppError('common.not_found', 404);
    return row;
  }

  async function act(
    ctx: RequestContext,
    id: number,
    action: ComplaintAction,
    change: (row: ComplaintRow, at: Date, trx: Db) => Promise<{ set: Record<string, unknown>; note: string | null }>,
    before?: (row: ComplaintRow) => Promise<void>,
  ): Promise<Complaint> {
    const actor = requirePermission(ctx.actor, 'complaints.handle');
    const pre = await visible(db, actor, id);
    if (!canHandle(actor, pre.regionPath)) throw new AppError('common.forbidden', 403);
    complaintTransition(pre.status as ComplaintStatus, action);
    // reads through other services happen before the transaction (SQLite has one connection)
    if (before) await before(pre);
    const row = await db.transaction().execute(async (trx) => {
      const row = await visible(trx, actor, id);
      const from = row.status as ComplaintStatus;
      const to = complaintTransition(from, action);
      const at = now();
      const c = await change(row, at, trx);
      if (!(await repo.update(trx, id, { ...c.set, status: to, updatedAt: at.toISOString() }, from)))
        throw new AppError('common.conflict', 409);
      await event(trx, ctx, id, { action, from, to, note: c.note });
      await audit.record(trx, ctx, {
        action: `complaints.${action}`,
        targetType: 'complaint',
        targetId: id,
        regionPath: row.regionPath,
        detail: { from, to },
      });
      return (await repo.byId(trx, id))!;
    });
    events.publish({ type: `complaints.${action}`, regionPath: row.regionPath, data: { complaintId: id, status: row.status } });
    return (await toComplaints([row], actor))[0]!;
  }

  function listWhere(actor: Actor, q: Partial<ComplaintListQuery>, regionPath: string | null): ComplaintWhere {
    const paths = readPaths(actor);
    return (eb) => {
      const like = (p: string) => sql<SqlBool>`${sql.ref('complaint.regionPath')} like ${pathPrefix(p)} escape '\\'`;
      const ands: Expression<SqlBool>[] = [paths === 'all' ? sql<SqlBool>`1 = 1` : eb.or(paths.map(like))];
      if (regionPath) ands.push(like(regionPath));
      if (q.status) ands.push(eb('complaint.status', '=', q.status));
      if (q.overdue === 'true') {
        ands.push(eb('complaint.status', 'in', [...openComplaintStates]));
        ands.push(eb('complaint.deadline', '<', now().toISOString()));
      }
      if (q.q) {
        const needle = '%' + q.q.replace(/[\\%_]/g, (m) => '\\' + m) + '%';
        ands.push(
          eb.or([
            sql<SqlBool>`${sql.ref('complaint.receiptNo')} like ${needle} escape '\\'`,
            sql<SqlBool>`${sql.ref('complaint.content')} like ${needle} escape '\\'`,
            sql<SqlBool>`${sql.ref('complaint.entityName')} like ${needle} escape '\\'`,
          ]),
        );
      }
      return eb.and(ands);
    };
  }

  async function byReceiptAndSecret(receiptNo: string, secret: string): Promise<ComplaintRow> {
    const row = await repo.byReceipt(db, receiptNo.trim().toUpperCase());
    const s = secret.trim();
    const hashes = [pii.hash(s.toUpperCase())];
    if (/^[+\d\s-]{5,20}$/.test(s)) hashes.push(pii.hash(normalisePhone(s)));
    const ok = !!row && hashes.some((h) => safeEqual(h, row.queryCodeHash) || (!!row.phoneHash && safeEqual(h, row.phoneHash)));
    if (!row || !ok) throw new AppError('complaints.status_not_found', 404);
    return row;
  }

  async function attachTo(
    ctx: RequestContext,
    row: ComplaintRow,
    upload: Upload,
    rules: { maxBytes: number; types: readonly ('pdf' | 'png' | 'jpg')[] },
  ): Promise<RecordFile> {
    const id = Number(row.id);
    const file = storeUpload(dataDir, upload, rules, ctx.actor, now());
    const fileId = await db.transaction().execute(async (trx) => {
      const { id: fileId } = await repo.insertAttachment(trx, { complaintId: id, ...file });
      await event(trx, ctx, id, { action: 'attach', note: file.fileName });
      await audit.record(trx, ctx, {
        action: 'complaints.attach',
        targetType: 'complaint',
        targetId: id,
        regionPath: row.regionPath,
        detail: { fileId: Number(fileId), fileName: file.fileName, size: file.size, sha256: file.sha256 },
      });
      return Number(fileId);
    });
    events.publish({ type: 'complaints.attached', regionPath: row.regionPath, data: { complaintId: id, fileId } });
    return toRecordFile({ ...file, id: fileId });
  }

  registry.registerTimelineSource({
    name: 'complaints',
    async load(entityId, ctx) {
      const rows = await db
        .selectFrom('complaint')
        .selectAll()
        .where('entityId', '=', entityId)
        .orderBy('id', 'desc')
        .limit(100)
        .execute();
      return rows.map((r): TimelineItem => ({
        at: r.createdAt,
        kind: 'complaints.complaint',
        title: t(ctx.locale, 'complaints.timeline', { no: r.receiptNo, status: t(ctx.locale, `complaints.status.${r.status}`) }),
        detail: r.content.slice(0, 120),
        link: `/complaints/${r.id}`,
      }));
    },
  });

  return {
    async publicRegions(parent: string | undefined) {
      const list = await regions.children({ actor: regionReader, ip: null, requestId: null, locale: 'zh-CN' }, parent);
      // the form places a complaint down to the town; deeper levels are for staff
      return list
        .filter((r) => r.level === 'district' || r.level === 'town' || !parent)
        .map((r) => ({ code: r.code, name: r.name }));
    },

    async submitPublic(ctx: RequestContext, body: z.output<typeof publicComplaintBodySchema>): Promise<ComplaintReceipt> {
      // a filled honeypot is a robot: answer like a success, keep nothing
      if (body.website)
        return {
          receiptNo: `TS${now().toISOString().slice(0, 10).replace(/-/g, '')}000000`,
          queryCode: 'XXXXXXXX',
          deadline: now().toISOString(),
        };
      // the public names a place, not a registry record
      return receive({ ...ctx, actor: null }, { ...body, entityId: null, channel: 'web' }, 'web');
    },

    async intake(ctx: RequestContext, body: z.output<typeof staffComplaintBodySchema>): Promise<ComplaintReceipt> {
      const actor = requirePermission(ctx.actor, 'complaints.intake');
      const region = await regions.resolve(body.regionCode);
      const scope = scopeOf(actor, 'complaints.intake');
      if (!scope.all && !scope.regionPaths.some((p) => region.path.startsWith(p)))
        throw invalid([{ field: 'regionCode', message: 'complaints.out_of_scope' }]);
      return receive(ctx, body, body.channel);
    },

    /** The complainant's view: receipt number plus the phone given or the query code. */
    async publicStatus(receiptNo: string, secret: string): Promise<PublicComplaintStatus> {
      const row = await byReceiptAndSecret(receiptNo, secret);
      const evs = await repo.events(db, Number(row.id));
      return {
        receiptNo: row.receiptNo,
        status: row.status as ComplaintStatus,
        createdAt: row.createdAt,
        deadline: row.deadline,
        steps: evs.filter((e) => e.toStatus).map((e) => ({ status: e.toStatus as ComplaintStatus, at: e.at })),
        reply: row.reply,
        repliedAt: row.repliedAt,
      };
    },

    /**
     * Photos sent with the public form, right after the receipt (which proves it is the same
     * person): PNG/JPG only, at most five, within a day of filing.
     */
    async attachPublic(ctx: RequestContext, receiptNo: string, secret: string, upload: Upload): Promise<RecordFile> {
      const row = await byReceiptAndSecret(receiptNo, secret);
      if (now().getTime() - new Date(row.createdAt).getTime() > PUBLIC_PHOTO_HOURS * 3600_000)
        throw new AppError('complaints.photos_closed', 409, { hours: PUBLIC_PHOTO_HOURS });
      const fromPublic = (await repo.attachments(db, Number(row.id))).filter((f) => f.uploadedBy == null).length;
      requireRoomFor(fromPublic, recordFileLimits.publicPhotos);
      return attachTo({ ...ctx, actor: null }, row, upload, { ...recordFileLimits, types: recordFileLimits.publicTypes });
    },

    /** A file added by staff who can see the complaint. */
    async attach(ctx: RequestContext, id: number, upload: Upload): Promise<RecordFile> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const row = await visible(db, actor, id);
      requireRoomFor((await repo.attachments(db, id)).length, recordFileLimits.perRecord);
      return attachTo(ctx, row, upload, recordFileLimits);
    },

    /** A file of a complaint, for staff who can see it (404 otherwise). */
    async openFile(ctx: RequestContext, id: number, fileId: number) {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      await visible(db, actor, id);
      const f = await repo.attachment(db, id, fileId);
      if (!f) throw new AppError('common.not_found', 404);
      return { file: toRecordFile(f), stream: openStored(dataDir, f.sha256) };
    },

    async list(ctx: RequestContext, q: ComplaintListQuery): Promise<Page<Complaint>> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const region = q.regionCode ? await regions.resolve(q.regionCode) : null;
      const l = repo.list(db, listWhere(actor, q, region?.path ?? null), {
        offset: (q.page - 1) * q.pageSize,
        limit: q.pageSize,
      });
      const [{ n }, rows] = await Promise.all([l.count(), l.rows()]);
      return { items: await toComplaints(rows, actor), total: Number(n), page: q.page, pageSize: q.pageSize };
    },

    async get(ctx: RequestContext, id: number): Promise<ComplaintDetail> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const row = await visible(db, actor, id);
      const [evs, files] = await Promise.all([repo.events(db, id), repo.attachments(db, id)]);
      return {
        ...(await toComplaints([row], actor))[0]!,
        attachments: files.map(toRecordFile),
        events: evs.map((e) => ({
          id: Number(e.id),
          at: e.at,
          action: e.action,
          fromStatus: e.fromStatus,
          toStatus: e.toStatus,
          actorName: e.actorName,
          note: e.note,
        })),
      };
    },

    verify: (ctx: RequestContext, id: number, note: string) => act(ctx, id, 'verify', async () => ({ set: {}, note })),
    substantiate: (ctx: RequestContext, id: number, note: string) =>
      act(ctx, id, 'substantiate', async () => ({ set: { verdict: 'substantiated', verifyNote: note }, note })),
    dismiss: (ctx: RequestContext, id: number, note: string) =>
      act(ctx, id, 'dismiss', async () => ({ set: { verdict: 'unfounded', verifyNote: note }, note })),

    /** Handles a substantiated complaint; optionally hands the problem to a department as a ticket. */
    async handle(ctx: RequestContext, id: number, body: { note: string; ticketCategoryId?: number | null }): Promise<Complaint> {
      const ticket: { prepared?: PreparedTicket; created?: { id: number; regionPath: string } } = {};
      const result = await act(
        ctx,
        id,
        'handle',
        async (_row, _at, trx) => {
          if (ticket.prepared) ticket.created = await tickets.createTicket(trx, ctx, ticket.prepared);
          return {
            set: { handlingNote: body.note, ...(ticket.created ? { ticketId: ticket.created.id } : {}) },
            note: body.note,
          };
        },
        async (row) => {
          if (!body.ticketCategoryId) return;
          ticket.prepared = await tickets.prepareTicket({
            source: 'complaint',
            sourceRef: `complaint:${row.id}`,
            categoryId: body.ticketCategoryId,
            title: row.content.slice(0, 60),
            description: `${row.content}\n\n${body.note}`,
            entityId: row.entityId == null ? null : Number(row.entityId),
            regionCode: row.regionCode,
            address: row.address,
            assignNow: true,
          });
        },
      );
      if (ticket.created) tickets.announceCreated(ticket.created);
      return result;
    },

    reply: (ctx: RequestContext, id: number, reply: string) =>
      act(ctx, id, 'reply', async (_row, at) => ({ set: { reply, repliedAt: at.toISOString() }, note: reply })),

    /** Links an inspection made because of the complaint (enforcement calls this). */
    async linkInspection(trx: Db, complaintId: number, inspectionId: number): Promise<void> {
      await trx.updateTable('complaint').set({ inspectionId }).where('id', '=', complaintId).execute();
    },

    /** Overdue complaints climb the same ladder as tickets: 提示 → 督办 → 区领导报到. */
    async escalateDue(): Promise<number> {
      const at = now();
      const ctx: RequestContext = { actor: null, ip: null, requestId: null, locale: 'zh-CN' };
      const rows = await repo.overdue(db, at.toISOString(), openComplaintStates, 500);
      let moved = 0;
      for (const r of rows) {
        const level = dueEscalation(r.escalationLevel, r.escalatedAt, at);
        if (!level) continue;
        const done = await db.transaction().execute(async (trx) => {
          const set: Record<string, unknown> = {
            escalationLevel: level,
            escalatedAt: at.toISOString(),
            updatedAt: at.toISOString(),
          };
          if (level === 'supervision') set.deadline = supervisionDeadline(at);
          if (!(await repo.updateLevel(trx, Number(r.id), set, r.escalationLevel))) return false;
          await event(trx, ctx, Number(r.id), { action: 'escalate', note: level });
          const title = t('zh-CN', 'complaints.notify.escalated', {
            level: t('zh-CN', `tickets.level.${level}`),
            no: r.receiptNo,
          });
          await notifier.send(trx, await notifier.usersCovering(trx, 'town', r.regionPath), {
            kind: `complaints.${level}`,
            title,
            link: `/complaints/${r.id}`,
          });
          if (level !== 'reminder')
            await notifier.send(trx, await notifier.usersCovering(trx, 'commander', r.regionPath), {
              kind: `complaints.${level}`,
              title,
              link: `/complaints/${r.id}`,
            });
          return true;
        });
        if (done) moved += 1;
      }
      return moved;
    },

    /** "N received, N answered" for any period and region. */
    async stats(ctx: RequestContext, q: { from?: string; to?: string; regionCode?: string }): Promise<ComplaintStats> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const region = q.regionCode ? await regions.resolve(q.regionCode) : null;
      const base = listWhere(actor, {}, region?.path ?? null);
      const fromIso = q.from ? new Date(`${q.from}T00:00:00+08:00`).toISOString() : null;
      const toIso = q.to ? new Date(`${q.to}T23:59:59.999+08:00`).toISOString() : null;
      const r = await repo.stats(
        db,
        (eb) =>
          eb.and([
            base(eb),
            ...(fromIso ? [eb('complaint.createdAt', '>=', fromIso)] : []),
            ...(toIso ? [eb('complaint.createdAt', '<=', toIso)] : []),
          ]),
        now().toISOString(),
        openComplaintStates,
      );
      return {
        received: Number(r.received ?? 0),
        answered: Number(r.answered ?? 0),
        substantiated: Number(r.substantiated ?? 0),
        unfounded: Number(r.unfounded ?? 0),
        open: Number(r.open ?? 0),
        overdue: Number(r.overdue ?? 0),
        answeredOnTime: Number(r.answeredOnTime ?? 0),
      };
    },

    async exportXlsx(ctx: RequestContext, q: Omit<ComplaintListQuery, 'page' | 'pageSize'>): Promise<Buffer> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const region = q.regionCode ? await regions.resolve(q.regionCode) : null;
      const rows = await repo.list(db, listWhere(actor, q, region?.path ?? null), { offset: 0, limit: 50_000 }).rows();
      const L = ctx.locale;
      await audit.record(db, ctx, {
        action: 'complaints.export',
        targetType: 'complaint',
        detail: { filter: q, rows: rows.length },
      });
      return toXlsx<ComplaintRow>(
        t(L, 'complaints.sheet'),
        [
          { header: t(L, 'complaints.col.receiptNo'), width: 20, value: (r) => r.receiptNo },
          { header: t(L, 'complaints.col.content'), width: 50, value: (r) => r.content },
          { header: t(L, 'complaints.col.where'), width: 30, value: (r) => r.entityName ?? r.address },
          { header: t(L, 'complaints.col.status'), value: (r) => t(L, `complaints.status.${r.status}`) },
          { header: t(L, 'complaints.col.createdAt'), width: 22, value: (r) => r.createdAt },
          { header: t(L, 'complaints.col.repliedAt'), width: 22, value: (r) => r.repliedAt },
        ],
        rows,
      );
    },
  };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export type ComplaintsService = ReturnType<typeof createComplaintsService>;
