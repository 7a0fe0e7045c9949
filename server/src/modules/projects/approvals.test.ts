import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../../test/xlsx';
import { projectsFixture, type ProjectsFixture } from './projects.fixture';

let f: ProjectsFixture;
let projectA = 0;
let projectB = 0;

beforeAll(async () => {
  f = await projectsFixture();
  const make = async (entityId: number, phase: string) =>
    (
      await f.admin.post('/api/projects', {
        name: `项目${entityId}`,
        entityId,
        level: 'district',
        phase,
        leadDepartment: 'housing',
        investmentFen: 100_000_000,
      })
    ).json().id as number;
  projectA = await make(f.entities.projectA1, 'continuing');
  projectB = await make(f.entities.projectB, 'continuing');
  await make(f.entities.projectA2, 'continuing');
  await make(f.entities.siteA, 'new');
});
afterAll(() => f.t.close());

const pending = (documents: { name: string; dueOn: string }[], over: Record<string, unknown> = {}) => ({
  kind: '施工许可',
  department: 'approval',
  decidedOn: '2026-02-20',
  status: 'pending_documents',
  letterInsteadOfCertificate: true,
  online: true,
  documents,
  ...over,
});

describe('approvals with documents to follow 容缺后补', () => {
  let approvalId = 0;
  it('refuses bad documents per field and writes nothing', async () => {
    const url = `/api/projects/${projectA}/approvals`;
    const early = await f.approvalDept.post(url, pending([{ name: '规划许可证', dueOn: '2026-02-19' }]));
    expect(early.statusCode).toBe(400);
    expect(early.json().fields).toEqual([{ field: 'documents.0.dueOn', message: '补交期限不能早于审批日期' }]);
    expect((await f.approvalDept.post(url, pending([]))).json().fields[0].field).toBe('documents');
    expect((await f.approvalDept.post(url, pending([{ name: 'x', dueOn: '2026-02-30' }]))).statusCode).toBe(400);
    // a department decides for itself only; town officers and commanders do not decide
    expect(
      (await f.approvalDept.post(url, pending([{ name: 'x', dueOn: '2026-03-01' }], { department: 'housing' }))).statusCode,
    ).toBe(404);
    expect((await f.townA.post(url, pending([{ name: 'x', dueOn: '2026-03-01' }]))).statusCode).toBe(403);
    expect((await f.admin.get('/api/projects/approvals')).json().total).toBe(0);
  });

  it('records the approval, lists it overdue after the due date, and closes when the last document is in', async () => {
    const res = await f.approvalDept.post(
      `/api/projects/${projectA}/approvals`,
      pending([
        { name: '建设工程规划许可证', dueOn: '2026-03-01' },
        { name: '施工图审查合格书', dueOn: '2026-03-10' },
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    approvalId = a.id;
    expect(a).toMatchObject({ status: 'pending_documents', letterInsteadOfCertificate: true, overdue: true, closedOn: null });
    expect(a.documents.map((d: { overdue: boolean }) => d.overdue)).toEqual([true, false]);
    await f.approvalDept.post(`/api/projects/${projectB}/approvals`, { ...pending([]), status: 'approved', online: false });
    expect((await f.commander.get('/api/projects/approvals?overdue=true')).json().items.map((x: { id: number }) => x.id)).toEqual(
      [approvalId],
    );
    expect((await f.commander.get('/api/projects/approvals?overdue=false')).json().total).toBe(1);
    expect((await f.townB.get(`/api/projects/approvals/${approvalId}`)).statusCode).toBe(404);
    expect((await f.townA.get(`/api/projects/approvals/${approvalId}`)).statusCode).toBe(200);
    const rows = await readXlsx((await f.commander.get('/api/projects/approvals/export?status=pending_documents')).rawPayload);
    expect(rows.length).toBe(2);
    expect(rows[1]!.join('|')).toContain('建设工程规划许可证（2026-03-01）');

    const [first, second] = a.documents.map((d: { id: number }) => d.id);
    const receive = (doc: number, receivedOn: string) =>
      f.approvalDept.post(`/api/projects/approvals/${approvalId}/documents/${doc}/receive`, { receivedOn });
    expect((await receive(first, '2026-02-19')).statusCode).toBe(400);
    expect((await receive(first, '2026-03-05')).statusCode).toBe(400); // after today
    const [r1, r2] = await Promise.all([receive(first, '2026-03-02'), receive(first, '2026-03-02')]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    expect((await receive(999_999, '2026-03-02')).statusCode).toBe(404);
    expect((await f.commander.get('/api/projects/approvals?overdue=true')).json().total).toBe(0);
    // nine days on: sessions have lapsed, so sign in again
    f.clock.set('2026-03-11T02:00:00.000Z');
    f.commander = await f.t.login('commander');
    f.approvalDept = await f.t.login('approval');
    f.townB = await f.t.login('town-b');
    f.admin = await f.t.login('admin');
    expect((await f.commander.get('/api/projects/approvals?overdue=true')).json().total).toBe(1);
    const done = (await receive(second, '2026-03-11')).json();
    expect(done).toMatchObject({ status: 'approved', closedOn: '2026-03-11', overdue: false });
    expect(done.documents.every((d: { receivedBy: string | null }) => d.receivedBy)).toBe(true);
  });

  it('counts resumed over total by new/continuing and level, and approvals pending, overdue and online', async () => {
    await f.admin.post(`/api/projects/${projectA}/status`, {
      from: 'not_resumed',
      to: 'resumed',
      reason: '复工',
      workersOnSite: 80,
    });
    await f.admin.post(`/api/projects/${projectA}/approvals`, pending([{ name: '节能审查意见', dueOn: '2026-03-05' }]));
    const s = (await f.commander.get('/api/projects/stats')).json();
    expect(s.total).toEqual({ total: 4, resumed: 1, rate: 25 });
    expect(s.byPhase).toEqual([
      { phase: 'new', total: 1, resumed: 0, rate: 0 },
      { phase: 'continuing', total: 3, resumed: 1, rate: 33.3 },
    ]);
    expect(s.byLevel.find((l: { level: string }) => l.level === 'district')).toMatchObject({ total: 4, resumed: 1 });
    expect(s).toMatchObject({ workersOnSite: 80, investmentFen: 400_000_000, investmentResumedFen: 100_000_000 });
    expect(s.approvals).toEqual({ total: 3, online: 2, pendingDocuments: 1, overdue: 1 });
    const b = (await f.townB.get('/api/projects/stats')).json();
    expect(b.total).toEqual({ total: 1, resumed: 0, rate: 0 });
    expect((await f.commander.get(`/api/projects/stats?regionCode=${f.t.regions.townB}`)).json().approvals.total).toBe(1);
  });
});
