// `npm run bench web`: the patient app in headless Chromium on this machine. (1) JavaScript the
// first screen ships, gzipped (model and wasm excluded); (2) frames per second of the live camera
// pipeline with the foot tracking on (fake camera playing a rendered 640x480 ankle-pump clip ->
// Worker: pose model + pixel foot tracker -> motion engine on the tracked angle -> session), the
// worker's time per frame and the share of time the foot was followed; (3) delay from the arrival
// of the frame that completes a rep to the rep counter changing. Writes bench/results/web.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launch } from '../e2e/support/browser.ts';
import { CLIP, ensureClip, fakeCameraArgs } from '../e2e/support/clip.ts';
import { startSession } from '../e2e/support/flow.ts';
import { distDir, ensureBuilt, startStaticServer } from '../e2e/support/static-server.ts';

const here = dirname(fileURLToPath(import.meta.url));
const SESSION_S = 45;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0
    ? Number.NaN
    : s.length % 2
      ? s[(s.length - 1) / 2]!
      : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}
const q = (xs: readonly number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? Number.NaN;

/** The first screen's JavaScript: the entry script and every module it preloads, gzipped. */
function firstScreenJs(): { files: string[]; rawKb: number; gzipKb: number } {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const b = readFileSync(join(distDir, f));
    raw += b.length;
    gz += gzipSync(b, { level: 9 }).length;
  }
  return { files, rawKb: raw / 1024, gzipKb: gz / 1024 };
}

const loadStart = loadavg()
  .map((l) => l.toFixed(1))
  .join(' / ');
ensureBuilt();
const js = firstScreenJs();
// The fake camera plays at the file's frame rate. The tests' clip is 15 fps, which would cap the
// measured rate at the goal itself, so the bench renders the same movement at 30 distinct frames a
// second, as a phone's camera gives (a 15 fps copy with each frame shown twice made the tracker lose
// the foot more often: 72-84% followed against 91% on the 15 fps clip).
const CAMERA_FPS = 30;
const clip = await ensureClip(CAMERA_FPS);
const cameraY4m = clip.y4mPath;
const server = await startStaticServer();
const browser = await launch(fakeCameraArgs(cameraY4m));
const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
await context.grantPermissions(['camera']);
const page = await context.newPage();
const side = clip.truth.visibleSide;
await startSession(page, server.url, 'camera', { feet: side === 'right' ? 'right-first' : 'left-first' });
await page.click('#camera-start');
await page.waitForSelector('#camera-continue:not([hidden])', { timeout: 90_000 });
await page.click('#camera-continue');
await page.click('#calib-skip');
await page.waitForSelector(`#count-${side}:not(:empty)`);

// Record each counter change with the time since the latest frame mark.
await page.evaluate((sel) => {
  const w = window as unknown as {
    __lat: number[];
    __fps: number[];
    __ms: number[][];
    __follow: string[];
  };
  w.__lat = [];
  w.__fps = [];
  w.__ms = [];
  w.__follow = [];
  const el = document.querySelector(sel)!;
  let last = el.textContent;
  new MutationObserver(() => {
    if (el.textContent === last) return;
    last = el.textContent;
    const mark = performance.getEntriesByName('anklepump:frame').at(-1);
    if (mark) w.__lat.push(performance.now() - mark.startTime);
  }).observe(el, { childList: true, characterData: true, subtree: true });
  setInterval(() => {
    const wrap = document.querySelector<HTMLElement>('.video-wrap');
    const f = Number(wrap?.dataset.fps);
    if (f > 0) w.__fps.push(f);
    const ms = [wrap?.dataset.workerMs, wrap?.dataset.poseMs, wrap?.dataset.trackMs].map(Number);
    if (ms[0]! > 0) w.__ms.push(ms);
  }, 2000);
  setInterval(() => {
    w.__follow.push(document.querySelector<HTMLElement>('.video-wrap')?.dataset.follow ?? 'none');
  }, 100);
}, `#count-${side}`);
await page.waitForTimeout(SESSION_S * 1000);
const { lat, fps, ms, follow, reps, dropped, rough } = await page.evaluate((sel) => {
  const w = window as unknown as { __lat: number[]; __fps: number[]; __ms: number[][]; __follow: string[] };
  return {
    lat: w.__lat,
    fps: w.__fps,
    ms: w.__ms,
    follow: w.__follow,
    reps: document.querySelector(sel)?.textContent ?? '',
    dropped: document.querySelector<HTMLElement>('.video-wrap')?.dataset.droppedReps ?? '?',
    rough: document.querySelector<HTMLElement>('.video-wrap')?.dataset.roughReps ?? '?',
  };
}, `#count-${side}`);

await browser.close();
await server.close();

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const loadEnd = loadavg()
  .map((l) => l.toFixed(1))
  .join(' / ');
const share = (k: string) => (100 * follow.filter((f) => f === k).length) / Math.max(1, follow.length);
const verdict = (ok: boolean) => (ok ? 'meets' : 'misses');
const fpsMed = median(fps);
const latMed = median(lat);
const latP90 = q(lat, 0.9);
const md = `# web benchmark

Measured by \`npm run bench web\` on this machine (${cpus().length} shared cores, ${cpu}, no GPU), headless
Debian Chromium, pose model on the CPU (MediaPipe tasks-vision, full model, VIDEO mode).
Camera: Chromium's fake camera playing the tests' clip \`${CLIP.name}\` (tools/render seed ${CLIP.seed},
${CLIP.widthPx}x${CLIP.heightPx}, ${CLIP.reps} reps, looping) rendered at ${CAMERA_FPS} distinct frames a second, as a
phone's camera gives, so the camera does not cap the rate, through the whole app: set-up
wizard, then a camera-checked session for ${SESSION_S} s with the foot tracking on (pose model and
pixel foot tracker in a Worker; reps counted from the tracked angle). Other jobs share these cores
(load average 1 / 5 / 15 min at the start: ${loadStart}; at the end: ${loadEnd}), so numbers vary from
run to run.

| measure | goal | measured | verdict |
| --- | --- | --- | --- |
| first screen JavaScript, gzipped (model and wasm excluded) | <= 200 KB | ${js.gzipKb.toFixed(1)} KB (${js.rawKb.toFixed(1)} KB raw, ${js.files.length} file${js.files.length === 1 ? '' : 's'}) | ${verdict(js.gzipKb <= 200)} |
| live pipeline frame rate at 640x480, tracking on (median of ${fps.length} 2-s windows) | >= 15 fps (stretch 25) | ${fpsMed.toFixed(1)} fps (min ${Math.min(...fps).toFixed(1)}, max ${Math.max(...fps).toFixed(1)}) | ${verdict(fpsMed >= 15)}${fpsMed >= 25 ? ' (and the stretch)' : ''} |
| worker time per frame: all / pose model / foot tracker (medians of ${ms.length} readings) | - | ${median(ms.map((m) => m[0]!)).toFixed(0)} / ${median(ms.map((m) => m[1]!)).toFixed(0)} / ${median(ms.map((m) => m[2]!)).toFixed(0)} ms | - |
| time the foot was followed by the tracker / pose model only / not seen | - | ${share('tracked').toFixed(0)}% / ${share('fallback').toFixed(0)}% / ${share('unseen').toFixed(0)}% of ${follow.length} samples | - |
| frame that completes a rep -> counter changed (median / p90 of ${lat.length} reps) | <= 150 ms | ${latMed.toFixed(0)} / ${latP90.toFixed(0)} ms | ${verdict(latMed <= 150)} |

Reps counted on the ${side} foot in the ${SESSION_S} s session: "${reps}"; of them counted from the pose model's
angle with no degrees (the tracker had lost the foot): ${rough}; tracked reps refused because the tracker
had lost the foot for over half of them: ${dropped}. The clip shows a rep every
${(clip.truth.durationS / CLIP.reps).toFixed(1)} s.

How each is measured:
- JavaScript: the entry module and every module \`index.html\` preloads, gzip level 9. Later screens
  (session, camera, history) and the pose runtime load on demand and are not in this number.
- Frame rate: frames the app analysed per second (camera frame -> bitmap to the Worker -> pose model
  -> foot tracker on the full 640x480 frame -> landmark overlay -> motion engine -> session),
  averaged over the last 2 s and read every 2 s. The worker takes one frame at a time; frames that
  arrive while it is busy are skipped, not queued.
- Followed: the camera source's \`data-follow\` read every 100 ms: 'tracked' (reps are counted),
  'fallback' (the tracker lost the foot: the gauge shows the pose model's rough angle; a pump done
  then is counted from it with no degrees) or 'unseen'.
- Delay: each camera frame sets a User Timing mark when it arrives; a MutationObserver on the
  counter takes \`performance.now()\` minus the latest mark when the count changes. It includes the
  pose model's time on that frame, which is most of it.
`;
writeFileSync(join(here, 'results', 'web.md'), md);
process.stdout.write(md);
