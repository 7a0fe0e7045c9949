import crypto from 'node:crypto';
import { sql, type Expression, type SqlBool } from 'kysely';
import {
  normalisePhone,
  type Complaint,
  type ComplaintAction,
  type ComplaintListQuery,
  type ComplaintStatus,
  type EscalationLevel,
} from '@fugong/contract';
import { pathPrefix } from '../../db/sql-helpers';
import type { Clock } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { EventBus } from '../../platform/events';
import type { Pii } from '../../platform/pii';
import type { RequestContext } from '../../platform/context';
import type { Notifier } from '../../platform/notify';
import type { ModuleDb } from '../../platform/module';
import { AppError } from '../../platform/errors';
import { scopeOf, type Actor } from '../../platform/permissions';
import type { RegionsService } from '../regions/regions.service';
import type { RegistryService } from '../registry/registry.service';
import type { TicketsService } from '../tickets/tickets.service';
import { nextComplaintStatus, openComplaintStates } from './complaint-states';
import type { ComplaintsTables } from './complaints.tables';
import { complaintsRepo, type ComplaintRow, type ComplaintsDb, type ComplaintWhere } from './complaints.repo';

export interface ComplaintsDeps {
  db: ModuleDb<ComplaintsTables>;
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

const READ_PERMS = ['complaints.read', 'complaints.handle', 'complaints.intake'] as const;

/**
 * What every part of the complaints service shares: who may read and handle where, the complaint as
 * staff see it, the complaint the caller may see (404 otherwise, for the public by receipt and secret),
 * its timeline lines and the list filters.
 */
export function complaintRecords(deps: ComplaintsDeps) {
  const { db, clock, pii, regions } = deps;
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
    dbx: ComplaintsDb,
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

  async function visible(dbx: ComplaintsDb, actor: Actor, id: number): Promise<ComplaintRow> {
    const row = await repo.byId(dbx, id);
    if (!row || !within(readPaths(actor), row.regionPath)) throw new AppError('common.not_found', 404);
    return row;
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

  return { now, readPaths, canHandle, toComplaints, event, visible, listWhere, byReceiptAndSecret };
}
export type ComplaintRecords = ReturnType<typeof complaintRecords>;

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
