import { sql, type Insertable, type Selectable, type SqlBool } from 'kysely';
import { containsLiteral } from '../../db/sql-helpers';
import type { Queryable } from '../../platform/module';
import type {
  ApprovalDocumentTable,
  KeyProjectPlanTable,
  KeyProjectTable,
  ProjectApprovalTable,
  ProjectsTables,
} from './projects.tables';

type Db = Queryable<ProjectsTables>;
export type ProjectRow = Selectable<KeyProjectTable>;
export type ApprovalRow = Selectable<ProjectApprovalTable> & { projectName: string };
export type DocumentRow = Selectable<ApprovalDocumentTable>;
interface PageOpts {
  offset: number;
  limit: number;
}
export interface ProjectFilter {
  visible: ReturnType<typeof sql<SqlBool>>;
  q?: string;
  level?: string;
  phase?: string;
  status?: string;
  under?: string;
}
export interface ApprovalFilter {
  visible: ReturnType<typeof sql<SqlBool>>;
  id?: number;
  status?: string;
  department?: string;
  projectId?: number;
  q?: string;
  /** open documents due before this day */
  overdueBefore?: string;
  notOverdueBefore?: string;
}

const overdueExists = (before: string) =>
  sql<SqlBool>`exists (select 1 from approval_document d where d.approval_id = project_approval.id and d.received_on is null and d.due_on < ${before})`;

export const projectsRepo = {
  project(db: Db, id: number) {
    return db.selectFrom('keyProject').selectAll().where('id', '=', id).executeTakeFirst();
  },
  visibleProject(db: Db, id: number, visible: ReturnType<typeof sql<SqlBool>>) {
    return db
      .selectFrom('keyProject')
      .selectAll()
      .where('id', '=', id)
      .where(() => visible)
      .executeTakeFirst();
  },
  async insertProject(db: Db, row: Insertable<KeyProjectTable>) {
    const { id } = await db.insertInto('keyProject').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(id);
  },
  projects(db: Db, f: ProjectFilter) {
    let base = db.selectFrom('keyProject').where(() => f.visible);
    if (f.level) base = base.where('level', '=', f.level);
    if (f.phase) base = base.where('phase', '=', f.phase);
    if (f.status) base = base.where('status', '=', f.status);
    const under = f.under;
    if (under) base = base.where(sql<SqlBool>`key_project.region_path like ${under + '%'}`);
    const needle = f.q;
    if (needle) base = base.where(() => containsLiteral('key_project.name', needle));
    return {
      count: async () => Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
      rows: (page?: PageOpts) => {
        const q = base
          .selectAll()
          .orderBy(sql`case level when 'provincial' then 0 when 'city' then 1 else 2 end`)
          .orderBy('id');
        return (page ? q.offset(page.offset).limit(page.limit) : q).execute();
      },
    };
  },
  /** Conditional on the status the caller saw, so of two racing moves only one lands. */
  async moveStatus(db: Db, id: number, from: string, to: string, at: string, workers?: number) {
    const r = await db
      .updateTable('keyProject')
      .set({ status: to, statusChangedAt: at, updatedAt: at, ...(workers == null ? {} : { workersOnSite: workers }) })
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  async setWorkers(db: Db, id: number, workers: number, at: string) {
    await db.updateTable('keyProject').set({ workersOnSite: workers, updatedAt: at }).where('id', '=', id).execute();
  },
  async insertStatus(db: Db, row: Insertable<ProjectsTables['keyProjectStatus']>) {
    await db.insertInto('keyProjectStatus').values(row).execute();
  },
  history(db: Db, projectId: number) {
    return db.selectFrom('keyProjectStatus').selectAll().where('projectId', '=', projectId).orderBy('id').execute();
  },

  /** The version number is unique per project: a plan based on a version since replaced fails there. */
  async insertPlan(db: Db, row: Insertable<KeyProjectPlanTable>) {
    await db.insertInto('keyProjectPlan').values(row).execute();
    await db.updateTable('keyProject').set({ planVersion: row.version }).where('id', '=', row.projectId).execute();
  },
  plan(db: Db, projectId: number, version: number) {
    return db
      .selectFrom('keyProjectPlan')
      .selectAll()
      .where('projectId', '=', projectId)
      .where('version', '=', version)
      .executeTakeFirst();
  },
  plans(db: Db, projectId: number) {
    return db.selectFrom('keyProjectPlan').selectAll().where('projectId', '=', projectId).orderBy('version', 'desc').execute();
  },

  async insertApproval(db: Db, row: Insertable<ProjectApprovalTable>) {
    const { id } = await db.insertInto('projectApproval').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(id);
  },
  async insertDocuments(db: Db, rows: Insertable<ApprovalDocumentTable>[]) {
    if (rows.length) await db.insertInto('approvalDocument').values(rows).execute();
  },
  approvals(db: Db, f: ApprovalFilter) {
    let base = db
      .selectFrom('projectApproval')
      .innerJoin('keyProject', 'keyProject.id', 'projectApproval.projectId')
      .where(() => f.visible);
    if (f.id) base = base.where('projectApproval.id', '=', f.id);
    if (f.status) base = base.where('projectApproval.status', '=', f.status);
    if (f.department) base = base.where('projectApproval.department', '=', f.department);
    if (f.projectId) base = base.where('projectApproval.projectId', '=', f.projectId);
    if (f.overdueBefore) base = base.where(overdueExists(f.overdueBefore));
    if (f.notOverdueBefore) base = base.where(sql<SqlBool>`not ${overdueExists(f.notOverdueBefore)}`);
    const needle = f.q;
    if (needle)
      base = base.where((eb) =>
        eb.or([containsLiteral('key_project.name', needle), containsLiteral('project_approval.kind', needle)]),
      );
    return {
      count: async () => Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
      rows: (page?: PageOpts): Promise<ApprovalRow[]> => {
        const q = base
          .selectAll('projectApproval')
          .select('keyProject.name as projectName')
          .orderBy('projectApproval.decidedOn', 'desc')
          .orderBy('projectApproval.id', 'desc');
        return (page ? q.offset(page.offset).limit(page.limit) : q).execute();
      },
    };
  },
  documents(db: Db, approvalIds: number[]) {
    if (approvalIds.length === 0) return Promise.resolve([] as DocumentRow[]);
    return db
      .selectFrom('approvalDocument')
      .selectAll()
      .where('approvalId', 'in', approvalIds)
      .orderBy('dueOn')
      .orderBy('id')
      .execute();
  },
  /** Conditional on the document still being open: a second receipt changes nothing. */
  async receiveDocument(db: Db, approvalId: number, docId: number, on: string, by: string) {
    const r = await db
      .updateTable('approvalDocument')
      .set({ receivedOn: on, receivedBy: by })
      .where('id', '=', docId)
      .where('approvalId', '=', approvalId)
      .where('receivedOn', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  /** Closes the approval when no document is open any more (in the receipt's transaction). */
  async closeIfComplete(db: Db, approvalId: number, on: string) {
    const r = await db
      .updateTable('projectApproval')
      .set({ status: 'approved', closedOn: on })
      .where('id', '=', approvalId)
      .where('status', '=', 'pending_documents')
      .where(
        sql<SqlBool>`not exists (select 1 from approval_document d where d.approval_id = ${approvalId} and d.received_on is null)`,
      )
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async stats(db: Db, visible: ReturnType<typeof sql<SqlBool>>, under: string | null, today: string) {
    const inArea = under ? sql<SqlBool>`key_project.region_path like ${under + '%'}` : sql<SqlBool>`1 = 1`;
    const groups = await db
      .selectFrom('keyProject')
      .where(() => visible)
      .where(() => inArea)
      .select(['phase', 'level', 'status'])
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>('investmentFen').as('fen'),
        eb.fn.sum<number>('workersOnSite').as('workers'),
      ])
      .groupBy(['phase', 'level', 'status'])
      .execute();
    const appr = await db
      .selectFrom('projectApproval')
      .innerJoin('keyProject', 'keyProject.id', 'projectApproval.projectId')
      .where(() => visible)
      .where(() => inArea)
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn.sum<number>('projectApproval.online').as('online'),
        eb.fn.sum<number>(sql`case when project_approval.status = 'pending_documents' then 1 else 0 end`).as('pending'),
        eb.fn.sum<number>(sql`case when ${overdueExists(today)} then 1 else 0 end`).as('overdue'),
      ])
      .executeTakeFirstOrThrow();
    return { groups, appr };
  },
};
