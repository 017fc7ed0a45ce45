// The page headless Chromium runs for the Node estimator: it pulls raw RGBA frames from the
// loopback server, runs MediaPipe on each (VIDEO mode, CPU delegate) and posts its raw result back;
// Node turns it into a LandmarkFrame with the same toLandmarkFrame the browser estimator uses.
// Frames travel as binary over HTTP: base64 through page.evaluate measured ~4x slower.

/** HTML of the estimator page; `thresholds` are baked in as JSON. */
export function estimatorPageHtml(thresholds: {
  minDetection: number;
  minPresence: number;
  minTracking: number;
}): string {
  return `<!doctype html><meta charset="utf-8"><title>anklepump pose</title>
<script type="module">
import { FilesetResolver, PoseLandmarker } from '/vision/vision_bundle.mjs';
const t = ${JSON.stringify(thresholds)};
const fileset = await FilesetResolver.forVisionTasks('/vision/wasm');
async function create() {
  return PoseLandmarker.createFromOptions(fileset, {
    baseOptions: { modelAssetPath: '/model.task', delegate: 'CPU' },
    runningMode: 'VIDEO', numPoses: 1,
    minPoseDetectionConfidence: t.minDetection, minPosePresenceConfidence: t.minPresence,
    minTrackingConfidence: t.minTracking,
  });
}
async function getFrame(job, i) {
  const r = await fetch('/frame/' + job + '/' + i);
  if (r.status === 204) return null;
  if (!r.ok) throw new Error('frame ' + i + ': HTTP ' + r.status);
  const w = Number(r.headers.get('x-width')), h = Number(r.headers.get('x-height'));
  const tMs = Number(r.headers.get('x-tms'));
  return { w, h, tMs, data: new Uint8ClampedArray(await r.arrayBuffer()) };
}
// Each page reads its lane's share of the frames: every "lanes"-th frame from its own.
window.__run = async (job, lane, lanes) => {
  const frameAt = (k) => k * lanes + lane;
  try {
    const landmarker = await create();
    let next = getFrame(job, frameAt(0));
    for (let k = 0; ; k++) {
      const i = frameAt(k);
      const f = await next;
      if (!f) break;
      next = getFrame(job, frameAt(k + 1));
      const t0 = performance.now();
      // +1: VIDEO mode needs strictly positive, increasing timestamps.
      const r = landmarker.detectForVideo(new ImageData(f.data, f.w, f.h), f.tMs + 1);
      const ms = performance.now() - t0;
      const body = JSON.stringify({ ms, pose: { landmarks: r.landmarks, worldLandmarks: r.worldLandmarks } });
      await fetch('/result/' + job + '/' + i, { method: 'POST', body });
    }
    landmarker.close();
    await fetch('/done/' + job + '/' + lane, { method: 'POST', body: '{}' });
  } catch (e) {
    await fetch('/error/' + job, { method: 'POST', body: JSON.stringify({ message: String(e && e.stack || e) }) });
  }
};
window.__ready = true;
</script>`;
}
