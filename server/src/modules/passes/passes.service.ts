import type { Permission } from '@fugong/contract';
import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Page, Pass, PassClass, PassListQuery, PassRule, PassStatus } from '@fugong/contract';
import { addDays, localDate, type Clock } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { EventBus } from '../../platform/events';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { can, inRegionScope, requireInScope, requirePermission, scopeOf, type Actor } from '../../platform/permissions';
import type { RegionsService } from '../regions/regions.service';
import type { PeopleService, PersonSummary } from '../people/people.service';
import type { CheckpointsService } from './checkpoints.service';
import { passesRepo } from './passes.repo';
import { own, type ModuleDb, type Tx } from '../../platform/module';
import type { PassesTables, PassTable } from './passes.tables';
import { canPass, nextPassStatus, type PassAction } from './pass-states';
import { scopePathOf } from './pass-rules';
import { mayIssue, passRuleBook } from './pass-rule-book';
import { createPassScan } from './pass-scan';
import { passesExport } from './passes-export';

interface Deps {
  db: ModuleDb<PassesTables>;
  clock: Clock;
  audit: Audit;
  events: EventBus;
  regions: RegionsService;
  people: PeopleService;
  checkpoints: CheckpointsService;
}

type Row = Selectable<PassTable>;

export const newPassToken = () => crypto.randomBytes(18).toString('base64url');

export function createPassesService(deps: Deps) {
  const { db, clock, audit, events, regions, people, checkpoints } = deps;
  const repo = passesRepo();
  const book = passRuleBook(db);
  const rules = book.all;
  const ruleOf = book.of;
  const scan = createPassScan({ db, clock, people, checkpoints, rules });

  const today = () => localDate(clock.now());

  async function toPasses(actor: Actor, rows: Row[], withToken: boolean): Promise<Pass[]> {
    const names = await regions.namesOf(rows.map((r) => r.scopeCode));
    const revokeScope = scopeOf(actor, 'passes.revoke');
    const issueScope = scopeOf(actor, 'passes.issue');
    const t = today();
    const all = await rules();
    return rows.map((r) => {
      const status = r.status as PassStatus;
      const issuer =
        can(actor, 'passes.issue') &&
        inRegionScope(issueScope, r.regionPath) &&
        mayIssue(actor, all.get(r.passClass as PassClass)!, r.regionPath);
      return {
        id: r.id,
        personId: r.personId,
        personName: r.personName,
        idNumberMasked: r.idNumberMasked,
        passClass: r.passClass as PassClass,
        status,
        expired: status === 'active' && r.validUntil < t,
        validFrom: r.validFrom,
        validUntil: r.validUntil,
        scopeCode: r.scopeCode,
        scopeName: names.get(r.scopeCode) ?? null,
        employerEntityId: r.employerEntityId,
        issuedAt: r.issuedAt,
        issuedByName: r.issuedByName,
        revokedAt: r.revokedAt,
        revokeReason: r.revokeReason,
        token: withToken && issuer ? r.token : null,
        abilities: {
          renew: issuer && canPass(status, 'renew'),
          revoke: can(actor, 'passes.revoke') && inRegionScope(revokeScope, r.regionPath) && canPass(status, 'revoke'),
          rotate: issuer && canPass(status, 'rotate'),
        },
      };
    });
  }

  async function newPassRow(actor: Actor, person: PersonSummary, rule: PassRule, validFrom: string) {
    const scopePath = scopePathOf(person.regionPath, rule.scopeLevel);
    return {
      personId: person.id,
      passClass: rule.passClass,
      status: 'active',
      token: newPassToken(),
      validFrom,
      validUntil: addDays(validFrom, rule.validityDays - 1),
      scopeCode: scopePath.split('/').filter(Boolean).pop()!,
      scopePath,
      regionPath: person.regionPath,
      employerEntityId: person.employerEntityId,
      personName: person.name,
      idNumberMasked: person.idNumberMasked,
      issuedAt: clock.now().toISOString(),
      issuedBy: actor.id,
      issuedByName: actor.displayName,
      renewedAt: null,
      revokedAt: null,
      revokedBy: null,
      revokeReason: null,
      tokenRotatedAt: null,
    };
  }

  function checkIssuable(actor: Actor, person: PersonSummary, rule: PassRule) {
    if (person.category !== rule.category)
      throw new AppError('passes.class_mismatch', 409, { passClass: rule.passClass, category: rule.category });
    if (!mayIssue(actor, rule, person.regionPath)) throw new AppError('passes.not_issuer', 403, { passClass: rule.passClass });
  }

  const isUnique = (err: unknown) => /unique|duplicate/i.test(String((err as Error)?.message));

  async function loadFor(ctx: RequestContext, perm: Permission, id: number) {
    const actor = requirePermission(ctx.actor, perm);
    const row = await repo.byId(db, id);
    if (!row) throw new AppError('common.not_found', 404);
    requireInScope(scopeOf(actor, perm), row.regionPath);
    return { actor, row };
  }

  /** One state change of one pass: conditional on the state read, audited, announced after commit. */
  async function transition(
    ctx: RequestContext,
    perm: Permission,
    id: number,
    action: PassAction,
    set: (row: Row, actor: Actor) => Partial<Row>,
    detail?: unknown,
  ) {
    const { actor, row } = await loadFor(ctx, perm, id);
    if (action !== 'revoke') {
      const rule = await ruleOf(row.passClass as PassClass);
      if (!mayIssue(actor, rule, row.regionPath)) throw new AppError('passes.not_issuer', 403, { passClass: row.passClass });
    }
    const to = nextPassStatus(row.status as PassStatus, action);
    await db.transaction().execute(async (trx) => {
      const r = await repo.updateIf(trx, id, row.status, { ...set(row, actor), status: to });
      if (Number(r.numUpdatedRows) !== 1) throw new AppError('common.conflict', 409);
      await audit.record(trx, ctx, {
        action: `passes.${action}`,
        targetType: 'pass',
        targetId: id,
        regionPath: row.regionPath,
        detail,
      });
    });
    events.publish({ type: `passes.${action}`, regionPath: row.regionPath, data: { id, passClass: row.passClass } });
  }

  return {
    async listRules(ctx: RequestContext): Promise<PassRule[]> {
      requirePermission(ctx.actor, 'passes.read');
      return [...(await rules()).values()];
    },
    async updateRule(
      ctx: RequestContext,
      passClass: PassClass,
      input: Omit<PassRule, 'passClass' | 'updatedAt' | 'category'>,
    ): Promise<void> {
      const actor = requirePermission(ctx.actor, 'passes.configure');
      await db.transaction().execute(async (trx) => {
        await repo.updateRule(trx, passClass, {
          validityDays: input.validityDays,
          scopeLevel: input.scopeLevel,
          checkpointKinds: JSON.stringify(input.checkpointKinds),
          issuerRoles: JSON.stringify(input.issuerRoles),
          updatedAt: clock.now().toISOString(),
          updatedBy: actor.id,
        });
        await audit.record(trx, ctx, {
          action: 'passes.rule_update',
          targetType: 'pass_rule',
          targetId: passClass,
          detail: input,
        });
      });
      book.forget();
    },

    async list(ctx: RequestContext, q: PassListQuery): Promise<Page<Pass>> {
      const actor = requirePermission(ctx.actor, 'passes.read');
      const under = q.regionCode ? (await regions.resolve(q.regionCode)).path : undefined;
      const { total, rows } = await repo.page(
        db,
        scopeOf(actor, 'passes.read'),
        {
          passClass: q.passClass,
          status: q.status,
          today: today(),
          personId: q.personId,
          employerEntityId: q.employerEntityId,
          underPath: under,
        },
        (q.page - 1) * q.pageSize,
        q.pageSize,
      );
      return { items: await toPasses(actor, rows, false), total, page: q.page, pageSize: q.pageSize };
    },
    /** The filtered passes as .xlsx (masked ID numbers, no QR tokens); the export is audited. */
    async exportXlsx(ctx: RequestContext, q: Omit<PassListQuery, 'page' | 'pageSize'>): Promise<Buffer> {
      const actor = requirePermission(ctx.actor, 'passes.read');
      const under = q.regionCode ? (await regions.resolve(q.regionCode)).path : undefined;
      const t = today();
      const rows = await repo.list(
        db,
        scopeOf(actor, 'passes.read'),
        {
          passClass: q.passClass,
          status: q.status,
          today: t,
          personId: q.personId,
          employerEntityId: q.employerEntityId,
          underPath: under,
        },
        50_000,
      );
      await audit.record(db, ctx, { action: 'passes.export', targetType: 'pass', detail: { filter: q, rows: rows.length } });
      const names = await regions.namesOf(rows.map((r) => r.scopeCode));
      return passesExport(
        ctx.locale,
        rows.map((r) => ({
          ...r,
          passClass: r.passClass as PassClass,
          state: r.status === 'revoked' ? 'revoked' : r.validUntil < t ? 'expired' : 'active',
          scopeName: names.get(r.scopeCode) ?? r.scopeCode,
        })),
      );
    },
    async get(ctx: RequestContext, id: number): Promise<Pass> {
      const { actor, row } = await loadFor(ctx, 'passes.read', id);
      return (await toPasses(actor, [row], true))[0]!;
    },

    async issue(ctx: RequestContext, input: { personId: number; passClass: PassClass; validFrom?: string }): Promise<number> {
      const actor = requirePermission(ctx.actor, 'passes.issue');
      const person = await people.requireForService(ctx, 'passes.issue', input.personId);
      const rule = await ruleOf(input.passClass);
      checkIssuable(actor, person, rule);
      const row = await newPassRow(actor, person, rule, input.validFrom ?? today());
      try {
        const id = await db.transaction().execute(async (trx) => {
          const { id } = await repo.insert(trx, row);
          await audit.record(trx, ctx, {
            action: 'passes.issue',
            targetType: 'pass',
            targetId: Number(id),
            regionPath: person.regionPath,
            detail: { personId: person.id, passClass: rule.passClass, validUntil: row.validUntil },
          });
          return Number(id);
        });
        events.publish({ type: 'passes.issued', regionPath: person.regionPath, data: { id, passClass: rule.passClass } });
        return id;
      } catch (err) {
        if (isUnique(err)) throw new AppError('passes.already_active', 409, { passClass: rule.passClass });
        throw err;
      }
    },

    /** Every eligible employee of one employer without a live pass of the class gets one, in one transaction. */
    async bulkIssue(ctx: RequestContext, input: { employerEntityId: number; passClass: PassClass; validFrom?: string }) {
      const actor = requirePermission(ctx.actor, 'passes.issue');
      const rule = await ruleOf(input.passClass);
      const staff = (await people.employerStaff(ctx, 'passes.issue', input.employerEntityId)).filter(
        (p) => p.category === rule.category && mayIssue(actor, rule, p.regionPath),
      );
      const holders = new Set(
        (
          await repo.activeClassHolders(
            db,
            staff.map((p) => p.id),
            rule.passClass,
          )
        ).map((h) => h.personId),
      );
      const todo = staff.filter((p) => !holders.has(p.id));
      const validFrom = input.validFrom ?? today();
      try {
        const passIds = await db.transaction().execute(async (trx) => {
          const ids: number[] = [];
          for (const p of todo) ids.push(Number((await repo.insert(trx, await newPassRow(actor, p, rule, validFrom))).id));
          await audit.record(trx, ctx, {
            action: 'passes.bulk_issue',
            targetType: 'entity',
            targetId: input.employerEntityId,
            detail: { passClass: rule.passClass, passIds: ids },
          });
          return ids;
        });
        events.publish({
          type: 'passes.bulk_issued',
          regionPath: null,
          data: { employerEntityId: input.employerEntityId, count: passIds.length },
        });
        return { issued: passIds.length, skipped: staff.length - todo.length, passIds };
      } catch (err) {
        // someone issued to one of them meanwhile: nothing was written, the caller retries
        if (isUnique(err)) throw new AppError('common.conflict', 409);
        throw err;
      }
    },

    async renew(ctx: RequestContext, id: number): Promise<void> {
      const { row } = await loadFor(ctx, 'passes.issue', id);
      const rule = await ruleOf(row.passClass as PassClass);
      const from = today();
      const until = addDays(from, rule.validityDays - 1);
      await transition(
        ctx,
        'passes.issue',
        id,
        'renew',
        () => ({ validFrom: from, validUntil: until, renewedAt: clock.now().toISOString() }),
        { validUntil: until },
      );
    },
    revoke(ctx: RequestContext, id: number, reason: string) {
      return transition(
        ctx,
        'passes.revoke',
        id,
        'revoke',
        (_row, actor) => ({ revokedAt: clock.now().toISOString(), revokedBy: actor.id, revokeReason: reason }),
        { reason },
      );
    },
    /** A new token: the old QR stops working at once (a photographed pass is worthless). */
    rotate(ctx: RequestContext, id: number) {
      return transition(ctx, 'passes.issue', id, 'rotate', () => ({
        token: newPassToken(),
        tokenRotatedAt: clock.now().toISOString(),
      }));
    },

    ...scan,

    // ---- for other modules ----
    async passesOfPerson(personId: number) {
      const t = today();
      return (await repo.ofPerson(db, personId)).map((r) => ({
        passClass: r.passClass as PassClass,
        status: r.status as PassStatus,
        expired: r.status === 'active' && r.validUntil < t,
        validFrom: r.validFrom,
        validUntil: r.validUntil,
        token: r.token,
      }));
    },
    async tokenExists(token: string): Promise<boolean> {
      return !!(await repo.byToken(db, token));
    },
    /** Retention: scans older than `before` become anonymous daily counts. */
    purgeScansBefore(trx: Tx, before: string): Promise<number> {
      return repo.aggregateAndPurgeScans(own<PassesTables>(trx), before);
    },
  };
}
export type PassesService = ReturnType<typeof createPassesService>;
