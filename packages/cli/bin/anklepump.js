#!/usr/bin/env node
// The `anklepump` command as npm links it. npm links a workspace's bin at install time, before
// anything is built, and skips a target that does not exist yet; so the link points at this
// committed, executable file, which runs the bundled CLI and builds it first if it is missing or
// older than any of its sources (fresh.js).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { staleReason } from './fresh.js';

const dist = new URL('../dist/anklepump.js', import.meta.url);
const why = staleReason(
  fileURLToPath(dist),
  fileURLToPath(new URL('../dist/inputs.json', import.meta.url)),
  fileURLToPath(new URL('..', import.meta.url)),
);
if (why !== null) {
  const build = fileURLToPath(new URL('../build.mjs', import.meta.url));
  process.stderr.write(
    why === 'not built yet'
      ? 'anklepump: first run, building the command (a few seconds)…\n'
      : `anklepump: the sources changed since the command was built (${why}); building it again (a few seconds)…\n`,
  );
  const r = spawnSync(process.execPath, [build], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0 || !existsSync(dist)) {
    process.stderr.write(
      `anklepump: building the command failed; run \`npm run build\` in ${fileURLToPath(new URL('../../..', import.meta.url))}\n`,
    );
    process.exit(70);
  }
}
// `serve` serves the web app the web package builds (packages/web/dist): built again, the same
// way, when it is missing or older than its sources (the build lists them in dist/inputs.json).
const web = new URL('../../web/', import.meta.url);
if (process.argv[2] === 'serve' && existsSync(new URL('package.json', web))) {
  const list = fileURLToPath(new URL('dist/inputs.json', web));
  const whyWeb = staleReason(list, list, fileURLToPath(web));
  if (whyWeb !== null) {
    process.stderr.write(
      whyWeb === 'not built yet'
        ? 'anklepump: the web app is not built yet; building it (a few seconds)…\n'
        : `anklepump: the web app's sources changed since it was built (${whyWeb}); building it again (a few seconds)…\n`,
    );
    // Its build log goes to stderr: stdout is the command's own.
    const r = spawnSync('npm', ['run', 'build', '--silent'], {
      cwd: fileURLToPath(web),
      stdio: ['ignore', 2, 2],
    });
    if (r.status !== 0) {
      process.stderr.write('anklepump: building the web app failed; run `npm run build` in the repository\n');
      process.exit(70);
    }
  }
}
await import(dist.href);
