// The small clips committed under tools/render/fixtures/ (tests and the web app's fake camera):
// their specs, pinned here so `tsx tools/render/fixtures.ts` renders them again identically.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ClipSpec, randomClipSpec } from './clip-spec.ts';
import { renderClip } from './render-clip.ts';

const base = randomClipSpec(101);

/** Right foot, 3 reps, sitting, side camera, 640x480 at 15 fps: the web app's fake-camera clip. */
export const SIT_RIGHT_3REPS: ClipSpec = {
  ...base,
  widthPx: 640,
  heightPx: 480,
  frameRateHz: 15,
  posture: 'sitting',
  camera: { side: 'right', azimuthDeg: 5, elevationDeg: 8, distanceM: 1.8, fovDeg: 50 },
  light: { ambient: 1, key: 1.8, keyColor: '#ffffff', keyX: -2, keyZ: 3 },
  movingFeet: ['right'],
  profile: {
    reps: 3,
    leadInS: 1.2,
    plantarDeg: 30,
    dorsiDeg: 14,
    peakJitterDeg: 2,
    plantarHoldS: 1.2,
    dorsiHoldS: 1,
    moveS: 0.6,
    pauseS: 0.4,
    legLifts: [],
  },
};

export const FIXTURES: Readonly<Record<string, ClipSpec>> = { 'sit-right-3reps': SIT_RIGHT_3REPS };

/** Folder of the committed fixture clips. */
export const FIXTURE_DIR = fileURLToPath(new URL('./fixtures/', import.meta.url));

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [name, spec] of Object.entries(FIXTURES)) {
    const r = await renderClip(spec, FIXTURE_DIR, name);
    process.stderr.write(`${join(FIXTURE_DIR, name)}.mp4: ${r.truth.durationS.toFixed(1)} s\n`);
  }
}
