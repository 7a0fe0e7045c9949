import { sql, type Expression, type ExpressionBuilder, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Dialect } from '../../db/database';
import { containsText, pathPrefix } from '../../db/sql-helpers';
import type { Queryable, SharedTables } from '../../platform/module';
import type { FilingAttachmentTable, FilingStaffTable, FilingTable, FilingsTables } from './filings.tables';

type Db = Queryable<FilingsTables>;
export type FilingWhere = (eb: ExpressionBuilder<FilingsTables & SharedTables, 'filing'>) => Expression<SqlBool>;
export type FilingRow = Awaited<ReturnType<ReturnType<typeof filingsRepo>['byId']>> & {};

export function filingsRepo(dialect: Dialect) {
  return {
    // --- configuration
    latestConfig(db: Db) {
      return db.selectFrom('filingConfigVersion').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
    },
    configVersion(db: Db, version: number) {
      return db.selectFrom('filingConfigVersion').selectAll().where('version', '=', version).executeTakeFirst();
    },
    configVersions(db: Db) {
      return db
        .selectFrom('filingConfigVersion')
        .select(['version', 'note', 'createdAt', 'createdBy'])
        .orderBy('version', 'desc')
        .execute();
    },
    /** The unique version number decides a race between two admins saving at once. */
    insertConfig(
      db: Db,
      row: { version: number; config: string; note: string | null; createdAt: string; createdBy: string | null },
    ) {
      return db
        .insertInto('filingConfigVersion')
        .values(row)
        .onConflict((oc) => oc.column('version').doNothing())
        .executeTakeFirst();
    },

    // --- batches and white list
    batches(db: Db) {
      return db
        .selectFrom('filingBatch')
        .select((eb) => [
          'filingBatch.batchNo',
          'filingBatch.releaseDate',
          eb
            .selectFrom('filing')
            .select((e2) => e2.fn.countAll<number>().as('n'))
            .where('filing.status', '=', 'awaiting_batch')
            .whereRef('filing.batchNo', '=', 'filingBatch.batchNo')
            .as('waiting'),
        ])
        .orderBy('batchNo')
        .execute();
    },
    batch(db: Db, batchNo: number) {
      return db.selectFrom('filingBatch').selectAll().where('batchNo', '=', batchNo).executeTakeFirst();
    },
    setBatch(db: Db, batchNo: number, releaseDate: string | null, at: string, by: string | null) {
      return db
        .updateTable('filingBatch')
        .set({ releaseDate, updatedAt: at, updatedBy: by })
        .where('batchNo', '=', batchNo)
        .executeTakeFirst();
    },
    dueBatchNos(db: Db, today: string) {
      return db
        .selectFrom('filingBatch')
        .select('batchNo')
        .where('releaseDate', 'is not', null)
        .where('releaseDate', '<=', today)
        .execute();
    },
    whitelist(db: Db) {
      return db.selectFrom('filingWhitelist').selectAll().orderBy('addedAt', 'desc').execute();
    },
    onWhitelist(db: Db, entityId: number) {
      return db.selectFrom('filingWhitelist').select('entityId').where('entityId', '=', entityId).executeTakeFirst();
    },
    addWhitelist(db: Db, row: { entityId: number; entityName: string; reason: string; addedAt: string; addedBy: string | null }) {
      return db
        .insertInto('filingWhitelist')
        .values(row)
        .onConflict((oc) => oc.column('entityId').doNothing())
        .executeTakeFirst();
    },
    removeWhitelist(db: Db, entityId: number) {
      return db.deleteFrom('filingWhitelist').where('entityId', '=', entityId).executeTakeFirst();
    },

    // --- filings
    insertFiling(db: Db, row: Insertable<FilingTable>) {
      return db.insertInto('filing').values(row).returning('id').executeTakeFirstOrThrow();
    },
    byId(db: Db, id: number) {
      return db.selectFrom('filing').selectAll().where('id', '=', id).executeTakeFirst();
    },
    openForEntity(db: Db, entityId: number) {
      return db
        .selectFrom('filing')
        .selectAll()
        .where('entityId', '=', entityId)
        .where('status', '<>', 'rejected')
        .executeTakeFirst();
    },
    forEntity(db: Db, entityId: number) {
      return db.selectFrom('filing').selectAll().where('entityId', '=', entityId).orderBy('id', 'desc').execute();
    },
    /** Moves a filing only if it is still in the state it was read in; 0 rows means someone else moved it first. */
    async moveIf(db: Db, id: number, from: string, set: Updateable<FilingTable>): Promise<boolean> {
      const r = await db.updateTable('filing').set(set).where('id', '=', id).where('status', '=', from).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    updateDraft(db: Db, id: number, draft: string, plannedDate: string | null, at: string, states: readonly string[]) {
      return db
        .updateTable('filing')
        .set({ draft, plannedDate, updatedAt: at })
        .where('id', '=', id)
        .where('status', 'in', [...states])
        .executeTakeFirst();
    },
    list(
      db: Db,
      f: {
        where: FilingWhere;
        status?: string;
        statuses?: readonly string[];
        route?: string;
        underPath?: string;
        q?: string;
        offset: number;
        limit: number;
      },
    ) {
      let q = db.selectFrom('filing').where(f.where);
      if (f.status) q = q.where('filing.status', '=', f.status);
      if (f.statuses) q = q.where('filing.status', 'in', [...f.statuses]);
      if (f.route) q = q.where('filing.route', '=', f.route);
      if (f.underPath) q = q.where(sql<SqlBool>`filing.region_path like ${pathPrefix(f.underPath)} escape '\\'`);
      if (f.q) q = q.where((eb) => containsText(eb, 'filing.entity_name', f.q!, dialect));
      return {
        count: () => q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        rows: () =>
          q
            .selectAll()
            .orderBy('filing.updatedAt', 'desc')
            .orderBy('filing.id', 'desc')
            .offset(f.offset)
            .limit(f.limit)
            .execute(),
      };
    },
    awaitingBatch(db: Db, batchNos: number[]) {
      if (batchNos.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('filing')
        .selectAll()
        .where('status', '=', 'awaiting_batch')
        .where('batchNo', 'in', batchNos)
        .orderBy('id')
        .execute();
    },

    // --- history
    insertRevision(
      db: Db,
      row: { filingId: number; revision: number; data: string; submittedAt: string; submittedBy: string | null },
    ) {
      return db.insertInto('filingRevision').values(row).execute();
    },
    revisions(db: Db, filingId: number) {
      return db
        .selectFrom('filingRevision')
        .select(['revision', 'submittedAt', 'submittedBy'])
        .where('filingId', '=', filingId)
        .orderBy('revision')
        .execute();
    },
    revision(db: Db, filingId: number, revision: number) {
      return db
        .selectFrom('filingRevision')
        .selectAll()
        .where('filingId', '=', filingId)
        .where('revision', '=', revision)
        .executeTakeFirst();
    },
    insertEvent(
      db: Db,
      row: {
        filingId: number;
        at: string;
        actorId: number | null;
        actorName: string | null;
        action: string;
        fromStatus: string | null;
        toStatus: string;
        reason: string | null;
        revision: number | null;
      },
    ) {
      return db.insertInto('filingEvent').values(row).execute();
    },
    events(db: Db, filingIds: number[]) {
      if (filingIds.length === 0) return Promise.resolve([]);
      return db.selectFrom('filingEvent').selectAll().where('filingId', 'in', filingIds).orderBy('id').execute();
    },
    insertCommitment(
      db: Db,
      row: {
        filingId: number;
        revision: number;
        text: string;
        signerName: string;
        signedAt: string;
        ip: string | null;
        hash: string;
      },
    ) {
      return db.insertInto('filingCommitment').values(row).execute();
    },
    commitments(db: Db, filingId: number) {
      return db.selectFrom('filingCommitment').selectAll().where('filingId', '=', filingId).orderBy('revision').execute();
    },

    // --- attachments
    insertAttachment(db: Db, row: Insertable<FilingAttachmentTable>) {
      return db.insertInto('filingAttachment').values(row).returning('id').executeTakeFirstOrThrow();
    },
    attachment(db: Db, id: number) {
      return db.selectFrom('filingAttachment').selectAll().where('id', '=', id).executeTakeFirst();
    },
    attachments(db: Db, ids: number[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('filingAttachment').selectAll().where('id', 'in', ids).orderBy('id').execute();
    },

    // --- staff readiness
    insertStaff(db: Db, row: Insertable<FilingStaffTable>) {
      return db.insertInto('filingStaff').values(row).returning('id').executeTakeFirstOrThrow();
    },
    staff(db: Db, entityId: number, offset: number, limit: number) {
      const q = db.selectFrom('filingStaff').where('entityId', '=', entityId);
      return {
        count: () => q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        rows: () => q.selectAll().orderBy('id').offset(offset).limit(limit).execute(),
      };
    },
    staffById(db: Db, id: number) {
      return db.selectFrom('filingStaff').selectAll().where('id', '=', id).executeTakeFirst();
    },
    staffByToken(db: Db, token: string) {
      return db.selectFrom('filingStaff').selectAll().where('quizToken', '=', token).executeTakeFirst();
    },
    deleteStaff(db: Db, id: number) {
      return db.deleteFrom('filingStaff').where('id', '=', id).executeTakeFirst();
    },
    recordAttempt(
      db: Db,
      staffId: number,
      a: { configVersion: number; score: number; passed: boolean; answers: number[]; at: string },
    ) {
      return db
        .insertInto('filingQuizAttempt')
        .values({
          staffId,
          configVersion: a.configVersion,
          score: a.score,
          passed: a.passed ? 1 : 0,
          answers: JSON.stringify(a.answers),
          at: a.at,
        })
        .execute()
        .then(() =>
          db
            .updateTable('filingStaff')
            .set((eb) => ({
              attempts: eb('attempts', '+', 1),
              bestScore: sql<number>`case when best_score is null or best_score < ${a.score} then ${a.score} else best_score end`,
              ...(a.passed ? { passed: 1, passedAt: sql<string>`coalesce(passed_at, ${a.at})` } : {}),
            }))
            .where('id', '=', staffId)
            .execute(),
        );
    },
    readiness(db: Db, entityId: number) {
      return db
        .selectFrom('filingStaff')
        .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.sum<number>('passed').as('passed')])
        .where('entityId', '=', entityId)
        .executeTakeFirstOrThrow();
    },
  };
}
export type FilingsRepo = ReturnType<typeof filingsRepo>;
