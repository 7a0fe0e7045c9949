import { defineConfig } from 'vitest/config';

// Unit tests everywhere; the server's API suite once on SQLite and, when DATABASE_URL points
// at a PostgreSQL server, once more on PostgreSQL (a fresh database per test file).
const pg = process.env.DATABASE_URL?.startsWith('postgres');
const api = (name: string, db: string) => ({
  extends: true as const,
  test: {
    name,
    include: ['server/src/**/*.test.ts', 'server/test/**/*.test.ts'],
    exclude: ['**/*.unit.test.ts', '**/node_modules/**'],
    env: { FUGONG_TEST_DB: db },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'contract/src/**/*.test.ts',
            'server/src/**/*.unit.test.ts',
            'web/src/**/*.test.ts',
            'scripts/**/*.unit.test.ts',
          ],
        },
      },
      api('api-sqlite', 'sqlite'),
      ...(pg ? [api('api-postgres', 'postgres')] : []),
    ],
  },
});
