import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';

const configError = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  throw new Error('no ConfigError');
};

describe('config', () => {
  it('defaults to SQLite under data/ on port 3000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      dialect: 'sqlite',
      dataDir: path.resolve('data'),
      demoOnEmpty: true,
      secretKeyHex: null,
    });
    expect(c.databaseUrl).toBe(`sqlite:${path.resolve('data', 'fugong.db')}`);
  });

  it('chooses PostgreSQL from DATABASE_URL and reads the other variables', () => {
    const key = 'ab'.repeat(32);
    const c = loadConfig({
      DATABASE_URL: 'postgres://u@h/db',
      PORT: '8080',
      DATA_DIR: '/tmp/fg',
      FUGONG_SECRET_KEY: key,
      SESSION_HOURS: '2',
      TRUST_PROXY: 'true',
    });
    expect(c).toMatchObject({
      dialect: 'postgres',
      port: 8080,
      dataDir: '/tmp/fg',
      secretKeyHex: key,
      sessionHours: 2,
      trustProxy: true,
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '3000.5' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/db' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'fugong.db' }, 'DATABASE_URL'],
    [{ FUGONG_SECRET_KEY: 'short' }, 'FUGONG_SECRET_KEY'],
    [{ FUGONG_SECRET_KEY: 'zz'.repeat(32) }, 'FUGONG_SECRET_KEY'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DEMO_ON_EMPTY: 'yes' }, 'DEMO_ON_EMPTY'],
    [{ SESSION_HOURS: '0' }, 'SESSION_HOURS'],
  ])('stops on %j with one line naming %s', (env, name) => {
    const message = configError(env);
    expect(message).toMatch(new RegExp(`^Invalid environment variable ${name}: `));
    expect(message).not.toContain('\n');
  });

  it('does not echo the bad secret back', () => {
    expect(configError({ FUGONG_SECRET_KEY: 'my-secret-value' })).not.toContain('my-secret-value');
  });
});
