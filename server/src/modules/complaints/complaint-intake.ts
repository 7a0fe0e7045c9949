import crypto from 'node:crypto';
import type { z } from 'zod';
import {
  normalisePhone,
  publicComplaintBodySchema,
  staffComplaintBodySchema,
  type ComplaintReceipt,
  type ComplaintStatus,
  type PublicComplaintStatus,
} from '@fugong/contract';
import { maskPhone } from '../../platform/pii';
import type { RequestContext } from '../../platform/context';
import { invalid } from '../../platform/errors';
import { t } from '../../platform/i18n/index';
import { makeActor, requirePermission, scopeOf, type Actor } from '../../platform/permissions';
import { addWorkingDays } from '../../platform/working-time';
import { complaintsRepo } from './complaints.repo';
import type { ComplaintRecords, ComplaintsDeps } from './complaint-records';

/** Working days within which a complainant gets an answer. */
export const COMPLAINT_REPLY_DAYS = 5;
/** How long after filing the complainant may still add photos from the public form. */
export const PUBLIC_PHOTO_HOURS = 24;
const QUERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

// region names are public (the form offers them); browsing them needs no sign-in
const regionReader: Actor = makeActor({ id: 0, username: 'public', displayName: 'public' }, [
  { role: 'admin', regionPath: null, department: null, entityId: null, venueId: null },
]);

/** Complaints coming in: the public form (no account) with its status look-up, and staff taking one by phone. */
export function complaintIntake(deps: ComplaintsDeps, records: ComplaintRecords) {
  const { db, audit, events, pii, notifier, regions, registry } = deps;
  const { now, event, byReceiptAndSecret } = records;
  const repo = complaintsRepo;

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
  };
}
