// Type-checks every package with its own tsconfig, so the pure packages (exercise, motion)
// are checked without Node or DOM types: an accidental `node:fs` or `document` there fails here.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const projects = [
  ...readdirSync(join(root, 'packages'))
    .map((p) => join('packages', p, 'tsconfig.json'))
    .filter((p) => existsSync(join(root, p))),
  'tsconfig.json',
];
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', project, '--noEmit', '--pretty'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ project, code, out }));
  });
}

// Two at a time: the machines here have two cores.
const queue = [...projects];
const results = [];
async function worker() {
  for (let p = queue.shift(); p; p = queue.shift()) results.push(await check(p));
}
await Promise.all([worker(), worker()]);
let failed = 0;
for (const r of results.sort((a, b) => a.project.localeCompare(b.project))) {
  if (r.code !== 0) {
    failed++;
    process.stdout.write(`\n✗ ${r.project}\n${r.out}`);
  } else process.stdout.write(`✓ typecheck ${r.project}\n`);
}
process.exit(failed ? 1 : 0);
