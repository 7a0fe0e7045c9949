import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:)/, 'must start with postgres:// or sqlite:')
    .optional(),
  FUGONG_SECRET_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes)')
    .optional(),
  DEMO_ON_EMPTY: z.enum(['true', 'false']).default('true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  WEB_DIST: z.string().optional(),
  HEALTH_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  PUBLIC_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(60),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  dialect: 'sqlite' | 'postgres';
  secretKeyHex: string | null;
  demoOnEmpty: boolean;
  logLevel: string;
  sessionHours: number;
  trustProxy: boolean;
  loginMaxFailures: number;
  loginLockMinutes: number;
  webDist: string | null;
  /** days after a case closes before its health and scan data are purged */
  healthRetentionDays: number;
  /** Per client IP on public write endpoints (bookings, cancellations); raised for load tests. */
  publicRatePerMinute: number;
}

export class ConfigError extends Error {}

/** Reads the environment once; a bad value stops start-up with one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Invalid environment variable ${String(issue.path[0])}: ${issue.message}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const databaseUrl = e.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'fugong.db')}`;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl,
    dialect: databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'postgres',
    secretKeyHex: e.FUGONG_SECRET_KEY ?? null,
    demoOnEmpty: e.DEMO_ON_EMPTY === 'true',
    logLevel: e.LOG_LEVEL,
    sessionHours: e.SESSION_HOURS,
    trustProxy: e.TRUST_PROXY === 'true',
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    webDist: e.WEB_DIST ?? null,
    healthRetentionDays: e.HEALTH_RETENTION_DAYS,
    publicRatePerMinute: e.PUBLIC_RATE_PER_MINUTE,
  };
}
