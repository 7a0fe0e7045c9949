import { preparedQuery } from '../../db/prepared';
import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type Selectable,
  type SqlBool,
  type Updateable,
} from 'kysely';
import type { Dialect } from '../../db/database';
import { containsText, pathPrefix } from '../../db/sql-helpers';
import type { Queryable, SharedTables } from '../../platform/module';
import type { EntityImportJobTable, EntityStatusHistoryTable, EntityTable, RegistryTables } from './registry.tables';
import { SUMMARY_COLUMNS } from './entity-record';

type Db = Queryable<RegistryTables>;
export type EntityRow = Selectable<EntityTable>;
export type EntityWhere = (eb: ExpressionBuilder<RegistryTables & SharedTables, 'entity'>) => Expression<SqlBool>;

/** Column-level filters of the entity list; each is optional. */
export interface EntityFilter {
  q?: string;
  underPath?: string;
  kind?: string;
  sector?: string;
  industry?: string;
  aboveScale?: boolean;
  aboveQuota?: boolean;
  fourAbove?: boolean;
  sizeClass?: string;
  smallVenueType?: string;
  status?: string;
  riskLevel?: string;
}

// SQLite allows 32766 bound values per statement; 400 rows × ~26 columns stays well below
const BATCH = 400;

// every report, filing and booking looks its entity up: compiled once
const entityById = preparedQuery('registry.entityById', (db: Kysely<RegistryTables>, p: { id: number }) =>
  db.selectFrom('entity').selectAll().where('id', '=', p.id),
);
// the summary only: a full row has about forty columns, and every daily report reads this one
const summaryById = preparedQuery('registry.summaryById', (db: Kysely<RegistryTables>, p: { id: number }) =>
  db.selectFrom('entity').select(SUMMARY_COLUMNS).where('id', '=', p.id),
);

export function registryRepo(dialect: Dialect) {
  function filtered(db: Db, f: EntityFilter, extra: EntityWhere[]) {
    let q = db.selectFrom('entity');
    if (f.q) {
      const needle = f.q;
      q = q.where((eb) =>
        eb.or([
          containsText(eb, 'entity.name', needle, dialect),
          eb('entity.uscc', 'like', needle.toUpperCase().replace(/[\\%_]/g, '') + '%'),
        ]),
      );
    }
    if (f.underPath) q = q.where(sql<SqlBool>`entity.region_path like ${pathPrefix(f.underPath)} escape '\\'`);
    if (f.kind) q = q.where('entity.kind', '=', f.kind);
    if (f.sector) q = q.where('entity.sector', '=', f.sector);
    if (f.industry) q = q.where('entity.industry', '=', f.industry);
    if (f.aboveScale !== undefined) q = q.where('entity.aboveScale', '=', f.aboveScale ? 1 : 0);
    if (f.aboveQuota !== undefined) q = q.where('entity.aboveQuota', '=', f.aboveQuota ? 1 : 0);
    if (f.fourAbove !== undefined) q = q.where('entity.fourAbove', '=', f.fourAbove ? 1 : 0);
    if (f.sizeClass) q = q.where('entity.sizeClass', '=', f.sizeClass);
    if (f.smallVenueType) q = q.where('entity.smallVenueType', '=', f.smallVenueType);
    if (f.status) q = q.where('entity.status', '=', f.status);
    if (f.riskLevel) q = q.where('entity.riskLevel', '=', f.riskLevel);
    for (const w of extra) q = q.where(w);
    return q;
  }

  return {
    async byId(db: Db, id: number): Promise<EntityRow | undefined> {
      return (await entityById(db, { id }))[0];
    },
    async summaryById(db: Db, id: number) {
      return (await summaryById(db, { id }))[0];
    },
    async byIds(db: Db, ids: number[]): Promise<EntityRow[]> {
      const out: EntityRow[] = [];
      for (let i = 0; i < ids.length; i += 500) {
        const part = ids.slice(i, i + 500);
        if (part.length) out.push(...(await db.selectFrom('entity').selectAll().where('id', 'in', part).execute()));
      }
      return out;
    },
    /** Entities whose identity key is one of `keys`, queried in batches. */
    async byIdentityKeys(db: Db, keys: string[]): Promise<EntityRow[]> {
      const out: EntityRow[] = [];
      for (let i = 0; i < keys.length; i += 500) {
        const part = keys.slice(i, i + 500);
        if (part.length) out.push(...(await db.selectFrom('entity').selectAll().where('identityKey', 'in', part).execute()));
      }
      return out;
    },
    /** Entities holding one of these registration numbers (the caller matches name and region). */
    async byRegNos(db: Db, regNos: string[]): Promise<EntityRow[]> {
      const out: EntityRow[] = [];
      for (let i = 0; i < regNos.length; i += 500) {
        const part = regNos.slice(i, i + 500);
        if (part.length) out.push(...(await db.selectFrom('entity').selectAll().where('regNo', 'in', part).execute()));
      }
      return out;
    },
    list(db: Db, f: EntityFilter, extra: EntityWhere[], page: { offset: number; limit: number }) {
      const q = filtered(db, f, extra);
      return {
        count: () => q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        rows: () =>
          q.selectAll().orderBy('entity.regionPath').orderBy('entity.id').offset(page.offset).limit(page.limit).execute(),
      };
    },
    insert(db: Db, row: Insertable<EntityTable>) {
      return db.insertInto('entity').values(row).returning('id').executeTakeFirstOrThrow();
    },
    async insertMany(db: Db, rows: Insertable<EntityTable>[]): Promise<{ id: number; identityKey: string }[]> {
      const out: { id: number; identityKey: string }[] = [];
      for (let i = 0; i < rows.length; i += BATCH) {
        const r = await db
          .insertInto('entity')
          .values(rows.slice(i, i + BATCH))
          .returning(['id', 'identityKey'])
          .execute();
        out.push(...r.map((x) => ({ id: Number(x.id), identityKey: x.identityKey })));
      }
      return out;
    },
    update(db: Db, id: number, set: Updateable<EntityTable>) {
      return db.updateTable('entity').set(set).where('id', '=', id).executeTakeFirst();
    },
    /** Moves the status only if it is still `from`: two concurrent changes cannot both succeed. */
    async setStatusIf(db: Db, id: number, from: string, to: string, at: string): Promise<boolean> {
      const r = await db
        .updateTable('entity')
        .set({ status: to, statusChangedAt: at, updatedAt: at })
        .where('id', '=', id)
        .where('status', '=', from)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async insertHistory(db: Db, rows: Insertable<EntityStatusHistoryTable>[]) {
      for (let i = 0; i < rows.length; i += BATCH)
        await db
          .insertInto('entityStatusHistory')
          .values(rows.slice(i, i + BATCH))
          .execute();
    },
    historyOf(db: Db, entityId: number) {
      return db
        .selectFrom('entityStatusHistory')
        .selectAll()
        .where('entityId', '=', entityId)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .execute();
    },

    insertJob(db: Db, row: Insertable<EntityImportJobTable>) {
      return db.insertInto('entityImportJob').values(row).execute();
    },
    jobByToken(db: Db, token: string) {
      return db.selectFrom('entityImportJob').selectAll().where('token', '=', token).executeTakeFirst();
    },
    /** Claims a preview for confirmation; false when another request already did. */
    async confirmJobIf(db: Db, token: string, at: string): Promise<boolean> {
      const r = await db
        .updateTable('entityImportJob')
        .set({ status: 'confirmed', confirmedAt: at })
        .where('token', '=', token)
        .where('status', '=', 'preview')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    /** Previews nobody confirmed are dropped after they expire: they hold a whole file. */
    deleteExpiredJobs(db: Db, now: string) {
      return db.deleteFrom('entityImportJob').where('status', '=', 'preview').where('expiresAt', '<', now).execute();
    },
  };
}
export type RegistryRepo = ReturnType<typeof registryRepo>;
