// Renders (or reuses from the cache) the evaluation set: seeds 1..N of randomClipSpec into a
// folder, skipping clips already there. `tsx tools/render/render-set.ts [N] [DIR]`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomClipSpec } from './clip-spec.ts';
import { renderClip } from './render-clip.ts';

/** The cached evaluation clips' base paths (without extension), rendering the missing ones. */
export async function ensureEvalSet(
  count: number,
  dir: string,
  log: (s: string) => void = () => {},
): Promise<string[]> {
  const out: string[] = [];
  for (let seed = 1; seed <= count; seed++) {
    const name = `eval-${String(seed).padStart(3, '0')}`;
    const base = join(dir, name);
    if (!existsSync(`${base}.truth.json`)) {
      const r = await renderClip(randomClipSpec(seed), dir, name);
      log(`rendered ${name} (${r.truth.durationS.toFixed(1)} s, ${r.renderFps.toFixed(1)} frames/s)`);
    }
    out.push(base);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 40);
  await ensureEvalSet(n, process.argv[3] ?? '.cache/render/eval', (s) => process.stderr.write(`${s}\n`));
}
