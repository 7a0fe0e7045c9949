import { CompiledQuery, type Compilable, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema';

type Db = Kysely<DB> | Transaction<DB>;

// a parameter slot is marked by a string no real value contains
const MARK = '\u0000fg-param\u0000';

interface Compiled {
  sql: string;
  /** For each parameter of the SQL: the name of the caller's parameter, or a constant of the query itself. */
  slots: ({ name: string } | { value: unknown })[];
}

/**
 * A query of fixed shape compiled once per dialect and then run with new values, for the few
 * statements on request paths that run thousands of times a second (session, scan, booking,
 * report, audit). Building and compiling a Kysely query costs more CPU than SQLite takes to run
 * one of these; a compiled query skips it and still goes through the dialect's driver and the
 * plugins' result transforms (snake_case → camelCase).
 *
 * `build` receives stand-ins for the parameters and must use each of them as a value as is
 * (no arithmetic, no lists whose length depends on the values): the shape of the SQL must not
 * depend on them.
 */
export function preparedQuery<P extends object, R>(build: (db: Kysely<DB>, p: P) => Compilable<R>) {
  const byAdapter = new WeakMap<object, Compiled>();

  function compile(db: Db): Compiled {
    const adapter = db.getExecutor().adapter;
    const hit = byAdapter.get(adapter);
    if (hit) return hit;
    const stand = new Proxy({} as P, { get: (_t, name) => MARK + String(name) });
    const q = build(db as Kysely<DB>, stand).compile();
    const slots = q.parameters.map((v) => (typeof v === 'string' && v.startsWith(MARK) ? { name: v.slice(MARK.length) } : { value: v }));
    const compiled = { sql: q.sql, slots };
    byAdapter.set(adapter, compiled);
    return compiled;
  }

  return async function run(db: Db, params: P): Promise<R[]> {
    const c = compile(db);
    const values = params as Record<string, unknown>;
    const parameters = c.slots.map((s) => ('name' in s ? (values[s.name] ?? null) : s.value));
    const result = await db.executeQuery<R>(CompiledQuery.raw(c.sql, parameters));
    return result.rows;
  };
}
