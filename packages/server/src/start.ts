// Starts a whole server from a configuration: store, first admin, HTTP. The CLI's `serve` and the
// tests both go through here, and both get back a handle whose stop() undoes everything.
import { randomBytes } from 'node:crypto';
import { type App, createApp } from './app.ts';
import { createArgon2Hasher, type PasswordHasher } from './auth/passwords.ts';
import { ensureFirstAdmin } from './bootstrap.ts';
import type { ServerConfig } from './config.ts';
import type { Deps } from './deps.ts';
import { type AlertSweep, startAlertSweep } from './domain/alert-sweep.ts';
import { createTrendQueue } from './domain/trend-queue.ts';
import { createJsonLogger, type Logger } from './logger.ts';
import { guardProcess } from './process-guard.ts';
import { openStore } from './store/open-store.ts';
import type { Store } from './store/store.ts';

export interface RunningServer {
  url: string;
  app: App;
  store: Store;
  deps: Deps;
  /** The periodic trend-alert sweep; null when ALERT_SWEEP_MIN is 0. */
  sweep: AlertSweep | null;
  stop(graceMs?: number): Promise<void>;
}

/** Opens the store, ensures the first admin and listens; every piece can be replaced for tests. */
export async function startServer(
  config: ServerConfig,
  overrides: Partial<Pick<Deps, 'now' | 'randomBytes' | 'logger' | 'hasher'>> & {
    store?: Store;
    /** A process of its own (the CLI's serve): log errors that escape every handler instead of exiting. */
    guardProcess?: boolean;
  } = {},
): Promise<RunningServer> {
  const now = overrides.now ?? Date.now;
  const logger: Logger =
    overrides.logger ??
    createJsonLogger({ level: config.logLevel, write: (l) => process.stdout.write(l), now });
  const unguard = overrides.guardProcess ? guardProcess(logger) : () => undefined;
  const hasher: PasswordHasher = overrides.hasher ?? createArgon2Hasher();
  const rb = overrides.randomBytes ?? ((n: number) => randomBytes(n));
  const store =
    overrides.store ??
    (await openStore({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath, nowMs: now() }));
  try {
    if (config.bootstrapAdmin) {
      const r = await ensureFirstAdmin(store, hasher, config.bootstrapAdmin, {
        nowMs: now(),
        randomBytes: rb,
      });
      logger.log('info', r === 'created' ? 'first admin created' : 'admin exists; ADMIN_* ignored', {
        email: config.bootstrapAdmin.email,
      });
    }
    // Trend alerts are about days: evaluating a patient at most every 15 s costs little and keeps
    // a burst of uploads from re-reading the same history again and again.
    const trends = createTrendQueue({ store, randomBytes: rb, logger, now }, 15_000);
    const deps: Deps = {
      store,
      config,
      logger,
      now,
      hasher,
      randomBytes: rb,
      trends,
    };
    const app = createApp(deps);
    const url = await app.start(config.port, config.host);
    const sweep = config.alertSweepMin > 0 ? startAlertSweep(deps, config.alertSweepMin * 60_000) : null;
    return {
      url,
      app,
      store,
      deps,
      sweep,
      async stop(g) {
        await sweep?.stop();
        await app.stop(g, () => trends.stop());
        unguard();
      },
    };
  } catch (e) {
    unguard();
    await store.close().catch(() => undefined);
    throw e;
  }
}
