import { Migrator, type Kysely, type MigrationProvider, type Migration } from 'kysely';
import type { Dialect } from './database';

export interface MigrationModule {
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
}

class StaticProvider implements MigrationProvider {
  constructor(
    private dialect: Dialect,
    private migrations: Record<string, MigrationModule>,
  ) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, m] of Object.entries(this.migrations)) {
      out[name] = { up: (db) => m.up(db, this.dialect) };
    }
    return out;
  }
}

/** Applies the pending migrations of the list (the platform's and every module's); returns the names applied. */
export async function migrateToLatest(
  db: Kysely<any>,
  dialect: Dialect,
  migrations: Record<string, MigrationModule>,
): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: new StaticProvider(dialect, migrations),
    migrationTableName: 'kysely_migration',
    migrationLockTableName: 'kysely_migration_lock',
    // numbers are per-module ranges, so a module's new migration (0101) may sort before one already
    // applied (0200); modules touch only their own tables, so pending ones run whatever their place
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
