// The serve command's work: configuration from the environment and flags, start, and a graceful
// stop on SIGTERM/SIGINT.

import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import {
  ConfigError,
  createArgon2Hasher,
  ensureFirstAdmin,
  loadConfig,
  openStore,
  startServer,
} from '@anklepump/server';
import type { CommandContext } from '../command-spec.ts';
import { CliError, EXIT } from '../exit-codes.ts';

export async function run(ctx: CommandContext): Promise<number> {
  const o = ctx.options;
  const env: Record<string, string | undefined> = { ...process.env };
  if (o.port !== undefined) env.PORT = String(o.port);
  if (o.host !== undefined) env.HOST = String(o.host);
  if (o.db !== undefined) env.SQLITE_PATH = resolve(ctx.cwd, String(o.db));
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env, {
      sqlitePath: resolve(ctx.cwd, 'data/anklepump.db'),
      webDist: resolve(ctx.cwd, 'packages/web/dist'),
    });
  } catch (e) {
    if (e instanceof ConfigError) throw new CliError('bad-input', `configuration: ${e.message}`, e.variable);
    throw e;
  }

  if (o['create-admin'] === true) {
    if (!config.bootstrapAdmin)
      throw new CliError(
        'missing-required',
        'set ADMIN_EMAIL and ADMIN_PASSWORD to create the first admin',
        '--create-admin',
      );
    const store = await openStore({
      databaseUrl: config.databaseUrl,
      sqlitePath: config.sqlitePath,
      nowMs: ctx.now(),
    });
    try {
      const r = await ensureFirstAdmin(store, createArgon2Hasher(), config.bootstrapAdmin, {
        nowMs: ctx.now(),
        randomBytes,
      });
      ctx.stdout.write(
        r === 'created'
          ? `Created admin ${config.bootstrapAdmin.email}\n`
          : 'An admin already exists; nothing changed\n',
      );
    } finally {
      await store.close();
    }
    return EXIT.ok;
  }

  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(config, { guardProcess: true });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE' || err.code === 'EACCES') {
      throw new CliError(
        'unavailable',
        `cannot listen on ${config.host}:${config.port}: ${err.message}`,
        '--port',
      );
    }
    if (
      err.code === 'ECONNREFUSED' ||
      err.code === 'ENOTFOUND' ||
      /SQLITE_CANTOPEN|unable to open/i.test(String(err.message))
    ) {
      throw new CliError('unavailable', `cannot open the database: ${err.message}`);
    }
    throw e;
  }
  ctx.stderr.write(`Ankle Pump Coach server on ${server.url} (database: ${server.store.dialect})\n`);
  await new Promise<void>((done) => {
    const stop = (signal: string) => {
      process.off('SIGTERM', onTerm);
      process.off('SIGINT', onInt);
      ctx.stderr.write(`${signal}: finishing requests and closing the database\n`);
      server.stop(10_000).then(done, done);
    };
    const onTerm = () => stop('SIGTERM');
    const onInt = () => stop('SIGINT');
    process.on('SIGTERM', onTerm);
    process.on('SIGINT', onInt);
  });
  return EXIT.ok;
}
