// Proves the house check (`npm run house`, rules in .dependency-cruiser.cjs) catches each broken
// rule: a temp copy of the repository passes as it is, then fails with exactly the violations
// planted in it: a forbidden import between packages, a value import where only types may
// cross, node:* in a pure core, a third-party package in a pure core, a cycle, an undeclared
// dependency, and deep imports by name and by relative path.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyRepository, REPO_ROOT as root } from './repo-copy.ts';

let copy: string;

interface Violation {
  readonly rule: string;
  readonly from: string;
  readonly to: string;
}

/** Runs `npm run house:imports`'s command (from package.json) in `dir`: its exit code and violations. */
function house(dir: string): { code: number; violations: Violation[] } {
  const script = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts[
    'house:imports'
  ] as string;
  const [, ...args] = script.split(/\s+/);
  const bin = join(dir, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
  // "error <rule>: <from> → <to>", a cycle's next module on the following line.
  const violations = [...r.stdout.matchAll(/error ([\w-]+): (\S+) →\s*(\S+)/g)].map((m) => ({
    rule: m[1]!,
    from: m[2]!,
    to: m[3]!,
  }));
  return { code: r.status ?? -1, violations };
}

const planted: string[] = [];
function write(rel: string, text: string): void {
  mkdirSync(dirname(join(copy, rel)), { recursive: true });
  writeFileSync(join(copy, rel), text);
  planted.push(rel);
}

beforeAll(() => {
  copy = copyRepository('house-');
});

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('house check', () => {
  it('passes on the repository as it is', () => {
    const r = house(copy);
    expect(r.violations).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('fails on each deliberately broken rule, naming the rule and the import', () => {
    // exercise may import nothing of ours.
    write('packages/exercise/src/break-layer.ts', "export { BLAZEPOSE } from '@anklepump/motion';\n");
    // motion may take exercise's types, not its values.
    write('packages/motion/src/break-types.ts', "export { transition } from '@anklepump/exercise';\n");
    // Pure cores: no node:*, no third-party package at run time.
    write('packages/motion/src/break-node.ts', "export { readFileSync } from 'node:fs';\n");
    write('packages/exercise/src/break-npm.ts', "export { default as fc } from 'fast-check';\n");
    // A cycle of value imports.
    write(
      'packages/web/src/break-cycle-a.ts',
      "import { b } from './break-cycle-b.ts';\nexport const a = () => b;\n",
    );
    write(
      'packages/web/src/break-cycle-b.ts',
      "import { a } from './break-cycle-a.ts';\nexport const b = () => a;\n",
    );
    // An import of a package the importer's package.json does not list (three is a root tool).
    write('packages/web/src/break-undeclared.ts', "export { Vector3 } from 'three';\n");
    // Deep imports: by name past the exports map, and by a relative path.
    write('e2e/break-deep-name.ts', "export { DB_NAME } from '@anklepump/web/src/store/db.ts';\n");
    write('e2e/break-deep-path.ts', "export { DB_NAME } from '../packages/web/src/store/db.ts';\n");

    const r = house(copy);
    for (const rel of planted.splice(0)) rmSync(join(copy, rel));
    expect(r.code).not.toBe(0);
    // A cycle is reported once, from whichever of its modules comes first.
    const found = r.violations
      .map((v) =>
        v.rule === 'no-cycle'
          ? `no-cycle: ${[v.from, v.to].sort().join(' <-> ')}`
          : `${v.rule}: ${v.from} -> ${v.to}`,
      )
      .sort();
    expect(found).toEqual(
      [
        'layer-exercise: packages/exercise/src/break-layer.ts -> node_modules/@anklepump/motion/src/index.ts',
        'motion-takes-exercise-types-only: packages/motion/src/break-types.ts -> node_modules/@anklepump/exercise/src/index.ts',
        'pure-cores-no-node: packages/motion/src/break-node.ts -> fs',
        'pure-cores-no-npm: packages/exercise/src/break-npm.ts -> node_modules/fast-check/lib/fast-check.d.ts',
        'no-cycle: packages/web/src/break-cycle-a.ts <-> packages/web/src/break-cycle-b.ts',
        // exercise lists no package of ours, so the forbidden import is also an undeclared one.
        'no-undeclared-dependency: packages/exercise/src/break-layer.ts -> node_modules/@anklepump/motion/src/index.ts',
        'no-undeclared-dependency: packages/web/src/break-undeclared.ts -> node_modules/three/build/three.module.js',
        'no-unresolvable: e2e/break-deep-name.ts -> @anklepump/web/src/store/db.ts',
        'no-relative-cross-package: e2e/break-deep-path.ts -> packages/web/src/store/db.ts',
      ].sort(),
    );
  });

  it('fails when a package stops declaring a package it imports', () => {
    const pkg = join(copy, 'packages/motion/package.json');
    const before = readFileSync(pkg, 'utf8');
    const j = JSON.parse(before);
    delete j.dependencies['@anklepump/exercise'];
    writeFileSync(pkg, JSON.stringify(j));
    try {
      const r = house(copy);
      expect(r.code).not.toBe(0);
      expect(r.violations.length).toBeGreaterThan(0);
      for (const v of r.violations) {
        expect(v.rule).toBe('no-undeclared-dependency');
        expect(v.from).toMatch(/^packages\/motion\//);
        expect(v.to).toBe('node_modules/@anklepump/exercise/src/index.ts');
      }
    } finally {
      writeFileSync(pkg, before);
    }
  });
});
