import type { Db, New } from './venue-repo-types';

/** Booking partners (travel platforms), their API keys and the idempotent requests they sent. */
export function partnersRepo() {
  return {
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
