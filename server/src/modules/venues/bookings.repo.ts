import type { Kysely } from 'kysely';
import { preparedQuery } from '../../db/prepared';
import type { SharedTables } from '../../platform/module';
import type { VenuesTables } from './venues.tables';
import type { Db, New } from './venue-repo-types';

/** The masked person and their booking, as the day's lists and exports show them. */
const visitorListColumns = [
  'venueVisitor.nameMasked',
  'venueVisitor.idType',
  'venueVisitor.idMasked',
  'venueBooking.code',
  'venueBooking.slotId',
] as const;

// ---- the booking path: every booking runs these, so they are compiled once ----
export type BookingInsert = Required<Omit<New<'venueBooking'>, 'id'>>;
export type VisitorInsert = Required<Omit<New<'venueVisitor'>, 'id'>>;
const insertBookingRow = preparedQuery('venues.insertBookingRow', (db: Kysely<VenuesTables & SharedTables>, p: BookingInsert) =>
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
const insertVisitorRow = preparedQuery('venues.insertVisitorRow', (db: Kysely<VenuesTables & SharedTables>, p: VisitorInsert) =>
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
/** Bookings, their visitors and the gate's check-ins. */
export function bookingsRepo() {
  return {
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
  };
}
