// The camera's pose model and the foot tracker, off the main thread: each video frame arrives as
// an ImageBitmap, MediaPipe finds the landmarks, the pixel stage follows each foot's own pixels,
// and both frames go back. Nothing is stored: the bitmap is closed as soon as it has been read.
/// <reference lib="webworker" />
import type { LandmarkFrame, Side } from '@anklepump/motion';
import { type BrowserPoseEstimator, createBrowserPoseEstimator, type LegTrackState } from '@anklepump/pose';
import { createLiveTrackStage } from './live-track-stage.ts';

/** Messages the page sends the worker. */
export type PoseWorkerRequest =
  | { readonly type: 'init'; readonly wasmBaseUrl: string; readonly modelUrl: string }
  | { readonly type: 'frame'; readonly bitmap: ImageBitmap; readonly tMs: number }
  | { readonly type: 'close' };

/** Messages the worker sends back. */
export type PoseWorkerReply =
  | { readonly type: 'ready' }
  | { readonly type: 'error'; readonly message: string }
  | {
      readonly type: 'result';
      readonly tMs: number;
      /** BlazePose's landmarks as the model gave them. */
      readonly frame: LandmarkFrame;
      /** The same frame with each tracked foot's angle measured from its pixels (heel and toe gated out when lost). */
      readonly tracked: LandmarkFrame;
      readonly tracking: Readonly<Record<Side, LegTrackState>>;
      /** How well each foot's patch matched (NCC, 0..1; 0 unless tracking). */
      readonly match: Readonly<Record<Side, number>>;
      /** Worker time for this frame, ms: all of it, the pose model's share, the foot tracker's share. */
      readonly ms: number;
      readonly poseMs: number;
      readonly trackMs: number;
    };

const scope = self as unknown as DedicatedWorkerGlobalScope;
let estimator: BrowserPoseEstimator | null = null;
const stage = createLiveTrackStage();
let canvas: OffscreenCanvas | null = null;
let ctx: OffscreenCanvasRenderingContext2D | null = null;

function reply(m: PoseWorkerReply): void {
  scope.postMessage(m);
}

scope.onmessage = async (ev: MessageEvent<PoseWorkerRequest>) => {
  const m = ev.data;
  try {
    if (m.type === 'init') {
      estimator = await createBrowserPoseEstimator({ wasmBaseUrl: m.wasmBaseUrl, modelUrl: m.modelUrl });
      reply({ type: 'ready' });
    } else if (m.type === 'frame') {
      const t0 = performance.now();
      const bmp = m.bitmap;
      try {
        if (!estimator) throw new Error('the pose model is not loaded');
        const frame = estimator.estimate(bmp, m.tMs);
        const t1 = performance.now();
        if (!canvas || canvas.width !== bmp.width || canvas.height !== bmp.height) {
          canvas = new OffscreenCanvas(bmp.width, bmp.height);
          ctx = canvas.getContext('2d', { willReadFrequently: true });
        }
        ctx!.drawImage(bmp, 0, 0);
        const img = ctx!.getImageData(0, 0, bmp.width, bmp.height);
        const { tracked, tracking, match } = stage.push(
          { data: img.data, widthPx: img.width, heightPx: img.height },
          frame,
        );
        const t2 = performance.now();
        reply({
          type: 'result',
          tMs: m.tMs,
          frame,
          tracked,
          tracking,
          match,
          ms: t2 - t0,
          poseMs: t1 - t0,
          trackMs: t2 - t1,
        });
      } finally {
        bmp.close();
      }
    } else {
      estimator?.close();
      estimator = null;
      scope.close();
    }
  } catch (e) {
    reply({ type: 'error', message: String((e as Error)?.message ?? e) });
  }
};
