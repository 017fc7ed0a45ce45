// Proves the dead-code rules of `npm run house` fail on a deliberate break, in a temp copy of the
// repository: knip (knip.jsonc) on an export nobody imports, a file nothing reaches and a
// dependency nobody uses; tools/message-keys.ts on a wording key nobody reads, a key missing in
// one language, one present in one language only, and a lookup of a key no table defines.
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { copyRepository, Plants, runScript } from './repo-copy.ts';

let copy: string;
let plants: Plants;

beforeAll(() => {
  copy = copyRepository('house-dead-');
  plants = new Plants(copy);
});
afterEach(() => plants.restore());
afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

interface KnipIssue {
  readonly file: string;
  readonly [type: string]: unknown;
}

/** knip's findings in the copy as "type: file: name" lines (its JSON reporter), and its exit code. */
function knip(): { code: number; found: string[] } {
  const r = runScript(copy, 'house:dead', ['--reporter', 'json']);
  const json = r.out.slice(r.out.indexOf('{'));
  const report = JSON.parse(json) as { issues: KnipIssue[] };
  const found: string[] = [];
  for (const issue of report.issues) {
    for (const [type, list] of Object.entries(issue)) {
      if (!Array.isArray(list)) continue;
      for (const item of list as { name: string }[]) found.push(`${type}: ${issue.file}: ${item.name}`);
    }
  }
  return { code: r.code, found: found.sort() };
}

describe('dead exports, files and dependencies (knip)', () => {
  it('passes on the repository as it is', () => {
    const r = knip();
    expect(r.found).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('fails on an unused export, an unreachable file and an unused dependency, naming each', () => {
    plants.write('packages/exercise/src/dose.ts', (s) => `${s}\nexport const NOBODY_READS_THIS = 1;\n`);
    plants.write('packages/web/src/orphan.ts', 'export const orphan = 1;\n');
    plants.write('packages/motion/package.json', (s) => {
      const j = JSON.parse(s);
      j.dependencies = { ...j.dependencies, pg: '8.23.1' };
      return JSON.stringify(j, null, 2);
    });
    const r = knip();
    expect(r.code).not.toBe(0);
    expect(r.found).toEqual(
      [
        'dependencies: packages/motion/package.json: pg',
        'exports: packages/exercise/src/dose.ts: NOBODY_READS_THIS',
        'files: packages/web/src/orphan.ts: packages/web/src/orphan.ts',
      ].sort(),
    );
  });
});

describe('message keys (tools/message-keys.ts)', () => {
  const keys = () => runScript(copy, 'house:keys');
  const problems = (out: string) =>
    out
      .split('\n')
      .filter((l) => l.startsWith('message-keys: ') && !/problem\(s\)$/.test(l))
      .map((l) => l.slice('message-keys: '.length).replace(/:\d+(?=[) ])/g, ''))
      .sort();
  const addKey = (key: string) => (s: string) => s.replace(/= \{\n/, `= {\n  '${key}': 'x',\n`);

  it('passes on the repository as it is', () => {
    const r = keys();
    expect(problems(r.out)).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('fails on a key nobody reads, a missing translation, a key in one language only and an undefined lookup', () => {
    const i18n = 'packages/web/src/i18n';
    for (const lang of ['en', 'es', 'zh'])
      plants.write(`${i18n}/messages-${lang}.ts`, addKey('nobody.reads'));
    plants.write(`${i18n}/messages-zh.ts`, (s) => s.replace(/^ {2}'home\.start': .*\n/m, ''));
    plants.write(`${i18n}/messages-es.ts`, addKey('es.only'));
    plants.write(
      'packages/web/src/screens/break-lookup.ts',
      "import type { Translate } from '../i18n/i18n.ts';\nexport const x = (t: Translate) => t('no.such.key' as never);\n",
    );
    const r = keys();
    expect(r.code).not.toBe(0);
    expect(problems(r.out)).toEqual(
      [
        "app: 'nobody.reads' is defined (packages/web/src/i18n/messages-en.ts) but never used",
        "app: 'home.start' has no zh wording (packages/web/src/i18n/messages-zh.ts, zh)",
        "app: 'es.only' is in es only (packages/web/src/i18n/messages-es.ts), not in en",
        "app: packages/web/src/screens/break-lookup.ts looks up 'no.such.key', which no table defines",
      ].sort(),
    );
  });
});
