import { sql, type SqlBool } from 'kysely';
import type { Department, Permission } from '@fugong/contract';
import { pathPrefix } from '../../db/sql-helpers';
import { permissionsOf } from '@fugong/contract';
import type { Actor } from '../../platform/permissions';

/**
 * Who may act on an application or a ledger row. Region readers see what lies in their subtree;
 * a department officer reviews and pays only its own department's measures (in its subtree when
 * the grant has one); an enterprise sees its own entities' records.
 */
export interface RecordRef {
  regionPath: string;
  department: string;
  entityId: number;
}

const grantsFor = (actor: Actor, perm: Permission) => actor.grants.filter((g) => permissionsOf([g.role]).has(perm));

export function mayAct(actor: Actor | null, perm: Permission, r: RecordRef): boolean {
  if (!actor || !actor.permissions.has(perm)) return false;
  return grantsFor(actor, perm).some((g) => {
    if (g.role === 'admin') return true;
    if (g.role === 'enterprise') return g.entityId === r.entityId;
    if (g.department) return g.department === r.department && (!g.regionPath || r.regionPath.startsWith(g.regionPath));
    return !!g.regionPath && r.regionPath.startsWith(g.regionPath);
  });
}

/** The same rule as SQL over a table's region path, department and entity columns; `1 = 0` when nothing. */
export function actWhere(actor: Actor, perms: readonly Permission[], cols: { path: string; department: string; entity: string }) {
  const ors = [];
  for (const perm of perms) {
    if (!actor.permissions.has(perm)) continue;
    for (const g of grantsFor(actor, perm)) {
      if (g.role === 'admin') return sql<SqlBool>`1 = 1`;
      const under = g.regionPath ? sql<SqlBool>`${sql.ref(cols.path)} like ${pathPrefix(g.regionPath)} escape '\\'` : null;
      if (g.role === 'enterprise' && g.entityId) ors.push(sql<SqlBool>`${sql.ref(cols.entity)} = ${g.entityId}`);
      else if (g.department) {
        const dep = sql<SqlBool>`${sql.ref(cols.department)} = ${g.department}`;
        ors.push(under ? sql<SqlBool>`(${dep} and ${under})` : dep);
      } else if (under) ors.push(under);
    }
  }
  if (ors.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${sql.join(ors, sql` or `)})`;
}

/** The entities an enterprise user speaks for. */
export const ownEntities = (actor: Actor): number[] =>
  grantsFor(actor, 'policies.apply')
    .map((g) => g.entityId)
    .filter((x): x is number => x != null);

export const departmentsOf = (actor: Actor, perm: Permission): Department[] | 'all' => {
  const gs = grantsFor(actor, perm);
  if (gs.some((g) => g.role === 'admin')) return 'all';
  return gs.map((g) => g.department).filter((d): d is Department => d != null);
};
