import { sql } from 'kysely';
import type { Queryable } from '../../platform/module';
import { likeAny } from '../../platform/scope';
import type { LabourTables } from './labour.tables';

type Db = Queryable<LabourTables>;
export interface Period {
  path: string;
  from: string;
  to: string;
  /** UTC bounds of the local days, for timestamps */
  fromIso: string;
  toIso: string;
}

/**
 * The figures' raw counts, grouped by the row's region path (at most one row per grid), so the
 * service can sum them for the region asked about and for each of its children.
 */
export const labourStatsRepo = {
  fairs(db: Db, p: Period) {
    return db
      .selectFrom('jobFair')
      .select(['regionPath', 'kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where(likeAny('job_fair.region_path', [p.path]))
      .where('startsOn', '>=', p.from)
      .where('startsOn', '<=', p.to)
      .groupBy(['regionPath', 'kind'])
      .execute();
  },
  visits(db: Db, p: Period) {
    return db
      .selectFrom('jobFairVisitDay')
      .innerJoin('jobFair', 'jobFair.id', 'jobFairVisitDay.fairId')
      .select(['jobFair.regionPath', (eb) => eb.fn.sum<number>('jobFairVisitDay.visits').as('n')])
      .where(likeAny('job_fair.region_path', [p.path]))
      .where('jobFairVisitDay.day', '>=', p.from)
      .where('jobFairVisitDay.day', '<=', p.to)
      .groupBy('jobFair.regionPath')
      .execute();
  },
  /** Published postings (approved, since filled or closed) by place and entity. */
  postings(db: Db, p: Period) {
    return db
      .selectFrom('jobPosting')
      .select([
        'regionPath',
        'entityId',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.sum<number>('places').as('places'),
      ])
      .where(likeAny('job_posting.region_path', [p.path]))
      .where('status', 'in', ['approved', 'filled', 'closed'])
      .where('postedOn', '>=', p.from)
      .where('postedOn', '<=', p.to)
      .groupBy(['regionPath', 'entityId'])
      .execute();
  },
  applications(db: Db, p: Period) {
    return db
      .selectFrom('jobApplication')
      .innerJoin('jobPosting', 'jobPosting.id', 'jobApplication.postingId')
      .select([
        'jobPosting.regionPath',
        sql<number>`sum(case when job_application.applied_at >= ${p.fromIso} and job_application.applied_at < ${p.toIso} then 1 else 0 end)`.as(
          'applications',
        ),
        sql<number>`sum(case when job_application.status in ('intention', 'hired') and job_application.applied_at >= ${p.fromIso} and job_application.applied_at < ${p.toIso} then 1 else 0 end)`.as(
          'intentions',
        ),
        sql<number>`sum(case when job_application.hired_on >= ${p.from} and job_application.hired_on <= ${p.to} then 1 else 0 end)`.as(
          'hires',
        ),
      ])
      .where(likeAny('job_posting.region_path', [p.path]))
      .groupBy('jobPosting.regionPath')
      .execute();
  },
  /** Placements both enterprises confirmed, starting in the period. */
  placements(db: Db, p: Period) {
    return db
      .selectFrom('sharedStaffPlacement')
      .select(['regionPath', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('headcount').as('workers')])
      .where(likeAny('shared_staff_placement.region_path', [p.path]))
      .where('lenderConfirmedAt', 'is not', null)
      .where('borrowerConfirmedAt', 'is not', null)
      .where('fromDate', '>=', p.from)
      .where('fromDate', '<=', p.to)
      .groupBy('regionPath')
      .execute();
  },
  /** Arrived batches and their named passengers. */
  transport(db: Db, p: Period) {
    return db
      .selectFrom('transportBatch')
      .select([
        'regionPath',
        'originProvince',
        (eb) => eb.fn.countAll<number>().as('batches'),
        (eb) => eb.fn.sum<number>('booked').as('workers'),
      ])
      .where(likeAny('transport_batch.region_path', [p.path]))
      .where('status', '=', 'arrived')
      .where('departOn', '>=', p.from)
      .where('departOn', '<=', p.to)
      .groupBy(['regionPath', 'originProvince'])
      .execute();
  },
  survey(db: Db, p: Period) {
    return db
      .selectFrom('labourIntention')
      .select([
        'regionPath',
        (eb) => eb.fn.countAll<number>().as('n'),
        sql<number>`sum(case when intention = 'away' then 1 else 0 end)`.as('away'),
      ])
      .where(likeAny('labour_intention.region_path', [p.path]))
      .where('surveyedOn', '>=', p.from)
      .where('surveyedOn', '<=', p.to)
      .groupBy('regionPath')
      .execute();
  },
};
