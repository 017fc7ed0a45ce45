// The builds list the sources they read (dist/inputs.json), and the `anklepump` bin builds the
// command, and for `serve` the web app, again when one of them changed since (packages/cli/bin/
// fresh.js): a list that missed a file would let a checkout that moved on run yesterday's code.
// Read after `npm run build` (the test command builds first).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

function sources(pkg: string): { dir: string; files: string[] } {
  const dir = join(root, 'packages', pkg);
  const list = join(dir, 'dist', 'inputs.json');
  expect(existsSync(list), `${list} is missing: run \`npm run build\` first`).toBe(true);
  return { dir, files: JSON.parse(readFileSync(list, 'utf8')) as string[] };
}

describe('what each build lists as its sources', () => {
  it('the command: its entry point and the engine it bundles, every file there, none installed', () => {
    const { dir, files } = sources('cli');
    expect(files).toContain('src/main.ts');
    expect(files).toContain('../motion/src/ankle-tracker.ts');
    expect(files).toContain('../server/src/app.ts');
    for (const f of files) {
      expect(existsSync(join(dir, f)), f).toBe(true);
      expect(f).not.toMatch(/node_modules/);
    }
  });

  it('the web app: its pages, service worker, public files and the pose Worker bundled on its own', () => {
    const { dir, files } = sources('web');
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
    for (const f of files) {
      expect(existsSync(join(dir, f)), f).toBe(true);
      expect(f).not.toMatch(/node_modules/);
    }
  });
});
