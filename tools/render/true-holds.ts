// The true hold of a rendered rep, by the engine's own definition, so every evaluation of rendered
// clips (the analyze bench, the tracker's evaluation) scores holds against the same truth.
import { holdBandDeg } from '@anklepump/motion';
import { buildProfile, seededRandom, type TrueRep } from './ankle-profile.ts';
import type { ClipTruth } from './render-clip.ts';

const STEP_S = 0.005;

/** Seconds at each end within max(3°, 10% of the rep's range) of its peak, on the clip's true curve. */
export function trueHolds(truth: ClipTruth, rep: TrueRep): { plantarS: number; dorsiS: number } {
  const profile = buildProfile(truth.spec.profile, seededRandom(truth.spec.seed));
  const tol = holdBandDeg(rep.plantarflexionDeg + rep.dorsiflexionDeg);
  let plantarS = 0;
  let dorsiS = 0;
  for (let t = rep.startS; t < rep.endS; t += STEP_S) {
    const a = profile.angleDeg(t);
    if (a <= -rep.plantarflexionDeg + tol) plantarS += STEP_S;
    if (a >= rep.dorsiflexionDeg - tol) dorsiS += STEP_S;
  }
  return { plantarS, dorsiS };
}
