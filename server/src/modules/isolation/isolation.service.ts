import type { Permission } from '@fugong/contract';
import type { Selectable } from 'kysely';
import type { Isolation, IsolationCheckin, IsolationKind, IsolationNotice, IsolationStatus, Page } from '@fugong/contract';
import { FEVER_AT } from '@fugong/contract';
import type { Dialect } from '../../db/database';
import { addDays, localDate, type Clock } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { EventBus } from '../../platform/events';
import type { Notifier } from '../../platform/notify';
import { maskName, type Pii } from '../../platform/pii';
import { systemContext, type RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { t } from '../../platform/i18n/index';
import { can, inRegionScope, requireInScope, requirePermission, scopeOf, type Actor } from '../../platform/permissions';
import type { RegionsService } from '../regions/regions.service';
import type { PeopleService } from '../people/people.service';
import type { PassesService } from '../passes/passes.service';
import { isolationRepo, type IsolationFilter } from './isolation.repo';
import { type ModuleDb, type ModuleTrx } from '../../platform/module';
import type { IsolationTable, IsolationTables } from './isolation.tables';
import { createAssessments } from './assessments';
import { isolationTransitions, nextIsolationStatus } from './isolation-states';
import { isolationsExport } from './isolation-export';

interface Deps {
  db: ModuleDb<IsolationTables>;
  dialect: Dialect;
  clock: Clock;
  audit: Audit;
  events: EventBus;
  pii: Pii;
  regions: RegionsService;
  people: PeopleService;
  passes: PassesService;
  notifier: Notifier;
  retentionDays: number;
}

type IsoRow = Selectable<IsolationTable>;
type CheckinInput = { temperature: number; symptoms: string[] };
type IsolationQuery = { status?: string; kind?: string; regionCode?: string; q?: string };

export function createIsolationService(deps: Deps) {
  const { db, clock, audit, events, pii, regions, people, passes, notifier } = deps;
  const repo = isolationRepo(deps.dialect);
  const today = () => localDate(clock.now());
  const isUnique = (err: unknown) => /unique|duplicate/i.test(String((err as Error)?.message));
  const assessments = createAssessments({ db, dialect: deps.dialect, clock, audit, events, pii, people });

  async function toIsolations(actor: Actor | null, rows: IsoRow[], detail: boolean): Promise<Isolation[]> {
    const names = await regions.namesOf(rows.map((r) => r.regionCode));
    const manage = actor ? scopeOf(actor, 'isolation.manage') : null;
    return rows.map((r) => {
      const mayManage = !!actor && can(actor, 'isolation.manage') && inRegionScope(manage!, r.regionPath);
      const status = r.status as IsolationStatus;
      return {
        id: r.id,
        personId: r.personId,
        personName: r.personName,
        idNumberMasked: r.idNumberMasked,
        kind: r.kind as IsolationKind,
        site: r.site,
        address: r.address,
        regionCode: r.regionCode,
        regionName: names.get(r.regionCode) ?? null,
        startDate: r.startDate,
        endDate: r.endDate,
        status,
        lastCheckinDate: r.lastCheckinDate,
        checkinCount: r.checkinCount,
        feverAlert: !!r.feverAlert,
        releasedAt: r.releasedAt,
        checkinToken: detail && mayManage && status === 'active' ? r.checkinToken : null,
        abilities: {
          checkin: mayManage && !!isolationTransitions[status].checkin,
          release: mayManage && !!isolationTransitions[status].release && today() >= r.endDate,
        },
      };
    });
  }

  async function load(ctx: RequestContext, perm: Permission, id: number) {
    const actor = requirePermission(ctx.actor, perm);
    const row = await repo.isolationById(db, id);
    if (!row) throw new AppError('common.not_found', 404);
    requireInScope(scopeOf(actor, perm), row.regionPath);
    return { actor, row };
  }

  /** Fever, symptoms or a missed day: the grid workers of the place and the officer in charge are told. */
  async function alert(
    trx: ModuleDb<IsolationTables> | ModuleTrx<IsolationTables>,
    row: IsoRow,
    kind: 'fever' | 'missed',
    locale: RequestContext['locale'],
  ) {
    const grid = await notifier.usersCovering(trx, 'grid', row.regionPath);
    await notifier.send(trx, row.responsibleUserId ? [row.responsibleUserId, ...grid] : grid, {
      kind: `isolation.${kind}`,
      title: t(locale, kind === 'fever' ? 'isolation.alert_fever_title' : 'isolation.alert_missed_title', {
        name: row.personName,
      }),
      link: `/isolation/cases/${row.id}`,
    });
  }

  /** One check-in per isolation per day; the unique (isolation, date) key settles double taps. */
  async function recordCheckin(
    ctx: RequestContext,
    row: IsoRow,
    input: CheckinInput,
    by: 'self' | 'staff',
    actorId: number | null,
  ) {
    nextIsolationStatus(row.status as IsolationStatus, 'checkin');
    const date = today();
    const fever = input.temperature >= FEVER_AT || input.symptoms.length > 0;
    try {
      await db.transaction().execute(async (trx) => {
        await repo.insertCheckin(trx, {
          isolationId: row.id,
          date,
          at: clock.now().toISOString(),
          by,
          actorId,
          fever: fever ? 1 : 0,
          detailEnc: pii.encrypt(JSON.stringify(input)),
        });
        await repo.noteCheckin(trx, row.id, date, fever);
        if (fever) await alert(trx, row, 'fever', 'zh-CN');
        await audit.record(trx, ctx, {
          action: 'isolation.checkin',
          targetType: 'isolation',
          targetId: row.id,
          regionPath: row.regionPath,
          detail: { by, fever },
        });
      });
    } catch (err) {
      if (isUnique(err)) throw new AppError('isolation.checkin_done', 409);
      throw err;
    }
    if (fever) events.publish({ type: 'isolation.fever', regionPath: row.regionPath, data: { id: row.id } });
    return { fever };
  }

  async function filterOf(q: IsolationQuery): Promise<IsolationFilter> {
    return {
      status: q.status,
      kind: q.kind,
      q: q.q,
      underPath: q.regionCode ? (await regions.resolve(q.regionCode)).path : undefined,
    };
  }

  return {
    ...assessments,

    async list(ctx: RequestContext, q: IsolationQuery & { page: number; pageSize: number }): Promise<Page<Isolation>> {
      const actor = requirePermission(ctx.actor, 'isolation.read');
      const { total, rows } = await repo.isolations(
        db,
        scopeOf(actor, 'isolation.read'),
        await filterOf(q),
        (q.page - 1) * q.pageSize,
        q.pageSize,
      );
      return { items: await toIsolations(actor, rows, false), total, page: q.page, pageSize: q.pageSize };
    },
    /** The filtered isolations with their check-in status as .xlsx; ID numbers masked; audited. */
    async exportXlsx(ctx: RequestContext, q: IsolationQuery): Promise<Buffer> {
      const actor = requirePermission(ctx.actor, 'isolation.read');
      const rows = await repo.isolationList(db, scopeOf(actor, 'isolation.read'), await filterOf(q), 50_000);
      await audit.record(db, ctx, {
        action: 'isolation.export',
        targetType: 'isolation',
        detail: { filter: q, rows: rows.length },
      });
      const names = await regions.namesOf(rows.map((r) => r.regionCode));
      return isolationsExport(
        ctx.locale,
        today(),
        rows.map((r) => ({ ...r, regionName: names.get(r.regionCode) ?? r.regionCode })),
      );
    },
    async get(ctx: RequestContext, id: number): Promise<Isolation> {
      const { actor, row } = await load(ctx, 'isolation.read', id);
      await audit.record(db, ctx, {
        action: 'isolation.view',
        targetType: 'person',
        targetId: row.personId,
        regionPath: row.regionPath,
        detail: { isolationId: id },
      });
      return (await toIsolations(actor, [row], true))[0]!;
    },
    async checkins(ctx: RequestContext, id: number): Promise<IsolationCheckin[]> {
      await load(ctx, 'isolation.read', id);
      return (await repo.checkins(db, id)).map((c) => {
        const d = JSON.parse(pii.decrypt(c.detailEnc)) as CheckinInput;
        return {
          id: c.id,
          date: c.date,
          at: c.at,
          by: c.by as 'self' | 'staff',
          fever: !!c.fever,
          temperature: d.temperature,
          symptoms: d.symptoms as IsolationCheckin['symptoms'],
        };
      });
    },
    async notice(ctx: RequestContext, id: number): Promise<IsolationNotice> {
      const { row } = await load(ctx, 'isolation.read', id);
      const codes = row.regionPath.split('/').filter(Boolean);
      const names = await regions.namesOf(codes);
      await audit.record(db, ctx, {
        action: 'isolation.notice_print',
        targetType: 'person',
        targetId: row.personId,
        regionPath: row.regionPath,
        detail: { isolationId: id },
      });
      return {
        isolationId: row.id,
        nameMasked: maskName(row.personName),
        address: row.address,
        regionName: names.get(row.regionCode) ?? null,
        regionPathNames: codes.map((c) => names.get(c) ?? c),
        kind: row.kind as IsolationKind,
        site: row.site,
        startDate: row.startDate,
        endDate: row.endDate,
        days: Math.round((Date.parse(row.endDate) - Date.parse(row.startDate)) / 86400_000) + 1,
        issuedOn: today(),
      };
    },
    async staffCheckin(ctx: RequestContext, id: number, input: CheckinInput) {
      const { actor, row } = await load(ctx, 'isolation.manage', id);
      return recordCheckin(ctx, row, input, 'staff', actor.id);
    },
    async publicView(token: string) {
      const row = await repo.isolationByToken(db, token);
      if (!row) throw new AppError('common.not_found', 404);
      const d = today();
      return {
        nameMasked: maskName(row.personName),
        kind: row.kind as IsolationKind,
        startDate: row.startDate,
        endDate: row.endDate,
        status: row.status as IsolationStatus,
        today: d,
        checkedInToday: row.lastCheckinDate === d,
      };
    },
    async publicCheckin(ctx: RequestContext, token: string, input: CheckinInput) {
      const row = await repo.isolationByToken(db, token);
      if (!row) throw new AppError('common.not_found', 404);
      return recordCheckin(ctx, row, input, 'self', null);
    },
    /** Release on or after the last day, after a final check without fever or symptoms. */
    async release(ctx: RequestContext, id: number, input: CheckinInput & { note?: string }) {
      const { actor, row } = await load(ctx, 'isolation.manage', id);
      const to = nextIsolationStatus(row.status as IsolationStatus, 'release');
      const d = today();
      if (d < row.endDate) throw new AppError('isolation.release_not_due', 409, { endDate: row.endDate });
      const fever = input.temperature >= FEVER_AT || input.symptoms.length > 0;
      if (fever) {
        await db.transaction().execute(async (trx) => {
          await alert(trx, row, 'fever', ctx.locale);
          await audit.record(trx, ctx, {
            action: 'isolation.final_check_failed',
            targetType: 'isolation',
            targetId: id,
            regionPath: row.regionPath,
          });
        });
        events.publish({ type: 'isolation.fever', regionPath: row.regionPath, data: { id } });
        throw new AppError('isolation.final_check_failed', 409);
      }
      await db.transaction().execute(async (trx) => {
        if (!(await repo.checkinOn(trx, id, d))) {
          await repo.insertCheckin(trx, {
            isolationId: id,
            date: d,
            at: clock.now().toISOString(),
            by: 'staff',
            actorId: actor.id,
            fever: 0,
            detailEnc: pii.encrypt(JSON.stringify({ temperature: input.temperature, symptoms: input.symptoms })),
          });
          await repo.noteCheckin(trx, id, d, false);
        }
        const r = await repo.updateIsolationIf(trx, id, row.status, {
          status: to,
          releasedAt: clock.now().toISOString(),
          releasedBy: actor.id,
        });
        if (Number(r.numUpdatedRows) !== 1) throw new AppError('common.conflict', 409);
        await audit.record(trx, ctx, {
          action: 'isolation.release',
          targetType: 'isolation',
          targetId: id,
          regionPath: row.regionPath,
          detail: { note: input.note ?? null },
        });
      });
      events.publish({ type: 'isolation.released', regionPath: row.regionPath, data: { id } });
    },

    /** Hourly: an isolation without yesterday's check-in alerts its grid worker, once per day. */
    async alertMissedCheckins(): Promise<number> {
      const d = today();
      const rows = await repo.missedCheckins(db, addDays(d, -1), d);
      let n = 0;
      for (const r of rows) {
        const done = await db.transaction().execute(async (trx) => {
          const u = await repo.markMissedAlerted(trx, r.id, d);
          if (Number(u.numUpdatedRows) !== 1) return false;
          const full = (await repo.isolationById(trx, r.id))!;
          await alert(trx, full, 'missed', 'zh-CN');
          return true;
        });
        if (done) {
          n++;
          events.publish({ type: 'isolation.missed_checkin', regionPath: r.regionPath, data: { id: r.id } });
        }
      }
      return n;
    },

    /**
     * Retention: N days after a case closes its health data goes — check-ins become anonymous daily
     * counts, assessment facts are erased, scans older than N days become counts per checkpoint.
     * The purge itself is audited.
     */
    async purgeExpiredHealthData(): Promise<{ isolations: number; checkins: number; assessments: number; scans: number }> {
      const now = clock.now();
      const cutoffDate = addDays(localDate(now), -deps.retentionDays);
      const cutoffTs = new Date(now.getTime() - deps.retentionDays * 86400_000).toISOString();
      const at = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const closed = await repo.closedUnpurged(trx, cutoffTs);
        let checkins = 0;
        for (const c of closed) {
          checkins += await repo.aggregateAndPurgeCheckins(trx, c.id, c.regionPath);
          await repo.markIsolationPurged(trx, c.id, at);
        }
        const a = await repo.purgeAssessmentFacts(
          trx,
          closed.map((c) => c.id),
          cutoffTs,
          at,
        );
        const scans = await passes.purgeScansBefore(trx, cutoffDate);
        const result = { isolations: closed.length, checkins, assessments: Number(a.numUpdatedRows), scans };
        await audit.record(trx, systemContext(), {
          action: 'isolation.retention_purge',
          targetType: 'retention',
          detail: { ...result, retentionDays: deps.retentionDays, cutoffDate },
        });
        return result;
      });
    },

    // ---- for other modules ----
    async isolationsOfPerson(personId: number) {
      return (await repo.isolationsOfPerson(db, personId)).map((r) => ({
        kind: r.kind as IsolationKind,
        startDate: r.startDate,
        endDate: r.endDate,
        status: r.status as IsolationStatus,
        checkinToken: r.status === 'active' ? r.checkinToken : null,
      }));
    },
  };
}
export type IsolationService = ReturnType<typeof createIsolationService>;
