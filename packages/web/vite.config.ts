// Builds the patient app into dist/ with relative paths (servable from any origin), plus the
// service worker at a fixed name, the pose model and wasm under pose/, and precache.json: the
// list of every file the service worker keeps for offline use.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const here = new URL('.', import.meta.url).pathname;
const repo = join(here, '..', '..');
/** Model and wasm the in-browser pose estimator loads; served by the app, never from a CDN. */
const POSE_FILES: readonly [from: string, to: string][] = [
  [join(repo, 'packages/pose/models/pose_landmarker_full.task'), 'pose/pose_landmarker_full.task'],
  [
    join(repo, 'node_modules/@mediapipe/tasks-vision/wasm/vision_wasm_internal.js'),
    'pose/wasm/vision_wasm_internal.js',
  ],
  [
    join(repo, 'node_modules/@mediapipe/tasks-vision/wasm/vision_wasm_internal.wasm'),
    'pose/wasm/vision_wasm_internal.wasm',
  ],
];

function offlineFiles(): Plugin {
  return {
    name: 'anklepump-offline-files',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const [from, to] of POSE_FILES) {
        if (existsSync(from)) this.emitFile({ type: 'asset', fileName: to, source: readFileSync(from) });
        else this.warn(`pose file missing, camera checking will not work offline: ${from}`);
      }
      const publicFiles = readdirSync(join(here, 'public'));
      const poseFiles = POSE_FILES.filter(([from]) => existsSync(from)).map(([, to]) => to);
      const files = [...Object.keys(bundle), ...publicFiles, ...poseFiles, 'index.html']
        // The patient's device has no use for the clinician portal offline.
        .filter((f) => !f.startsWith('portal') && !f.startsWith('assets/portal'))
        .filter((f, i, all) => f !== 'sw.js' && !f.endsWith('.map') && all.indexOf(f) === i)
        .sort();
      const sw = bundle['sw.js'];
      if (sw && sw.type === 'chunk') {
        const hash = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
        sw.code = sw.code.replace('__BUILD_HASH__', hash);
      }
      this.emitFile({
        type: 'asset',
        fileName: 'precache.json',
        source: JSON.stringify({ files: ['./', ...files.map((f) => `./${f}`)] }),
      });
    },
  };
}

/**
 * Lists the files this build read in build-inputs.json, beside dist/ rather than in it (dist/ is
 * what the server hands to anyone who asks, and the list is a map of the sources): the
 * `anklepump serve` bin builds the app again when one of them changed since or is gone
 * (packages/cli/bin/fresh.js), so a checkout that moved on is not served yesterday's app.
 * Installed packages stand in it as npm's record of the install (node_modules/.package-lock.json,
 * rewritten by every `npm ci` or `npm install`), not file by file.
 */
const readIds = new Set<string>();
/** Collects the module ids a bundle read: the app's, and each Worker's (bundled on its own). */
function collectIds(): Plugin {
  return {
    name: 'anklepump-source-ids',
    apply: 'build',
    generateBundle() {
      for (const id of this.getModuleIds()) readIds.add(id);
    },
  };
}
function sourceList(): Plugin {
  return {
    name: 'anklepump-source-list',
    apply: 'build',
    writeBundle() {
      const ids = [...readIds];
      const read = ids
        .map((id) => id.split('?')[0]!)
        .filter((id) => id.startsWith('/') && existsSync(id) && !id.split(sep).includes('node_modules'));
      const publicFiles = readdirSync(join(here, 'public')).map((f) => join(here, 'public', f));
      const installed = join(repo, 'node_modules', '.package-lock.json');
      const files = [...new Set([...read, ...publicFiles, join(here, 'vite.config.ts')])]
        .map((f) => relative(here, f))
        .sort();
      if (existsSync(installed)) files.push(relative(here, installed));
      writeFileSync(join(here, 'build-inputs.json'), `${JSON.stringify(files, null, 1)}\n`);
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 12_000,
    rollupOptions: {
      // The clinician portal (portal.html, owned by the clinic work) builds beside the patient app.
      input: {
        index: 'index.html',
        sw: 'src/sw.ts',
        ...(existsSync(join(here, 'portal.html')) ? { portal: 'portal.html' } : {}),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  plugins: [offlineFiles(), collectIds(), sourceList()],
  worker: { plugins: () => [collectIds()] },
});
