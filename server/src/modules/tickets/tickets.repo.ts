import type { Expression, ExpressionBuilder, Insertable, Selectable, SqlBool, Updateable } from 'kysely';
import type { Queryable, SharedTables } from '../../platform/module';
import type { TicketTable, TicketCategoryTable, TicketEventTable, TicketAttachmentTable, TicketsTables } from './tickets.tables';

/** The tickets module's database handle or transaction: its own tables only. */
export type TicketsDb = Queryable<TicketsTables>;
type Db = TicketsDb;
export type TicketRow = Selectable<TicketTable> & { categoryCode: string; categoryName: string };
export type TicketWhere = (eb: ExpressionBuilder<TicketsTables & SharedTables, 'ticket'>) => Expression<SqlBool>;

export const ticketsRepo = {
  categories(db: Db, activeOnly: boolean) {
    let q = db.selectFrom('ticketCategory').selectAll();
    if (activeOnly) q = q.where('active', '=', 1);
    return q.orderBy('id').execute();
  },
  category(db: Db, id: number) {
    return db.selectFrom('ticketCategory').selectAll().where('id', '=', id).executeTakeFirst();
  },
  categoryByCode(db: Db, code: string) {
    return db.selectFrom('ticketCategory').selectAll().where('code', '=', code).executeTakeFirst();
  },
  insertCategory(db: Db, row: Insertable<TicketCategoryTable>) {
    return db.insertInto('ticketCategory').values(row).returning('id').executeTakeFirstOrThrow();
  },
  updateCategory(db: Db, id: number, set: Updateable<TicketCategoryTable>) {
    return db.updateTable('ticketCategory').set(set).where('id', '=', id).executeTakeFirst();
  },

  base(db: Db) {
    return db
      .selectFrom('ticket')
      .innerJoin('ticketCategory', 'ticketCategory.id', 'ticket.categoryId')
      .selectAll('ticket')
      .select(['ticketCategory.code as categoryCode', 'ticketCategory.name as categoryName']);
  },
  async byId(db: Db, id: number): Promise<TicketRow | undefined> {
    return this.base(db).where('ticket.id', '=', id).executeTakeFirst();
  },
  list(db: Db, where: TicketWhere, opts: { offset: number; limit: number; order: 'deadline' | 'escalated' | 'created' }) {
    return {
      count: () =>
        db
          .selectFrom('ticket')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(where)
          .executeTakeFirstOrThrow(),
      rows: () => {
        let q = this.base(db).where(where);
        if (opts.order === 'escalated') q = q.orderBy('ticket.escalatedAt', 'asc');
        else if (opts.order === 'deadline') q = q.orderBy('ticket.deadline', 'asc');
        return q.orderBy('ticket.id', 'desc').offset(opts.offset).limit(opts.limit).execute() as Promise<TicketRow[]>;
      },
    };
  },
  /** The tickets another module filed, by its source references. */
  bySourceRefs(db: Db, source: string, refs: string[]) {
    return db
      .selectFrom('ticket')
      .select(['id', 'sourceRef', 'title', 'status'])
      .where('source', '=', source)
      .where('sourceRef', 'in', refs)
      .execute();
  },
  insert(db: Db, row: Insertable<TicketTable>) {
    return db.insertInto('ticket').values(row).returning('id').executeTakeFirstOrThrow();
  },
  /** Conditional update: applies only while the ticket is still in `fromStatus` (and level, when given). */
  async update(
    db: Db,
    id: number,
    set: Updateable<TicketTable>,
    guard: { status?: string; escalationLevel?: string | null } = {},
  ) {
    let q = db.updateTable('ticket').set(set).where('id', '=', id);
    if (guard.status) q = q.where('status', '=', guard.status);
    if (guard.escalationLevel !== undefined)
      q =
        guard.escalationLevel === null
          ? q.where('escalationLevel', 'is', null)
          : q.where('escalationLevel', '=', guard.escalationLevel);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  addEvent(db: Db, row: Insertable<TicketEventTable>) {
    return db.insertInto('ticketEvent').values(row).execute();
  },
  events(db: Db, ticketId: number) {
    return db.selectFrom('ticketEvent').selectAll().where('ticketId', '=', ticketId).orderBy('id').execute();
  },
  insertAttachment(db: Db, row: Insertable<TicketAttachmentTable>) {
    return db.insertInto('ticketAttachment').values(row).returning('id').executeTakeFirstOrThrow();
  },
  attachments(db: Db, ticketId: number) {
    return db.selectFrom('ticketAttachment').selectAll().where('ticketId', '=', ticketId).orderBy('id').execute();
  },
  attachment(db: Db, ticketId: number, id: number) {
    return db.selectFrom('ticketAttachment').selectAll().where('ticketId', '=', ticketId).where('id', '=', id).executeTakeFirst();
  },
  /** Open tickets whose deadline has passed, or which sit at a level whose next step may be due. */
  escalationCandidates(db: Db, nowIso: string, states: readonly string[], limit: number) {
    return db
      .selectFrom('ticket')
      .select(['id', 'status', 'deadline', 'escalationLevel', 'escalatedAt', 'department', 'regionPath', 'no', 'title'])
      .where('status', 'in', [...states])
      .where('deadline', '<', nowIso)
      .where((eb) => eb.or([eb('escalationLevel', 'is', null), eb('escalationLevel', '!=', 'leaders')]))
      .orderBy('deadline')
      .limit(limit)
      .execute();
  },
  /** Aggregates per department and region path for the statistics. */
  stats(db: Db, where: TicketWhere) {
    return db
      .selectFrom('ticket')
      .select((eb) => [
        'department',
        'regionPath',
        eb.fn.countAll<number>().as('received'),
        eb.fn.sum<number>(eb.case().when('status', '=', 'closed').then(1).else(0).end()).as('closed'),
        eb.fn.sum<number>(eb.case().when('onTime', '=', 1).then(1).else(0).end()).as('onTime'),
        eb.fn.sum<number>(eb.case().when('onTime', 'is not', null).then(1).else(0).end()).as('handled'),
        eb.fn.sum<number>(eb.fn.coalesce('handlingMinutes', eb.lit(0))).as('handlingMinutes'),
        eb.fn.sum<number>(eb.case().when('reopenCount', '>', 0).then(1).else(0).end()).as('reopened'),
        eb.fn.sum<number>(eb.fn.coalesce('satisfaction', eb.lit(0))).as('satisfactionSum'),
        eb.fn.sum<number>(eb.case().when('satisfaction', 'is not', null).then(1).else(0).end()).as('rated'),
        eb.fn.sum<number>(eb.case().when('escalationLevel', 'is not', null).then(1).else(0).end()).as('escalated'),
        eb.fn.sum<number>(eb.case().when('status', 'not in', ['closed', 'merged']).then(1).else(0).end()).as('open'),
      ])
      .where(where)
      .where('status', '!=', 'merged')
      .groupBy(['department', 'regionPath'])
      .execute();
  },
};
