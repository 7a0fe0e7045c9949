import type { Booking, BookingChannel, BookingInput, BookingStatus, CheckinStatus, IdType } from '@fugong/contract';
import { localDate } from '../../platform/clock';
import { createGroupCommit } from '../../platform/group-commit';
import type { AuditEntry } from '../../platform/audit';
import type { RequestContext } from '../../platform/context';
import { AppError, badTransition } from '../../platform/errors';
import { maskIdNumber, maskName, maskPhone } from '../../platform/pii';
import { isUniqueViolation, type VenuesRepo } from './venues.repo';
import type { VenuesDeps } from './venue-access';
import type { ModuleTrx } from '../../platform/module';
import type { VenuesTables, VenueTable } from './venues.tables';
import { addDays, capacityOn, isOpenOn, newBookingCode, type CapacityRule } from './venue-rules';
import { nextBookingStatus } from './booking-states';

type VenueRow = Omit<VenueTable, 'id'> & { id: number };
type BookingRow = NonNullable<Awaited<ReturnType<VenuesRepo['bookingByCode']>>>;
type VisitorRow = Awaited<ReturnType<VenuesRepo['visitorsOf']>>[number];
type SlotRow = Awaited<ReturnType<VenuesRepo['slotsOf']>>[number];

const soldOut = (day: string) => new AppError('venues.sold_out', 409, { day });
const bookingNotFound = () => new AppError('venues.booking_not_found', 404);

export interface PlaceOptions {
  channel: BookingChannel;
  partnerId?: number | null;
  /** Runs first inside the booking's transaction (e.g. claiming an idempotency key, so a racing retry waits or fails). */
  claim?: (trx: ModuleTrx<VenuesTables>) => Promise<void>;
  /** Runs inside the booking's transaction after the rows are written (e.g. storing the idempotent reply). */
  inTransaction?: (trx: ModuleTrx<VenuesTables>, booking: Booking) => Promise<void>;
}

/** Real-name bookings: the public page, partner API and staff phone bookings all come through here. */
export function createBookingService(deps: VenuesDeps, repo: VenuesRepo) {
  const { db, clock, audit, events, pii } = deps;
  // bookings arriving together share one commit; their audit rows are one INSERT at the end of the batch
  const commits = createGroupCommit<AuditEntry>(db, { flush: (trx, entries) => audit.recordAll(trx, entries) });
  // Venue settings change rarely and bookings arrive thousands a second: each node reads them at most every
  // 2 s. Capacity is never cached — it is decided by the counter row in the booking's transaction.
  const settings = new Map<number, { until: number; venue: VenueRow | undefined; slots: SlotRow[] }>();
  async function venueSettings(venueId: number) {
    const hit = settings.get(venueId);
    if (hit && hit.until > Date.now()) return hit;
    const [venue, slots] = await Promise.all([repo.venueById(db, venueId), repo.slotsOf(db, venueId)]);
    const fresh = { until: Date.now() + 2000, venue, slots: slots.filter((x) => x.active) };
    if (settings.size > 10_000) settings.clear();
    settings.set(venueId, fresh);
    return fresh;
  }

  /** Takes n places on a counter, creating the day's counter first if nobody has booked that day yet. */
  async function take(
    trx: ModuleTrx<VenuesTables>,
    venueId: number,
    day: string,
    slotId: number,
    n: number,
    capacity: () => Promise<number>,
  ): Promise<boolean> {
    if (await repo.reserve(trx, venueId, day, slotId, n)) return true;
    await repo.ensureCounter(trx, venueId, day, slotId, await capacity());
    // a second try, whether we or a concurrent booking created the row: still the same conditional update
    return repo.reserve(trx, venueId, day, slotId, n);
  }

  function toBooking(b: BookingRow, visitors: VisitorRow[], venueName: string, slotLabel: string | null): Booking {
    return {
      code: b.code,
      venueId: b.venueId,
      venueName,
      day: b.day,
      slotId: b.slotId,
      slotLabel,
      partySize: b.partySize,
      phoneMasked: b.phoneMasked,
      channel: b.channel as BookingChannel,
      status: b.status as BookingStatus,
      createdAt: b.createdAt,
      cancelledAt: b.cancelledAt,
      visitors: visitors.map((x) => ({
        id: x.id,
        nameMasked: x.nameMasked,
        idType: x.idType as IdType,
        idMasked: x.idMasked,
        policyId: x.policyId,
        checkinStatus: x.checkinStatus as CheckinStatus,
        admittedAt: x.admittedAt,
      })),
    };
  }

  async function describe(b: BookingRow): Promise<Booking> {
    const [v, visitors, slots] = await Promise.all([
      repo.venueById(db, b.venueId),
      repo.visitorsOf(db, [b.id]),
      b.slotId ? repo.slotsOf(db, b.venueId) : Promise.resolve([]),
    ]);
    return toBooking(b, visitors, v?.name ?? '', slots.find((s) => s.id === b.slotId)?.label ?? null);
  }

  /** Checks everything that does not need the lock; the capacity itself is only decided in the transaction. */
  async function validate(v: VenueRow | undefined, slots: SlotRow[], input: BookingInput) {
    if (!v) throw new AppError('common.validation_failed', 400, {}, [{ field: 'venueId', message: 'common.not_found' }]);
    if (!v.bookable) throw new AppError('venues.not_bookable', 409);
    const today = localDate(clock.now());
    if (input.day < today || input.day > addDays(today, v.bookingDaysAhead)) {
      throw new AppError('venues.day_out_of_range', 400, { days: v.bookingDaysAhead + 1 }, [
        { field: 'day', message: 'venues.day_out_of_range' },
      ]);
    }
    if (!isOpenOn(v.openingDays, input.day)) throw new AppError('venues.closed_day', 409, { day: input.day });
    const slotId = input.slotId ?? null;
    const slot = slotId === null ? null : slots.find((s) => s.id === slotId);
    if (slots.length > 0 && slotId === null)
      throw new AppError('common.validation_failed', 400, {}, [{ field: 'slotId', message: 'venues.slot_required' }]);
    if (slotId !== null && !slot)
      throw new AppError('common.validation_failed', 400, {}, [{ field: 'slotId', message: 'venues.unknown_slot' }]);

    const hashes = input.visitors.map((x) => pii.hash(x.idNumber));
    const dupe = hashes.findIndex((h, i) => hashes.indexOf(h) !== i);
    if (dupe >= 0)
      throw new AppError('common.validation_failed', 400, {}, [
        { field: `visitors.${dupe}.idNumber`, message: 'venues.duplicate_in_party' },
      ]);

    if (input.visitors.some((x) => x.policyId)) {
      const policies = await repo.policiesOf(db, v.id);
      input.visitors.forEach((x, i) => {
        if (!x.policyId) return;
        const p = policies.find((q) => q.id === x.policyId);
        if (!p || !p.active || p.validFrom > input.day || p.validTo < input.day) {
          throw new AppError('common.validation_failed', 400, {}, [
            { field: `visitors.${i}.policyId`, message: 'venues.policy_unavailable' },
          ]);
        }
      });
    }
    return { slot: slot ?? null, hashes };
  }

  return {
    describe,
    toBooking,
    /** Drops this node's copy of a venue's settings after a change here. */
    forget: (venueId: number) => settings.delete(venueId),

    async place(ctx: RequestContext, input: BookingInput, opts: PlaceOptions): Promise<Booking> {
      const { venue: v, slots } = await venueSettings(input.venueId);
      const { slot, hashes } = await validate(v, slots, input);
      const venue = v!;
      const n = input.visitors.length;
      const now = clock.now().toISOString();
      const code = newBookingCode();
      const booking = {
        code,
        venueId: venue.id,
        day: input.day,
        slotId: slot?.id ?? null,
        partySize: n,
        phoneEnc: pii.encrypt(input.phone),
        phoneHash: pii.hash(input.phone),
        phoneMasked: maskPhone(input.phone),
        channel: opts.channel,
        partnerId: opts.partnerId ?? null,
        status: 'booked',
        regionPath: venue.regionPath,
        createdAt: now,
        cancelledAt: null,
      };
      const visitors = input.visitors.map((x, i) => ({
        venueId: venue.id,
        day: input.day,
        nameEnc: pii.encrypt(x.name),
        nameMasked: maskName(x.name),
        idType: x.idType,
        idEnc: pii.encrypt(x.idNumber),
        idHash: hashes[i]!,
        idMasked: maskIdNumber(x.idNumber),
        policyId: x.policyId ?? null,
        held: 1,
        checkinStatus: 'pending',
        admittedAt: null,
        bookingId: 0,
      }));
      let result: Booking;
      try {
        result = await commits.run(async (trx, defer) => {
          await opts.claim?.(trx);
          const dayCapacity = async () =>
            capacityOn(venue.normalCapacity, (await repo.rulesOf(trx, [venue.id])) as CapacityRule[], input.day);
          if (!(await take(trx, venue.id, input.day, 0, n, dayCapacity))) throw soldOut(input.day);
          if (slot && !(await take(trx, venue.id, input.day, slot.id, n, async () => slot.capacity)))
            throw new AppError('venues.slot_sold_out', 409, { day: input.day });
          const id = await repo.insertBooking(trx, booking);
          // ids are set on the rows as built rather than copied into new objects (object spreads are slow on Node 20)
          for (const x of visitors) x.bookingId = id;
          const ids = await repo.insertVisitors(trx, visitors);
          defer(
            audit.entry(ctx, {
              action: 'venues.booking_create',
              targetType: 'venue_booking',
              targetId: id,
              regionPath: venue.regionPath,
              detail: {
                venueId: venue.id,
                day: input.day,
                partySize: n,
                channel: opts.channel,
                partnerId: opts.partnerId ?? null,
              },
            }),
          );
          const dto = toBooking(
            Object.assign(booking, { id }),
            visitors.map((x, i) => Object.assign(x, { id: ids[i]! })),
            venue.name,
            slot?.label ?? null,
          );
          await opts.inTransaction?.(trx, dto);
          return dto;
        });
      } catch (err) {
        if (err instanceof AppError) throw err;
        // the person already holds a place that day: the unique index refused the visitor row (no pre-check:
        // it would cost every booking a query, and could not close the race anyway)
        if (
          isUniqueViolation(err) &&
          /visitor|id_hash/i.test(String((err as Error).message) + String((err as { constraint?: string }).constraint))
        ) {
          const held = await repo.heldHashes(db, venue.id, input.day, hashes);
          throw new AppError('venues.duplicate_person', 409, { idMasked: held[0]?.idMasked ?? visitors[0]!.idMasked });
        }
        throw err;
      }
      events.publish({
        type: 'venues.booking_created',
        regionPath: venue.regionPath,
        data: { venueId: venue.id, day: input.day, partySize: n },
      });
      return result;
    },

    /** Booking by code, for whoever proves they made it with the phone number (or the partner that made it). */
    async find(code: string, proof: { phone?: string; partnerId?: number }): Promise<Booking> {
      const b = await repo.bookingByCode(db, code);
      if (!b) throw bookingNotFound();
      if (proof.partnerId !== undefined ? b.partnerId !== proof.partnerId : b.phoneHash !== pii.hash(proof.phone ?? ''))
        throw bookingNotFound();
      return describe(b);
    },

    async cancel(ctx: RequestContext, code: string, proof: { phone?: string; partnerId?: number }): Promise<Booking> {
      const b = await repo.bookingByCode(db, code);
      if (!b) throw bookingNotFound();
      if (proof.partnerId !== undefined ? b.partnerId !== proof.partnerId : b.phoneHash !== pii.hash(proof.phone ?? ''))
        throw bookingNotFound();
      nextBookingStatus(b.status as BookingStatus, 'cancel');
      const visitors = await repo.visitorsOf(db, [b.id]);
      if (visitors.some((x) => x.checkinStatus === 'admitted')) throw new AppError('venues.already_checked_in', 409);
      await db.transaction().execute(async (trx) => {
        if (!(await repo.cancelBooking(trx, b.id, clock.now().toISOString()))) throw badTransition(b.status, 'cancel');
        // nobody may have been admitted meanwhile: a gate admission needs the place still held
        const released = await repo.releaseVisitors(trx, b.id);
        if (released !== b.partySize) throw new AppError('venues.already_checked_in', 409);
        await repo.release(trx, b.venueId, b.day, 0, b.partySize);
        if (b.slotId) await repo.release(trx, b.venueId, b.day, b.slotId, b.partySize);
        await audit.record(trx, ctx, {
          action: 'venues.booking_cancel',
          targetType: 'venue_booking',
          targetId: b.id,
          regionPath: b.regionPath,
          detail: { code: b.code },
        });
      });
      events.publish({
        type: 'venues.booking_cancelled',
        regionPath: b.regionPath,
        data: { venueId: b.venueId, day: b.day, partySize: b.partySize },
      });
      return describe((await repo.bookingByCode(db, code))!);
    },
  };
}
export type BookingService = ReturnType<typeof createBookingService>;
