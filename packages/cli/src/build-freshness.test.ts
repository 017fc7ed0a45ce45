// The `anklepump` bin builds the bundled command again when a source changed since it was built
// (bin/fresh.js): after `git pull` the command must run today's code, not the first build's.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { servesWebApp, staleReason } from '../bin/fresh.js';

describe('whether the bundled command is older than its sources', () => {
  let dir: string;
  const dist = () => join(dir, 'dist', 'anklepump.js');
  const list = () => join(dir, 'dist', 'inputs.json');
  const at = (path: string, s: number) => utimesSync(path, s, s);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'anklepump-fresh-'));
    mkdirSync(join(dir, 'src'));
    mkdirSync(join(dir, 'dist'));
    for (const f of ['main.ts', 'analyze.ts']) {
      writeFileSync(join(dir, 'src', f), '// source\n');
      at(join(dir, 'src', f), 1_000_000);
    }
    writeFileSync(list(), JSON.stringify(['src/main.ts', 'src/analyze.ts']));
    writeFileSync(dist(), '// bundle\n');
    at(dist(), 2_000_000);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the bundle as it is when every source is older', () => {
    expect(staleReason(dist(), list(), dir)).toBeNull();
  });

  it('builds first when there is no bundle', () => {
    rmSync(dist());
    expect(staleReason(dist(), list(), dir)).toBe('not built yet');
  });

  it('builds again and names the source that changed since the build', () => {
    at(join(dir, 'src', 'analyze.ts'), 3_000_000);
    expect(staleReason(dist(), list(), dir)).toBe('src/analyze.ts changed');
  });

  it('builds again when a source it was built from is gone (renamed or deleted)', () => {
    rmSync(join(dir, 'src', 'main.ts'));
    expect(staleReason(dist(), list(), dir)).toBe('src/main.ts is gone');
  });

  it('builds again after `npm ci` or `npm install` changed the installed packages', () => {
    const installed = join(dir, 'node_modules', '.package-lock.json');
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(installed, '{}');
    at(installed, 1_500_000);
    writeFileSync(list(), JSON.stringify(['src/main.ts', 'node_modules/.package-lock.json']));
    expect(staleReason(dist(), list(), dir)).toBeNull();
    at(installed, 3_000_000);
    expect(staleReason(dist(), list(), dir)).toBe('the installed packages changed');
    rmSync(installed);
    expect(staleReason(dist(), list(), dir)).toBe('the installed packages are gone');
  });

  it('builds again when the list of sources is missing, cut off or not a list of paths', () => {
    rmSync(list());
    expect(staleReason(dist(), list(), dir)).toBe('the list of its sources is missing or unreadable');
    writeFileSync(list(), '["src/main.ts", "src/ana');
    expect(staleReason(dist(), list(), dir)).toBe('the list of its sources is missing or unreadable');
    writeFileSync(list(), '{"src/main.ts": 1}');
    expect(staleReason(dist(), list(), dir)).toBe('the list of its sources is not a list of paths');
    writeFileSync(list(), '["src/main.ts", 42]');
    expect(staleReason(dist(), list(), dir)).toBe('the list of its sources is not a list of paths');
  });
});

describe('which command lines build the web app first', () => {
  it('serve does, as it serves the app', () => {
    expect(servesWebApp(['serve'])).toBe(true);
    expect(servesWebApp(['serve', '--port', '9000'])).toBe(true);
  });

  it('serve --help and serve --create-admin do not: they answer at once and serve nothing', () => {
    expect(servesWebApp(['serve', '--help'])).toBe(false);
    expect(servesWebApp(['serve', '-h'])).toBe(false);
    expect(servesWebApp(['serve', '--create-admin'])).toBe(false);
  });

  it('other commands do not', () => {
    expect(servesWebApp(['analyze', 'clip.mp4'])).toBe(false);
    expect(servesWebApp([])).toBe(false);
  });
});
