import type { CheckpointKind, PassClass, PassRule, PassScopeLevel, PersonCategory, Role } from '@fugong/contract';
import type { Actor } from '../../platform/permissions';
import type { ModuleDb } from '../../platform/module';
import { passesRepo } from './passes.repo';
import type { PassesTables } from './passes.tables';

const RULES_CACHE_MS = 10_000;

/** The pass rules, read on every scan and changed rarely: each node keeps them for a few seconds. */
export function passRuleBook(db: ModuleDb<PassesTables>) {
  const repo = passesRepo();
  let cache: { at: number; rules: Map<PassClass, PassRule> } | null = null;

  async function all(): Promise<Map<PassClass, PassRule>> {
    if (cache && Date.now() - cache.at < RULES_CACHE_MS) return cache.rules;
    const rows = await repo.rules(db);
    const map = new Map<PassClass, PassRule>(
      rows.map((r) => [
        r.passClass as PassClass,
        {
          passClass: r.passClass as PassClass,
          category: r.category as PersonCategory,
          validityDays: r.validityDays,
          scopeLevel: r.scopeLevel as PassScopeLevel,
          checkpointKinds: JSON.parse(r.checkpointKinds) as CheckpointKind[],
          issuerRoles: JSON.parse(r.issuerRoles) as Role[],
          updatedAt: r.updatedAt,
        },
      ]),
    );
    cache = { at: Date.now(), rules: map };
    return map;
  }
  return {
    all,
    async of(c: PassClass): Promise<PassRule> {
      return (await all()).get(c)!;
    },
    /** After a rule change on this node. */
    forget() {
      cache = null;
    },
  };
}

/** Whether the actor holds, over this residence, a role the class's rule lets issue. */
export function mayIssue(actor: Actor, rule: PassRule, regionPath: string): boolean {
  return actor.grants.some(
    (g) => g.role === 'admin' || (rule.issuerRoles.includes(g.role) && !!g.regionPath && regionPath.startsWith(g.regionPath)),
  );
}
