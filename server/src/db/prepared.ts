import { CompiledQuery, type Compilable, type Kysely, type Transaction } from 'kysely';

type Db = Kysely<any> | Transaction<any>;

// a parameter slot is marked by a string no real value contains
const MARK = '\u0000fg-param\u0000';

interface Compiled {
  sql: string;
  /** For each parameter of the SQL: the name of the caller's parameter, or a constant of the query itself. */
  slots: ({ name: string } | { value: unknown })[];
}

/** A prepared statement as one dialect compiles it, for a review to read (see `compileAllPrepared`). */
export interface PreparedSql {
  name: string;
  sql: string;
  /** What each parameter of the SQL is bound to: `:name` a caller's value, `r1.column` a row's, else a constant. */
  parameters: string[];
}

// every statement defined, by name, so a test can compile each of them without a hand-kept list
const registry = new Map<string, (db: Kysely<any>) => PreparedSql>();

function register(name: string, show: (db: Kysely<any>) => PreparedSql): void {
  if (registry.has(name)) throw new Error(`prepared statement "${name}" is defined twice`);
  registry.set(name, show);
}

/** Every prepared statement defined so far (in the modules imported so far), compiled for the dialect of `db`, by name. */
export function compileAllPrepared(db: Kysely<any>): PreparedSql[] {
  return [...registry.keys()].sort().map((name) => registry.get(name)!(db));
}

/** The error for a stand-in the query did not bind as a value as is: the caller's value would never reach the SQL. */
function unbindable(statement: string, read: ReadonlySet<string>, where: string, how: string): Error {
  // names may be prefixes of one another (id, idHash): the longest one present is the one used
  const names = [...read].filter((n) => where.includes(MARK + n)).sort((a, b) => b.length - a.length);
  const param = names[0] ?? '?';
  return new Error(
    `preparedQuery "${statement}": cannot bind parameter "${param}": the query ${how}; ` +
      'use each parameter as a value as is and compute derived values before calling',
  );
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
 * depend on them. A stand-in used otherwise (inside a string, written into the SQL text) throws
 * when the query is first compiled. `name` (`module.statement`) is unique: it names the statement
 * in errors and in the SQL snapshot test.
 */
/** `build` names the tables it may use by annotating `db` (`(db: Kysely<OwnTables>, p: …) => …`). */
export function preparedQuery<P extends object, R, T>(name: string, build: (db: Kysely<T>, p: P) => Compilable<R>) {
  const byAdapter = new WeakMap<object, Compiled>();

  function compile(db: Db): Compiled {
    const adapter = db.getExecutor().adapter;
    const hit = byAdapter.get(adapter);
    if (hit) return hit;
    const read = new Set<string>();
    const stand = new Proxy({} as P, {
      get: (_t, key) => {
        read.add(String(key));
        return MARK + String(key);
      },
    });
    const q = build(db as Kysely<T>, stand).compile();
    if (q.sql.includes(MARK)) throw unbindable(name, read, q.sql, 'writes it into the SQL text instead of binding it');
    const slots = q.parameters.map((v) => {
      if (typeof v !== 'string' || !v.includes(MARK)) return { value: v };
      const param = v.slice(MARK.length);
      if (v.startsWith(MARK) && read.has(param)) return { name: param };
      throw unbindable(name, read, v, `binds a value made from it (${JSON.stringify(v.replaceAll(MARK, '$'))})`);
    });
    const compiled = { sql: q.sql, slots };
    byAdapter.set(adapter, compiled);
    return compiled;
  }

  register(name, (db) => {
    const c = compile(db);
    return {
      name,
      sql: c.sql,
      parameters: c.slots.map((s) => ('name' in s ? `:${s.name}` : JSON.stringify(s.value))),
    };
  });

  return async function run(db: Db, params: P): Promise<R[]> {
    const c = compile(db);
    const values = params as Record<string, unknown>;
    // an absent value (an optional field left out) is bound as null
    const parameters = c.slots.map((s) => ('name' in s ? (values[s.name] ?? null) : s.value));
    const result = await db.executeQuery<R>(CompiledQuery.raw(c.sql, parameters));
    return result.rows;
  };
}

/** Longest multi-row statement: bounds the parameters (SQLite 32,766, PostgreSQL 65,535) and the compiled variants. */
const MAX_ROWS = 100;

/**
 * A multi-row INSERT of fixed columns (optionally with a fixed ON CONFLICT clause that names no
 * values), compiled once per dialect and row count; rows are given as arrays in column order.
 * For the writes a group commit gathers from a whole batch: one statement instead of one per unit.
 * More than MAX_ROWS rows run as several statements. `name` as for `preparedQuery`.
 */
export function preparedRows<R, T>(
  name: string,
  build: (db: Kysely<T>, rows: Record<string, unknown>[]) => Compilable<R>,
  columns: readonly string[],
) {
  const byAdapter = new WeakMap<object, Map<number, { sql: string; slots: number[] }>>();

  function compile(db: Db, n: number) {
    const adapter = db.getExecutor().adapter;
    let sizes = byAdapter.get(adapter);
    if (!sizes) byAdapter.set(adapter, (sizes = new Map()));
    const hit = sizes.get(n);
    if (hit) return hit;
    const stand = Array.from({ length: n }, (_, i) =>
      Object.fromEntries(columns.map((c, j) => [c, `${MARK}${i * columns.length + j}`])),
    );
    const q = build(db as Kysely<T>, stand).compile();
    const slots = q.parameters.map((v) => {
      if (typeof v !== 'string' || !v.startsWith(MARK))
        throw new Error(`preparedRows "${name}": the statement may only hold the rows’ values as parameters`);
      return Number(v.slice(MARK.length));
    });
    const compiled = { sql: q.sql, slots };
    sizes.set(n, compiled);
    return compiled;
  }

  // two rows show how the statement repeats per row
  register(name, (db) => {
    const c = compile(db, 2);
    const width = columns.length;
    return { name, sql: c.sql, parameters: c.slots.map((s) => `r${Math.floor(s / width) + 1}.${columns[s % width]}`) };
  });

  return async function run(db: Db, rows: readonly (readonly unknown[])[]): Promise<R[]> {
    const out: R[] = [];
    for (let i = 0; i < rows.length; i += MAX_ROWS) {
      const part = rows.slice(i, i + MAX_ROWS);
      const c = compile(db, part.length);
      const width = columns.length;
      const parameters = c.slots.map((s) => part[Math.floor(s / width)]![s % width] ?? null);
      const result = await db.executeQuery<R>(CompiledQuery.raw(c.sql, parameters));
      for (const r of result.rows) out.push(r);
    }
    return out;
  };
}
