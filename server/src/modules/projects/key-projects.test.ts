import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../../test/xlsx';
import { projectsFixture, type ProjectsFixture } from './projects.fixture';

let f: ProjectsFixture;
const body = (entityId: number, over: Record<string, unknown> = {}) => ({
  name: '重点项目',
  entityId,
  level: 'provincial',
  phase: 'continuing',
  leadDepartment: 'housing',
  investmentFen: 1_500_000_000,
  ...over,
});

beforeAll(async () => {
  f = await projectsFixture();
});
afterAll(() => f.t.close());

describe('key projects', () => {
  let a1 = 0;
  it('follows a registered project entity once, in the caller’s area only', async () => {
    const res = await f.townA.post('/api/projects', body(f.entities.projectA1, { name: '甲镇水电站项目' }));
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    a1 = p.id;
    expect(p).toMatchObject({
      entityName: '甲镇水电站',
      regionCode: f.t.regions.gridA,
      status: 'not_resumed',
      planVersion: 0,
      investmentFen: 1_500_000_000,
    });
    expect((await f.townA.post('/api/projects', body(f.entities.projectA1))).statusCode).toBe(409);
    // not a project, or in town B: the entity field is refused, nothing written
    for (const id of [f.entities.enterprise, f.entities.projectB, 999_999]) {
      const bad = await f.townA.post('/api/projects', body(id));
      expect(bad.statusCode).toBe(400);
      expect(bad.json().fields).toEqual([{ field: 'entityId', message: expect.any(String) }]);
    }
    const neg = await f.townA.post('/api/projects', body(f.entities.projectA2, { investmentFen: -1, workersOnSite: -3 }));
    expect(neg.statusCode).toBe(400);
    expect(
      neg
        .json()
        .fields.map((x: { field: string }) => x.field)
        .sort(),
    ).toEqual(['investmentFen', 'workersOnSite']);
    expect((await f.commander.post('/api/projects', body(f.entities.projectA2))).statusCode).toBe(403);
    // a construction site may be a (new) key project too
    expect((await f.admin.post('/api/projects', body(f.entities.siteA, { phase: 'new', level: 'district' }))).statusCode).toBe(
      200,
    );
    expect(
      (await f.admin.post('/api/projects', body(f.entities.projectB, { level: 'city', leadDepartment: 'industry' }))).statusCode,
    ).toBe(200);
  });

  it('lists by scope and filters, exports, and hides other towns’ projects (404)', async () => {
    expect((await f.townA.get('/api/projects')).json().total).toBe(2);
    expect((await f.townB.get('/api/projects')).json().total).toBe(1);
    expect((await f.commander.get('/api/projects')).json().total).toBe(3);
    // the housing department follows the projects it leads wherever they are
    expect((await f.housingDept.get('/api/projects')).json().total).toBe(2);
    expect((await f.commander.get('/api/projects?phase=new')).json().items.map((p: { phase: string }) => p.phase)).toEqual([
      'new',
    ]);
    expect((await f.commander.get('/api/projects?level=city&q=重点')).json().total).toBe(1);
    expect((await f.townB.get(`/api/projects/${a1}`)).statusCode).toBe(404);
    const bad = await f.commander.get('/api/projects?level=national');
    expect(bad.statusCode).toBe(400);
    const x = await f.commander.get('/api/projects/export?phase=continuing');
    expect(x.statusCode).toBe(200);
    const rows = await readXlsx(x.rawPayload);
    expect(rows.length).toBe(3);
    expect(rows[1]).toContain('甲镇水电站项目');
  });

  it('moves the status from the one seen, keeps the history, and answers 409 to a stale move', async () => {
    const go = (from: string, to: string, extra: Record<string, unknown> = {}) =>
      f.townA.post(`/api/projects/${a1}/status`, { from, to, reason: '复工', ...extra });
    // both carry the same figures, so whichever wins the race the project ends the same
    const [one, two] = await Promise.all([
      go('not_resumed', 'resumed', { workersOnSite: 80 }),
      go('not_resumed', 'resumed', { workersOnSite: 80 }),
    ]);
    expect([one.statusCode, two.statusCode].sort()).toEqual([200, 409]);
    expect((await go('not_resumed', 'resumed')).statusCode).toBe(409);
    expect((await go('resumed', 'not_resumed')).statusCode).toBe(409);
    expect((await go('resumed', 'suspended', { reason: '' })).statusCode).toBe(400);
    expect((await go('resumed', 'suspended')).json().status).toBe('suspended');
    expect((await go('suspended', 'resumed')).json()).toMatchObject({ status: 'resumed', workersOnSite: 80 });
    expect((await f.townA.put(`/api/projects/${a1}/workers`, { workersOnSite: 85 })).json().workersOnSite).toBe(85);
    expect((await f.townB.put(`/api/projects/${a1}/workers`, { workersOnSite: 1 })).statusCode).toBe(404);
    const d = (await f.townA.get(`/api/projects/${a1}`)).json();
    expect(d.history.map((h: { to: string }) => h.to)).toEqual(['not_resumed', 'resumed', 'suspended', 'resumed']);
    expect(d.abilities).toEqual({ manage: true, approve: false });
    expect((await f.commander.get(`/api/projects/${a1}`)).json().abilities.manage).toBe(false);
    const audit = await f.t.core.db
      .selectFrom('auditLog')
      .select('action')
      .where('targetType', '=', 'key_project')
      .where('targetId', '=', String(a1))
      .execute();
    expect(audit.map((r) => r.action).sort()).toEqual([
      'projects.create',
      'projects.status',
      'projects.status',
      'projects.status',
      'projects.workers',
    ]);
  });

  it('keeps every version of the plan 一项一策; a version based on a replaced one is refused', async () => {
    const plan = (basedOn: number, text: string) =>
      f.townA.post(`/api/projects/${a1}/plans`, { basedOn, preventionPlan: text, emergencyPlan: '应急预案', measures: '测温' });
    expect((await plan(0, '防控方案第一版')).json()).toMatchObject({ version: 1, createdBy: expect.any(String) });
    const [x, y] = await Promise.all([plan(1, '甲的修改'), plan(1, '乙的修改')]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
    expect((await plan(0, '旧版修改')).statusCode).toBe(409);
    expect(
      (await f.townA.post(`/api/projects/${a1}/plans`, { basedOn: 2, preventionPlan: '', emergencyPlan: '' })).statusCode,
    ).toBe(400);
    const versions = (await f.commander.get(`/api/projects/${a1}/plans`)).json();
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const d = (await f.commander.get(`/api/projects/${a1}`)).json();
    expect(d.planVersion).toBe(2);
    expect(d.plan.preventionPlan).toMatch(/的修改$/);
    expect((await f.townB.get(`/api/projects/${a1}/plans`)).statusCode).toBe(404);
  });
});
