// The live camera pipeline: the camera stream in a <video>, the on-device pose estimator and the
// foot tracker on each new frame in a Worker (the page never waits for the model), the leg's
// landmarks drawn over the video, and the picture's brightness. No frame is stored or sent
// anywhere: each one is handed to the worker as a bitmap, read and closed.
import { BLAZEPOSE, type LandmarkFrame, type Side } from '@anklepump/motion';
import type { LegTrackState } from '@anklepump/pose';
import { h } from '../app/dom.ts';
import type { PoseWorkerReply, PoseWorkerRequest } from './pose-worker.ts';
import { createViewStart } from './view-calibration.ts';

export interface CameraFrame {
  /** BlazePose's landmarks as the model gave them. */
  readonly frame: LandmarkFrame;
  /**
   * The same frame with each foot's angle measured from its own pixels by the pose package's
   * tracker (no BlazePose correction applies to it); a lost foot has its heel and toe gated out.
   */
  readonly tracked: LandmarkFrame;
  /** Whether the tracker follows each foot in this frame. */
  readonly tracking: Readonly<Record<Side, LegTrackState>>;
  /** How well each foot's patch matched (NCC, 0..1; 0 unless tracking). */
  readonly match: Readonly<Record<Side, number>>;
  /** Mean brightness 0..255, refreshed every few frames. */
  readonly lumaMean: number;
  /** performance.now() when the video frame arrived, ms (for latency measurement). */
  readonly arrivedMs: number;
}

export interface CameraPipeline {
  /**
   * When the camera's current view began (ms since the epoch): opened then, or seen to move since
   * (`viewMoved`). A calibration made before it is another view's.
   */
  readonly openedAtMs: number;
  /** The rep engine saw the view change: calibrations made before now are another view's. */
  viewMoved(): void;
  /** The video with the landmark overlay, ready to place on a screen. */
  readonly view: HTMLElement;
  /** Calls `cb` for every analysed frame; returns the unsubscribe function. */
  subscribe(cb: (f: CameraFrame) => void): () => void;
  /** Frames analysed per second over the last two seconds. */
  fps(): number;
  /** The camera still delivers: a phone may end the track while the app is in the background. */
  live(): boolean;
  stop(): void;
}

/** Name of the performance mark set when each camera frame arrives. */
export const FRAME_MARK = 'anklepump:frame';

const LEG_LINES = [
  [BLAZEPOSE.leftKnee, BLAZEPOSE.leftAnkle, BLAZEPOSE.leftHeel, BLAZEPOSE.leftFootIndex, BLAZEPOSE.leftAnkle],
  [
    BLAZEPOSE.rightKnee,
    BLAZEPOSE.rightAnkle,
    BLAZEPOSE.rightHeel,
    BLAZEPOSE.rightFootIndex,
    BLAZEPOSE.rightAnkle,
  ],
] as const;

function drawLegs(ctx: CanvasRenderingContext2D, frame: LandmarkFrame): void {
  const { width: w, height: hh } = ctx.canvas;
  ctx.clearRect(0, 0, w, hh);
  const lm = frame.landmarks;
  if (!lm) return;
  ctx.lineWidth = Math.max(3, w / 160);
  for (const [k, line] of LEG_LINES.entries()) {
    const pts = line.map((i) => lm[i]);
    if (pts.some((p) => !p || p[3] < 0.5)) continue;
    ctx.strokeStyle = k === 0 ? '#ffb000' : '#00d0ff';
    ctx.beginPath();
    for (const [j, p] of pts.entries()) {
      if (j === 0) ctx.moveTo(p![0] * w, p![1] * hh);
      else ctx.lineTo(p![0] * w, p![1] * hh);
    }
    ctx.stroke();
    ctx.fillStyle = '#fff';
    for (const p of pts) {
      ctx.beginPath();
      ctx.arc(p![0] * w, p![1] * hh, ctx.lineWidth * 1.3, 0, Math.PI * 2);
      ctx.fill();
    }
  }
}

/** Opens the camera and loads the pose model. Rejects with the browser's error if either fails. */
export async function openCamera(): Promise<CameraPipeline> {
  const viewStart = createViewStart(Date.now);
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'environment' },
    audio: false,
  });
  const video = h('video', { playsinline: true, muted: true, autoplay: true, 'aria-hidden': 'true' });
  video.srcObject = stream;
  const canvas = h('canvas', { 'aria-hidden': 'true' });
  const view = h('div', { class: 'video-wrap' }, video, canvas);
  // A classic worker: MediaPipe loads its wasm glue with importScripts, which module workers lack.
  const worker = new Worker(new URL('./pose-worker.ts', import.meta.url), { type: 'classic' });
  const send = (m: PoseWorkerRequest, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
  let onReply: (m: PoseWorkerReply) => void = () => {};
  worker.onmessage = (ev: MessageEvent<PoseWorkerReply>) => onReply(ev.data);
  try {
    await video.play();
    // Model and wasm ship with the app (see vite.config.ts), relative to the page.
    await new Promise<void>((resolve, reject) => {
      onReply = (m) =>
        m.type === 'ready' ? resolve() : m.type === 'error' ? reject(new Error(m.message)) : undefined;
      worker.onerror = (e) => reject(new Error(`the pose worker failed to start: ${e.message}`));
      send({
        type: 'init',
        wasmBaseUrl: new URL('pose/wasm', document.baseURI).href,
        modelUrl: new URL('pose/pose_landmarker_full.task', document.baseURI).href,
      });
    });
  } catch (err) {
    for (const t of stream.getTracks()) t.stop();
    worker.terminate();
    throw err;
  }
  const ctx = canvas.getContext('2d')!;
  const lumaCanvas = new OffscreenCanvas(32, 24);
  const lumaCtx = lumaCanvas.getContext('2d', { willReadFrequently: true })!;
  const subscribers = new Set<(f: CameraFrame) => void>();
  const times: number[] = [];
  /** The worker's time for the last frames, ms: all, the pose model's, the foot tracker's. */
  const workerMs: number[] = [];
  const poseMs: number[] = [];
  const trackMs: number[] = [];
  const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? Number.NaN;
  let luma = 128;
  let n = 0;
  let stopped = false;
  let lastT = -1;
  /** Only one frame at a time in the worker: of the frames that arrive meanwhile only the latest is kept. */
  let busy = false;
  /** When the latest frame not yet analysed arrived (ms), or null. */
  let pendingMs: number | null = null;

  onReply = (m) => {
    if (m.type !== 'result') return;
    busy = false;
    if (stopped) return;
    // The overlay shows what is measured: the tracked foot's line (a lost foot's heel-toe line is
    // not drawn) over the pose model's leg.
    drawLegs(ctx, m.tracked);
    times.push(m.tMs);
    while (times.length > 0 && times[0]! < m.tMs - 2000) times.shift();
    for (const [list, v] of [
      [workerMs, m.ms],
      [poseMs, m.poseMs],
      [trackMs, m.trackMs],
    ] as const) {
      list.push(v);
      if (list.length > 30) list.shift();
    }
    for (const cb of subscribers)
      cb({
        frame: m.frame,
        tracked: m.tracked,
        tracking: m.tracking,
        match: m.match,
        lumaMean: luma,
        arrivedMs: m.tMs,
      });
    // The waiting frame goes to the worker after this result has reached the screen (a microtask:
    // anything the counter's change set off runs first, so a frame mark is the frame that changed it).
    if (pendingMs !== null) {
      const at = pendingMs;
      pendingMs = null;
      queueMicrotask(() => analyse(at));
    }
    // Exposed for the benchmark and for support: how fast this device analyses the camera.
    if (n % 15 === 0) {
      view.dataset.fps = fps().toFixed(1);
      view.dataset.workerMs = median(workerMs).toFixed(0);
      view.dataset.poseMs = median(poseMs).toFixed(0);
      view.dataset.trackMs = median(trackMs).toFixed(0);
    }
  };

  /** Sends the video's current frame, which arrived at `arrivedMs`, to the worker. */
  const analyse = (arrivedMs: number) => {
    if (video.videoWidth > 0 && arrivedMs > lastT && !busy) {
      lastT = arrivedMs;
      if (canvas.width !== video.videoWidth) {
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
      }
      if (n++ % 10 === 0) {
        lumaCtx.drawImage(video, 0, 0, 32, 24);
        const px = lumaCtx.getImageData(0, 0, 32, 24).data;
        let sum = 0;
        for (let i = 0; i < px.length; i += 4)
          sum += 0.299 * px[i]! + 0.587 * px[i + 1]! + 0.114 * px[i + 2]!;
        luma = sum / (px.length / 4);
      }
      // A User Timing mark per frame lets a benchmark measure frame-to-counter delay from outside.
      performance.clearMarks(FRAME_MARK);
      performance.mark(FRAME_MARK, { startTime: arrivedMs });
      busy = true;
      createImageBitmap(video).then(
        (bitmap) => {
          if (stopped) {
            bitmap.close();
            return;
          }
          send({ type: 'frame', bitmap, tMs: arrivedMs }, [bitmap]);
        },
        () => {
          busy = false;
        },
      );
    }
  };
  const onFrame = () => {
    if (stopped) return;
    const arrivedMs = performance.now();
    // A frame that arrives while the worker is busy waits as the latest one (never queued behind
    // others): the worker takes it the moment it is free, instead of idling until the next frame.
    if (busy) pendingMs = arrivedMs;
    else analyse(arrivedMs);
    schedule();
  };
  const schedule = () => {
    if (stopped) return;
    if ('requestVideoFrameCallback' in video) video.requestVideoFrameCallback(onFrame);
    else requestAnimationFrame(onFrame);
  };
  schedule();

  function fps(): number {
    return times.length < 2 ? 0 : ((times.length - 1) * 1000) / (times[times.length - 1]! - times[0]!);
  }
  return {
    get openedAtMs() {
      return viewStart.openedAtMs;
    },
    viewMoved: () => viewStart.moved(),
    view,
    subscribe(cb) {
      subscribers.add(cb);
      return () => subscribers.delete(cb);
    },
    fps,
    live: () => !stopped && stream.getVideoTracks().some((t) => t.readyState === 'live'),
    stop() {
      stopped = true;
      subscribers.clear();
      for (const t of stream.getTracks()) t.stop();
      send({ type: 'close' });
    },
  };
}
