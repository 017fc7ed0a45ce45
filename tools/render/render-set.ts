// Renders (or reuses) an evaluation set of eval-sets.ts into a folder, skipping clips already there,
// and writes `manifest.json` (name, split, conditions, seed of every clip).
// `tsx tools/render/render-set.ts tuning|tuning-extra|tuning-wide|tuning-dark|tuning-dark-control|heldout|phone-check|negative|speed [DIR] [--limit N] [--dry-run]`.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { clipMotion } from './activity.ts';
import type { ClipSpec } from './clip-spec.ts';
import {
  heldOutSet,
  negativeSet,
  phoneCheckSet,
  speedClip,
  tuningDarkControlSet,
  tuningDarkSet,
  tuningExtraSet,
  tuningSet,
  tuningWideSet,
} from './eval-sets.ts';
import { renderClip } from './render-clip.ts';

export interface SetEntry {
  readonly name: string;
  readonly spec: ClipSpec;
  /** Conditions of a pump clip, or what a negative clip shows. */
  readonly conditions?: unknown;
  readonly what?: string;
}

/** Every set by the name the command line gives it: the one list of set names. */
const SETS = {
  tuning: tuningSet,
  'tuning-extra': tuningExtraSet,
  'tuning-wide': tuningWideSet,
  'tuning-dark': tuningDarkSet,
  'tuning-dark-control': tuningDarkControlSet,
  heldout: heldOutSet,
  'phone-check': phoneCheckSet,
  negative: negativeSet,
  speed: () => [speedClip()],
} satisfies Record<string, () => SetEntry[]>;

export type SetName = keyof typeof SETS;

export function setEntries(set: SetName): SetEntry[] {
  return SETS[set]();
}

/** Frames a clip renders (its cost: software WebGL takes ~0.2-0.5 s a frame here). */
export const clipFrames = (spec: ClipSpec) => Math.round(clipMotion(spec).durationS * spec.frameRateHz);

/** Renders the missing clips of `entries` into `dir`; returns their base paths (no extension). */
export async function ensureClips(
  entries: readonly SetEntry[],
  dir: string,
  log: (s: string) => void = () => {},
  opts: { manifest?: boolean } = {},
): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const out: string[] = [];
  for (const e of entries) {
    const base = join(dir, e.name);
    // Several workers may render one folder: a clip locked by a live process is that one's.
    if (!existsSync(`${base}.truth.json`) && takeLock(`${base}.lock`)) {
      const t0 = performance.now();
      const r = await renderClip(e.spec, dir, e.name).finally(() => rmSync(`${base}.lock`, { force: true }));
      log(
        `rendered ${e.name} (${r.truth.durationS.toFixed(1)} s, ${e.spec.widthPx}x${e.spec.heightPx} at ${e.spec.frameRateHz} fps) in ${((performance.now() - t0) / 1000).toFixed(0)} s: ${r.renderFps.toFixed(2)} frames/s`,
      );
    }
    out.push(base);
  }
  if (opts.manifest !== false) writeManifest(entries, dir);
  return out;
}

/** Takes `path` as a lock for this process unless a live process holds it. */
function takeLock(path: string): boolean {
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    const pid = Number(readFileSync(path, 'utf8'));
    try {
      process.kill(pid, 0);
      return false;
    } catch {
      writeFileSync(path, String(process.pid));
      return true;
    }
  }
}

export function writeManifest(entries: readonly SetEntry[], dir: string): void {
  writeFileSync(
    join(dir, 'manifest.json'),
    `${JSON.stringify(
      entries.map((e) => ({
        name: e.name,
        body: e.spec.body,
        seed: e.spec.seed,
        activity: e.spec.activity ?? 'pumps',
        ...(e.conditions ? { conditions: e.conditions } : {}),
        ...(e.what ? { what: e.what } : {}),
      })),
      null,
      1,
    )}\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      limit: { type: 'string' },
      shard: { type: 'string' },
      reverse: { type: 'boolean', default: false },
      only: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const set = positionals[0];
  if (set === undefined || !Object.hasOwn(SETS, set)) {
    process.stderr.write(
      `usage: render-set.ts ${Object.keys(SETS).join('|')} [DIR] [--limit N] [--dry-run]\n`,
    );
    process.exit(2);
  }
  let entries = setEntries(set as SetName);
  if (values.limit) entries = entries.slice(0, Number(values.limit));
  // --shard i/n: every n-th clip from the i-th, to render one set in n processes at once.
  const [shard, shards] = (values.shard ?? '0/1').split('/').map(Number) as [number, number];
  const all = entries;
  entries = entries.filter((_, i) => i % shards === shard);
  // --reverse: a further worker that starts from the end (clips others are rendering are skipped).
  if (values.reverse) entries = [...entries].reverse();
  if (values.only) entries = entries.filter((e) => e.name === values.only);
  if (values['dry-run']) {
    let frames = 0;
    for (const e of entries) {
      const f = clipFrames(e.spec);
      frames += f * ((e.spec.widthPx * e.spec.heightPx) / (640 * 360)) ** 0.5;
      process.stdout.write(`${e.name} ${JSON.stringify(e.conditions ?? e.what)} ${f} frames\n`);
    }
    process.stdout.write(`${entries.length} clips, ~${Math.round(frames)} 360p-equivalent frames\n`);
  } else {
    const dir = positionals[1] ?? join('.cache', 'render', set);
    await ensureClips(entries, dir, (s) => process.stderr.write(`${new Date().toISOString()} ${s}\n`));
    // The manifest lists the whole set, whichever shard wrote it last.
    writeManifest(all, dir);
  }
}
