import type { Expression, ExpressionBuilder, Insertable, Selectable, SqlBool, Updateable } from 'kysely';
import type { Queryable, SharedTables } from '../../platform/module';
import type { ComplaintAttachmentTable, ComplaintEventTable, ComplaintTable, ComplaintsTables } from './complaints.tables';

/** The complaints module's database handle or transaction: its own tables only. */
export type ComplaintsDb = Queryable<ComplaintsTables>;
type Db = ComplaintsDb;
export type ComplaintRow = Selectable<ComplaintTable>;
export type ComplaintWhere = (eb: ExpressionBuilder<ComplaintsTables & SharedTables, 'complaint'>) => Expression<SqlBool>;

export const complaintsRepo = {
  byId(db: Db, id: number) {
    return db.selectFrom('complaint').selectAll().where('id', '=', id).executeTakeFirst();
  },
  byReceipt(db: Db, receiptNo: string) {
    return db.selectFrom('complaint').selectAll().where('receiptNo', '=', receiptNo).executeTakeFirst();
  },
  /** An entity's complaints, newest first (its timeline). */
  ofEntity(db: Db, entityId: number, limit: number) {
    return db.selectFrom('complaint').selectAll().where('entityId', '=', entityId).orderBy('id', 'desc').limit(limit).execute();
  },
  setInspection(db: Db, id: number, inspectionId: number) {
    return db.updateTable('complaint').set({ inspectionId }).where('id', '=', id).execute();
  },
  insert(db: Db, row: Insertable<ComplaintTable>) {
    return db.insertInto('complaint').values(row).returning('id').executeTakeFirstOrThrow();
  },
  /** Conditional on the status the caller read, so two handlers cannot both move it. */
  async update(db: Db, id: number, set: Updateable<ComplaintTable>, fromStatus?: string) {
    let q = db.updateTable('complaint').set(set).where('id', '=', id);
    if (fromStatus) q = q.where('status', '=', fromStatus);
    return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
  },
  async updateLevel(db: Db, id: number, set: Updateable<ComplaintTable>, fromLevel: string | null) {
    let q = db.updateTable('complaint').set(set).where('id', '=', id);
    q = fromLevel === null ? q.where('escalationLevel', 'is', null) : q.where('escalationLevel', '=', fromLevel);
    return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
  },
  insertAttachment(db: Db, row: Insertable<ComplaintAttachmentTable>) {
    return db.insertInto('complaintAttachment').values(row).returning('id').executeTakeFirstOrThrow();
  },
  attachments(db: Db, complaintId: number) {
    return db.selectFrom('complaintAttachment').selectAll().where('complaintId', '=', complaintId).orderBy('id').execute();
  },
  attachment(db: Db, complaintId: number, id: number) {
    return db
      .selectFrom('complaintAttachment')
      .selectAll()
      .where('complaintId', '=', complaintId)
      .where('id', '=', id)
      .executeTakeFirst();
  },
  addEvent(db: Db, row: Insertable<ComplaintEventTable>) {
    return db.insertInto('complaintEvent').values(row).execute();
  },
  events(db: Db, complaintId: number) {
    return db.selectFrom('complaintEvent').selectAll().where('complaintId', '=', complaintId).orderBy('id').execute();
  },
  list(db: Db, where: ComplaintWhere, opts: { offset: number; limit: number }) {
    return {
      count: () =>
        db
          .selectFrom('complaint')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(where)
          .executeTakeFirstOrThrow(),
      rows: () =>
        db.selectFrom('complaint').selectAll().where(where).orderBy('id', 'desc').offset(opts.offset).limit(opts.limit).execute(),
    };
  },
  overdue(db: Db, nowIso: string, states: readonly string[], limit: number) {
    return db
      .selectFrom('complaint')
      .select(['id', 'receiptNo', 'regionPath', 'escalationLevel', 'escalatedAt'])
      .where('status', 'in', [...states])
      .where('deadline', '<', nowIso)
      .where((eb) => eb.or([eb('escalationLevel', 'is', null), eb('escalationLevel', '!=', 'leaders')]))
      .orderBy('deadline')
      .limit(limit)
      .execute();
  },
  stats(db: Db, where: ComplaintWhere, nowIso: string, openStates: readonly string[]) {
    return db
      .selectFrom('complaint')
      .select((eb) => [
        eb.fn.countAll<number>().as('received'),
        eb.fn.sum<number>(eb.case().when('status', '=', 'replied').then(1).else(0).end()).as('answered'),
        eb.fn.sum<number>(eb.case().when('verdict', '=', 'substantiated').then(1).else(0).end()).as('substantiated'),
        eb.fn.sum<number>(eb.case().when('verdict', '=', 'unfounded').then(1).else(0).end()).as('unfounded'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when('status', 'in', [...openStates])
              .then(1)
              .else(0)
              .end(),
          )
          .as('open'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(eb.and([eb('status', 'in', [...openStates]), eb('deadline', '<', nowIso)]))
              .then(1)
              .else(0)
              .end(),
          )
          .as('overdue'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(eb.and([eb('status', '=', 'replied'), eb('repliedAt', '<=', eb.ref('deadline'))]))
              .then(1)
              .else(0)
              .end(),
          )
          .as('answeredOnTime'),
      ])
      .where(where)
      .executeTakeFirstOrThrow();
  },
};
