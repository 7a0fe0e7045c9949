import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
  CamelCasePlugin,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteDialect,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type KyselyPlugin,
} from 'kysely';

export type Dialect = 'sqlite' | 'postgres';
export interface Database {
  db: Kysely<any>;
  dialect: Dialect;
  /** Present on PostgreSQL: the pool, for LISTEN/NOTIFY clients. */
  pgPool: pg.Pool | null;
  close(): Promise<void>;
}

// COUNT(*) and bigint columns arrive as strings from pg; every figure we store fits a JS number.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

// one list for the real databases and the compile-only ones, so a snapshot of the SQL is the SQL that runs
const plugins = (): KyselyPlugin[] => [new CamelCasePlugin()];

export function openDatabase(url: string, opts: { onPoolError?(err: Error): void } = {}): Database {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // a larger page cache and memory-mapped reads: hot index pages stay in memory instead of costing a
    // read() each time a busy table's indexes outgrow the 2 MB default
    sqlite.pragma('cache_size = -65536');
    sqlite.pragma('mmap_size = 268435456');
    const db = new Kysely<any>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
      plugins: plugins(),
    });
    return { db, dialect: 'sqlite', pgPool: null, close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // a request waits at most this long for a connection, then fails (503) instead of hanging
    connectionTimeoutMillis: 5000,
    // no statement may hold a row lock, and every request waiting on it, for longer than this
    statement_timeout: 30_000,
    idle_in_transaction_session_timeout: 30_000,
  });
  // an idle client whose server went away (restart, failover: 57P01) emits 'error' on the pool; without
  // a listener Node ends the process. The pool drops that client and opens a new one on the next query.
  pool.on('error', (err) => opts.onPoolError?.(err));
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }), plugins: plugins() });
  return { db, dialect: 'postgres', pgPool: pool, close: () => db.destroy() };
}

/** A Kysely that compiles queries as the dialect's database would and runs none (they return no rows): for SQL snapshots. */
export function compileOnly(dialect: Dialect): Kysely<any> {
  const pgLike = dialect === 'postgres';
  return new Kysely<any>({
    dialect: {
      createAdapter: () => (pgLike ? new PostgresAdapter() : new SqliteAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => (pgLike ? new PostgresIntrospector(db) : new SqliteIntrospector(db)),
      createQueryCompiler: () => (pgLike ? new PostgresQueryCompiler() : new SqliteQueryCompiler()),
    },
    plugins: plugins(),
  });
}

/**
 * Kysely prepares every query afresh; on hot paths (bookings, scans) preparing costs as much as running.
 * Statements are kept by SQL text (a few hundred distinct ones in the app); a statement still iterating
 * (a stream) is never handed out twice.
 */
function withStatementCache(sqlite: SQLite.Database, max = 2000) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    prepare(sql: string) {
      const hit = cache.get(sql);
      if (hit && !hit.busy) return hit;
      const stmt = sqlite.prepare(sql);
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
      cache.set(sql, stmt);
      return stmt;
    },
    close: () => sqlite.close(),
  };
}
