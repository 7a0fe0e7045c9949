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
  FinanceInstitutionTable,
  FinanceTables,
  FinancingAnswerTable,
  FinancingDisbursementTable,
  FinancingRequestTable,
} from './finance.tables';

type Db = Queryable<FinanceTables>;
export type InstitutionRow = Selectable<FinanceInstitutionTable>;
export type RequestRow = Selectable<FinancingRequestTable>;
export type AnswerRow = Selectable<FinancingAnswerTable>;
export type DisbursementRow = Selectable<FinancingDisbursementTable>;
export type RequestWhere = (eb: ExpressionBuilder<FinanceTables, 'financingRequest'>) => Expression<SqlBool>;

const changed = (r: { numUpdatedRows: bigint }) => Number(r.numUpdatedRows) === 1;

export const financeRepo = {
  institution(db: Db, id: number) {
    return db.selectFrom('financeInstitution').selectAll().where('id', '=', id).executeTakeFirst();
  },
  institutionsByIds(db: Db, ids: number[]) {
    if (ids.length === 0) return Promise.resolve([] as InstitutionRow[]);
    return db
      .selectFrom('financeInstitution')
      .selectAll()
      .where('id', 'in', [...new Set(ids)])
      .execute();
  },
  insertInstitution(db: Db, row: Insertable<FinanceInstitutionTable>) {
    return db.insertInto('financeInstitution').values(row).returning('id').executeTakeFirstOrThrow();
  },
  async updateInstitution(db: Db, id: number, set: Updateable<FinanceInstitutionTable>) {
    return changed(await db.updateTable('financeInstitution').set(set).where('id', '=', id).executeTakeFirst());
  },
  institutionList(db: Db, where: (eb: ExpressionBuilder<FinanceTables, 'financeInstitution'>) => Expression<SqlBool>) {
    return {
      count: () =>
        db
          .selectFrom('financeInstitution')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(where)
          .executeTakeFirstOrThrow(),
      rows: (offset: number, limit: number) =>
        db.selectFrom('financeInstitution').selectAll().where(where).orderBy('id').offset(offset).limit(limit).execute(),
    };
  },
  async officerCounts(db: Db, ids: number[]): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('financeOfficer')
      .select(['institutionId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('institutionId', 'in', ids)
      .groupBy('institutionId')
      .execute();
    return new Map(rows.map((r) => [Number(r.institutionId), Number(r.n)]));
  },
  officersOf(db: Db, institutionId: number) {
    return db.selectFrom('financeOfficer').selectAll().where('institutionId', '=', institutionId).orderBy('userId').execute();
  },
  officer(db: Db, userId: number) {
    return db.selectFrom('financeOfficer').selectAll().where('userId', '=', userId).executeTakeFirst();
  },
  /** An officer works for one institution at a time: adding moves them. */
  async putOfficer(db: Db, userId: number, institutionId: number, at: string) {
    await db.deleteFrom('financeOfficer').where('userId', '=', userId).execute();
    await db.insertInto('financeOfficer').values({ userId, institutionId, addedAt: at }).execute();
  },
  async removeOfficer(db: Db, userId: number, institutionId: number) {
    const r = await db
      .deleteFrom('financeOfficer')
      .where('userId', '=', userId)
      .where('institutionId', '=', institutionId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  },

  request(db: Db, id: number) {
    return db.selectFrom('financingRequest').selectAll().where('id', '=', id).executeTakeFirst();
  },
  insertRequest(db: Db, row: Insertable<FinancingRequestTable>) {
    return db.insertInto('financingRequest').values(row).returning('id').executeTakeFirstOrThrow();
  },
  async updateRequest(db: Db, id: number, set: Updateable<FinancingRequestTable>) {
    return changed(await db.updateTable('financingRequest').set(set).where('id', '=', id).executeTakeFirst());
  },
  /** The exclusive request goes to the first institution to approve it. */
  async takeRequest(db: Db, id: number, institutionId: number, at: string) {
    return changed(
      await db
        .updateTable('financingRequest')
        .set({ takenByInstitutionId: institutionId, updatedAt: at })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('takenByInstitutionId', 'is', null), eb('takenByInstitutionId', '=', institutionId)]))
        .executeTakeFirst(),
    );
  },
  /** Moves the request's sums by what one answer changed; the first answer and the first money are kept once. */
  async addToRequest(
    db: Db,
    id: number,
    d: { approvedFen?: number; disbursedFen?: number; answeredAt?: string; disbursedAt?: string },
  ) {
    const set: Record<string, unknown> = {};
    if (d.approvedFen) set.approvedFen = sql`approved_fen + ${d.approvedFen}`;
    if (d.disbursedFen) set.disbursedFen = sql`disbursed_fen + ${d.disbursedFen}`;
    if (d.answeredAt) set.firstAnsweredAt = sql`coalesce(first_answered_at, ${d.answeredAt})`;
    if (d.disbursedAt) set.firstDisbursedAt = sql`coalesce(first_disbursed_at, ${d.disbursedAt})`;
    if (Object.keys(set).length === 0) return;
    await db.updateTable('financingRequest').set(set).where('id', '=', id).execute();
  },
  requestList(db: Db, where: RequestWhere) {
    return {
      count: () =>
        db
          .selectFrom('financingRequest')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(where)
          .executeTakeFirstOrThrow(),
      rows: (offset: number, limit: number) =>
        db.selectFrom('financingRequest').selectAll().where(where).orderBy('id', 'desc').offset(offset).limit(limit).execute(),
    };
  },
  overdueUnanswered(db: Db, nowIso: string, limit: number) {
    return db
      .selectFrom('financingRequest')
      .selectAll()
      .where('firstAnsweredAt', 'is', null)
      .where('status', '=', 'open')
      .where('firstAnswerDue', '<', nowIso)
      .orderBy('firstAnswerDue')
      .limit(limit)
      .execute();
  },
  async updateLevel(db: Db, id: number, fromLevel: string | null, to: string, at: string) {
    let q = db.updateTable('financingRequest').set({ escalationLevel: to, escalatedAt: at }).where('id', '=', id);
    q = fromLevel === null ? q.where('escalationLevel', 'is', null) : q.where('escalationLevel', '=', fromLevel);
    return changed(await q.executeTakeFirst());
  },

  answer(db: Db, id: number) {
    return db.selectFrom('financingAnswer').selectAll().where('id', '=', id).executeTakeFirst();
  },
  answersOf(db: Db, requestIds: number[]) {
    if (requestIds.length === 0) return Promise.resolve([] as AnswerRow[]);
    return db.selectFrom('financingAnswer').selectAll().where('requestId', 'in', requestIds).orderBy('id').execute();
  },
  /** Shares the request with institutions; one answer row each, a second share of the same pair changes nothing. */
  async share(db: Db, requestId: number, institutionIds: number[], at: string) {
    if (institutionIds.length === 0) return;
    await db
      .insertInto('financingAnswer')
      .values(
        institutionIds.map((institutionId) => ({
          requestId,
          institutionId,
          status: 'received',
          approvedFen: null,
          disbursedFen: 0,
          declineReason: null,
          note: null,
          productId: null,
          accountOpenedAt: null,
          version: 0,
          createdAt: at,
          updatedAt: at,
        })),
      )
      .onConflict((oc) => oc.columns(['requestId', 'institutionId']).doNothing())
      .execute();
  },
  /** Conditional on the version read: of two officers moving the same answer, one wins. */
  async moveAnswer(db: Db, id: number, version: number, set: Updateable<FinancingAnswerTable>) {
    return changed(
      await db
        .updateTable('financingAnswer')
        .set({ ...set, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst(),
    );
  },
  /** A tranche: refused by the database when it would take the answer above its approved amount. */
  async addDisbursed(db: Db, id: number, amountFen: number, at: string) {
    return changed(
      await db
        .updateTable('financingAnswer')
        .set({
          disbursedFen: sql`disbursed_fen + ${amountFen}`,
          status: sql`case when disbursed_fen + ${amountFen} = approved_fen then 'disbursed' else status end`,
          version: sql`version + 1`,
          updatedAt: at,
        })
        .where('id', '=', id)
        .where('status', '=', 'approved')
        .where(sql<SqlBool>`disbursed_fen + ${amountFen} <= approved_fen`)
        .executeTakeFirst(),
    );
  },
  insertDisbursement(db: Db, row: Insertable<FinancingDisbursementTable>) {
    return db.insertInto('financingDisbursement').values(row).returning('id').executeTakeFirstOrThrow();
  },
  disbursementsOf(db: Db, requestIds: number[]) {
    if (requestIds.length === 0) return Promise.resolve([] as DisbursementRow[]);
    return db.selectFrom('financingDisbursement').selectAll().where('requestId', 'in', requestIds).orderBy('id').execute();
  },
  async confirmDisbursements(db: Db, requestId: number, at: string) {
    const r = await db
      .updateTable('financingDisbursement')
      .set({ confirmedAt: at })
      .where('requestId', '=', requestId)
      .where('confirmedAt', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },
  /** Draws on a product's quota; refused when it would be overspent. */
  async drawQuota(db: Db, productId: number, amountFen: number) {
    return changed(
      await db
        .updateTable('financeProduct')
        .set({ usedFen: sql`used_fen + ${amountFen}` })
        .where('id', '=', productId)
        .where(sql<SqlBool>`used_fen + ${amountFen} <= quota_fen`)
        .executeTakeFirst(),
    );
  },
  async isWhitelisted(db: Db, entityId: number) {
    const row = await db
      .selectFrom('financeWhitelist')
      .select('id')
      .where('entityId', '=', entityId)
      .where('removedVersion', 'is', null)
      .executeTakeFirst();
    return !!row;
  },
  closeRequest(db: Db, id: number, at: string) {
    return db
      .updateTable('financingRequest')
      .set({ status: 'closed', updatedAt: at })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .execute();
  },
  product(db: Db, id: number) {
    return db.selectFrom('financeProduct').selectAll().where('id', '=', id).executeTakeFirst();
  },
};
