#!/usr/bin/env node
// The `anklepump` command as npm links it. npm links a workspace's bin at install time, before
// anything is built, and skips a target that does not exist yet; so the link points at this
// committed, executable file, which runs the bundled CLI and builds it first if it is missing or
// older than any of its sources (fresh.js).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { servesWebApp, staleReason } from './fresh.js';

/**
 * Builds `what` by running `command` (its log on stderr: stdout is the command's own) when `why`
 * (fresh.js) says it is missing or older than its sources; stops with exit 70 if that fails.
 */
function buildIfStale(what, why, command, args, cwd) {
  if (why === null) return;
  process.stderr.write(
    why === 'not built yet'
      ? `anklepump: ${what} is not built yet; building it (a few seconds)…\n`
      : `anklepump: ${what} is older than what it is built from (${why}); building it again (a few seconds)…\n`,
  );
  const r = spawnSync(command, args, { cwd, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) {
    process.stderr.write(
      `anklepump: building ${what} failed; run \`npm run build\` in ${fileURLToPath(new URL('../../..', import.meta.url))}\n`,
    );
    process.exit(70);
  }
}

const cli = new URL('..', import.meta.url);
const dist = new URL('dist/anklepump.js', cli);
buildIfStale(
  'the command',
  staleReason(fileURLToPath(dist), fileURLToPath(new URL('dist/inputs.json', cli)), fileURLToPath(cli)),
  process.execPath,
  [fileURLToPath(new URL('build.mjs', cli))],
  fileURLToPath(cli),
);
// `serve` serves the web app the web package builds (packages/web/dist): built the same way when
// it is missing or older than its sources (its build lists them in build-inputs.json, outside the
// folder it serves); not for its help or for creating the admin, which serve nothing.
const web = new URL('../../web/', import.meta.url);
if (servesWebApp(process.argv.slice(2)) && existsSync(new URL('package.json', web))) {
  buildIfStale(
    'the web app',
    staleReason(
      fileURLToPath(new URL('dist/index.html', web)),
      fileURLToPath(new URL('build-inputs.json', web)),
      fileURLToPath(web),
    ),
    'npm',
    ['run', 'build', '--silent'],
    fileURLToPath(web),
  );
}
await import(dist.href);
