import type { Db, New } from './venue-repo-types';

/** Farm-stay guests and their temperatures. */
export function guestsRepo() {
  return {
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
  };
}
