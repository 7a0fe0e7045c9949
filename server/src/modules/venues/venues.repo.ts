import { type Kysely, type Transaction, type Insertable, type Updateable } from 'kysely';
import type { DB } from '../schema';
import { preparedQuery } from '../../db/prepared';
import type { Dialect } from '../../db/database';
import type { Scope } from '../../platform/permissions';
import { scopeFilter } from '../../platform/permissions';
import { containsText } from '../../db/sql-helpers';
import type { VenuesTables } from './venues.tables';

type Db = Kysely<DB> | Transaction<DB>;
type New<T extends keyof VenuesTables> = Insertable<VenuesTables[T]>;

/** The masked person and their booking, as the day's lists and exports show them. */
const visitorListColumns = [
  'venueVisitor.nameMasked',
  'venueVisitor.idType',
  'venueVisitor.idMasked',
  'venueBooking.code',
  'venueBooking.slotId',
] as const;

// ---- the booking path: every booking runs these, so they are compiled once ----
type BookingInsert = Required<Omit<New<'venueBooking'>, 'id'>>;
type VisitorInsert = Required<Omit<New<'venueVisitor'>, 'id'>>;
/** Takes n places only if they are left: the conditional update that makes overselling impossible. */
const reserveOnCounter = preparedQuery(
  'venues.reserveOnCounter',
  (db: Kysely<DB>, p: { venueId: number; day: string; slotId: number; n: number }) =>
    db
      .updateTable('venueDayCounter')
      .set((eb) => ({ booked: eb('booked', '+', p.n) }))
      .where('venueId', '=', p.venueId)
      .where('day', '=', p.day)
      .where('slotId', '=', p.slotId)
      .where((eb) => eb(eb('booked', '+', p.n), '<=', eb.ref('capacity')))
      .returning('venueId'),
);
const insertBookingRow = preparedQuery('venues.insertBookingRow', (db: Kysely<DB>, p: BookingInsert) =>
  db
    .insertInto('venueBooking')
    .values({
      code: p.code,
      venueId: p.venueId,
      day: p.day,
      slotId: p.slotId,
      partySize: p.partySize,
      phoneEnc: p.phoneEnc,
      phoneHash: p.phoneHash,
      phoneMasked: p.phoneMasked,
      channel: p.channel,
      partnerId: p.partnerId,
      status: p.status,
      regionPath: p.regionPath,
      createdAt: p.createdAt,
      cancelledAt: p.cancelledAt,
    })
    .returning('id'),
);
const insertVisitorRow = preparedQuery('venues.insertVisitorRow', (db: Kysely<DB>, p: VisitorInsert) =>
  db
    .insertInto('venueVisitor')
    .values({
      bookingId: p.bookingId,
      venueId: p.venueId,
      day: p.day,
      nameEnc: p.nameEnc,
      nameMasked: p.nameMasked,
      idType: p.idType,
      idEnc: p.idEnc,
      idHash: p.idHash,
      idMasked: p.idMasked,
      policyId: p.policyId,
      held: p.held,
      checkinStatus: p.checkinStatus,
      admittedAt: p.admittedAt,
    })
    .returning('id'),
);

/** Queries on the venues module's own tables; the service opens transactions and passes them in. */
export function venuesRepo(dialect: Dialect) {
  return {
    // ---- venues and their configuration ----
    async insertVenue(db: Db, v: New<'venue'>) {
      const r = await db.insertInto('venue').values(v).returning('id').executeTakeFirstOrThrow();
      return Number(r.id);
    },
    updateVenue: (db: Db, id: number, v: Updateable<VenuesTables['venue']>) =>
      db.updateTable('venue').set(v).where('id', '=', id).execute(),
    venueById: (db: Db, id: number) => db.selectFrom('venue').selectAll().where('id', '=', id).executeTakeFirst(),

    async listVenues(
      db: Db,
      f: { scope: Scope | null; q?: string; kind?: string; bookableOnly?: boolean; page: number; pageSize: number },
    ) {
      let q = db.selectFrom('venue');
      if (f.scope) {
        const scope = f.scope;
        q = q.where((eb) => scopeFilter(eb, scope, { path: 'venue.regionPath', venueId: 'venue.id' }));
      }
      if (f.q) {
        const needle = f.q;
        q = q.where((eb) => containsText(eb, 'venue.name', needle, dialect));
      }
      if (f.kind) q = q.where('kind', '=', f.kind);
      if (f.bookableOnly) q = q.where('bookable', '=', 1);
      const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const items = await q
        .selectAll()
        .orderBy('normalCapacity', 'desc')
        .orderBy('id')
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize)
        .execute();
      return { items, total: Number(total) };
    },

    rulesOf: (db: Db, venueIds: number[]) =>
      venueIds.length === 0
        ? Promise.resolve([])
        : db.selectFrom('venueCapacityRule').selectAll().where('venueId', 'in', venueIds).orderBy('version', 'desc').execute(),
    async nextRuleVersion(db: Db, venueId: number) {
      const r = await db
        .selectFrom('venueCapacityRule')
        .select((eb) => eb.fn.max('version').as('v'))
        .where('venueId', '=', venueId)
        .executeTakeFirst();
      return Number(r?.v ?? 0) + 1;
    },
    insertRule: (db: Db, r: New<'venueCapacityRule'>) => db.insertInto('venueCapacityRule').values(r).execute(),

    slotsOf: (db: Db, venueId: number) =>
      db.selectFrom('venueSlot').selectAll().where('venueId', '=', venueId).orderBy('startTime').orderBy('id').execute(),
    async insertSlot(db: Db, s: New<'venueSlot'>) {
      return Number((await db.insertInto('venueSlot').values(s).returning('id').executeTakeFirstOrThrow()).id);
    },
    async updateSlot(db: Db, venueId: number, id: number, s: Updateable<VenuesTables['venueSlot']>) {
      const r = await db.updateTable('venueSlot').set(s).where('id', '=', id).where('venueId', '=', venueId).executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    vehiclesOf: (db: Db, venueId: number) =>
      db.selectFrom('venueVehicle').selectAll().where('venueId', '=', venueId).orderBy('id').execute(),
    async insertVehicle(db: Db, v: New<'venueVehicle'>) {
      return Number((await db.insertInto('venueVehicle').values(v).returning('id').executeTakeFirstOrThrow()).id);
    },
    /** Removes a vehicle of the venue; the removed row (for the audit), or undefined when there is none. */
    deleteVehicle: (db: Db, venueId: number, id: number) =>
      db.deleteFrom('venueVehicle').where('id', '=', id).where('venueId', '=', venueId).returningAll().executeTakeFirst(),
    async updateVehicle(db: Db, venueId: number, id: number, v: Updateable<VenuesTables['venueVehicle']>) {
      const r = await db
        .updateTable('venueVehicle')
        .set(v)
        .where('id', '=', id)
        .where('venueId', '=', venueId)
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    policiesOf: (db: Db, venueId: number) =>
      db.selectFrom('venuePolicy').selectAll().where('venueId', '=', venueId).orderBy('id').execute(),
    async insertPolicy(db: Db, p: New<'venuePolicy'>) {
      return Number((await db.insertInto('venuePolicy').values(p).returning('id').executeTakeFirstOrThrow()).id);
    },
    async updatePolicy(db: Db, venueId: number, id: number, p: Updateable<VenuesTables['venuePolicy']>) {
      const r = await db.updateTable('venuePolicy').set(p).where('id', '=', id).where('venueId', '=', venueId).executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    // ---- capacity counters ----
    /**
     * Takes n places if, and only if, they are free: one conditional UPDATE, atomic on both databases.
     * 0 rows updated means sold out — or no counter yet for that day (the caller creates it and retries).
     */
    async reserve(db: Db, venueId: number, day: string, slotId: number, n: number): Promise<boolean> {
      return (await reserveOnCounter(db, { venueId, day, slotId, n })).length === 1;
    },
    async release(db: Db, venueId: number, day: string, slotId: number, n: number) {
      await db
        .updateTable('venueDayCounter')
        .set((eb) => ({ booked: eb('booked', '-', n) }))
        .where('venueId', '=', venueId)
        .where('day', '=', day)
        .where('slotId', '=', slotId)
        .execute();
    },
    /** Creates the counter if absent; a concurrent creator's row wins and ours is dropped. */
    async ensureCounter(db: Db, venueId: number, day: string, slotId: number, capacity: number): Promise<boolean> {
      const r = await db
        .insertInto('venueDayCounter')
        .values({ venueId, day, slotId, capacity, booked: 0 })
        .onConflict((oc) => oc.columns(['venueId', 'day', 'slotId']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
    },
    countersOf: (db: Db, venueId: number, from: string, to: string) =>
      db
        .selectFrom('venueDayCounter')
        .selectAll()
        .where('venueId', '=', venueId)
        .where('day', '>=', from)
        .where('day', '<=', to)
        .execute(),
    setCounterCapacity: (db: Db, venueId: number, day: string, slotId: number, capacity: number) =>
      db
        .updateTable('venueDayCounter')
        .set({ capacity })
        .where('venueId', '=', venueId)
        .where('day', '=', day)
        .where('slotId', '=', slotId)
        .execute(),
    /**
     * Sets a slot's capacity on every counted day from `from` on, but only where what is booked still fits:
     * one conditional UPDATE, then the days it left alone (booked above the new capacity) are returned.
     */
    async setSlotCapacityFrom(db: Db, venueId: number, slotId: number, from: string, capacity: number) {
      await db
        .updateTable('venueDayCounter')
        .set({ capacity })
        .where('venueId', '=', venueId)
        .where('slotId', '=', slotId)
        .where('day', '>=', from)
        .where('booked', '<=', capacity)
        .execute();
      return db
        .selectFrom('venueDayCounter')
        .select(['day', 'booked'])
        .where('venueId', '=', venueId)
        .where('slotId', '=', slotId)
        .where('day', '>=', from)
        .where('booked', '>', capacity)
        .orderBy('booked', 'desc')
        .orderBy('day')
        .execute();
    },

    // ---- bookings ----
    async insertBooking(db: Db, b: BookingInsert) {
      return Number((await insertBookingRow(db, b))[0]!.id);
    },
    async insertVisitors(db: Db, vs: VisitorInsert[]): Promise<number[]> {
      const ids: number[] = [];
      for (const v of vs) ids.push(Number((await insertVisitorRow(db, v))[0]!.id));
      return ids;
    },
    heldHashes: (db: Db, venueId: number, day: string, hashes: string[]) =>
      db
        .selectFrom('venueVisitor')
        .select(['idHash', 'idMasked'])
        .where('venueId', '=', venueId)
        .where('day', '=', day)
        .where('held', '=', 1)
        .where('idHash', 'in', hashes)
        .execute(),
    bookingByCode: (db: Db, code: string) =>
      db.selectFrom('venueBooking').selectAll().where('code', '=', code).executeTakeFirst(),
    bookingById: (db: Db, id: number) => db.selectFrom('venueBooking').selectAll().where('id', '=', id).executeTakeFirst(),
    visitorsOf: (db: Db, bookingIds: number[]) =>
      bookingIds.length === 0
        ? Promise.resolve([])
        : db.selectFrom('venueVisitor').selectAll().where('bookingId', 'in', bookingIds).orderBy('id').execute(),
    async cancelBooking(db: Db, id: number, at: string): Promise<boolean> {
      const r = await db
        .updateTable('venueBooking')
        .set({ status: 'cancelled', cancelledAt: at })
        .where('id', '=', id)
        .where('status', '=', 'booked')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    /** Frees the people of a booking for other bookings that day; admitted visitors are not freed (returns how many were). */
    async releaseVisitors(db: Db, bookingId: number): Promise<number> {
      const r = await db
        .updateTable('venueVisitor')
        .set({ held: null })
        .where('bookingId', '=', bookingId)
        .where('checkinStatus', '!=', 'admitted')
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
    async listBookings(db: Db, f: { venueId: number; day?: string; status?: string; page: number; pageSize: number }) {
      let q = db.selectFrom('venueBooking').where('venueId', '=', f.venueId);
      if (f.day) q = q.where('day', '=', f.day);
      if (f.status) q = q.where('status', '=', f.status);
      const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const items = await q
        .selectAll()
        .orderBy('id', 'desc')
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize)
        .execute();
      return { items, total: Number(total) };
    },

    /** A day's visitors with their booking, for the day's list export (booking order, then party order). */
    visitorsOfDay: (db: Db, venueId: number, day: string) =>
      db
        .selectFrom('venueVisitor')
        .innerJoin('venueBooking', 'venueBooking.id', 'venueVisitor.bookingId')
        .select([
          ...visitorListColumns,
          'venueVisitor.id',
          'venueVisitor.checkinStatus',
          'venueBooking.status',
          'venueBooking.channel',
          'venueBooking.phoneMasked',
        ])
        .where('venueVisitor.venueId', '=', venueId)
        .where('venueVisitor.day', '=', day)
        .orderBy('venueBooking.id')
        .orderBy('venueVisitor.id')
        .execute(),
    /** Gate check-ins of a day (oldest first) with the visitor and booking they were for. */
    checkinsOfDay: (db: Db, venueId: number, day: string) =>
      db
        .selectFrom('venueCheckin')
        .innerJoin('venueVisitor', 'venueVisitor.id', 'venueCheckin.visitorId')
        .innerJoin('venueBooking', 'venueBooking.id', 'venueVisitor.bookingId')
        .select([
          ...visitorListColumns,
          'venueCheckin.id',
          'venueCheckin.visitorId',
          'venueCheckin.outcome',
          'venueCheckin.reason',
          'venueCheckin.healthEnc',
          'venueCheckin.proofType',
          'venueCheckin.policyApplied',
          'venueCheckin.at',
        ])
        .where('venueCheckin.venueId', '=', venueId)
        .where('venueCheckin.day', '=', day)
        .orderBy('venueCheckin.at')
        .orderBy('venueCheckin.id')
        .execute(),

    // ---- gate ----
    visitorById: (db: Db, id: number) => db.selectFrom('venueVisitor').selectAll().where('id', '=', id).executeTakeFirst(),
    /** A person's standing booking at a venue on a day, found by the keyed hash of their ID number. */
    visitorByIdHash: (db: Db, venueId: number, day: string, idHash: string) =>
      db
        .selectFrom('venueVisitor')
        .selectAll()
        .where('venueId', '=', venueId)
        .where('day', '=', day)
        .where('idHash', '=', idHash)
        .where('held', '=', 1)
        .executeTakeFirst(),
    async setVisitorStatus(db: Db, id: number, from: string, to: string, admittedAt: string | null): Promise<boolean> {
      const r = await db
        .updateTable('venueVisitor')
        .set({ checkinStatus: to, admittedAt })
        .where('id', '=', id)
        .where('checkinStatus', '=', from)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    insertCheckin: (db: Db, c: New<'venueCheckin'>) => db.insertInto('venueCheckin').values(c).execute(),
    async checkinCounts(db: Db, venueId: number, day: string) {
      const rows = await db
        .selectFrom('venueCheckin')
        .select(['outcome', (eb) => eb.fn.countAll<number>().as('n')])
        .where('venueId', '=', venueId)
        .where('day', '=', day)
        .groupBy('outcome')
        .execute();
      const by = new Map(rows.map((r) => [r.outcome, Number(r.n)]));
      return { admitted: by.get('admitted') ?? 0, refused: by.get('refused') ?? 0 };
    },
    async bookedOn(db: Db, venueId: number, day: string) {
      const r = await db
        .selectFrom('venueDayCounter')
        .select('booked')
        .where('venueId', '=', venueId)
        .where('day', '=', day)
        .where('slotId', '=', 0)
        .executeTakeFirst();
      return r?.booked ?? 0;
    },

    // ---- farm-stay guests ----
    async insertGuest(db: Db, g: New<'venueGuest'>) {
      return Number((await db.insertInto('venueGuest').values(g).returning('id').executeTakeFirstOrThrow()).id);
    },
    guestById: (db: Db, id: number) => db.selectFrom('venueGuest').selectAll().where('id', '=', id).executeTakeFirst(),
    async listGuests(db: Db, f: { venueId: number; day?: string; page: number; pageSize: number }) {
      let q = db.selectFrom('venueGuest').where('venueId', '=', f.venueId);
      if (f.day) q = q.where('arrivalDay', '<=', f.day).where('departureDay', '>=', f.day);
      const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const items = await q
        .selectAll()
        .orderBy('arrivalDay', 'desc')
        .orderBy('id', 'desc')
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize)
        .execute();
      return { items, total: Number(total) };
    },
    temperaturesOf: (db: Db, guestIds: number[]) =>
      guestIds.length === 0
        ? Promise.resolve([])
        : db.selectFrom('venueGuestTemperature').selectAll().where('guestId', 'in', guestIds).orderBy('day').execute(),
    /** One reading per guest per day: a second reading that day replaces the first. */
    upsertTemperature: (db: Db, t: New<'venueGuestTemperature'>) =>
      db
        .insertInto('venueGuestTemperature')
        .values(t)
        .onConflict((oc) =>
          oc.columns(['guestId', 'day']).doUpdateSet({
            temperatureEnc: t.temperatureEnc,
            fever: t.fever,
            recordedBy: t.recordedBy,
            recordedAt: t.recordedAt,
          }),
        )
        .execute(),

    /** Venue managers to alert (the platform's grants: role venueManager on this venue, account enabled). */
    async managersOf(db: Db, venueId: number): Promise<number[]> {
      const rows = await db
        .selectFrom('userGrant')
        .innerJoin('appUser', 'appUser.id', 'userGrant.userId')
        .select('userGrant.userId')
        .where('userGrant.role', '=', 'venueManager')
        .where('userGrant.venueId', '=', venueId)
        .where('appUser.disabled', '=', 0)
        .execute();
      return rows.map((r) => Number(r.userId));
    },

    // ---- partners ----
    async insertPartner(db: Db, p: New<'venuePartner'>) {
      return Number((await db.insertInto('venuePartner').values(p).returning('id').executeTakeFirstOrThrow()).id);
    },
    partners: (db: Db) => db.selectFrom('venuePartner').selectAll().orderBy('id').execute(),
    partnerById: (db: Db, id: number) => db.selectFrom('venuePartner').selectAll().where('id', '=', id).executeTakeFirst(),
    keysOf: (db: Db, partnerIds: number[]) =>
      partnerIds.length === 0
        ? Promise.resolve([])
        : db.selectFrom('venuePartnerKey').selectAll().where('partnerId', 'in', partnerIds).orderBy('id').execute(),
    async insertKey(db: Db, k: New<'venuePartnerKey'>) {
      return Number((await db.insertInto('venuePartnerKey').values(k).returning('id').executeTakeFirstOrThrow()).id);
    },
    async revokeKey(db: Db, partnerId: number, keyId: number, at: string) {
      const r = await db
        .updateTable('venuePartnerKey')
        .set({ revokedAt: at })
        .where('id', '=', keyId)
        .where('partnerId', '=', partnerId)
        .where('revokedAt', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    liveKeyByHash: (db: Db, keyHash: string) =>
      db
        .selectFrom('venuePartnerKey')
        .innerJoin('venuePartner', 'venuePartner.id', 'venuePartnerKey.partnerId')
        .select([
          'venuePartnerKey.id as keyId',
          'venuePartnerKey.lastUsedAt',
          'venuePartner.id as partnerId',
          'venuePartner.name',
          'venuePartner.ratePerMinute',
        ])
        .where('venuePartnerKey.keyHash', '=', keyHash)
        .where('venuePartnerKey.revokedAt', 'is', null)
        .executeTakeFirst(),
    touchKey: (db: Db, keyId: number, at: string) =>
      db.updateTable('venuePartnerKey').set({ lastUsedAt: at }).where('id', '=', keyId).execute(),
    storedRequest: (db: Db, partnerId: number, key: string) =>
      db
        .selectFrom('venuePartnerRequest')
        .selectAll()
        .where('partnerId', '=', partnerId)
        .where('idempotencyKey', '=', key)
        .executeTakeFirst(),
    insertStoredRequest: async (db: Db, r: New<'venuePartnerRequest'>) => {
      await db.insertInto('venuePartnerRequest').values(r).execute();
    },
    completeStoredRequest: async (db: Db, partnerId: number, key: string, statusCode: number, response: string) => {
      await db
        .updateTable('venuePartnerRequest')
        .set({ statusCode, response })
        .where('partnerId', '=', partnerId)
        .where('idempotencyKey', '=', key)
        .execute();
    },
  };
}
export type VenuesRepo = ReturnType<typeof venuesRepo>;

export { isUniqueViolation } from '../../db/sql-helpers';
