// A throw-away copy of the repository for tests that break a house rule on purpose: the files git
// knows (tracked and untracked, not ignored), third-party packages shared with the repository by
// symlink, and our own packages linked into the copy so an import of `@anklepump/x` reads the
// copy's files. Rendered fixtures and bench results stay behind (no rule reads them).
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const REPO_ROOT = join(dirname(new URL(import.meta.url).pathname), '..');

/** Copies the repository to a new temp folder and returns its path. */
export function copyRepository(prefix: string): string {
  const copy = mkdtempSync(join(tmpdir(), prefix));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((f) => f && !f.startsWith('bench/results/') && !f.includes('/fixtures/'));
  for (const f of files) {
    mkdirSync(dirname(join(copy, f)), { recursive: true });
    try {
      cpSync(join(REPO_ROOT, f), join(copy, f));
    } catch {
      // A file deleted in the working tree but still listed: nothing to copy.
    }
  }
  // Third-party packages (and their .bin) are shared; our own packages point into the copy.
  mkdirSync(join(copy, 'node_modules/@anklepump'), { recursive: true });
  for (const name of readdirSync(join(REPO_ROOT, 'node_modules'))) {
    if (name !== '@anklepump' && (name === '.bin' || !name.startsWith('.')))
      symlinkSync(join(REPO_ROOT, 'node_modules', name), join(copy, 'node_modules', name));
  }
  for (const p of readdirSync(join(copy, 'packages')))
    symlinkSync(join(copy, 'packages', p), join(copy, 'node_modules/@anklepump', p));
  return copy;
}

/** Changes files of a copy for one check and puts them back afterwards. */
export class Plants {
  private readonly saved = new Map<string, string | null>();
  constructor(private readonly dir: string) {}

  /** Writes `rel` (creating it or replacing its text; `edit` gets the current text). */
  write(rel: string, text: string | ((before: string) => string)): void {
    const path = join(this.dir, rel);
    let before: string | null = null;
    try {
      before = readFileSync(path, 'utf8');
    } catch {
      before = null;
    }
    if (!this.saved.has(rel)) this.saved.set(rel, before);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, typeof text === 'string' ? text : text(before ?? ''));
  }

  /** Puts every planted file back as it was. */
  restore(): void {
    for (const [rel, before] of this.saved) {
      if (before === null) rmSync(join(this.dir, rel));
      else writeFileSync(join(this.dir, rel), before);
    }
    this.saved.clear();
  }
}

/** Runs `npm run <script> -- <args>` in `dir`: its exit code and everything it printed. */
export function runScript(
  dir: string,
  script: string,
  args: readonly string[] = [],
): { code: number; out: string } {
  const r = spawnSync('npm', ['run', '--silent', script, ...(args.length > 0 ? ['--', ...args] : [])], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}
