import type { Entity, EntityInput, EntityListQuery, ProjectLevel } from '@fugong/contract';
import type { DemoServices } from '../../platform/module';
import type { RequestContext } from '../../platform/context';
import { systemContext } from '../../platform/context';
import { localDate } from '../../platform/clock';
import { rng } from '../../demo/random';
import { DEMO_PASSWORD, demoContext, type DemoLogin } from '../../demo/demo-users';

/** Panzhihua East (seed 003): 147 key projects surveyed one by one, 66 of the 71 continuing ones resumed. */
export const panzhihuaProjects = {
  regionCode: '510402',
  total: 147,
  continuing: 71,
  continuingResumed: 66,
  yinjiangWorkers: 80,
} as const;
/** Jizhou (seed 000): major projects approved with a letter instead of a certificate, documents to follow. */
export const jizhouApprovals = { regionCode: '120119', projects: ['万达广场', '蓟宝热电', '伊甸园'] } as const;

const DAY = 86_400_000;
const shift = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

export const yinjiangPlan = {
  preventionPlan:
    '《银江水电站新型冠状病毒肺炎疫情防控工作方案》：成立项目防控领导小组；工人返岗前14天健康申报，外省返回人员居家观察期满方可进场；' +
    '施工现场实行封闭管理，出入口测温登记；食堂分餐错峰，宿舍每日通风消毒；储备口罩、消毒液、体温枪等防疫物资不少于15天用量。',
  emergencyPlan:
    '《银江水电站新型冠状病毒感染的肺炎疫情应急预案》：发现发热或疑似症状人员，立即在现场临时隔离点隔离，报告属地社区和疾控机构，' +
    '由120转运定点医院；对密切接触者集中观察，相关作业面停工消杀；每日向区指挥部报告在岗人数和健康状况。',
  measures: '明确突发情况处置程序；加强日常监测与预防；项目现场负责人每日巡查防控措施落实情况。',
};

const levelOf = (k: number): ProjectLevel => (k === 0 || k % 12 === 5 ? 'provincial' : k % 4 === 1 ? 'city' : 'district');

async function projectEntities(s: DemoServices, admin: RequestContext, regionCode: string): Promise<Entity[]> {
  const q = { page: 1, pageSize: 500, regionCode, kind: 'project' } as unknown as EntityListQuery;
  return (await s.registry.list(admin, q)).items.sort((a, b) => a.id - b.id);
}

/**
 * Panzhihua East's 147 key projects: the district's 71 registered projects are the continuing ones
 * (those the registry shows resumed first, 66 resumed in all), the 76 new ones are registered as
 * construction sites (so the registry's key-project count stays the seed's 71); Yinjiang hydropower
 * (provincial) has its plan and 80 workers on site. Jizhou: three approvals with documents to follow,
 * one of them overdue.
 */
export async function projectsDemo(s: DemoServices, log: (m: string) => void): Promise<DemoLogin[]> {
  const started = Date.now();
  const admin = demoContext(0, 'admin', '系统管理员', { role: 'admin' });
  const today = localDate(s.core.clock.now());
  const r = rng(1200);
  const p = panzhihuaProjects;
  const continuing = (await projectEntities(s, admin, p.regionCode)).slice(0, p.continuing);
  if (continuing.length < p.continuing) {
    log(`projects: Panzhihua East has ${continuing.length} registered projects, ${p.continuing} needed — skipped`);
    return [];
  }
  const newInputs: EntityInput[] = Array.from({ length: p.total - p.continuing }, (_, i) => ({
    kind: 'site',
    name: `东区新建重点项目${String(i + 1).padStart(2, '0')}号工地`,
    regNo: `XJ510402${String(i + 1).padStart(4, '0')}`,
    regionCode: continuing[i % continuing.length]!.regionCode,
    sector: 'secondary',
    industry: '建筑业',
    sizeClass: 'large',
  }));
  const newIds = await s.registry.createEntities(systemContext(), newInputs);

  const resumedFirst = [...continuing].sort((a, b) => Number(b.status === 'resumed') - Number(a.status === 'resumed'));
  const resumed = new Set(resumedFirst.slice(0, p.continuingResumed).map((e) => e.id));
  let yinjiang = 0;
  for (const [k, e] of continuing.entries()) {
    const name = k === 0 ? '银江水电站' : e.name;
    const project = await s.projects.createProject(admin, {
      name,
      entityId: e.id,
      level: levelOf(k),
      phase: 'continuing',
      leadDepartment: k % 3 === 0 ? 'housing' : 'industry',
      investmentFen: r.int(5_000, 200_000) * 1_000_000,
      workersOnSite: 0,
    });
    if (k === 0) yinjiang = project.id;
    if (resumed.has(e.id) || k === 0)
      await s.projects.changeStatus(admin, project.id, {
        from: 'not_resumed',
        to: 'resumed',
        reason: '一项一策，防控措施落实后复工',
        workersOnSite: k === 0 ? p.yinjiangWorkers : r.int(20, 300),
      });
  }
  for (const [k, id] of newIds.entries())
    await s.projects.createProject(admin, {
      name: newInputs[k]!.name.replace('工地', ''),
      entityId: id,
      level: levelOf(k + 3),
      phase: 'new',
      leadDepartment: 'housing',
      investmentFen: r.int(2_000, 80_000) * 1_000_000,
      workersOnSite: 0,
    });
  await s.projects.addPlan(admin, yinjiang, { basedOn: 0, ...yinjiangPlan });

  // Jizhou: 以函代证 and 容缺后补 for three major projects; the first one's document is overdue
  const jz = (await projectEntities(s, admin, jizhouApprovals.regionCode)).slice(0, 3);
  const docs = [
    [{ name: '建设工程规划许可证', dueOn: shift(today, -3) }],
    [
      { name: '环境影响评价批复', dueOn: shift(today, 10) },
      { name: '节能审查意见', dueOn: shift(today, 20) },
    ],
    [{ name: '施工图审查合格书', dueOn: shift(today, 15) }],
  ];
  for (const [k, e] of jz.entries()) {
    const project = await s.projects.createProject(admin, {
      name: jizhouApprovals.projects[k]!,
      entityId: e.id,
      level: k === 1 ? 'city' : 'district',
      phase: 'new',
      leadDepartment: 'approval',
      investmentFen: [350_000, 120_000, 80_000][k]! * 1_000_000,
      workersOnSite: 0,
    });
    await s.projects.createApproval(admin, project.id, {
      kind: k === 1 ? '项目核准' : '施工许可',
      department: 'approval',
      decidedOn: shift(today, -20),
      status: 'pending_documents',
      letterInsteadOfCertificate: true,
      online: true,
      documents: docs[k]!,
    });
  }
  await s.users.createUser(systemContext(), {
    username: 'approval-jizhou',
    displayName: '蓟州区行政审批局',
    password: DEMO_PASSWORD,
    grants: [{ role: 'department', department: 'approval', regionCode: jizhouApprovals.regionCode }],
  });
  log(
    `projects: Panzhihua East 147 key projects (66 of 71 continuing resumed), Jizhou 3 approvals with documents to follow (${Date.now() - started} ms)`,
  );
  return [{ username: 'approval-jizhou', role: 'department', where: '蓟州区行政审批局' }];
}
