// Builds what Node and the browser run: each workspace's own `build` script, if it has one.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
// web first: the server and the CLI serve its output.
const order = ['web', 'pose', 'server', 'cli'];
const all = readdirSync(join(root, 'packages')).filter((p) =>
  existsSync(join(root, 'packages', p, 'package.json')),
);
for (const p of [...order.filter((p) => all.includes(p)), ...all.filter((p) => !order.includes(p))]) {
  const pkg = JSON.parse(readFileSync(join(root, 'packages', p, 'package.json'), 'utf8'));
  if (!pkg.scripts?.build) continue;
  process.stdout.write(`build ${p}\n`);
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: join(root, 'packages', p), stdio: 'inherit' });
}
