import { userIdsWith } from '../../platform/grants';
import type {
  BookingStatus,
  CheckinInput,
  CheckinResult,
  CheckinStatus,
  GateStats,
  RefusalReason,
  Booking,
} from '@fugong/contract';
import { bookingCodeSchema, normaliseIdCard } from '@fugong/contract';
import { localDate } from '../../platform/clock';
import type { RequestContext } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { t } from '../../platform/i18n/index';
import type { VenuesRepo } from './venues.repo';
import { toPolicy, type VenueAccess, type VenuesDeps } from './venue-access';
import type { BookingService } from './booking.service';
import { gateRefusal } from './venue-rules';
import { nextVisitorStatus } from './booking-states';

/** The gate: find a booking by QR code or ID number, check health code and temperature, admit or refuse. */
export function createGateService(deps: VenuesDeps, repo: VenuesRepo, access: VenueAccess, bookings: BookingService) {
  const { db, clock, audit, events, pii, notifier } = deps;

  function messageFor(ctx: RequestContext, reason: RefusalReason, params: Record<string, string | number>) {
    return t(ctx.locale, `venues.gate.${reason}`, params);
  }

  return {
    /** A scanned or typed booking code, or an ID number with a booking here today. */
    async lookup(ctx: RequestContext, venueId: number, query: string): Promise<Booking> {
      const v = await access.require(ctx, 'venues.gate', venueId);
      const asCode = bookingCodeSchema.safeParse(query);
      if (asCode.success) {
        const b = await repo.bookingByCode(db, asCode.data);
        if (b && b.venueId === v.id) return bookings.describe(b);
      }
      const visitor = await repo.visitorByIdHash(db, v.id, localDate(clock.now()), pii.hash(normaliseIdCard(query)));
      if (!visitor) throw new AppError('venues.booking_not_found', 404);
      const b = await repo.bookingById(db, visitor.bookingId);
      return bookings.describe(b!);
    },

    async checkin(ctx: RequestContext, venueId: number, input: CheckinInput): Promise<CheckinResult> {
      const v = await access.require(ctx, 'venues.gate', venueId);
      const visitor = await repo.visitorById(db, input.visitorId);
      if (!visitor || visitor.venueId !== v.id) throw notFound('visitor');
      const b = (await repo.bookingById(db, visitor.bookingId))!;
      const now = clock.now();
      const today = localDate(now);

      if (visitor.checkinStatus === 'admitted') {
        const time = new Date(new Date(visitor.admittedAt!).getTime() + 8 * 3600_000).toISOString().slice(11, 16);
        return {
          outcome: 'already_admitted',
          reason: null,
          message: t(ctx.locale, 'venues.gate.already_admitted', { time }),
          policyApplied: false,
          admittedAt: visitor.admittedAt,
        };
      }
      let reason: RefusalReason | null = null;
      if ((b.status as BookingStatus) === 'cancelled') reason = 'cancelled';
      else if (b.day !== today) reason = 'wrong_day';
      else reason = gateRefusal(input);

      let policyApplied = false;
      let policyNote = '';
      if (!reason && visitor.policyId) {
        const policy = (await repo.policiesOf(db, v.id)).find((p) => p.id === visitor.policyId);
        const p = policy ? toPolicy(policy) : null;
        policyApplied =
          !!p &&
          p.active &&
          p.validFrom <= today &&
          p.validTo >= today &&
          !!input.proofType &&
          p.proofTypes.includes(input.proofType);
        if (!policyApplied) policyNote = ' ' + t(ctx.locale, 'venues.gate.policy_proof_missing');
      }
      const from = visitor.checkinStatus as CheckinStatus;
      // wrong day and cancelled bookings are turned away without touching the visitor's state
      const action = reason === null ? 'admit' : reason === 'cancelled' || reason === 'wrong_day' ? null : 'refuse';
      const to = action ? nextVisitorStatus(from, action) : from;
      const at = now.toISOString();

      const admitted = await db.transaction().execute(async (trx) => {
        if (action && !(await repo.setVisitorStatus(trx, visitor.id, from, to, to === 'admitted' ? at : null))) return false;
        await repo.insertCheckin(trx, {
          venueId: v.id,
          day: today,
          visitorId: visitor.id,
          outcome: reason ? 'refused' : 'admitted',
          reason,
          healthEnc: pii.encrypt(JSON.stringify({ healthCode: input.healthCode, temperature: input.temperature })),
          proofType: input.proofType ?? null,
          policyApplied: policyApplied ? 1 : 0,
          staffId: ctx.actor?.id ?? null,
          at,
        });
        await audit.record(trx, ctx, {
          action: reason ? 'venues.gate_refuse' : 'venues.gate_admit',
          targetType: 'venue_visitor',
          targetId: visitor.id,
          regionPath: v.regionPath,
          detail: { bookingId: b.id, reason },
        });
        if (reason && reason !== 'wrong_day' && reason !== 'cancelled') {
          const managers = await userIdsWith(trx, { role: 'venueManager', venueId: v.id });
          const why = t('zh-CN', `venues.gate.${reason}`, { temperature: input.temperature, day: b.day });
          await notifier.send(trx, managers, {
            kind: 'venues.gate_refused',
            title: t('zh-CN', 'venues.alert.refused_title', { venue: v.name, reason: why }),
            body: `${visitor.nameMasked} ${visitor.idMasked}`,
            link: `/venues/${v.id}/gate`,
          });
        }
        return true;
      });
      if (!admitted) {
        // another gate took this visitor first: report what it decided
        const again = (await repo.visitorById(db, visitor.id))!;
        if (again.checkinStatus === 'admitted') return this.checkin(ctx, venueId, input);
        throw new AppError('common.conflict', 409);
      }
      if (reason) {
        if (reason !== 'wrong_day' && reason !== 'cancelled')
          events.publish({ type: 'venues.gate_refused', regionPath: v.regionPath, data: { venueId: v.id, reason } });
        return {
          outcome: 'refused',
          reason,
          message: messageFor(ctx, reason, { temperature: input.temperature, day: b.day }),
          policyApplied: false,
          admittedAt: null,
        };
      }
      events.publish({ type: 'venues.gate_admitted', regionPath: v.regionPath, data: { venueId: v.id } });
      return {
        outcome: 'admitted',
        reason: null,
        message: t(ctx.locale, 'venues.gate.admitted') + policyNote,
        policyApplied,
        admittedAt: at,
      };
    },

    /** Today's figures at the gate: capacity, places booked, admitted and refused. */
    async stats(ctx: RequestContext, venueId: number, dayAsked?: string): Promise<GateStats> {
      const v = await access.require(ctx, 'venues.gate', venueId);
      const day = dayAsked ?? localDate(clock.now());
      const [capacity, booked, counts] = await Promise.all([
        access.capacityFor(v, day),
        repo.bookedOn(db, v.id, day),
        repo.checkinCounts(db, v.id, day),
      ]);
      return {
        day,
        capacity,
        booked,
        ...counts,
        occupancyPct: capacity ? Math.round((counts.admitted / capacity) * 1000) / 10 : 0,
      };
    },
  };
}
