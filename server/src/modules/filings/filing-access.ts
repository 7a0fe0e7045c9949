import type { Permission } from '@fugong/contract';
import { sql, type SqlBool } from 'kysely';
import { permissionsOf, type Department } from '@fugong/contract';
import type { Actor } from '../../platform/permissions';
import { pathPrefix } from '../../db/sql-helpers';
import type { FilingWhere } from './filings.repo';

/**
 * Where an actor may act on filings for one permission. A town officer covers a subtree; a
 * department officer covers its own categories (the filing's department) within its subtree;
 * an enterprise user covers its own entities.
 */
export interface FilingAccess {
  all: boolean;
  clauses: { path: string; department: Department | null }[];
  entityIds: number[];
}

export function filingAccess(actor: Actor, perm: Permission): FilingAccess {
  const a: FilingAccess = { all: false, clauses: [], entityIds: [] };
  for (const g of actor.grants) {
    if (!permissionsOf([g.role]).has(perm)) continue;
    if (g.role === 'admin') a.all = true;
    else if (g.regionPath) a.clauses.push({ path: g.regionPath, department: g.role === 'department' ? g.department : null });
    if (g.entityId) a.entityIds.push(g.entityId);
  }
  return a;
}

export function isEmpty(a: FilingAccess): boolean {
  return !a.all && a.clauses.length === 0 && a.entityIds.length === 0;
}

export function accessWhere(a: FilingAccess, table = 'filing'): FilingWhere {
  return (eb) => {
    if (a.all) return sql<SqlBool>`1 = 1`;
    const ors = a.clauses.map((c) =>
      c.department
        ? sql<SqlBool>`(${sql.ref(`${table}.region_path`)} like ${pathPrefix(c.path)} escape '\\' and ${sql.ref(`${table}.department`)} = ${c.department})`
        : sql<SqlBool>`${sql.ref(`${table}.region_path`)} like ${pathPrefix(c.path)} escape '\\'`,
    );
    if (a.entityIds.length) ors.push(sql<SqlBool>`${sql.ref(`${table}.entity_id`)} in (${sql.join(a.entityIds)})`);
    return ors.length ? eb.or(ors) : sql<SqlBool>`1 = 0`;
  };
}

export function canAccess(a: FilingAccess, f: { regionPath: string; department: string | null; entityId: number }): boolean {
  if (a.all || a.entityIds.includes(f.entityId)) return true;
  return a.clauses.some((c) => f.regionPath.startsWith(c.path) && (!c.department || c.department === f.department));
}
