import type { Kysely, Updateable } from 'kysely';
import { preparedQuery } from '../../db/prepared';
import type { Dialect } from '../../db/database';
import type { Scope } from '../../platform/permissions';
import { scopeFilter } from '../../platform/permissions';
import { containsText } from '../../db/sql-helpers';
import type { SharedTables } from '../../platform/module';
import type { VenuesTables } from './venues.tables';
import type { Db, New } from './venue-repo-types';
import { bookingsRepo } from './bookings.repo';
import { guestsRepo } from './guests.repo';
import { partnersRepo } from './partners.repo';

/** Takes n places only if they are left: the conditional update that makes overselling impossible. */
const reserveOnCounter = preparedQuery(
  'venues.reserveOnCounter',
  (db: Kysely<VenuesTables & SharedTables>, p: { venueId: number; day: string; slotId: number; n: number }) =>
    db
      .updateTable('venueDayCounter')
      .set((eb) => ({ booked: eb('booked', '+', p.n) }))
      .where('venueId', '=', p.venueId)
      .where('day', '=', p.day)
      .where('slotId', '=', p.slotId)
      .where((eb) => eb(eb('booked', '+', p.n), '<=', eb.ref('capacity')))
      .returning('venueId'),
); /** Queries on the venues module's own tables; the service opens transactions and passes them in. */
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

    ...bookingsRepo(),
    ...guestsRepo(),
    ...partnersRepo(),
  };
}
export type VenuesRepo = ReturnType<typeof venuesRepo>;

export { isUniqueViolation } from '../../db/sql-helpers';
