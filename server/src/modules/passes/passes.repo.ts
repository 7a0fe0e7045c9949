import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import { preparedQuery } from '../../db/prepared';
import { scopeFilter, type Scope } from '../../platform/permissions';
import type { Queryable, SharedTables } from '../../platform/module';
import type { PassesTables, PassScanTable, PassTable } from './passes.tables';

type Db = Queryable<PassesTables>;

export interface PassFilter {
  passClass?: string;
  status?: 'active' | 'revoked' | 'expired';
  today: string;
  personId?: number;
  employerEntityId?: number;
  underPath?: string;
}

function filtered(db: Db, scope: Scope, f: PassFilter) {
  let q = db.selectFrom('pass').where((eb) => scopeFilter(eb, scope, { path: 'pass.region_path' }));
  if (f.passClass) q = q.where('passClass', '=', f.passClass);
  if (f.status === 'revoked') q = q.where('status', '=', 'revoked');
  if (f.status === 'active') q = q.where('status', '=', 'active').where('validUntil', '>=', f.today);
  if (f.status === 'expired') q = q.where('status', '=', 'active').where('validUntil', '<', f.today);
  if (f.personId) q = q.where('personId', '=', f.personId);
  if (f.employerEntityId) q = q.where('employerEntityId', '=', f.employerEntityId);
  if (f.underPath) q = q.where('regionPath', 'like', f.underPath + '%');
  return q;
}

// every checkpoint scan runs these two: compiled once
const passByToken = preparedQuery('passes.passByToken', (db: Kysely<PassesTables & SharedTables>, p: { token: string }) =>
  db
    .selectFrom('pass')
    .select(['id', 'status', 'passClass', 'validFrom', 'validUntil', 'scopePath', 'personName', 'idNumberMasked'])
    .where('token', '=', p.token),
);
type ScanRow = Required<Omit<Insertable<PassScanTable>, 'id'>>;
const insertScan = preparedQuery('passes.insertScan', (db: Kysely<PassesTables & SharedTables>, p: ScanRow) =>
  db
    .insertInto('passScan')
    .values({
      at: p.at,
      date: p.date,
      checkpointId: p.checkpointId,
      regionPath: p.regionPath,
      direction: p.direction,
      valid: p.valid,
      reason: p.reason,
      passId: p.passId,
      actorId: p.actorId,
    })
    .returning('id'),
);

export function passesRepo() {
  return {
    rules(db: Db) {
      return db.selectFrom('passRule').selectAll().orderBy('passClass').execute();
    },
    updateRule(db: Db, passClass: string, set: Record<string, unknown>) {
      return db.updateTable('passRule').set(set).where('passClass', '=', passClass).executeTakeFirst();
    },

    async page(db: Db, scope: Scope, f: PassFilter, offset: number, limit: number) {
      const q = filtered(db, scope, f);
      const [{ n }, rows] = await Promise.all([
        q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        q.selectAll().orderBy('id', 'desc').offset(offset).limit(limit).execute(),
      ]);
      return { total: Number(n), rows };
    },
    /** The filtered passes for an export, newest first, at most `limit`. */
    list(db: Db, scope: Scope, f: PassFilter, limit: number) {
      return filtered(db, scope, f).selectAll().orderBy('id', 'desc').limit(limit).execute();
    },
    byId(db: Db, id: number) {
      return db.selectFrom('pass').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** The hot path of every scan: one indexed row by the unique token. */
    async byToken(db: Db, token: string) {
      return (await passByToken(db, { token }))[0];
    },
    ofPerson(db: Db, personId: number) {
      return db.selectFrom('pass').selectAll().where('personId', '=', personId).orderBy('id', 'desc').execute();
    },
    activeClassHolders(db: Db, personIds: number[], passClass: string) {
      if (personIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('pass')
        .select('personId')
        .where('personId', 'in', personIds)
        .where('passClass', '=', passClass)
        .where('status', '=', 'active')
        .execute();
    },
    insert(db: Db, row: Insertable<PassTable>) {
      return db.insertInto('pass').values(row).returning('id').executeTakeFirstOrThrow();
    },
    /** Changes a pass only if it is still in the state the caller saw. */
    updateIf(db: Db, id: number, status: string, set: Updateable<PassTable>) {
      return db.updateTable('pass').set(set).where('id', '=', id).where('status', '=', status).executeTakeFirst();
    },

    async insertScan(db: Db, row: ScanRow) {
      return (await insertScan(db, row))[0]!;
    },
    recentScans(db: Db, checkpointId: number, limit: number) {
      return db
        .selectFrom('passScan')
        .leftJoin('pass', 'pass.id', 'passScan.passId')
        .select([
          'passScan.id',
          'passScan.at',
          'passScan.checkpointId',
          'passScan.direction',
          'passScan.valid',
          'passScan.reason',
          'pass.passClass',
          'pass.personName',
        ])
        .where('passScan.checkpointId', '=', checkpointId)
        .orderBy('passScan.id', 'desc')
        .limit(limit)
        .execute();
    },
    /** One checkpoint's scans of one day, in time order, with the holder's name and masked number. */
    scansOn(db: Db, checkpointId: number, date: string, limit: number) {
      return db
        .selectFrom('passScan')
        .leftJoin('pass', 'pass.id', 'passScan.passId')
        .select([
          'passScan.at',
          'passScan.direction',
          'passScan.valid',
          'passScan.reason',
          'pass.passClass',
          'pass.personName',
          'pass.idNumberMasked',
        ])
        .where('passScan.checkpointId', '=', checkpointId)
        .where('passScan.date', '=', date)
        .orderBy('passScan.id')
        .limit(limit)
        .execute();
    },
    scansTodayByCheckpoint(db: Db, ids: number[], today: string) {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('passScan')
        .select(['checkpointId', (eb) => eb.fn.countAll<number>().as('n')])
        .where('checkpointId', 'in', ids)
        .where('date', '=', today)
        .groupBy('checkpointId')
        .execute();
    },
    /** Scans before `date` become daily counts per checkpoint, direction and outcome; then they go. */
    async aggregateAndPurgeScans(db: Db, before: string): Promise<number> {
      const groups = await db
        .selectFrom('passScan')
        .select(['checkpointId', 'date', 'direction', 'valid', (eb) => eb.fn.countAll<number>().as('n')])
        .where('date', '<', before)
        .groupBy(['checkpointId', 'date', 'direction', 'valid'])
        .execute();
      for (const g of groups) {
        await db
          .insertInto('passScanDaily')
          .values({ checkpointId: g.checkpointId, date: g.date, direction: g.direction, valid: g.valid, scans: Number(g.n) })
          .onConflict((oc) =>
            oc
              .columns(['checkpointId', 'date', 'direction', 'valid'])
              .doUpdateSet({ scans: sql`pass_scan_daily.scans + excluded.scans` }),
          )
          .execute();
      }
      const r = await db.deleteFrom('passScan').where('date', '<', before).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
