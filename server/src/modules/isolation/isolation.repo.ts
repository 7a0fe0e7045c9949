import { sql, type Insertable, type Updateable } from 'kysely';
import type { Dialect } from '../../db/database';
import { containsText } from '../../db/sql-helpers';
import { scopeFilter, type Scope } from '../../platform/permissions';
import type { Queryable } from '../../platform/module';
import type { IsolationCheckinTable, IsolationTable, IsolationTables, RiskAssessmentTable } from './isolation.tables';

type Db = Queryable<IsolationTables>;

export interface IsolationFilter {
  status?: string;
  kind?: string;
  underPath?: string;
  q?: string;
}

export function isolationRepo(dialect: Dialect) {
  function filteredIsolations(db: Db, scope: Scope, f: IsolationFilter) {
    let q = db.selectFrom('isolation').where((eb) => scopeFilter(eb, scope, { path: 'isolation.region_path' }));
    if (f.status) q = q.where('status', '=', f.status);
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.underPath) q = q.where('regionPath', 'like', f.underPath + '%');
    if (f.q) q = q.where((eb) => containsText(eb, 'isolation.person_name', f.q!, dialect));
    return q;
  }
  return {
    latestRuleSet(db: Db) {
      return db.selectFrom('riskRuleSet').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
    },
    ruleSetHistory(db: Db) {
      return db.selectFrom('riskRuleSet').selectAll().orderBy('version', 'desc').limit(50).execute();
    },
    ruleSetOf(db: Db, version: number) {
      return db.selectFrom('riskRuleSet').selectAll().where('version', '=', version).executeTakeFirst();
    },
    insertRuleSet(db: Db, row: { version: number; rules: string; createdAt: string; createdBy: number; createdByName: string }) {
      return db.insertInto('riskRuleSet').values(row).execute();
    },

    insertAssessment(db: Db, row: Insertable<RiskAssessmentTable>) {
      return db.insertInto('riskAssessment').values(row).returning('id').executeTakeFirstOrThrow();
    },
    setAssessmentIsolation(db: Db, id: number, isolationId: number) {
      return db.updateTable('riskAssessment').set({ isolationId }).where('id', '=', id).execute();
    },
    assessmentById(db: Db, id: number) {
      return db.selectFrom('riskAssessment').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async assessments(db: Db, scope: Scope, f: { personId?: number; riskLevel?: string }, offset: number, limit: number) {
      let q = db.selectFrom('riskAssessment').where((eb) => scopeFilter(eb, scope, { path: 'risk_assessment.region_path' }));
      if (f.personId) q = q.where('personId', '=', f.personId);
      if (f.riskLevel) q = q.where('riskLevel', '=', f.riskLevel);
      const [{ n }, rows] = await Promise.all([
        q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        q.selectAll().orderBy('id', 'desc').offset(offset).limit(limit).execute(),
      ]);
      return { total: Number(n), rows };
    },

    insertIsolation(db: Db, row: Insertable<IsolationTable>) {
      return db.insertInto('isolation').values(row).returning('id').executeTakeFirstOrThrow();
    },
    isolationById(db: Db, id: number) {
      return db.selectFrom('isolation').selectAll().where('id', '=', id).executeTakeFirst();
    },
    isolationByToken(db: Db, token: string) {
      return db.selectFrom('isolation').selectAll().where('checkinToken', '=', token).executeTakeFirst();
    },
    isolationsOfPerson(db: Db, personId: number) {
      return db.selectFrom('isolation').selectAll().where('personId', '=', personId).orderBy('id', 'desc').execute();
    },
    async isolations(db: Db, scope: Scope, f: IsolationFilter, offset: number, limit: number) {
      const q = filteredIsolations(db, scope, f);
      const [{ n }, rows] = await Promise.all([
        q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        q.selectAll().orderBy('id', 'desc').offset(offset).limit(limit).execute(),
      ]);
      return { total: Number(n), rows };
    },
    /** The filtered isolations for an export, newest first. */
    isolationList(db: Db, scope: Scope, f: IsolationFilter, limit: number) {
      return filteredIsolations(db, scope, f).selectAll().orderBy('id', 'desc').limit(limit).execute();
    },
    updateIsolationIf(db: Db, id: number, status: string, set: Updateable<IsolationTable>) {
      return db.updateTable('isolation').set(set).where('id', '=', id).where('status', '=', status).executeTakeFirst();
    },

    insertCheckin(db: Db, row: Insertable<IsolationCheckinTable>) {
      return db.insertInto('isolationCheckin').values(row).returning('id').executeTakeFirstOrThrow();
    },
    checkinOn(db: Db, isolationId: number, date: string) {
      return db
        .selectFrom('isolationCheckin')
        .select('id')
        .where('isolationId', '=', isolationId)
        .where('date', '=', date)
        .executeTakeFirst();
    },
    checkins(db: Db, isolationId: number) {
      return db
        .selectFrom('isolationCheckin')
        .selectAll()
        .where('isolationId', '=', isolationId)
        .orderBy('date', 'desc')
        .execute();
    },
    /** Counts the check-in on the isolation itself, so lists need no join. */
    noteCheckin(db: Db, id: number, date: string, fever: boolean) {
      return db
        .updateTable('isolation')
        .set((eb) => ({ lastCheckinDate: date, checkinCount: eb('checkinCount', '+', 1), ...(fever ? { feverAlert: 1 } : {}) }))
        .where('id', '=', id)
        .execute();
    },

    /** Running isolations with no check-in since before `yesterday`, not yet alerted today. */
    missedCheckins(db: Db, yesterday: string, today: string) {
      return db
        .selectFrom('isolation')
        .select(['id', 'personName', 'regionPath', 'responsibleUserId'])
        .where('status', '=', 'active')
        .where('startDate', '<=', yesterday)
        .where((eb) => eb.or([eb('lastCheckinDate', 'is', null), eb('lastCheckinDate', '<', yesterday)]))
        .where((eb) => eb.or([eb('missedAlertDate', 'is', null), eb('missedAlertDate', '<', today)]))
        .limit(5000)
        .execute();
    },
    markMissedAlerted(db: Db, id: number, today: string) {
      return db
        .updateTable('isolation')
        .set({ missedAlertDate: today })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('missedAlertDate', 'is', null), eb('missedAlertDate', '<', today)]))
        .executeTakeFirst();
    },
    // ---- retention ----
    closedUnpurged(db: Db, releasedBefore: string) {
      return db
        .selectFrom('isolation')
        .select(['id', 'regionPath'])
        .where('status', '=', 'released')
        .where('purgedAt', 'is', null)
        .where('releasedAt', '<', releasedBefore)
        .limit(5000)
        .execute();
    },
    async aggregateAndPurgeCheckins(db: Db, isolationId: number, regionPath: string): Promise<number> {
      const days = await db
        .selectFrom('isolationCheckin')
        .select(['date', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('fever').as('f')])
        .where('isolationId', '=', isolationId)
        .groupBy('date')
        .execute();
      for (const d of days) {
        await db
          .insertInto('isolationDaily')
          .values({ date: d.date, regionPath, checkins: Number(d.n), fevers: Number(d.f ?? 0) })
          .onConflict((oc) =>
            oc.columns(['date', 'regionPath']).doUpdateSet({
              checkins: sql`isolation_daily.checkins + excluded.checkins`,
              fevers: sql`isolation_daily.fevers + excluded.fevers`,
            }),
          )
          .execute();
      }
      const r = await db.deleteFrom('isolationCheckin').where('isolationId', '=', isolationId).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    markIsolationPurged(db: Db, id: number, at: string) {
      return db.updateTable('isolation').set({ purgedAt: at }).where('id', '=', id).execute();
    },
    /** Health facts of assessments whose case is closed: those of purged isolations, and those that led to none. */
    purgeAssessmentFacts(db: Db, isolationIds: number[], noMeasureBefore: string, at: string) {
      return db
        .updateTable('riskAssessment')
        .set({ factsEnc: null, purgedAt: at })
        .where('purgedAt', 'is', null)
        .where((eb) =>
          eb.or([
            ...(isolationIds.length ? [eb('isolationId', 'in', isolationIds)] : []),
            eb.and([eb('isolationId', 'is', null), eb('assessedAt', '<', noMeasureBefore)]),
          ]),
        )
        .executeTakeFirst();
    },
  };
}
