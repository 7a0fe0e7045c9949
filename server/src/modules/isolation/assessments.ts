import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import type {
  Assessment,
  AssessmentFacts,
  AssessmentInput,
  Measure,
  Page,
  RiskLevel,
  RiskRule,
  RuleSet,
  RuleVersion,
} from '@fugong/contract';
import type { Dialect } from '../../db/database';
import { addDays, localDate, type Clock } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { EventBus } from '../../platform/events';
import type { Pii } from '../../platform/pii';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { ModuleDb } from '../../platform/module';
import { requireInScope, requirePermission, scopeOf } from '../../platform/permissions';
import type { PeopleService } from '../people/people.service';
import { isolationRepo } from './isolation.repo';
import type { IsolationTables, RiskAssessmentTable } from './isolation.tables';
import { assessRisk } from './risk-rules';

interface Deps {
  db: ModuleDb<IsolationTables>;
  dialect: Dialect;
  clock: Clock;
  audit: Audit;
  events: EventBus;
  pii: Pii;
  people: PeopleService;
}

type AssessRow = Selectable<RiskAssessmentTable>;

/** The risk rules (versioned) and the assessments made under them; a measure to take starts an isolation. */
export function createAssessments({ db, dialect, clock, audit, events, pii, people }: Deps) {
  const repo = isolationRepo(dialect);
  const today = () => localDate(clock.now());
  const isUnique = (err: unknown) => /unique|duplicate/i.test(String((err as Error)?.message));

  async function currentRules(): Promise<RuleSet> {
    const r = await repo.latestRuleSet(db);
    return {
      version: r.version,
      rules: JSON.parse(r.rules) as RiskRule[],
      createdAt: r.createdAt,
      createdByName: r.createdByName,
    };
  }

  function toAssessment(r: AssessRow, withFacts: boolean): Assessment {
    return {
      id: r.id,
      personId: r.personId,
      personName: r.personName,
      regionCode: r.regionPath.split('/').filter(Boolean).pop() ?? '',
      riskLevel: r.riskLevel as RiskLevel,
      measure: r.measure as Measure,
      days: r.days,
      computed: {
        riskLevel: r.computedLevel as RiskLevel,
        measure: r.computedMeasure as Measure,
        days: r.computedDays,
        ruleName: r.computedRule,
      },
      overrideReason: r.overrideReason,
      ruleVersion: r.ruleVersion,
      assessedAt: r.assessedAt,
      assessedByName: r.assessedByName,
      isolationId: r.isolationId,
      facts: withFacts && r.factsEnc ? (JSON.parse(pii.decrypt(r.factsEnc)) as AssessmentFacts) : null,
    };
  }

  return {
    async rules(ctx: RequestContext): Promise<RuleSet> {
      requirePermission(ctx.actor, 'isolation.read');
      return currentRules();
    },
    async ruleVersions(ctx: RequestContext): Promise<RuleVersion[]> {
      requirePermission(ctx.actor, 'isolation.read');
      return (await repo.ruleSetHistory(db)).map((r) => ({
        version: r.version,
        createdAt: r.createdAt,
        createdByName: r.createdByName,
        ruleCount: (JSON.parse(r.rules) as unknown[]).length,
      }));
    },
    async ruleVersion(ctx: RequestContext, version: number): Promise<RuleSet> {
      requirePermission(ctx.actor, 'isolation.read');
      const r = await repo.ruleSetOf(db, version);
      if (!r) throw new AppError('common.not_found', 404);
      return {
        version: r.version,
        rules: JSON.parse(r.rules) as RiskRule[],
        createdAt: r.createdAt,
        createdByName: r.createdByName,
      };
    },
    /** Rules are never edited in place: each change is a new version, and assessments keep theirs. */
    async saveRules(ctx: RequestContext, rules: RiskRule[]): Promise<number> {
      const actor = requirePermission(ctx.actor, 'isolation.configure');
      try {
        return await db.transaction().execute(async (trx) => {
          const version = (await repo.latestRuleSet(trx)).version + 1;
          await repo.insertRuleSet(trx, {
            version,
            rules: JSON.stringify(rules),
            createdAt: clock.now().toISOString(),
            createdBy: actor.id,
            createdByName: actor.displayName,
          });
          await audit.record(trx, ctx, {
            action: 'isolation.rules_update',
            targetType: 'risk_rule_set',
            targetId: version,
            detail: { rules: rules.length },
          });
          return version;
        });
      } catch (err) {
        if (isUnique(err)) throw new AppError('common.conflict', 409);
        throw err;
      }
    },

    async assess(
      ctx: RequestContext,
      input: AssessmentInput,
    ): Promise<{ assessmentId: number; isolationId: number | null; outcome: Assessment }> {
      const actor = requirePermission(ctx.actor, 'isolation.manage');
      const person = await people.requireForService(ctx, 'isolation.manage', input.personId);
      const ruleSet = await currentRules();
      const facts: AssessmentFacts = {
        originRegion: input.originRegion,
        originRisk: input.originRisk,
        travelHistory: input.travelHistory,
        healthCode: input.healthCode,
        temperature: input.temperature,
        contact: input.contact,
      };
      const computed = assessRisk(ruleSet.rules, facts);
      const final = input.override
        ? { riskLevel: input.override.riskLevel, measure: input.override.measure, days: input.override.days }
        : computed;
      if (final.measure === 'centralised' && !input.site) {
        throw new AppError('common.validation_failed', 400, {}, [{ field: 'site', message: 'isolation.validation.site' }]);
      }
      const now = clock.now().toISOString();
      const start = today();
      try {
        const out = await db.transaction().execute(async (trx) => {
          const { id } = await repo.insertAssessment(trx, {
            personId: person.id,
            personName: person.name,
            regionPath: person.regionPath,
            factsEnc: pii.encrypt(JSON.stringify(facts)),
            ruleVersion: ruleSet.version,
            computedLevel: computed.riskLevel,
            computedMeasure: computed.measure,
            computedDays: computed.days,
            computedRule: computed.ruleName,
            riskLevel: final.riskLevel,
            measure: final.measure,
            days: final.days,
            overrideReason: input.override?.reason ?? null,
            assessedAt: now,
            assessedBy: actor.id,
            assessedByName: actor.displayName,
            isolationId: null,
            purgedAt: null,
          });
          const assessmentId = Number(id);
          await audit.record(trx, ctx, {
            action: 'isolation.assess',
            targetType: 'person',
            targetId: person.id,
            regionPath: person.regionPath,
            detail: {
              assessmentId,
              riskLevel: final.riskLevel,
              measure: final.measure,
              overridden: !!input.override,
              ruleVersion: ruleSet.version,
            },
          });
          let isolationId: number | null = null;
          if (final.measure !== 'none' && final.days > 0) {
            const iso = await repo.insertIsolation(trx, {
              personId: person.id,
              personName: person.name,
              idNumberMasked: person.idNumberMasked,
              assessmentId,
              kind: final.measure,
              site: final.measure === 'centralised' ? (input.site ?? null) : null,
              address: person.address,
              regionCode: person.regionCode,
              regionPath: person.regionPath,
              startDate: start,
              endDate: addDays(start, final.days - 1),
              status: 'active',
              checkinToken: crypto.randomBytes(18).toString('base64url'),
              responsibleUserId: actor.id,
              lastCheckinDate: null,
              checkinCount: 0,
              feverAlert: 0,
              missedAlertDate: null,
              createdAt: now,
              releasedAt: null,
              releasedBy: null,
              purgedAt: null,
            });
            isolationId = Number(iso.id);
            await repo.setAssessmentIsolation(trx, assessmentId, isolationId);
            await audit.record(trx, ctx, {
              action: 'isolation.start',
              targetType: 'isolation',
              targetId: isolationId,
              regionPath: person.regionPath,
              detail: { kind: final.measure, days: final.days },
            });
          }
          return { assessmentId, isolationId };
        });
        if (out.isolationId)
          events.publish({ type: 'isolation.started', regionPath: person.regionPath, data: { id: out.isolationId } });
        const row = (await repo.assessmentById(db, out.assessmentId))!;
        return { ...out, outcome: toAssessment(row, true) };
      } catch (err) {
        if (isUnique(err)) throw new AppError('isolation.already_active', 409);
        throw err;
      }
    },

    async assessments(
      ctx: RequestContext,
      q: { page: number; pageSize: number; personId?: number; riskLevel?: string },
    ): Promise<Page<Assessment>> {
      const actor = requirePermission(ctx.actor, 'isolation.read');
      const { total, rows } = await repo.assessments(
        db,
        scopeOf(actor, 'isolation.read'),
        q,
        (q.page - 1) * q.pageSize,
        q.pageSize,
      );
      return { items: rows.map((r) => toAssessment(r, false)), total, page: q.page, pageSize: q.pageSize };
    },
    async assessment(ctx: RequestContext, id: number): Promise<Assessment> {
      const actor = requirePermission(ctx.actor, 'isolation.read');
      const row = await repo.assessmentById(db, id);
      if (!row) throw new AppError('common.not_found', 404);
      requireInScope(scopeOf(actor, 'isolation.read'), row.regionPath);
      await audit.record(db, ctx, {
        action: 'isolation.assessment_view',
        targetType: 'person',
        targetId: row.personId,
        regionPath: row.regionPath,
        detail: { assessmentId: id },
      });
      return toAssessment(row, true);
    },
  };
}
