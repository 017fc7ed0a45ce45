// `tsx tools/render/render.ts --seed N [--out DIR] [--name NAME] [--width W --height H --fps F]
// [--reps R] [--posture sitting|lying] [--side left|right] [--body NAME] [--y4m]`: renders one seeded clip
// with its truth. Same seed and options, same clip.
import { parseArgs } from 'node:util';
import { bodyNamed } from './bodies.ts';
import { type ClipSpec, randomClipSpec } from './clip-spec.ts';
import { renderClip } from './render-clip.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: '.cache/render' },
    name: { type: 'string' },
    width: { type: 'string' },
    height: { type: 'string' },
    fps: { type: 'string' },
    reps: { type: 'string' },
    posture: { type: 'string' },
    side: { type: 'string' },
    body: { type: 'string' },
    y4m: { type: 'boolean', default: false },
  },
});
const seed = Number(values.seed);
let spec: ClipSpec = randomClipSpec(seed);
if (values.width) spec = { ...spec, widthPx: Number(values.width) };
if (values.height) spec = { ...spec, heightPx: Number(values.height) };
if (values.fps) spec = { ...spec, frameRateHz: Number(values.fps) };
if (values.reps) spec = { ...spec, profile: { ...spec.profile, reps: Number(values.reps) } };
if (values.posture === 'sitting' || values.posture === 'lying') spec = { ...spec, posture: values.posture };
if (values.side === 'left' || values.side === 'right')
  spec = { ...spec, camera: { ...spec.camera, side: values.side } };
if (values.body) spec = { ...spec, body: bodyNamed(values.body).name };
const name = values.name ?? `clip-${seed}`;
const r = await renderClip(spec, values.out!, name, {
  y4m: values.y4m,
  onFrame: (i, n) => process.stderr.write(`\rrender ${name}: frame ${i}/${n}`),
});
process.stderr.write(`\n${r.mp4Path} (${r.renderFps.toFixed(1)} frames/s rendered)\n`);
