import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/**
 * `npm run fugong -- …` is `tsx server/src/cli/index.ts …`; run it against this test's database.
 * Each run that opens the database loads the whole server (~3 s of CPU), so the cases share runs.
 */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: t.core.config.databaseUrl,
    DATA_DIR: t.core.config.dataDir,
    FUGONG_SECRET_KEY: t.core.config.secretKeyHex!,
  };
  return new Promise((resolve) => {
    execFile(
      path.join(root, 'node_modules/.bin/tsx'),
      ['server/src/cli/index.ts', ...args],
      { cwd: root, env, timeout: 100_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('the fugong CLI', () => {
  it('migrate, unknown commands and bad user:create arguments', async () => {
    const [migrate, unknown, missing, noRegion] = await Promise.all([
      cli('migrate'),
      cli('frobnicate'),
      cli('user:create', '--username', 'x'),
      cli('user:create', '--username', 'cli.town', '--password', 'Cli12345', '--role', 'town'),
    ]);
    expect(migrate).toMatchObject({ code: 0 });
    expect(migrate.stdout).toMatch(/database is at the latest migration \((sqlite|postgres)\)/);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/unknown command frobnicate/);
    expect(unknown.stderr).toMatch(/Usage:/);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/needs --username, --password and --role/);
    // the same grant rules as the admin API
    expect(noRegion.code).toBe(1);
    expect(noRegion.stderr).toMatch(/regionCode: This role needs a region/);
    expect(await t.services.users.count()).toBe(1);
  }, 120_000);

  it('user:create makes a user who can sign in with the given role and region', async () => {
    const res = await cli(
      'user:create',
      '--username',
      'cli.town',
      '--password',
      'Cli12345',
      '--role',
      'town',
      '--region',
      t.regions.townA,
      '--name',
      '命令行镇',
    );
    expect(res.stderr).toBe('');
    expect(res).toMatchObject({ code: 0 });
    expect(res.stdout).toMatch(/created user cli\.town \(id \d+, role town\)/);
    const user = await t.login('cli.town', 'Cli12345');
    const me = (await user.get('/api/auth/me')).json();
    expect(me).toMatchObject({
      username: 'cli.town',
      displayName: '命令行镇',
      mustChangePassword: false,
      grants: [expect.objectContaining({ role: 'town', regionCode: t.regions.townA })],
    });
  }, 120_000);
});
