import type { PassClass, PassRule, PassStatus, Scan, ScanDirection, VerifyBody, VerifyResult } from '@fugong/contract';
import { localDate, type Clock } from '../../platform/clock';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { createGroupCommit } from '../../platform/group-commit';
import type { ModuleDb } from '../../platform/module';
import { requireInScope, requirePermission, scopeOf } from '../../platform/permissions';
import { maskName } from '../../platform/pii';
import type { PeopleService } from '../people/people.service';
import type { CheckpointsService } from './checkpoints.service';
import { refusalOf } from './pass-rules';
import { passesRepo } from './passes.repo';
import type { PassesTables } from './passes.tables';

interface Deps {
  db: ModuleDb<PassesTables>;
  clock: Clock;
  people: PeopleService;
  checkpoints: CheckpointsService;
  rules: () => Promise<Map<PassClass, PassRule>>;
}

/** The checkpoint side of passes: the scan (a hot path) and the scan log. */
export function createPassScan({ db, clock, people, checkpoints, rules }: Deps) {
  const repo = passesRepo();
  const today = () => localDate(clock.now());
  // scans arrive in bursts at a gate: one commit for the scans that arrive together
  const scanCommits = createGroupCommit(db);
  return {
    /**
     * The checkpoint scan: find the pass (by token, or by ID number through its keyed hash), decide,
     * and log the scan — one row per scan, whatever the outcome.
     */
    async verify(ctx: RequestContext, body: VerifyBody): Promise<VerifyResult> {
      const actor = requirePermission(ctx.actor, 'passes.verify');
      const cp = await checkpoints.facts(body.checkpointId);
      if (!cp) throw new AppError('common.not_found', 404);
      requireInScope(scopeOf(actor, 'passes.verify'), cp.regionPath);
      if (!cp.active) throw new AppError('passes.checkpoint_inactive', 409);
      const t = today();
      const all = await rules();
      let pass: {
        id: number;
        status: string;
        passClass: string;
        validFrom: string;
        validUntil: string;
        scopePath: string;
        personName: string;
        idNumberMasked: string;
      } | null = null;
      let reason: VerifyResult['reason'] = 'not_found';
      const decide = (p: NonNullable<typeof pass>) =>
        refusalOf(
          { ...p, status: p.status as PassStatus, passClass: p.passClass as PassClass },
          cp,
          all.get(p.passClass as PassClass)?.checkpointKinds ?? [],
          t,
        );
      if (body.token) {
        pass = (await repo.byToken(db, body.token)) ?? null;
        if (pass) reason = decide(pass);
      } else {
        const personId = await people.idOfNumber(body.idNumber!);
        // a person may hold several passes: the first that opens this checkpoint wins, else the newest explains why not
        for (const p of personId ? await repo.ofPerson(db, personId) : []) {
          const r = decide(p);
          if (!pass || r === null) {
            pass = p;
            reason = r;
          }
          if (r === null) break;
        }
      }
      const now = clock.now();
      const { id: scanId } = await scanCommits.run((trx) =>
        repo.insertScan(trx, {
          at: now.toISOString(),
          date: t,
          checkpointId: cp.id,
          regionPath: cp.regionPath,
          direction: body.direction as ScanDirection,
          valid: reason === null ? 1 : 0,
          reason,
          passId: pass?.id ?? null,
          actorId: actor.id,
        }),
      );
      return {
        valid: reason === null,
        reason,
        scanId: Number(scanId),
        pass: pass
          ? {
              id: pass.id,
              passClass: pass.passClass as PassClass,
              personName: maskName(pass.personName),
              idNumberMasked: pass.idNumberMasked,
              validUntil: pass.validUntil,
            }
          : null,
      };
    },

    async recentScans(ctx: RequestContext, checkpointId: number, limit: number): Promise<Scan[]> {
      await checkpoints.get(ctx, checkpointId);
      const rows = await repo.recentScans(db, checkpointId, limit);
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        checkpointId: r.checkpointId,
        direction: r.direction as ScanDirection,
        valid: !!r.valid,
        reason: r.reason,
        passClass: (r.passClass as PassClass | null) ?? null,
        personName: r.personName ? maskName(r.personName) : null,
      }));
    },
  };
}
