// The in-browser pose estimator (MediaPipe tasks-vision, VIDEO mode): turns camera frames into
// LandmarkFrames on the patient's device. Nothing leaves the page; model and wasm come from URLs
// the app serves itself.
import type { LandmarkFrame } from '@anklepump/motion';
import { FilesetResolver, PoseLandmarker } from '@mediapipe/tasks-vision';
import { DEFAULT_THRESHOLDS, type PoseThresholds, validateThresholds } from './model.ts';
import { toLandmarkFrame } from './to-landmark-frame.ts';

export interface BrowserPoseEstimatorOptions {
  /** URL of the folder holding tasks-vision's wasm files (served by the app, never a CDN). */
  readonly wasmBaseUrl: string;
  /** URL of pose_landmarker_full.task (served by the app). */
  readonly modelUrl: string;
  /** 'CPU' by default; 'GPU' only where a real GPU backs WebGL (software WebGL is ~25x slower). */
  readonly delegate?: 'CPU' | 'GPU';
  readonly thresholds?: PoseThresholds;
}

export interface BrowserPoseEstimator {
  /**
   * Landmarks of one frame. `tMs` (milliseconds) must increase from call to call (VIDEO mode
   * tracks the person between frames).
   */
  estimate(frame: TexImageSource | ImageData, tMs: number): LandmarkFrame;
  /** Frees the model; the estimator cannot be used afterwards. */
  close(): void;
}

function sizeOf(frame: TexImageSource | ImageData): { w: number; h: number } {
  if (typeof HTMLVideoElement !== 'undefined' && frame instanceof HTMLVideoElement) {
    return { w: frame.videoWidth, h: frame.videoHeight };
  }
  if (typeof VideoFrame !== 'undefined' && frame instanceof VideoFrame) {
    return { w: frame.displayWidth, h: frame.displayHeight };
  }
  const f = frame as { width: number; height: number };
  return { w: f.width, h: f.height };
}

/** Loads the model and returns an estimator. Rejects if the wasm or model URL cannot be loaded. */
export async function createBrowserPoseEstimator(
  options: BrowserPoseEstimatorOptions,
): Promise<BrowserPoseEstimator> {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  validateThresholds(thresholds);
  const delegate = options.delegate ?? 'CPU';
  if (delegate !== 'CPU' && delegate !== 'GPU') {
    throw new RangeError(`delegate must be 'CPU' or 'GPU', got ${String(delegate)}`);
  }
  const fileset = await FilesetResolver.forVisionTasks(options.wasmBaseUrl);
  const landmarker = await PoseLandmarker.createFromOptions(fileset, {
    baseOptions: { modelAssetPath: options.modelUrl, delegate },
    runningMode: 'VIDEO',
    numPoses: 1,
    minPoseDetectionConfidence: thresholds.minDetection,
    minPosePresenceConfidence: thresholds.minPresence,
    minTrackingConfidence: thresholds.minTracking,
  });
  let lastTMs = Number.NEGATIVE_INFINITY;
  return {
    estimate(frame, tMs) {
      if (!(tMs > lastTMs)) throw new RangeError(`tMs must increase between frames: ${tMs} after ${lastTMs}`);
      lastTMs = tMs;
      const { w, h } = sizeOf(frame);
      return toLandmarkFrame(landmarker.detectForVideo(frame, tMs), tMs, w, h);
    },
    close() {
      landmarker.close();
    },
  };
}
