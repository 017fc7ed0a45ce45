// `npx anklepump` right after `npm install` needs npm to have linked the bin: npm links only a
// target that exists and makes it executable at install time, before any build ran. So the bin
// must be a committed, executable file, not the build output.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const pkgDir = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { bin: Record<string, string> };

describe('the anklepump bin npm links at install time', () => {
  const target = pkg.bin.anklepump!;

  it('is a file committed to git with the executable bit (so a fresh clone has it before any build)', () => {
    const ls = execFileSync('git', ['ls-files', '--stage', '--', target], { cwd: pkgDir, encoding: 'utf8' });
    expect(ls, `${target} is not tracked by git`).not.toBe('');
    expect(ls.split(/\s+/)[0], `${target} is not executable in git`).toBe('100755');
    expect(readFileSync(join(pkgDir, target), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('is not inside a build output folder that .gitignore drops', () => {
    const ignored = spawnSync('git', ['check-ignore', '-q', target], { cwd: pkgDir });
    expect(ignored.status, `${target} is git-ignored`).toBe(1);
  });

  it('runs the command: --help lists the commands', () => {
    const r = spawnSync(process.execPath, [join(pkgDir, target), '--help'], {
      encoding: 'utf8',
      timeout: 110_000,
    });
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/analyze/);
    expect(r.stdout).toMatch(/serve/);
    // A real process (and a first build when dist/ is missing): seconds on a busy machine.
  }, 120_000);
});
