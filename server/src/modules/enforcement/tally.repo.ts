import { sql, type SqlBool } from 'kysely';
import type { Queryable } from '../../platform/module';
import { likeAny } from '../../platform/scope';
import type { EnforcementTables } from './enforcement.tables';

export interface TallyFilter {
  paths: string[] | 'all';
  regionPath: string | null;
  from: string;
  to: string;
  roundId?: number;
}

/** The tally is counted over inspections, visits, notices and closures alike. */
export const tallyRepo = {
  /** The 执法检查 figures of a period and region (and round), in four aggregate queries. */
  async tally(db: Queryable<EnforcementTables>, f: TallyFilter) {
    const where = (col: string) =>
      sql<SqlBool>`${likeAny(`${col}.region_path`, f.paths)} and ${f.regionPath ? likeAny(`${col}.region_path`, [f.regionPath]) : sql<SqlBool>`1 = 1`}`;
    let ins = db
      .selectFrom('inspection')
      .where(() => where('inspection'))
      .where('inspectedOn', '>=', f.from)
      .where('inspectedOn', '<=', f.to);
    if (f.roundId) ins = ins.where('roundId', '=', f.roundId);
    const i = await ins
      .select((eb) => [
        eb.fn.countAll<number>().as('inspections'),
        eb.fn.count<number>('entityId').distinct().as('distinctPremises'),
        eb.fn.count<number>('visitId').distinct().as('visits'),
        eb.fn.sum<number>('problemsFound').as('problems'),
        eb.fn.sum<number>('fixedOnSpot').as('fixedOnSpot'),
        eb.fn.sum<number>(sql`case when visit_id is null then inspector_count else 0 end`).as('loose'),
      ])
      .executeTakeFirstOrThrow();
    // inspectors are counted once per visit that inspected something here in the period
    const v = await db
      .selectFrom('inspectionVisit')
      .select((eb) => eb.fn.sum<number>('inspectorCount').as('n'))
      .where('id', 'in', ins.select('visitId').where('visitId', 'is not', null))
      .executeTakeFirstOrThrow();
    const ofInspection = (q: typeof ins) => q.select('inspection.id');
    let notices = db
      .selectFrom('rectificationNotice')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(() => where('rectification_notice'))
      .where('issuedOn', '>=', f.from)
      .where('issuedOn', '<=', f.to);
    let closures = db
      .selectFrom('closureOrder')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(() => where('closure_order'))
      .where('orderedOn', '>=', f.from)
      .where('orderedOn', '<=', f.to);
    if (f.roundId) {
      notices = notices.where('inspectionId', 'in', ofInspection(ins));
      closures = closures.where('inspectionId', 'in', ofInspection(ins));
    }
    const [n, c] = await Promise.all([notices.executeTakeFirstOrThrow(), closures.executeTakeFirstOrThrow()]);
    return {
      inspectorVisits: Number(v.n ?? 0) + Number(i.loose ?? 0),
      premises: Number(i.inspections ?? 0),
      distinctPremises: Number(i.distinctPremises ?? 0),
      visits: Number(i.visits ?? 0),
      inspections: Number(i.inspections ?? 0),
      problems: Number(i.problems ?? 0),
      fixedOnSpot: Number(i.fixedOnSpot ?? 0),
      notices: Number(n.n),
      closures: Number(c.n),
    };
  },
};
