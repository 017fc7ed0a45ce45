#!/usr/bin/env node
// The `anklepump` command as npm links it. npm links a workspace's bin at install time, before
// anything is built, and skips a target that does not exist yet; so the link points at this
// committed, executable file, which runs the bundled CLI and builds it first if it is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = new URL('../dist/anklepump.js', import.meta.url);
if (!existsSync(dist)) {
  const build = fileURLToPath(new URL('../build.mjs', import.meta.url));
  process.stderr.write('anklepump: first run, building the command (a few seconds)…\n');
  const r = spawnSync(process.execPath, [build], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0 || !existsSync(dist)) {
    process.stderr.write(
      `anklepump: the command is not built and building it failed; run \`npm run build\` in ${fileURLToPath(new URL('../../..', import.meta.url))}\n`,
    );
    process.exit(70);
  }
}
await import(dist.href);
