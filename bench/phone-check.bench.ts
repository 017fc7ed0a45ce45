// `npm run bench phone-check`: the app's phone check of a camera's degrees, on bodies we never
// tuned on. Each clip (tools/render phoneCheckSet: 8 slow pumps, held-out bodies) is stepped
// through the camera session's live path exactly as the browser runs it (pose model, pixel stage,
// live foot; tools/tracker/live-path.ts) at fixed analysed rates. A phone on the foot is simulated
// for the first 4 pumps (their true ranges plus 1 deg of noise, on a clock 37 s off the camera's);
// the camera's reps in that window are paired with them by the app's own fit (exercise's
// fitPhoneGain, at least PHONE_CHECK_MIN_REPS pumps both saw), as the calibrate screen does. The
// later pumps are scored: their live range error as the camera gives it and as the check scales
// it. Nothing is fitted by us: the gain is the product's per-session fit, made on other pumps
// than the ones scored.
//
// Clips: .cache/render/phone-check (PHONE_CHECK_BENCH_DIR), rendered from their seeds on first use
// (about 20 minutes). PHONE_CHECK_BENCH_RATES=15,8 picks the rates. Writes bench/results/phone-check.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitPhoneGain, type TimedRange } from '@anklepump/exercise';
import type { RepMetrics } from '@anklepump/motion';
import { createHeadlessPoseEstimator } from '@anklepump/pose/node';
import { PHONE_CHECK_MIN_REPS } from '@anklepump/web/testing';
import { HELDOUT_BODIES } from '../tools/render/bodies.ts';
import { PHONE_CHECK_CLIP_REPS, phoneCheckSet } from '../tools/render/eval-sets.ts';
import type { ClipTruth } from '../tools/render/render-clip.ts';
import { ensureClips } from '../tools/render/render-set.ts';
import { stepLivePath } from '../tools/tracker/live-path.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const DIR = process.env.PHONE_CHECK_BENCH_DIR ?? join(root, '.cache', 'render', 'phone-check');
const RATES = (process.env.PHONE_CHECK_BENCH_RATES ?? '15,8').split(',').map(Number);
/** Pumps the simulated phone measures at the start: the check's window. */
const CHECK_REPS = 4;
/** The phone's clock minus the camera's, ms: the fit must line the two up itself. */
const PHONE_CLOCK_MS = 37_000;
/** The phone's range noise, degrees (SD): the phone path is within 2 deg on generated traces. */
const PHONE_NOISE_DEG = 1;
const log = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);

/** A seeded normal draw (Box-Muller over a small LCG): the same noise on every run. */
function noise(seed: number): () => number {
  let x = seed >>> 0;
  const u = () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return (x + 1) / 4294967297;
  };
  return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

const mid = (r: RepMetrics) => (r.plantarTMs + r.dorsiTMs) / 2;
const q = (xs: readonly number[], p: number) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};
const f1 = (x: number) => (Number.isNaN(x) ? '-' : x.toFixed(1));

interface RateScore {
  clips: number;
  calibrated: number;
  refused: Map<string, number>;
  /** Scored pumps (after the check) with degrees: error as the camera gives it, and after the check. */
  rawErrDeg: number[];
  checkedErrDeg: number[];
  /** The same, over calibrated clips only (raw beside checked, pump for pump). */
  rawOnCalibratedDeg: number[];
  checkedOnCalibratedDeg: number[];
  scoredTrue: number;
}

const entries = phoneCheckSet();
const bases = await ensureClips(entries, DIR, log);
const clips = entries.map((e, i) => {
  const truth = JSON.parse(readFileSync(`${bases[i]}.truth.json`, 'utf8')) as ClipTruth;
  if (truth.split !== 'heldout' || !HELDOUT_BODIES.includes(truth.body))
    throw new Error(`${bases[i]}: body ${truth.body} is not a held-out body; refusing to score it`);
  return { name: e.name, conditions: e.conditions, mp4: `${bases[i]}.mp4`, truth };
});

// One page, every frame in order: the browser's live path.
const estimator = await createHeadlessPoseEstimator({ lanes: 1 });
const scores = new Map<number, RateScore>();
const perClip: string[] = [];
const loads = [loadavg()[0]!];
try {
  for (const [ci, c] of clips.entries()) {
    const side = c.truth.visibleSide;
    const truthReps = c.truth.feet.find((f) => f.side === side)!.reps;
    const trueRange = (i: number) => truthReps[i]!.plantarflexionDeg + truthReps[i]!.dorsiflexionDeg;
    const draw = noise(5000 + ci);
    const phone: TimedRange[] = truthReps.slice(0, CHECK_REPS).map((r, i) => ({
      atMs: PHONE_CLOCK_MS + ((r.startS + r.endS) / 2) * 1000,
      rangeDeg: trueRange(i) + PHONE_NOISE_DEG * draw(),
    }));
    // The check ends once the phone's last pump is over (the patient then shows its code).
    const checkEndS = truthReps[CHECK_REPS - 1]!.endS + 1;
    const cells: string[] = [];
    for (const hz of RATES) {
      const s: RateScore = scores.get(hz) ?? {
        clips: 0,
        calibrated: 0,
        refused: new Map(),
        rawErrDeg: [],
        checkedErrDeg: [],
        rawOnCalibratedDeg: [],
        checkedOnCalibratedDeg: [],
        scoredTrue: 0,
      };
      scores.set(hz, s);
      const pass = await stepLivePath(estimator, c.mp4, side, hz);
      const camera = pass.measured
        .filter((r) => mid(r) / 1000 <= checkEndS)
        .map((r) => ({ atMs: mid(r), rangeDeg: r.rangeDeg }));
      const fit = fitPhoneGain(camera, phone, 1, PHONE_CHECK_MIN_REPS);
      s.clips++;
      if (fit.kind === 'calibrated') s.calibrated++;
      else s.refused.set(fit.code, (s.refused.get(fit.code) ?? 0) + 1);
      const gain = fit.kind === 'calibrated' ? fit.gain : 1;
      // The pumps after the check, matched as the live bench does: a counted rep ends in its true
      // rep or up to 2.5 s after.
      const used = new Set<number>();
      const errs: [number, number][] = [];
      s.scoredTrue += truthReps.length - CHECK_REPS;
      for (const r of pass.reps) {
        const tS = r.tMs / 1000;
        if (r.rangeDeg === null || tS <= checkEndS) continue;
        let best = -1;
        truthReps.forEach((tr, i) => {
          if (i < CHECK_REPS || used.has(i) || tS < tr.startS || tS > tr.endS + 2.5) return;
          if (best < 0 || Math.abs(tS - tr.endS) < Math.abs(tS - truthReps[best]!.endS)) best = i;
        });
        if (best < 0) continue;
        used.add(best);
        errs.push([Math.abs(r.rangeDeg - trueRange(best)), Math.abs(gain * r.rangeDeg - trueRange(best))]);
      }
      for (const [raw, checked] of errs) {
        s.rawErrDeg.push(raw);
        s.checkedErrDeg.push(checked);
        if (fit.kind === 'calibrated') {
          s.rawOnCalibratedDeg.push(raw);
          s.checkedOnCalibratedDeg.push(checked);
        }
      }
      const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);
      cells.push(
        `${camera.length} | ${fit.kind === 'calibrated' ? `x${fit.gain.toFixed(2)} (${fit.reps})` : fit.code} | ${errs.length} | ${f1(mean(errs.map((e) => e[0])))} -> ${f1(mean(errs.map((e) => e[1])))}`,
      );
    }
    loads.push(loadavg()[0]!);
    const k = c.conditions;
    const line = `| ${c.name} | ${c.truth.body} | ${k.posture}, yaw ${k.yawBand}, ${k.resolution} ${k.frameRateHz} fps, ${k.clothes}, ${k.style} | ${cells.join(' | ')} |`;
    perClip.push(line);
    log(line);
  }
} finally {
  await estimator.close();
}

const rows = RATES.map((hz) => {
  const s = scores.get(hz)!;
  const refused = [...s.refused].map(([code, n]) => `${n} ${code}`).join(', ') || 'none';
  const pq = (xs: number[]) => `${f1(q(xs, 0.5))} / ${f1(q(xs, 0.9))}`;
  return `| ${hz} | ${s.clips} | ${s.calibrated}/${s.clips} (refused: ${refused}) | ${s.rawErrDeg.length} of ${s.scoredTrue} | ${pq(s.rawErrDeg)} | ${pq(s.checkedErrDeg)} | ${s.rawOnCalibratedDeg.length}: ${pq(s.rawOnCalibratedDeg)} -> ${pq(s.checkedOnCalibratedDeg)} |`;
});
const md = `# Phone check of camera degrees (held-out bodies)

Measured by \`npm run bench phone-check\` on this machine (${cpus().length} cores; load average
${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}, which changes the time taken, not the numbers). Clips: the
${clips.length} rendered clips of tools/render's \`phoneCheckSet\` (held-out bodies, never tuned on; ${PHONE_CHECK_CLIP_REPS} slow pumps each),
each stepped through the camera session's live path (pose model, the worker's pixel stage, the
session's live foot) at a fixed analysed rate, with no hindsight. A phone on the foot is simulated
for the first ${CHECK_REPS} pumps: their true ranges plus ${PHONE_NOISE_DEG}° of noise (SD), on a clock
${PHONE_CLOCK_MS / 1000} s off the camera's. The app's fit (exercise's \`fitPhoneGain\`, at least
${PHONE_CHECK_MIN_REPS} pumps both saw) pairs them with the camera's reps counted by then, as the calibrate
screen does. The pumps after the check are scored: |range - true range| as the camera gives it
(gain 1, what a session without a check shows) and as the check scales it (unchanged where the
check refused). Nothing here is fitted by us.

| analysed frames/s | clips | check calibrated | later pumps scored (with degrees) of true | range err ° p50 / p90, no check | range err ° p50 / p90, after the check (refused: unchanged) | on calibrated clips only: pumps, no check -> after |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

Per clip, at each rate: camera reps with degrees in the check's window | the fit (gain and pumps
both saw, or why it refused) | later pumps scored | their mean range error, no check -> after it.

| clip | body | conditions | ${RATES.map((hz) => `${hz}/s: reps in window | fit | scored | err °`).join(' | ')} |
| --- | --- | --- | ${RATES.map(() => '--- | --- | --- | ---').join(' | ')} |
${perClip.join('\n')}

What this does not show: a phone's own error on real feet (simulated here as ${PHONE_NOISE_DEG}° of noise, SD), a
patient holding the phone's code up to a real camera (the code is read in
e2e/camera-phone-check.int.test.ts), and whether a view stays put between the check and a session.
`;
writeFileSync(join(root, 'bench', 'results', 'phone-check.md'), md);
log('wrote bench/results/phone-check.md');
