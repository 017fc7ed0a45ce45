// The builds list the sources they read (the command's dist/inputs.json, the web app's
// build-inputs.json), and the `anklepump` bin builds the command, and for `serve` the web app,
// again when one of them changed since (packages/cli/bin/fresh.js): a list that missed a file
// would let a checkout that moved on, or a dependency updated by `npm ci`, run yesterday's code.
// Read after `npm run build` (the test command builds first).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

/** npm's record of what is installed, rewritten by every `npm ci` / `npm install`. */
const INSTALLED = join(root, 'node_modules', '.package-lock.json');

function sources(pkg: string, listPath: string): { dir: string; files: string[] } {
  const dir = join(root, 'packages', pkg);
  const list = join(dir, listPath);
  expect(existsSync(list), `${list} is missing: run \`npm run build\` first`).toBe(true);
  return { dir, files: JSON.parse(readFileSync(list, 'utf8')) as string[] };
}

describe('what each build lists as its sources', () => {
  it('the command: its entry point and the engine it bundles, every file there, none installed', () => {
    const { dir, files } = sources('cli', 'dist/inputs.json');
    expect(files).toContain('src/main.ts');
    expect(files).toContain('../motion/src/ankle-tracker.ts');
    expect(files).toContain('../server/src/app.ts');
    expectOwnSourcesAndTheInstall(dir, files);
  });

  it('the web app: its pages, service worker, public files and the pose Worker bundled on its own', () => {
    const { dir, files } = sources('web', 'build-inputs.json');
    for (const f of [
      'index.html',
      'src/main.ts',
      'src/sw.ts',
      'src/sensors/pose-worker.ts',
      'vite.config.ts',
    ])
      expect(files).toContain(f);
    expect(files).toContain('../motion/src/ankle-tracker.ts');
    expect(files.some((f) => f.startsWith('public/'))).toBe(true);
    expectOwnSourcesAndTheInstall(dir, files);
    // The server hands out everything in dist/: the map of the sources stays out of it.
    expect(existsSync(join(dir, 'dist', 'inputs.json'))).toBe(false);
    expect(existsSync(join(dir, 'dist', 'build-inputs.json'))).toBe(false);
  });
});

/** Every listed file exists; installed packages appear only as npm's record of the install. */
function expectOwnSourcesAndTheInstall(dir: string, files: string[]): void {
  for (const f of files) {
    expect(existsSync(join(dir, f)), f).toBe(true);
    if (join(dir, f) !== INSTALLED) expect(f).not.toMatch(/node_modules/);
  }
  if (existsSync(INSTALLED)) expect(files.map((f) => join(dir, f))).toContain(INSTALLED);
}
