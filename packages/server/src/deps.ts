// What every handler may use, passed in by the composition root: no module singletons.
import type { PasswordHasher } from './auth/passwords.ts';
import type { ServerConfig } from './config.ts';
import type { TrendQueue } from './domain/trend-queue.ts';
import type { Logger } from './logger.ts';
import type { Role, Store } from './store/store.ts';

export interface Deps {
  store: Store;
  config: ServerConfig;
  logger: Logger;
  /** Wall-clock ms; tests pass a clock they move by hand. */
  now: () => number;
  hasher: PasswordHasher;
  /** Random bytes for ids, tokens and invite codes. */
  randomBytes: (n: number) => Buffer;
  /** Trend alerts evaluated shortly after session uploads, off the request path. */
  trends: TrendQueue;
}

export interface Principal {
  userId: string;
  role: Role;
  via: 'cookie' | 'bearer';
  tokenHash: string;
}

/** Per-request context handed to every handler. */
export interface Ctx {
  deps: Deps;
  principal: Principal | null;
  /** The client's address (X-Forwarded-For's first hop only when TRUST_PROXY is on). */
  ip: string;
  nowMs: number;
}
