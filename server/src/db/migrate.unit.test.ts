import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { migrateToLatest } from './migrate';
import type { MigrationModule } from './migrate';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fugong-migrate-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const table = (name: string): MigrationModule => ({
  up: async (db: Kysely<any>) => {
    await db.schema
      .createTable(name)
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .execute();
  },
});

describe('migrations', () => {
  it('apply a module’s new migration even when it sorts before ones already applied', async () => {
    const database = openDatabase(`sqlite:${path.join(dir, 'm.db')}`);
    try {
      const first = { '0001_a': table('t_a'), '0200_b': table('t_b') };
      expect(await migrateToLatest(database.db, 'sqlite', first)).toEqual(['0001_a', '0200_b']);
      // later the 0100 module adds 0101 while 0200 is already in this database
      const later = { ...first, '0101_c': table('t_c'), '0201_d': table('t_d') };
      expect(await migrateToLatest(database.db, 'sqlite', later)).toEqual(['0101_c', '0201_d']);
      expect(await migrateToLatest(database.db, 'sqlite', later)).toEqual([]);
      const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name like 't_%'`.execute(
        database.db,
      );
      expect(tables.rows.map((r) => r.name).sort()).toEqual(['t_a', 't_b', 't_c', 't_d']);
    } finally {
      await database.close();
    }
  });
});
