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

/** Chromium's flags that make `y4mPath` its camera, granted without asking. */
export const fakeCameraArgs = (y4mPath: string): string[] => [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-video-capture=${y4mPath}`,
];

/** Seconds the phone's code is held up to the camera at the end of each pass of the clip. */
export const CODE_SHOWN_S = 3;

/**
 * Writes `y4mPath` (once: an existing file is kept) as the clip's frames with `before` copies of
 * its first frame ahead of them and `after` copies of its last frame, changed by `edit`, behind:
 * raw 4:2:0 frames, so no frame is decoded or re-encoded.
 */
async function rewriteClip(
  y4mPath: string,
  before: number,
  after: number,
  edit: (frame: Buffer) => void = () => {},
): Promise<void> {
  if (existsSync(y4mPath)) return;
  const clip = await ensureClip();
  const { closeSync, openSync, readSync, renameSync, statSync, writeSync } = await import('node:fs');
  const frameBytes = 6 + (CLIP.widthPx * CLIP.heightPx * 3) / 2; // "FRAME\n" and 4:2:0 planes
  const size = statSync(clip.y4mPath).size;
  const src = openSync(clip.y4mPath, 'r');
  const header = Buffer.alloc(256);
  readSync(src, header, 0, 256, 0);
  const headerLen = header.indexOf(0x0a) + 1;
  const frames = Math.floor((size - headerLen) / frameBytes);
  const tmp = `${y4mPath}.part`;
  const out = openSync(tmp, 'w');
  writeSync(out, header.subarray(0, headerLen));
  const buf = Buffer.alloc(frameBytes);
  readSync(src, buf, 0, frameBytes, headerLen);
  for (let i = 0; i < before; i++) writeSync(out, buf);
  for (let i = 0; i < frames; i++) {
    readSync(src, buf, 0, frameBytes, headerLen + i * frameBytes);
    writeSync(out, buf);
  }
  closeSync(src);
  edit(buf);
  for (let i = 0; i < after; i++) writeSync(out, buf);
  closeSync(out);
  renameSync(tmp, y4mPath);
}

/**
 * The clip followed by CODE_SHOWN_S of its last frame with a phone's QR code of `text` held up in
 * the middle (black modules on a white card, 8 px a module): the fake camera of a phone check.
 * Written once per text under .cache/render (the text's hash names it).
 */
export async function ensureClipWithCode(text: string): Promise<Clip> {
  const clip = await ensureClip();
  const { createHash } = await import('node:crypto');
  const { qrModules } = await import('@anklepump/web/testing');
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 12);
  const y4mPath = join(repoRoot, '.cache', 'render', `${CLIP.name}-code-${hash}.y4m`);
  await rewriteClip(y4mPath, 0, CODE_SHOWN_S * CLIP.fps, (buf) => {
    // The last frame with the code on a white card over its middle.
    const w = CLIP.widthPx;
    const hPx = CLIP.heightPx;
    const modules = qrModules(text);
    const cell = 8;
    const card = (modules.length + 8) * cell;
    const x0 = Math.round((w - card) / 2);
    const y0 = Math.round((hPx - card) / 2);
    const yPlane = 6;
    const uPlane = yPlane + w * hPx;
    const vPlane = uPlane + (w / 2) * (hPx / 2);
    for (let y = 0; y < card; y++) {
      for (let x = 0; x < card; x++) {
        const r = Math.floor(y / cell) - 4;
        const c = Math.floor(x / cell) - 4;
        const dark = modules[r]?.[c] === true;
        buf[yPlane + (y0 + y) * w + x0 + x] = dark ? 16 : 235;
        if (y % 2 === 0 && x % 2 === 0) {
          const k = ((y0 + y) >> 1) * (w / 2) + ((x0 + x) >> 1);
          buf[uPlane + k] = 128;
          buf[vPlane + k] = 128;
        }
      }
    }
  });
  return { y4mPath, truth: clip.truth };
}

/**
 * The clip with its first frame (the foot at rest) held `restS` longer before its pumps: a person
 * who rests while the session's "relax" cue plays, as the app asks, each time the clip loops. The
 * truth's times move with it.
 */
export async function ensureClipWithRest(restS: number): Promise<Clip> {
  const clip = await ensureClip();
  const y4mPath = join(repoRoot, '.cache', 'render', `${CLIP.name}-rest-${restS}s.y4m`);
  const frames = Math.round(restS * CLIP.fps);
  await rewriteClip(y4mPath, frames, 0);
  const shiftS = frames / CLIP.fps;
  const t = clip.truth;
  const truth: ClipTruth = {
    ...t,
    durationS: t.durationS + shiftS,
    feet: t.feet.map((f) => ({
      ...f,
      reps: f.reps.map((r) => ({ ...r, startS: r.startS + shiftS, endS: r.endS + shiftS })),
    })),
    frames: t.frames.map((f) => ({ ...f, tS: f.tS + shiftS })),
    legLifts: t.legLifts.map((l) => ({ ...l, startS: l.startS + shiftS, endS: l.endS + shiftS })),
  };
  return { y4mPath, truth };
}
