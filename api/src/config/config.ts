import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { LimitRule } from '../common/rate-limiter.js';
import { visitDaysOf } from '../visits/visit-intervals.js';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface AppConfig {
  port: number;
  /** The address to listen on: the loopback unless HOST says otherwise. */
  host: string;
  /** Origins whose pages may call the API from a browser (CORS); none: same origin only. */
  corsOrigins: string[];
  nodeEnv: string;
  production: boolean;
  databaseUrl: string;
  databaseKind: DatabaseKind;
  /** PostgreSQL: a replica that reports read from (DATABASE_READ_URL); none: the primary. */
  databaseReadUrl?: string;
  /** The longest a report's statement may run on PostgreSQL before it is stopped (a 503 saying so). */
  reportTimeoutSeconds: number;
  /** For SQLite: absolute path of the database file (or ':memory:'). */
  sqlitePath: string;
  /** Directory for data files (attachments, exports). */
  dataDir: string;
  seed: 'demo' | 'none';
  adminPassword?: string;
  timeZone: string;
  jwtSecret: string;
  /** True when JWT_SECRET was not given and `jwtSecret` is this process's own random one (demo, development on SQLite). */
  jwtSecretRandom: boolean;
  jwtExpiresIn: string;
  /** Where attachments' bytes live: `local` (under DATA_DIR, this machine) or `database` (shared by every instance). */
  fileStorage: FileStorageKind;
  /** How often the overdue scan runs (seconds); 0 turns it off. */
  overdueScanSeconds: number;
  /** How often this instance feeds and sends webhook deliveries (seconds, fractions allowed); 0: it does neither. */
  webhookPollSeconds: number;
  /** The first retry of a failed delivery after this many seconds, doubling up to an hour. */
  webhookRetrySeconds: number;
  /** Days between visits to a key-population household, by resident tag (visits/visit-intervals.ts; VISIT_DAYS). */
  visitDays: Record<string, number>;
  /** Directory of the built console, served at `/`. */
  consoleDir: string;
  /** The local hour from which the daily report opens on today rather than yesterday. */
  dailyReportHour: number;
  login: LoginConfig;
  /** The residents' public page and Open311's requests (public/…; README, PUBLIC_…). */
  publicDoor: PublicDoorConfig;
  /**
   * Whether the client address is read from X-Forwarded-For (Fastify's `trustProxy`): `false` (the default,
   * the socket's address), `true` (any proxy), or the proxies' addresses and CIDR ranges. Behind a reverse proxy,
   * without it every sign-in would seem to come from the proxy and share one address limit.
   */
  trustProxy: boolean | string[];
}

/** Sign-in limits (auth/login-throttle.ts) and the bound on concurrent password hashes; README, LOGIN_…. */
export interface LoginConfig {
  /** Failed sign-ins to one username within the window before it is locked, and the first lock. */
  account: LimitRule;
  /** Failed sign-ins from one client address (every username together), looser: an office may share one. */
  address: LimitRule;
  /** Password hashes computed at once, and how many more may wait before a sign-in is told to retry. */
  hashConcurrency: number;
  hashQueue: number;
}

/** Limits of what the public may send without signing in (public/public-guard.ts). */
export interface PublicDoorConfig {
  /** Leading zero bits of the proof of work a request asked from the page carries (0: none asked). */
  challengeBits: number;
  /** Requests asked from one client address within an hour, and from one phone number within a day. */
  perAddress: LimitRule;
  perPhone: LimitRule;
  /** Wrong follow codes from one address (10 minutes) and against one case number (an hour) before a lock. */
  guessesPerAddress: LimitRule;
  guessesPerCase: LimitRule;
}

export type FileStorageKind = 'local' | 'database';

export class ConfigError extends Error {}

export function databaseKindOf(url: string): DatabaseKind {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
  throw new ConfigError(`DATABASE_URL must start with sqlite: or postgres:// (got "${url}")`);
}

/** Reads the environment once; every option of CONTRACT.md with its default. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const production = nodeEnv === 'production';
  const databaseUrl = env.DATABASE_URL || 'sqlite:./data/tracker.sqlite';
  const databaseKind = databaseKindOf(databaseUrl);
  const databaseReadUrl = env.DATABASE_READ_URL || undefined;
  if (databaseReadUrl && (databaseKind !== 'postgres' || databaseKindOf(databaseReadUrl) !== 'postgres')) {
    throw new ConfigError('DATABASE_READ_URL names a PostgreSQL replica, and DATABASE_URL must then be PostgreSQL too');
  }
  const rawPath = databaseKind === 'sqlite' ? databaseUrl.slice('sqlite:'.length) : '';
  const sqlitePath = rawPath === ':memory:' ? rawPath : rawPath ? resolve(rawPath) : '';
  const dataDir = resolve(env.DATA_DIR || (sqlitePath && sqlitePath !== ':memory:' ? resolve(sqlitePath, '..') : './data'));
  const seed = (env.SEED || 'demo') as AppConfig['seed'];
  if (seed !== 'demo' && seed !== 'none') throw new ConfigError(`SEED must be demo or none (got "${seed}")`);
  const port = Number(env.PORT || 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number (got "${env.PORT}")`);
  const timeZone = env.TIME_ZONE || 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new ConfigError(`TIME_ZONE must be an IANA time zone such as Asia/Shanghai (got "${timeZone}")`);
  }
  if (production && !env.JWT_SECRET) throw new ConfigError('JWT_SECRET is required when NODE_ENV=production');
  const fileStorage = (env.FILE_STORAGE || 'local') as FileStorageKind;
  if (fileStorage !== 'local' && fileStorage !== 'database') throw new ConfigError(`FILE_STORAGE 只能是 local 或 database / FILE_STORAGE must be local or database (got "${env.FILE_STORAGE}")`);
  const corsOrigins = (env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  const badOrigin = corsOrigins.find((o) => !/^https?:\/\/[^/\s]+$/.test(o));
  if (badOrigin) throw new ConfigError(`CORS_ORIGINS must list origins such as https://12345.example.gov.cn (got "${badOrigin}")`);
  return {
    port,
    // `localhost` listens on the loopback of both families (127.0.0.1 and ::1): reachable from this machine only.
    host: env.HOST || 'localhost',
    corsOrigins,
    nodeEnv,
    production,
    databaseUrl,
    databaseKind,
    databaseReadUrl,
    reportTimeoutSeconds: nonNegative(env, 'REPORT_TIMEOUT_SECONDS', 30) || 30,
    sqlitePath,
    dataDir,
    seed,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    timeZone,
    jwtSecret: env.JWT_SECRET || randomBytes(32).toString('hex'),
    jwtSecretRandom: !env.JWT_SECRET,
    fileStorage,
    jwtExpiresIn: env.JWT_EXPIRES_IN || '12h',
    overdueScanSeconds: nonNegative(env, 'OVERDUE_SCAN_SECONDS', 60),
    webhookPollSeconds: nonNegative(env, 'WEBHOOK_POLL_SECONDS', 2),
    webhookRetrySeconds: nonNegative(env, 'WEBHOOK_RETRY_SECONDS', 10),
    visitDays: configured(() => visitDaysOf(env.VISIT_DAYS)),
    consoleDir: resolve(env.CONSOLE_DIR || new URL('../../../../admin/dist', import.meta.url).pathname),
    dailyReportHour: hourOfDay(env, 'DAILY_REPORT_HOUR', 18),
    login: loginConfig(env),
    publicDoor: publicDoorConfig(env),
    trustProxy: trustProxyOf(env.TRUST_PROXY),
  };
}

/**
 * What a server (not a command such as backup or seed) needs beyond `loadConfig`: on PostgreSQL several instances
 * may serve one database, and a sign-in answered by one must be accepted by the others, so the signing key is
 * given, the same everywhere; a random key per process would also sign everybody out at every restart.
 */
export function assertServable(config: Pick<AppConfig, 'databaseKind' | 'jwtSecretRandom'>): void {
  if (config.databaseKind === 'postgres' && config.jwtSecretRandom) {
    throw new ConfigError(
      '使用 PostgreSQL 时必须设置 JWT_SECRET（登录凭证的签名密钥，各实例须相同，例如 `openssl rand -hex 32` 生成）。' +
        ' / JWT_SECRET is required on PostgreSQL: the key that signs sign-in tokens, the same on every instance (e.g. from `openssl rand -hex 32`).',
    );
  }
}

function nonNegative(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new ConfigError(`${name} must be a number of seconds ≥ 0 (got "${raw}")`);
  return n;
}

function loginConfig(env: NodeJS.ProcessEnv): LoginConfig {
  const maxLockMs = nonNegative(env, 'LOGIN_MAX_LOCK_SECONDS', 3600) * 1000;
  const rule = (who: 'ACCOUNT' | 'ADDRESS', limit: number, windowSeconds: number, lockSeconds: number): LimitRule => ({
    limit: count(env, `LOGIN_${who}_LIMIT`, limit),
    windowMs: nonNegative(env, `LOGIN_${who}_WINDOW_SECONDS`, windowSeconds) * 1000,
    lockMs: nonNegative(env, `LOGIN_${who}_LOCK_SECONDS`, lockSeconds) * 1000,
    maxLockMs,
  });
  return {
    account: rule('ACCOUNT', 5, 15 * 60, 15 * 60),
    address: rule('ADDRESS', 30, 60, 60),
    hashConcurrency: Math.max(1, count(env, 'LOGIN_HASH_CONCURRENCY', 1)),
    hashQueue: count(env, 'LOGIN_HASH_QUEUE', 16),
  };
}

/** A setting read by its own module, its complaint as the configuration's. */
function configured<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    throw new ConfigError(err instanceof Error ? err.message : String(err));
  }
}

function publicDoorConfig(env: NodeJS.ProcessEnv): PublicDoorConfig {
  const rule = (limit: number, windowMinutes: number): LimitRule => ({ limit, windowMs: windowMinutes * 60_000, lockMs: windowMinutes * 60_000, maxLockMs: 24 * 3600_000 });
  const bits = count(env, 'PUBLIC_CHALLENGE_BITS', 14);
  if (bits > 24) throw new ConfigError(`PUBLIC_CHALLENGE_BITS must be at most 24 (got "${bits}")`);
  return {
    challengeBits: bits,
    perAddress: rule(count(env, 'PUBLIC_ADDRESS_LIMIT', 10), 60),
    perPhone: rule(count(env, 'PUBLIC_PHONE_LIMIT', 5), 24 * 60),
    guessesPerAddress: rule(20, 10),
    guessesPerCase: rule(10, 60),
  };
}

function count(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a whole number ≥ 0 (got "${raw}")`);
  return n;
}

function trustProxyOf(raw: string | undefined): AppConfig['trustProxy'] {
  if (!raw || raw === 'false') return false;
  if (raw === 'true') return true;
  return raw.split(',').map((s) => s.trim()).filter(Boolean);
}

function hourOfDay(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 24) throw new ConfigError(`${name} must be an hour from 0 to 24 (got "${raw}")`);
  return n;
}

/** The database kind decides column types at decoration time, so it is read from the environment directly. */
export const DB_KIND: DatabaseKind = databaseKindOf(process.env.DATABASE_URL || 'sqlite:');
