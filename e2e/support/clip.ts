// The rendered ankle-pump clip the camera tests feed Chromium as its fake camera: made by the
// project's own renderer (tools/render) on first use and cached under .cache/render.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomClipSpec } from '../../tools/render/clip-spec.ts';
import { type ClipTruth, renderClip } from '../../tools/render/render-clip.ts';
import { repoRoot } from './static-server.ts';

/** Seed 3: sitting, right side to the camera, both feet pumping, 3 reps in 15.6 s, one leg lift. */
export const CLIP = { seed: 3, name: 'web-e2e', widthPx: 640, heightPx: 480, fps: 15, reps: 3 } as const;

export interface Clip {
  readonly y4mPath: string;
  readonly truth: ClipTruth;
}

/**
 * Renders the clip (about 100 s on two cores at 15 fps) unless it is already cached. `fps` other
 * than the tests' 15 renders the same movement with that many distinct frames a second (the web
 * bench offers the camera 30, as a phone's camera gives), cached under its own name.
 */
export async function ensureClip(fps: number = CLIP.fps): Promise<Clip> {
  const dir = join(repoRoot, '.cache', 'render');
  const name = fps === CLIP.fps ? CLIP.name : `${CLIP.name}-${fps}fps-rendered`;
  const y4mPath = join(dir, `${name}.y4m`);
  const truthPath = join(dir, `${name}.truth.json`);
  if (!existsSync(y4mPath) || !existsSync(truthPath)) {
    const base = randomClipSpec(CLIP.seed);
    const spec = {
      ...base,
      widthPx: CLIP.widthPx,
      heightPx: CLIP.heightPx,
      frameRateHz: fps,
      posture: 'sitting' as const,
      profile: { ...base.profile, reps: CLIP.reps },
    };
    await renderClip(spec, dir, name, { y4m: true });
  }
  return { y4mPath, truth: JSON.parse(readFileSync(truthPath, 'utf8')) as ClipTruth };
}
