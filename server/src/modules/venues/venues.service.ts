import type { Permission } from '@fugong/contract';
import type {
  Availability,
  Booking,
  CapacityRuleInput,
  Page,
  PolicyInput,
  SlotInput,
  VehicleInput,
  VenueDetail,
  VenueInput,
  VenueKind,
  VenueSummary,
  PublicVenue,
} from '@fugong/contract';
import { localDate } from '../../platform/clock';
import type { RequestContext } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { can, requirePermission, requireInScope, scopeOf } from '../../platform/permissions';
import { venuesRepo, type VenuesRepo } from './venues.repo';
import { createVenueAccess, toPolicy, type VenueRow, type VenuesDeps } from './venue-access';
import { addDays, capacityOn, isOpenOn, type CapacityRule } from './venue-rules';
import { createBookingService } from './booking.service';
import { createGateService } from './gate.service';
import { createGuestsService } from './guests.service';
import { createPartnersService } from './partners.service';
import { createVenuesExport } from './venues.export';

export function createVenuesService(deps: VenuesDeps) {
  const { db, clock, audit, events, regions } = deps;
  const repo = venuesRepo(deps.dialect);
  const access = createVenueAccess(deps, repo);
  const bookings = createBookingService(deps, repo);

  async function summaries(rows: VenueRow[]): Promise<VenueSummary[]> {
    const today = localDate(clock.now());
    const [names, rules] = await Promise.all([
      regions.namesOf([...new Set(rows.map((r) => r.regionCode))]),
      repo.rulesOf(
        db,
        rows.map((r) => r.id),
      ),
    ]);
    return rows.map((v) => ({
      id: v.id,
      name: v.name,
      kind: v.kind as VenueKind,
      regionCode: v.regionCode,
      regionName: names.get(v.regionCode) ?? null,
      address: v.address,
      phone: v.phone,
      normalCapacity: v.normalCapacity,
      capacityToday: capacityOn(v.normalCapacity, rules.filter((r) => r.venueId === v.id) as CapacityRule[], today),
      openingDays: v.openingDays,
      bookingDaysAhead: v.bookingDaysAhead,
      bookable: !!v.bookable,
    }));
  }

  async function detail(ctx: RequestContext, v: VenueRow): Promise<VenueDetail> {
    const [[summary], rules, slots, vehicles, policies] = await Promise.all([
      summaries([v]),
      repo.rulesOf(db, [v.id]),
      repo.slotsOf(db, v.id),
      repo.vehiclesOf(db, v.id),
      repo.policiesOf(db, v.id),
    ]);
    const actor = ctx.actor!;
    const canOn = (perm: Permission) =>
      can(actor, perm) &&
      (scopeOf(actor, perm).all ||
        scopeOf(actor, perm).venueIds.includes(v.id) ||
        scopeOf(actor, perm).regionPaths.some((p) => v.regionPath.startsWith(p)));
    return {
      ...summary!,
      rules: rules.map((r) => ({
        id: r.id,
        version: r.version,
        mode: r.mode as 'ratio' | 'absolute',
        ratioPct: r.ratioPct,
        capacity: r.capacity,
        effectiveFrom: r.effectiveFrom,
        effectiveTo: r.effectiveTo,
        note: r.note,
        createdAt: r.createdAt,
      })),
      slots: slots.map((s) => ({
        id: s.id,
        label: s.label,
        startTime: s.startTime,
        endTime: s.endTime,
        capacity: s.capacity,
        active: !!s.active,
      })),
      vehicles: vehicles.map((x) => ({ id: x.id, name: x.name, count: x.count, seats: x.seats, seatLimit: x.seatLimit })),
      policies: policies.map(toPolicy),
      abilities: { manage: canOn('venues.manage'), gate: canOn('venues.gate') },
    };
  }

  /** After a rule change, days already counting bookings take the new capacity (never below what is booked). */
  async function recapCounters(trx: Parameters<VenuesRepo['countersOf']>[0], v: VenueRow) {
    const today = localDate(clock.now());
    const rules = (await repo.rulesOf(trx, [v.id])) as CapacityRule[];
    const counters = await repo.countersOf(trx, v.id, today, '9999-12-31');
    for (const c of counters) {
      if (c.slotId !== 0) continue;
      const cap = capacityOn(v.normalCapacity, rules, c.day);
      if (cap !== c.capacity) await repo.setCounterCapacity(trx, v.id, c.day, 0, cap);
    }
  }

  async function write<T>(
    ctx: RequestContext,
    venueId: number,
    action: string,
    detailOf: unknown,
    fn: (trx: Parameters<VenuesRepo['countersOf']>[0], v: VenueRow) => Promise<T>,
  ): Promise<T> {
    const v = await access.require(ctx, 'venues.manage', venueId);
    const out = await db.transaction().execute(async (trx) => {
      const r = await fn(trx, v);
      await audit.record(trx, ctx, { action, targetType: 'venue', targetId: v.id, regionPath: v.regionPath, detail: detailOf });
      return r;
    });
    bookings.forget(v.id);
    events.publish({ type: 'venues.configured', regionPath: v.regionPath, data: { venueId: v.id, action } });
    return out;
  }

  return {
    access,
    bookings,
    gate: createGateService(deps, repo, access, bookings),
    guests: createGuestsService(deps, repo, access),
    partners: createPartnersService(deps, repo, bookings),
    exports: createVenuesExport(deps, repo, access),

    async list(
      ctx: RequestContext,
      f: { q?: string; kind?: VenueKind; page: number; pageSize: number },
    ): Promise<Page<VenueSummary>> {
      const actor = requirePermission(ctx.actor, 'venues.read');
      const { items, total } = await repo.listVenues(db, { scope: scopeOf(actor, 'venues.read'), ...f });
      return { items: await summaries(items), total, page: f.page, pageSize: f.pageSize };
    },

    async get(ctx: RequestContext, id: number): Promise<VenueDetail> {
      return detail(ctx, await access.require(ctx, 'venues.read', id));
    },

    async create(ctx: RequestContext, input: VenueInput): Promise<number> {
      const actor = requirePermission(ctx.actor, 'venues.manage');
      const region = await regions.resolve(input.regionCode);
      requireInScope(scopeOf(actor, 'venues.manage'), region.path);
      const now = clock.now().toISOString();
      const id = await db.transaction().execute(async (trx) => {
        const id = await repo.insertVenue(trx, {
          name: input.name,
          kind: input.kind,
          regionCode: region.code,
          regionPath: region.path,
          address: input.address,
          phone: input.phone,
          normalCapacity: input.normalCapacity,
          openingDays: input.openingDays,
          bookingDaysAhead: input.bookingDaysAhead,
          bookable: input.bookable ? 1 : 0,
          createdAt: now,
          updatedAt: now,
        });
        await audit.record(trx, ctx, {
          action: 'venues.create',
          targetType: 'venue',
          targetId: id,
          regionPath: region.path,
          detail: { name: input.name, kind: input.kind },
        });
        return id;
      });
      events.publish({ type: 'venues.configured', regionPath: region.path, data: { venueId: id, action: 'venues.create' } });
      return id;
    },

    async update(ctx: RequestContext, id: number, input: Partial<VenueInput>): Promise<void> {
      const region = input.regionCode ? await regions.resolve(input.regionCode) : null;
      if (region) requireInScope(scopeOf(requirePermission(ctx.actor, 'venues.manage'), 'venues.manage'), region.path);
      await write(ctx, id, 'venues.update', input, async (trx, v) => {
        const { bookable, regionCode: _code, ...rest } = input;
        await repo.updateVenue(trx, v.id, {
          ...rest,
          ...(bookable === undefined ? {} : { bookable: bookable ? 1 : 0 }),
          ...(region ? { regionCode: region.code, regionPath: region.path } : {}),
          updatedAt: clock.now().toISOString(),
        });
        if (input.normalCapacity !== undefined) await recapCounters(trx, { ...v, normalCapacity: input.normalCapacity });
      });
    },

    async addRule(ctx: RequestContext, id: number, input: CapacityRuleInput): Promise<void> {
      await write(ctx, id, 'venues.capacity_rule', input, async (trx, v) => {
        const version = await repo.nextRuleVersion(trx, v.id);
        await repo.insertRule(trx, {
          venueId: v.id,
          version,
          ...input,
          createdAt: clock.now().toISOString(),
          createdBy: ctx.actor?.id ?? null,
        });
        await recapCounters(trx, v);
      });
    },

    addSlot: (ctx: RequestContext, id: number, s: SlotInput) =>
      write(ctx, id, 'venues.slot_add', s, (trx, v) => repo.insertSlot(trx, { venueId: v.id, ...s, active: s.active ? 1 : 0 })),
    updateSlot: (ctx: RequestContext, id: number, slotId: number, s: SlotInput) =>
      write(ctx, id, 'venues.slot_update', { slotId, ...s }, async (trx, v) => {
        if (!(await repo.updateSlot(trx, v.id, slotId, { ...s, active: s.active ? 1 : 0 }))) throw notFound('slot');
        // from today on, the slot's days count against the new capacity (0 once deactivated) — never below what
        // is already booked: the update only touches days where the bookings fit, and any other day refuses the change
        const over = await repo.setSlotCapacityFrom(trx, v.id, slotId, localDate(clock.now()), s.active ? s.capacity : 0);
        if (over.length > 0)
          throw new AppError(s.active ? 'venues.slot_below_booked' : 'venues.slot_has_bookings', 409, {
            day: over[0]!.day,
            booked: over[0]!.booked,
          });
      }),
    addVehicle: (ctx: RequestContext, id: number, x: VehicleInput) =>
      write(ctx, id, 'venues.vehicle_add', x, (trx, v) => repo.insertVehicle(trx, { venueId: v.id, ...x })),
    updateVehicle: (ctx: RequestContext, id: number, vehicleId: number, x: VehicleInput) =>
      write(ctx, id, 'venues.vehicle_update', { vehicleId, ...x }, async (trx, v) => {
        if (!(await repo.updateVehicle(trx, v.id, vehicleId, x))) throw notFound('vehicle');
      }),
    /**
     * Removes a vehicle outright rather than deactivating it: no booking, check-in or other record
     * points at a vehicle (it only describes the fleet and its epidemic seat limit), so nothing is
     * lost that the audit entry does not keep.
     */
    async removeVehicle(ctx: RequestContext, id: number, vehicleId: number): Promise<void> {
      const detail: Record<string, unknown> = { vehicleId };
      await write(ctx, id, 'venues.vehicle_remove', detail, async (trx, v) => {
        const removed = await repo.deleteVehicle(trx, v.id, vehicleId);
        if (!removed) throw notFound('vehicle');
        // the audit entry (written after this step) keeps what the vehicle was
        Object.assign(detail, { name: removed.name, count: removed.count, seats: removed.seats, seatLimit: removed.seatLimit });
      });
    },
    addPolicy: (ctx: RequestContext, id: number, p: PolicyInput) =>
      write(ctx, id, 'venues.policy_add', p, (trx, v) =>
        repo.insertPolicy(trx, {
          venueId: v.id,
          name: p.name,
          eligibility: p.eligibility,
          proofTypes: JSON.stringify(p.proofTypes),
          validFrom: p.validFrom,
          validTo: p.validTo,
          active: p.active ? 1 : 0,
        }),
      ),
    updatePolicy: (ctx: RequestContext, id: number, policyId: number, p: PolicyInput) =>
      write(ctx, id, 'venues.policy_update', { policyId, ...p }, async (trx, v) => {
        const n = await repo.updatePolicy(trx, v.id, policyId, {
          name: p.name,
          eligibility: p.eligibility,
          proofTypes: JSON.stringify(p.proofTypes),
          validFrom: p.validFrom,
          validTo: p.validTo,
          active: p.active ? 1 : 0,
        });
        if (!n) throw notFound('policy');
      }),
    /** Ends a policy today: no booking can claim it for a later day, and a policy not yet started is switched off. */
    endPolicy: (ctx: RequestContext, id: number, policyId: number) =>
      write(ctx, id, 'venues.policy_end', { policyId }, async (trx, v) => {
        const p = (await repo.policiesOf(trx, v.id)).find((x) => x.id === policyId);
        if (!p) throw notFound('policy');
        const today = localDate(clock.now());
        if (!p.active || p.validTo <= today) throw new AppError('venues.policy_already_ended', 409);
        const started = p.validFrom <= today;
        await repo.updatePolicy(trx, v.id, policyId, started ? { validTo: today } : { active: 0 });
      }),

    /** A venue's bookings for staff (the gate's list of the day), people masked. */
    async bookingsOf(
      ctx: RequestContext,
      id: number,
      f: { day?: string; status?: 'booked' | 'cancelled'; page: number; pageSize: number },
    ): Promise<Page<Booking>> {
      const v = await access.require(ctx, 'venues.read', id);
      const { items, total } = await repo.listBookings(db, { venueId: v.id, ...f });
      const [visitors, slots] = await Promise.all([
        repo.visitorsOf(
          db,
          items.map((b) => b.id),
        ),
        repo.slotsOf(db, v.id),
      ]);
      return {
        items: items.map((b) =>
          bookings.toBooking(
            b,
            visitors.filter((x) => x.bookingId === b.id),
            v.name,
            slots.find((s) => s.id === b.slotId)?.label ?? null,
          ),
        ),
        total,
        page: f.page,
        pageSize: f.pageSize,
      };
    },

    // ---- public ----

    async publicList(): Promise<PublicVenue[]> {
      const { items } = await repo.listVenues(db, { scope: null, bookableOnly: true, page: 1, pageSize: 500 });
      return (await summaries(items)).map((v) => ({
        id: v.id,
        name: v.name,
        kind: v.kind,
        regionName: v.regionName,
        address: v.address,
        capacityToday: v.capacityToday,
        normalCapacity: v.normalCapacity,
      }));
    },

    /** Remaining places for one day (and its slots) plus the days open for booking. */
    async availability(venueId: number, dayAsked: string | undefined): Promise<Availability> {
      const v = await repo.venueById(db, venueId);
      if (!v || !v.bookable) throw notFound('venue');
      const today = localDate(clock.now());
      const last = addDays(today, v.bookingDaysAhead);
      const day = dayAsked ?? today;
      const [rules, slots, policies, counters] = await Promise.all([
        repo.rulesOf(db, [v.id]),
        repo.slotsOf(db, v.id),
        repo.policiesOf(db, v.id),
        repo.countersOf(db, v.id, day < today ? day : today, day > last ? day : last),
      ]);
      const bookedOf = (d: string, slotId: number) => counters.find((c) => c.day === d && c.slotId === slotId);
      const capOf = (d: string) => bookedOf(d, 0)?.capacity ?? capacityOn(v.normalCapacity, rules as CapacityRule[], d);
      const remainingOf = (d: string) => Math.max(0, capOf(d) - (bookedOf(d, 0)?.booked ?? 0));
      const days = [];
      for (let d = today; d <= last; d = addDays(d, 1))
        days.push({ day: d, open: isOpenOn(v.openingDays, d), capacity: capOf(d), remaining: remainingOf(d) });
      const open = isOpenOn(v.openingDays, day) && day >= today && day <= last;
      return {
        venueId: v.id,
        venueName: v.name,
        kind: v.kind as VenueKind,
        day,
        open,
        capacity: capOf(day),
        remaining: remainingOf(day),
        slots: slots
          .filter((s) => s.active)
          .map((s) => {
            const c = bookedOf(day, s.id);
            const cap = c?.capacity ?? s.capacity;
            return {
              slotId: s.id,
              label: s.label,
              startTime: s.startTime,
              endTime: s.endTime,
              capacity: cap,
              remaining: Math.max(0, cap - (c?.booked ?? 0)),
            };
          }),
        days,
        policies: policies.filter((p) => p.active && p.validTo >= day && p.validFrom <= day).map(toPolicy),
      };
    },
  };
}
export type VenuesService = ReturnType<typeof createVenuesService>;
