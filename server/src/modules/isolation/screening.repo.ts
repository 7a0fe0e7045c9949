import { scopeFilter, type Scope } from '../../platform/permissions';
import type { Queryable } from '../../platform/module';
import type { IsolationTables } from './isolation.tables';

type Db = Queryable<IsolationTables>;

export function screeningRepo() {
  const visited = (db: Db) =>
    db
      .selectFrom('screeningVisit')
      .select((eb) => [
        'campaignId',
        'gridCode',
        eb.fn.sum<number>('householdsVisited').as('households'),
        eb.fn.sum<number>('peopleRecorded').as('people'),
      ])
      .groupBy(['campaignId', 'gridCode']);
  return {
    /** Campaigns that cover any part of the scope (a grid worker sees the district campaign of their grid). */
    list(db: Db, scope: Scope, paths: string[]) {
      return db
        .selectFrom('screeningCampaign')
        .selectAll()
        .where((eb) =>
          scope.all
            ? eb.lit(true)
            : eb.or([
                scopeFilter(eb, scope, { path: 'screening_campaign.region_path' }),
                ...paths.map((p) => eb('regionPath', 'in', ancestorsOf(p))),
              ]),
        )
        .orderBy('id', 'desc')
        .limit(200)
        .execute();
    },
    byId(db: Db, id: number) {
      return db.selectFrom('screeningCampaign').selectAll().where('id', '=', id).executeTakeFirst();
    },
    insert(
      db: Db,
      row: {
        name: string;
        regionCode: string;
        regionPath: string;
        startDate: string;
        endDate: string;
        createdAt: string;
        createdBy: number | null;
      },
    ) {
      return db.insertInto('screeningCampaign').values(row).returning('id').executeTakeFirstOrThrow();
    },
    async insertTargets(db: Db, rows: { campaignId: number; gridCode: string; gridPath: string; households: number }[]) {
      for (let i = 0; i < rows.length; i += 200)
        await db
          .insertInto('screeningTarget')
          .values(rows.slice(i, i + 200))
          .execute();
    },
    target(db: Db, campaignId: number, gridCode: string) {
      return db
        .selectFrom('screeningTarget')
        .selectAll()
        .where('campaignId', '=', campaignId)
        .where('gridCode', '=', gridCode)
        .executeTakeFirst();
    },
    targets(db: Db, campaignId: number, scope: Scope) {
      return db
        .selectFrom('screeningTarget')
        .selectAll()
        .where('campaignId', '=', campaignId)
        .where((eb) => scopeFilter(eb, scope, { path: 'screening_target.grid_path' }))
        .orderBy('gridPath')
        .execute();
    },
    totals(db: Db, campaignIds: number[]) {
      if (campaignIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('screeningTarget')
        .select((eb) => ['campaignId', eb.fn.sum<number>('households').as('target')])
        .where('campaignId', 'in', campaignIds)
        .groupBy('campaignId')
        .execute();
    },
    visitedTotals(db: Db, campaignIds: number[]) {
      if (campaignIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('screeningVisit')
        .select((eb) => [
          'campaignId',
          eb.fn.sum<number>('householdsVisited').as('households'),
          eb.fn.sum<number>('peopleRecorded').as('people'),
        ])
        .where('campaignId', 'in', campaignIds)
        .groupBy('campaignId')
        .execute();
    },
    visitedByGrid(db: Db, campaignId: number) {
      return visited(db).where('campaignId', '=', campaignId).execute();
    },
    insertVisit(
      db: Db,
      row: {
        campaignId: number;
        gridCode: string;
        gridPath: string;
        date: string;
        householdsVisited: number;
        peopleRecorded: number;
        note: string | null;
        at: string;
        by: number | null;
      },
    ) {
      return db.insertInto('screeningVisit').values(row).execute();
    },
  };
}

/** '/a/b/c/' → ['/a/', '/a/b/', '/a/b/c/']: the campaigns placed above a grid worker's area cover it too. */
export function ancestorsOf(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => '/' + parts.slice(0, i + 1).join('/') + '/');
}
