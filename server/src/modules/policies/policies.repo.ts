import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Selectable,
  type SqlBool,
  type Updateable,
} from 'kysely';
import type { Queryable } from '../../platform/module';
import type {
  PoliciesTables,
  PolicyApplicationEventTable,
  PolicyApplicationTable,
  PolicyDisbursementTable,
  PolicyMeasureTable,
  PolicyPackageTable,
} from './policies.tables';

type Db = Queryable<PoliciesTables>;
export type PackageRow = Selectable<PolicyPackageTable>;
export type MeasureRow = Selectable<PolicyMeasureTable>;
export type ApplicationRow = Selectable<PolicyApplicationTable>;
export type DisbursementRow = Selectable<PolicyDisbursementTable>;
type Tables = PoliciesTables & { region: { code: string } };
export type ApplicationWhere = (eb: ExpressionBuilder<Tables, 'policyApplication'>) => Expression<SqlBool>;
export type DisbursementWhere = (eb: ExpressionBuilder<Tables, 'policyDisbursement'>) => Expression<SqlBool>;

const count = (n: unknown) => Number(n ?? 0);

export const policiesRepo = {
  // --- catalogue ---
  packageById: (db: Db, id: number) => db.selectFrom('policyPackage').selectAll().where('id', '=', id).executeTakeFirst(),
  packageByToken: (db: Db, token: string) =>
    db.selectFrom('policyPackage').selectAll().where('publicToken', '=', token).executeTakeFirst(),
  insertPackage: (db: Db, row: Insertable<PolicyPackageTable>) =>
    db.insertInto('policyPackage').values(row).returning('id').executeTakeFirstOrThrow(),
  /** Conditional on the version the editor read: a concurrent save finds nothing to update. */
  async updatePackage(db: Db, id: number, version: number, set: Updateable<PolicyPackageTable>) {
    const r = await db
      .updateTable('policyPackage')
      .set(set)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  listPackages(
    db: Db,
    where: (eb: ExpressionBuilder<Tables, 'policyPackage'>) => Expression<SqlBool>,
    offset: number,
    limit: number,
  ) {
    return {
      count: () =>
        db
          .selectFrom('policyPackage')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(where)
          .executeTakeFirstOrThrow(),
      rows: () =>
        db.selectFrom('policyPackage').selectAll().where(where).orderBy('id', 'desc').offset(offset).limit(limit).execute(),
    };
  },
  async measureCounts(db: Db, packageIds: number[]) {
    if (packageIds.length === 0) return new Map<number, number>();
    const rows = await db
      .selectFrom('policyMeasure')
      .select(['packageId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('packageId', 'in', packageIds)
      .groupBy('packageId')
      .execute();
    return new Map(rows.map((r) => [Number(r.packageId), count(r.n)]));
  },
  measuresOf: (db: Db, packageId: number) =>
    db.selectFrom('policyMeasure').selectAll().where('packageId', '=', packageId).orderBy('seq').execute(),
  measureById: (db: Db, id: number) => db.selectFrom('policyMeasure').selectAll().where('id', '=', id).executeTakeFirst(),
  measureByToken: (db: Db, token: string) =>
    db.selectFrom('policyMeasure').selectAll().where('publicToken', '=', token).executeTakeFirst(),
  measuresByIds: (db: Db, ids: number[]) =>
    ids.length
      ? db
          .selectFrom('policyMeasure')
          .selectAll()
          .where('id', 'in', [...new Set(ids)])
          .execute()
      : Promise.resolve([]),
  packagesByIds: (db: Db, ids: number[]) =>
    ids.length
      ? db
          .selectFrom('policyPackage')
          .selectAll()
          .where('id', 'in', [...new Set(ids)])
          .execute()
      : Promise.resolve([]),
  insertMeasures: (db: Db, rows: Insertable<PolicyMeasureTable>[]) =>
    db.insertInto('policyMeasure').values(rows).returning('id').execute(),
  updateMeasure: (db: Db, id: number, set: Updateable<PolicyMeasureTable>) =>
    db.updateTable('policyMeasure').set(set).where('id', '=', id).execute(),
  insertVersion: (db: Db, row: Insertable<PoliciesTables['policyVersion']>) =>
    db.insertInto('policyVersion').values(row).execute(),
  versionsOf: (db: Db, packageId: number) =>
    db.selectFrom('policyVersion').selectAll().where('packageId', '=', packageId).orderBy('version', 'desc').execute(),

  // --- applications ---
  insertApplication: (db: Db, row: Insertable<PolicyApplicationTable>) =>
    db.insertInto('policyApplication').values(row).returning('id').executeTakeFirstOrThrow(),
  applicationById: (db: Db, id: number) => db.selectFrom('policyApplication').selectAll().where('id', '=', id).executeTakeFirst(),
  /** Moves an application only from the status and version the caller read: of two reviewers, one wins. */
  async moveApplication(db: Db, id: number, from: string, version: number, set: Updateable<PolicyApplicationTable>) {
    const r = await db
      .updateTable('policyApplication')
      .set({ ...set, version: version + 1 })
      .where('id', '=', id)
      .where('status', '=', from)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  addEvent: (db: Db, row: Insertable<PolicyApplicationEventTable>) =>
    db.insertInto('policyApplicationEvent').values(row).execute(),
  eventsOf: (db: Db, applicationId: number) =>
    db.selectFrom('policyApplicationEvent').selectAll().where('applicationId', '=', applicationId).orderBy('id').execute(),
  listApplications(db: Db, where: ApplicationWhere, offset: number, limit: number) {
    return {
      count: () =>
        db
          .selectFrom('policyApplication')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(where)
          .executeTakeFirstOrThrow(),
      rows: () =>
        db.selectFrom('policyApplication').selectAll().where(where).orderBy('id', 'desc').offset(offset).limit(limit).execute(),
    };
  },
  applicationsFor: (db: Db, measureId: number, entityIds: number[]) =>
    entityIds.length
      ? db
          .selectFrom('policyApplication')
          .select(['id', 'entityId', 'status'])
          .where('measureId', '=', measureId)
          .where('entityId', 'in', entityIds)
          .execute()
      : Promise.resolve([]),
  async paidEntities(db: Db, measureId: number, entityIds: number[]): Promise<Set<number>> {
    if (entityIds.length === 0) return new Set();
    const rows = await db
      .selectFrom('policyDisbursement')
      .select('entityId')
      .distinct()
      .where('measureId', '=', measureId)
      .where('entityId', 'in', entityIds)
      .execute();
    return new Set(rows.map((r) => Number(r.entityId)));
  },
  deliveriesFor: (db: Db, measureId: number, entityIds: number[]) =>
    entityIds.length
      ? db
          .selectFrom('policyDelivery')
          .select(['entityId', 'deliveredOn'])
          .where('measureId', '=', measureId)
          .where('entityId', 'in', entityIds)
          .execute()
      : Promise.resolve([]),
  insertDelivery: (db: Db, row: Insertable<PoliciesTables['policyDelivery']>) =>
    db
      .insertInto('policyDelivery')
      .values(row)
      .onConflict((oc) => oc.columns(['measureId', 'entityId']).doNothing())
      .execute(),
  delivery: (db: Db, measureId: number, entityId: number) =>
    db
      .selectFrom('policyDelivery')
      .selectAll()
      .where('measureId', '=', measureId)
      .where('entityId', '=', entityId)
      .executeTakeFirstOrThrow(),

  // --- ledger ---
  /** Appends rows; a row whose dedupe key exists already is skipped (a repeated payment or import line). */
  insertDisbursements: (db: Db, rows: Insertable<PolicyDisbursementTable>[]) =>
    rows.length
      ? db
          .insertInto('policyDisbursement')
          .values(rows)
          .onConflict((oc) => oc.column('dedupeKey').doNothing())
          .returning('id')
          .execute()
      : Promise.resolve([]),
  disbursementByKey: (db: Db, key: string) =>
    db.selectFrom('policyDisbursement').selectAll().where('dedupeKey', '=', key).executeTakeFirst(),
  listDisbursements(db: Db, where: DisbursementWhere, offset: number, limit: number) {
    return {
      count: () =>
        db
          .selectFrom('policyDisbursement')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(where)
          .executeTakeFirstOrThrow(),
      rows: () =>
        db.selectFrom('policyDisbursement').selectAll().where(where).orderBy('id', 'desc').offset(offset).limit(limit).execute(),
    };
  },
  /** Sums per group key of the ledger rows the filter admits (distinct entities per group too). */
  totals(db: Db, where: DisbursementWhere, by: 'subsidyType' | 'measureId' | 'townCode') {
    return db
      .selectFrom('policyDisbursement')
      .select([
        by,
        'currency',
        sql<number>`sum(amount)`.as('amount'),
        sql<number>`count(distinct entity_id)`.as('entities'),
        sql<number>`count(*)`.as('rows'),
      ])
      .where(where)
      .groupBy([by, 'currency'])
      .orderBy(by)
      .execute();
  },
  async entitiesReached(db: Db, where: DisbursementWhere): Promise<number> {
    const r = await db
      .selectFrom('policyDisbursement')
      .select(sql<number>`count(distinct entity_id)`.as('n'))
      .where(where)
      .executeTakeFirstOrThrow();
    return count(r.n);
  },
};
