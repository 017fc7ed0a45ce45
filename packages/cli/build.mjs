// Bundles the CLI into one ESM file Node runs directly. Native and browser-driving packages stay
// external: they are installed beside it and loaded only by the commands that need them.
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('./src/main.ts', import.meta.url).pathname],
  outfile: new URL('./dist/anklepump.js', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
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
