import { sql, type Expression, type ExpressionBuilder, type Insertable, type Selectable, type SqlBool } from 'kysely';
import type { Queryable } from '../../platform/module';
import type { LabourIntentionTable, LabourTables } from './labour.tables';

type Db = Queryable<LabourTables>;
export type IntentionRow = Selectable<LabourIntentionTable>;
type Where = (eb: ExpressionBuilder<LabourTables, 'labourIntention'>) => Expression<SqlBool>;

export const surveyRepo = {
  /** A household member's answer; a later visit updates it (unique per place, household and name). */
  upsert(db: Db, row: Insertable<LabourIntentionTable>) {
    return db
      .insertInto('labourIntention')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['regionCode', 'household', 'personName']).doUpdateSet({
          intention: row.intention,
          trade: row.trade,
          destination: row.destination,
          surveyedOn: row.surveyedOn,
          recordedBy: row.recordedBy,
          updatedAt: row.updatedAt,
        }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
  },
  byId(db: Db, id: number) {
    return db.selectFrom('labourIntention').selectAll().where('id', '=', id).executeTakeFirst();
  },
  list(db: Db, where: Where, opts: { offset: number; limit: number }) {
    return {
      count: () =>
        db
          .selectFrom('labourIntention')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(where)
          .executeTakeFirstOrThrow(),
      rows: () =>
        db
          .selectFrom('labourIntention')
          .selectAll()
          .where(where)
          .orderBy('regionCode')
          .orderBy('household')
          .orderBy('id')
          .offset(opts.offset)
          .limit(opts.limit)
          .execute(),
    };
  },
  progress(db: Db, where: Where) {
    return db
      .selectFrom('labourIntention')
      .select([
        'regionCode',
        sql<number>`count(distinct household)`.as('households'),
        (eb) => eb.fn.countAll<number>().as('persons'),
        sql<number>`sum(case when intention = 'away' then 1 else 0 end)`.as('away'),
        sql<number>`sum(case when intention = 'local' then 1 else 0 end)`.as('local'),
        sql<number>`sum(case when intention = 'stay' then 1 else 0 end)`.as('stay'),
      ])
      .where(where)
      .groupBy('regionCode')
      .orderBy('regionCode')
      .execute();
  },
};
