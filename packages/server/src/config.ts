// Server configuration from environment variables, validated up front: a bad value stops the
// server at start with a message naming the variable and what it accepts.
import type { LogLevel } from './logger.ts';

export interface ServerConfig {
  host: string;
  port: number;
  /** `postgres://...` selects PostgreSQL; undefined selects the embedded SQLite file. */
  databaseUrl: string | undefined;
  sqlitePath: string;
  webDist: string;
  publicUrl: string | undefined;
  logLevel: LogLevel;
  /** A signed-in web session ends after this many minutes without a request. */
  sessionIdleMin: number;
  /** A web session ends after this many hours whatever the activity. */
  sessionMaxHours: number;
  maxBodyBytes: number;
  /** Failed passwords in a row before the account locks. */
  lockoutAfter: number;
  lockoutMin: number;
  /** Login attempts per minute per client address (per server instance). */
  loginPerMinute: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  /** Minutes between sweeps for trend alerts (adherence, range); 0 turns the sweep off. */
  alertSweepMin: number;
  bootstrapAdmin: { email: string; password: string } | undefined;
}

/** A configuration error: names the variable and the accepted values. */
export class ConfigError extends Error {
  readonly code = 'config_invalid';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, def: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (!/^\d+$/.test(raw.trim()))
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be from ${min} to ${max}, got ${n}`);
  return n;
}

function bool(env: Env, name: string, def: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

/** Reads and validates the configuration; throws ConfigError on the first bad value. */
export function loadConfig(env: Env, defaults: { sqlitePath: string; webDist: string }): ServerConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\/.+/.test(databaseUrl)) {
    throw new ConfigError(
      'DATABASE_URL',
      'must start with postgres:// or postgresql:// (leave it unset for SQLite)',
    );
  }
  const logLevel = (env.LOG_LEVEL || 'info') as LogLevel;
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be debug, info, warn or error, got "${env.LOG_LEVEL}"`);
  }
  const publicUrl = env.PUBLIC_URL || undefined;
  if (publicUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(publicUrl)) {
    throw new ConfigError('PUBLIC_URL', `must be an http(s) URL, got "${publicUrl}"`);
  }
  const email = env.ADMIN_EMAIL || undefined;
  const password = env.ADMIN_PASSWORD || undefined;
  if ((email === undefined) !== (password === undefined)) {
    throw new ConfigError(
      email ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL',
      'ADMIN_EMAIL and ADMIN_PASSWORD must be set together',
    );
  }
  if (password !== undefined && password.length < 12) {
    throw new ConfigError('ADMIN_PASSWORD', 'must be at least 12 characters');
  }
  if (email !== undefined && !/^[^@\s]+@[^@\s]+$/.test(email)) {
    throw new ConfigError('ADMIN_EMAIL', `must be an e-mail address, got "${email}"`);
  }
  return {
    host: env.HOST || '127.0.0.1',
    port: int(env, 'PORT', 8080, 0, 65535),
    databaseUrl,
    sqlitePath: env.SQLITE_PATH || defaults.sqlitePath,
    webDist: env.WEB_DIST || defaults.webDist,
    publicUrl,
    logLevel,
    sessionIdleMin: int(env, 'SESSION_IDLE_MIN', 30, 1, 24 * 60),
    sessionMaxHours: int(env, 'SESSION_MAX_HOURS', 12, 1, 24 * 7),
    maxBodyBytes: int(env, 'MAX_BODY_BYTES', 1_048_576, 1024, 64 * 1_048_576),
    lockoutAfter: int(env, 'LOCKOUT_AFTER', 5, 1, 100),
    lockoutMin: int(env, 'LOCKOUT_MIN', 15, 1, 24 * 60),
    loginPerMinute: int(env, 'LOGIN_PER_MINUTE', 10, 1, 10_000),
    cookieSecure: bool(env, 'COOKIE_SECURE', publicUrl?.startsWith('https://') ?? false),
    trustProxy: bool(env, 'TRUST_PROXY', false),
    alertSweepMin: int(env, 'ALERT_SWEEP_MIN', 60, 0, 24 * 60),
    bootstrapAdmin: email && password ? { email, password } : undefined,
  };
}
