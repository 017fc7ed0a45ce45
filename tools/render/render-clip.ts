// Renders one ClipSpec to video (mp4, optionally y4m for a fake camera) with its ground truth:
// per-frame true ankle angles, reps, peaks and holds, and the true 2D landmarks as a landmark
// file, so the engine can be scored on the pose model's landmarks and on the true ones.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '@anklepump/pose/node';
import { clipMotion } from './activity.ts';
import type { AnkleProfile, TrueRep } from './ankle-profile.ts';
import { bodyFile, bodyNamed, rigBones } from './bodies.ts';
import type { ClipSpec, FootSide } from './clip-spec.ts';
import { scenePageHtml } from './scene-page.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

export interface ClipTruth {
  readonly version: 1;
  readonly spec: ClipSpec;
  readonly durationS: number;
  readonly frameRateHz: number;
  /** The foot facing the camera: the one a side view can measure. */
  readonly visibleSide: FootSide;
  readonly feet: readonly { readonly side: FootSide; readonly reps: readonly TrueRep[] }[];
  /** True ankle angle per frame (degrees, dorsiflexion positive). */
  readonly frames: readonly { readonly tS: number; readonly left: number; readonly right: number }[];
  /** Every leg movement during the reps (lift, knee bend, slide), with its kind. */
  readonly legLifts: AnkleProfile['lifts'];
  /** The body shown and its split (tools/render/bodies.ts). */
  readonly body: string;
  readonly split: 'tuning' | 'heldout';
  /** 'pumps', or an activity that is not an ankle pump (its feet have no reps). */
  readonly activity: NonNullable<ClipSpec['activity']>;
}

export interface RenderedClip {
  readonly mp4Path: string;
  readonly truthPath: string;
  readonly landmarksPath: string;
  readonly y4mPath?: string;
  readonly truth: ClipTruth;
  readonly renderFps: number;
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.on('error', reject);
    p.on('close', (c) => (c === 0 ? resolve() : reject(new Error(`${cmd} failed: ${err.slice(-400)}`))));
  });
}

/**
 * Renders `spec` into `outDir` as `<name>.mp4`, `<name>.truth.json`, `<name>.landmarks.json`
 * (and `<name>.y4m` with `y4m: true`). Takes about 0.15-0.25 s per frame with software WebGL.
 */
export async function renderClip(
  spec: ClipSpec,
  outDir: string,
  name: string,
  opts: {
    y4m?: boolean;
    onFrame?: (i: number, n: number) => void;
  } = {},
): Promise<RenderedClip> {
  mkdirSync(outDir, { recursive: true });
  const motion = clipMotion(spec);
  const body = bodyNamed(spec.body ?? 'UBC_Superhero_Male');
  const glb = readFileSync(bodyFile(body.name));
  const n = Math.round(motion.durationS * spec.frameRateHz);
  const mp4Path = join(outDir, `${name}.mp4`);
  const ff = spawn(
    'ffmpeg',
    [
      ...['-y', '-hide_banner', '-loglevel', 'error', '-f', 'rawvideo', '-pix_fmt', 'rgba'],
      ...['-s', `${spec.widthPx}x${spec.heightPx}`, '-r', String(spec.frameRateHz), '-i', 'pipe:0'],
      ...['-vf', 'vflip', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', String(spec.crf ?? 20)],
      ...['-pix_fmt', 'yuv420p'],
      ...['-movflags', '+faststart', mp4Path],
    ],
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );
  let ffErr = '';
  ff.stderr.on('data', (d) => (ffErr += d));
  const ffDone = new Promise<void>((resolve, reject) => {
    ff.on('error', reject);
    ff.on('close', (c) =>
      c === 0 ? resolve() : reject(new Error(`ffmpeg encode failed: ${ffErr.slice(-400)}`)),
    );
  });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (url === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end(scenePageHtml());
    if (url.startsWith('/three/')) {
      const rel = normalize(url.slice('/three/'.length));
      if (rel.startsWith('..')) return void res.writeHead(403).end();
      const file = join(root, 'node_modules', 'three', rel);
      return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file));
    }
    if (url === '/body.glb') return void res.writeHead(200).end(glb);
    if (url.startsWith('/frame/') && req.method === 'POST') {
      const parts: Buffer[] = [];
      req.on('data', (d: Buffer) => parts.push(d));
      req.on('end', () => {
        const ok = ff.stdin.write(Buffer.concat(parts));
        const reply = () => res.writeHead(204).end();
        if (ok) reply();
        else ff.stdin.once('drain', reply);
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  const frames: ClipTruth['frames'][number][] = [];
  const landmarkFrames: { tS: number; landmarks: number[][] }[] = [];
  const started = performance.now();
  try {
    const page = await browser.newPage({ viewport: { width: spec.widthPx, height: spec.heightPx } });
    await page.goto(`${base}/`);
    await page.waitForFunction('window.__ready === true');
    await page.evaluate(
      ([s, b]) =>
        (window as unknown as { __setup: (s: unknown, b: unknown, u: string) => Promise<boolean> }).__setup(
          s,
          b,
          '/body.glb',
        ),
      [spec, rigBones(body.rig)] as const,
    );
    for (let i = 0; i < n; i++) {
      const tS = i / spec.frameRateHz;
      const state = motion.stateAt(tS);
      const left = state.legs.l.ankleDeg;
      const right = state.legs.r.ankleDeg;
      const lms = await page.evaluate(
        ([idx, st]) =>
          (window as unknown as { __frame: (i: number, s: unknown) => Promise<number[][]> }).__frame(
            idx as number,
            st,
          ),
        [i, state] as const,
      );
      frames.push({ tS, left, right });
      landmarkFrames.push({ tS, landmarks: lms });
      opts.onFrame?.(i + 1, n);
    }
  } finally {
    await browser.close();
    server.close();
    ff.stdin.end();
  }
  await ffDone;
  const renderFps = n / ((performance.now() - started) / 1000);
  const truth: ClipTruth = {
    version: 1,
    spec,
    durationS: n / spec.frameRateHz,
    frameRateHz: spec.frameRateHz,
    visibleSide: spec.camera.side,
    feet: (['left', 'right'] as const).map((side) => ({
      side,
      reps: motion.profile && spec.movingFeet.includes(side) ? motion.profile.reps : [],
    })),
    frames,
    legLifts: motion.profile?.lifts ?? [],
    body: body.name,
    split: body.split,
    activity: spec.activity ?? 'pumps',
  };
  const truthPath = join(outDir, `${name}.truth.json`);
  writeFileSync(truthPath, `${JSON.stringify(truth)}\n`);
  // The true landmarks in the `anklepump analyze` landmark-file format.
  const landmarksPath = join(outDir, `${name}.landmarks.json`);
  writeFileSync(
    landmarksPath,
    `${JSON.stringify({
      version: 1,
      frameRateHz: spec.frameRateHz,
      width: spec.widthPx,
      height: spec.heightPx,
      frames: landmarkFrames.map((f) => ({
        tS: f.tS,
        landmarks: f.landmarks.map((p) => p.map((v) => Math.round(v * 1e5) / 1e5)),
      })),
    })}\n`,
  );
  let y4mPath: string | undefined;
  if (opts.y4m) {
    y4mPath = join(outDir, `${name}.y4m`);
    await run('ffmpeg', [
      '-y',
      '-hide_banner',
      '-loglevel',
      'error',
      '-i',
      mp4Path,
      '-pix_fmt',
      'yuv420p',
      y4mPath,
    ]);
  }
  return { mp4Path, truthPath, landmarksPath, ...(y4mPath ? { y4mPath } : {}), truth, renderFps };
}
