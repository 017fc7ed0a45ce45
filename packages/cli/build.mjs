// Bundles the CLI into one ESM file Node runs directly. Native and browser-driving packages stay
// external: they are installed beside it and loaded only by the commands that need them. Beside the
// bundle goes the list of the repository's sources it was built from (dist/inputs.json), which the
// `anklepump` bin compares with the bundle's time to build it again after the sources changed.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { build } from 'esbuild';

const pkgDir = new URL('.', import.meta.url).pathname;
const result = await build({
  entryPoints: [new URL('./src/main.ts', import.meta.url).pathname],
  outfile: new URL('./dist/anklepump.js', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  write: false,
  metafile: true,
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __anklepumpCreateRequire } from 'node:module';",
      'const require = __anklepumpCreateRequire(import.meta.url);',
    ].join('\n'),
  },
  external: [
    'better-sqlite3',
    '@node-rs/argon2',
    'pg',
    '@electric-sql/pglite',
    'playwright-core',
    '@mediapipe/tasks-vision',
  ],
});

// The workspace's own sources (packages reached through node_modules links resolve to their real
// paths), and for the installed packages npm's record of the install, which every `npm ci` or
// `npm install` rewrites: a dependency updated after a pull builds the command again too.
const inputs = Object.keys(result.metafile.inputs)
  .map((p) => resolve(process.cwd(), p))
  .filter((p) => !p.split(sep).includes('node_modules'))
  .map((p) => relative(pkgDir, p))
  .sort();
const installed = resolve(pkgDir, '../../node_modules/.package-lock.json');
if (existsSync(installed)) inputs.push(relative(pkgDir, installed));
// Each file is written beside its place and renamed into it, so a command started meanwhile reads
// the old bundle or the new one, never half of one; the bundle last, so that an interrupted build
// leaves it older than its list and the next run builds again.
const outputs = [
  ...result.outputFiles.filter((f) => !f.path.endsWith('.js')).map((f) => [f.path, f.contents]),
  [resolve(pkgDir, 'dist/inputs.json'), `${JSON.stringify(inputs, null, 1)}\n`],
  ...result.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => [f.path, f.contents]),
];
for (const [path, contents] of outputs) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}
