// The Node estimator for recorded video: ffmpeg decodes frames, a loopback HTTP server hands them
// to MediaPipe running in headless Chromium, landmarks come back as LandmarkFrames. Nothing leaves
// 127.0.0.1; the model is read from disk.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import type { LandmarkFrame } from '@anklepump/motion';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_THRESHOLDS, type PoseThresholds, validateThresholds } from '../model.ts';
import { type RawPoseResult, toLandmarkFrame } from '../to-landmark-frame.ts';
import { launchChromium } from './chromium.ts';
import { type DecodedFrame, decodeFrames, effectiveSampleHz } from './decode-frames.ts';
import { estimatorPageHtml } from './estimator-page.ts';
import { loadModel } from './model-file.ts';
import { PoseError } from './pose-error.ts';
import { probeVideo, type VideoInfo } from './probe-video.ts';

export interface HeadlessPoseEstimatorOptions {
  /** Path of pose_landmarker_full.task; default packages/pose/models/ (checked by sha256). */
  readonly modelPath?: string;
  readonly thresholds?: PoseThresholds;
  /**
   * Pages that run the model side by side, 1..8 (default: the CPU cores, at most 2). The model runs
   * on one core per page; with two, each page reads every other frame. 1 reads every frame in
   * order, as the browser does live (the model's tracking and smoothing then see every frame, so
   * its points differ from two pages' by a pixel or two; packages/pose/README.md, "Speed").
   */
  readonly lanes?: number;
}

export interface VideoProgress {
  readonly framesDone: number;
  /** Expected number of sampled frames (from the probed duration; an estimate). */
  readonly framesTotal: number;
  readonly elapsedS: number;
}

export interface EstimateVideoOptions {
  /** Frames per second to analyse, 1..120 (default 15; capped at the video's own rate). */
  readonly sampleHz?: number;
  /** Longest side the frames are scaled to before the model, 64..4096 px (default 960). */
  readonly maxSidePx?: number;
  readonly onProgress?: (p: VideoProgress) => void;
  /**
   * Called with each frame's pixels and its landmarks, in order, as soon as the model has read it
   * (the pixel stage runs here, in Node, while Chromium reads the next frame). The pixels are
   * released after the call.
   */
  readonly onFrame?: (pixels: DecodedFrame, frame: LandmarkFrame) => void;
}

export interface VideoPose {
  readonly info: VideoInfo;
  /** The sampling rate actually used (frames per second). */
  readonly sampleHz: number;
  readonly frames: LandmarkFrame[];
  /** Median time of the pose model per frame inside Chromium (milliseconds). */
  readonly modelMsPerFrame: number;
  /** Wall time of decoding + estimation (seconds). */
  readonly elapsedS: number;
  /** ffmpeg's complaint when the file is damaged or cut short (frames may be missing or frozen), else null. */
  readonly damage: string | null;
}

export interface HeadlessPoseEstimator {
  /** Landmarks of every sampled frame of the video at `path`. Rejects with PoseError. */
  estimateVideo(path: string, options?: EstimateVideoOptions): Promise<VideoPose>;
  /** Closes Chromium and the loopback server. */
  close(): Promise<void>;
}

interface Job {
  readonly id: number;
  readonly frames: Map<number, DecodedFrame>;
  readonly waiting: Map<number, (f: DecodedFrame | null) => void>;
  ended: boolean;
  /** The model's time and raw result per frame index, as the page posted them. */
  readonly results: { ms: number; pose: RawPoseResult }[];
  onResult: (i: number) => void;
  onDone: (lane: number) => void;
  onError: (message: string) => void;
  readonly wake: () => void;
}

const MAX_QUEUED_FRAMES = 6;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function median(xs: number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const NOBODY: RawPoseResult = { landmarks: [] };

/** A frame's landmarks from the page's raw result (a frame without one found nobody). */
function frameOf(r: { pose: RawPoseResult } | undefined, f: DecodedFrame): LandmarkFrame {
  return toLandmarkFrame(r?.pose ?? NOBODY, f.tMs, f.widthPx, f.heightPx);
}

/** Starts Chromium and the loopback server and loads the model page. Rejects with PoseError. */
export async function createHeadlessPoseEstimator(
  options: HeadlessPoseEstimatorOptions = {},
): Promise<HeadlessPoseEstimator> {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  validateThresholds(thresholds);
  const lanes = options.lanes ?? Math.min(2, availableParallelism());
  if (!(Number.isInteger(lanes) && lanes >= 1 && lanes <= 8)) {
    throw new RangeError(`lanes must be a whole number from 1 to 8, got ${lanes}`);
  }
  const model = loadModel(options.modelPath);
  const visionDir = dirname(createRequire(import.meta.url).resolve('@mediapipe/tasks-vision'));
  const html = estimatorPageHtml(thresholds);
  const jobs = new Map<number, Job>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const parts = url.pathname.split('/').filter(Boolean);
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    } else if (parts[0] === 'vision') {
      const rel = normalize(parts.slice(1).join('/'));
      if (rel.startsWith('..')) return void res.writeHead(403).end();
      const type = rel.endsWith('.wasm') ? 'application/wasm' : 'text/javascript';
      res.writeHead(200, { 'content-type': type }).end(readFileSync(join(visionDir, rel)));
    } else if (url.pathname === '/model.task') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(model);
    } else {
      const job = jobs.get(Number(parts[1]));
      const i = Number(parts[2]);
      if (!job) return void res.writeHead(404).end();
      if (parts[0] === 'frame') {
        const f =
          job.frames.get(i) ??
          (job.ended ? null : await new Promise<DecodedFrame | null>((r) => job.waiting.set(i, r)));
        job.frames.delete(i);
        job.wake();
        if (!f) return void res.writeHead(204).end();
        const frame = f as DecodedFrame;
        res
          .writeHead(200, {
            'content-type': 'application/octet-stream',
            'x-width': frame.widthPx,
            'x-height': frame.heightPx,
            'x-tms': frame.tMs,
          })
          .end(frame.rgba);
      } else if (parts[0] === 'result') {
        job.results[i] = JSON.parse(await readBody(req));
        res.writeHead(204).end();
        job.onResult(i);
      } else if (parts[0] === 'done') {
        await readBody(req);
        res.writeHead(204).end();
        job.onDone(i);
      } else if (parts[0] === 'error') {
        const { message } = JSON.parse(await readBody(req)) as { message: string };
        res.writeHead(204).end();
        job.onError(message);
      } else res.writeHead(404).end();
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) res.writeHead(500).end(String(e));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let browser: Browser | undefined;
  let pages: Page[];
  try {
    const b = await launchChromium();
    browser = b;
    pages = await Promise.all(
      Array.from({ length: lanes }, async () => {
        const page = await b.newPage();
        await page.goto(`${base}/`);
        await page.waitForFunction('window.__ready === true', undefined, { timeout: 60_000 });
        return page;
      }),
    );
  } catch (e) {
    await browser?.close();
    server.close();
    if (e instanceof PoseError) throw e;
    throw new PoseError(
      'browser-failed',
      `the pose page failed to load: ${(e as Error).message.split('\n')[0]}`,
    );
  }
  let nextJob = 1;

  return {
    async estimateVideo(path, opts = {}) {
      const started = performance.now();
      const info = await probeVideo(path);
      const sampleHz = effectiveSampleHz(info, opts.sampleHz ?? 15);
      const framesTotal = Math.max(1, Math.round(info.durationS * sampleHz));
      let wakeProducer = () => {};
      const job: Job = {
        id: nextJob++,
        frames: new Map(),
        waiting: new Map(),
        ended: false,
        results: [],
        onResult: () => {},
        onDone: () => {},
        onError: () => {},
        wake: () => wakeProducer(),
      };
      jobs.set(job.id, job);
      const decoded: DecodedFrame[] = [];
      const awaitingResult = new Map<number, DecodedFrame>();
      /** Results reach onFrame in frame order: the next frame to hand over. */
      let delivered = 0;
      let damage: string | null = null;
      let hookError: unknown = null;
      const finished = new Promise<void>((resolve, reject) => {
        const lanesDone = new Set<number>();
        job.onDone = (lane) => {
          lanesDone.add(lane);
          if (lanesDone.size === lanes) resolve();
        };
        job.onError = (m) => reject(new PoseError('browser-failed', `pose model failed in Chromium: ${m}`));
        job.onResult = () => {
          // A page may finish its frame before the other finishes an earlier one: hand over in order.
          while (job.results[delivered] !== undefined) {
            const i = delivered++;
            const px = awaitingResult.get(i);
            awaitingResult.delete(i);
            if (px && opts.onFrame && hookError === null) {
              try {
                opts.onFrame(px, frameOf(job.results[i], px));
              } catch (e) {
                hookError = e;
              }
            }
            opts.onProgress?.({
              framesDone: i + 1,
              framesTotal: Math.max(framesTotal, i + 1),
              elapsedS: (performance.now() - started) / 1000,
            });
          }
        };
      });
      finished.catch(() => {});
      const produce = async (): Promise<void> => {
        try {
          for await (const f of decodeFrames(path, info, {
            sampleHz,
            maxSidePx: opts.maxSidePx ?? 960,
            onDamage: (m) => {
              damage = m;
            },
          })) {
            decoded.push({ ...f, rgba: Buffer.alloc(0) });
            if (opts.onFrame) awaitingResult.set(f.index, f);
            const w = job.waiting.get(f.index);
            if (w) {
              job.waiting.delete(f.index);
              w(f);
            } else job.frames.set(f.index, f);
            // Room for every page's next frame: a page waiting for its frame must not stall the decoder.
            while (job.frames.size >= MAX_QUEUED_FRAMES + lanes) {
              await new Promise<void>((r) => {
                wakeProducer = r;
              });
            }
          }
        } finally {
          job.ended = true;
          for (const [, w] of job.waiting) w(null);
          job.waiting.clear();
        }
      };
      const producing = produce();
      producing.catch(() => {});
      try {
        await Promise.all(
          pages.map((page, lane) =>
            page.evaluate(
              ([id, lane, lanes]) => {
                const run = (
                  globalThis as unknown as {
                    __run: (id: number, lane: number, lanes: number) => Promise<void>;
                  }
                ).__run;
                void run(id, lane, lanes);
              },
              [job.id, lane, lanes] as const,
            ),
          ),
        );
        await Promise.race([producing.then(() => finished), finished]);
        await producing;
      } finally {
        jobs.delete(job.id);
      }
      if (hookError !== null) throw hookError;
      const frames = decoded.map((f, i) => frameOf(job.results[i], f));
      return {
        info,
        sampleHz,
        frames,
        modelMsPerFrame: median(job.results.map((r) => r.ms)),
        elapsedS: (performance.now() - started) / 1000,
        damage,
      };
    },
    async close() {
      await browser?.close();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
