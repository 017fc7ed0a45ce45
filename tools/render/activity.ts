// What the body does in a clip, frame by frame: the hip, knee and ankle angles of each leg and the
// trunk lean. Ankle pumps follow the scripted profile (with its leg movements); the other activities
// (squats, standing up and sitting down, walking in place, a still leg) are what `analyze` must not
// count as ankle pumps. Pure: the truth written beside a clip is exact.
import { type AnkleProfile, buildProfile, seededRandom } from './ankle-profile.ts';
import type { ClipSpec, FootSide } from './clip-spec.ts';

export interface LegState {
  readonly hipFlexDeg: number;
  readonly kneeFlexDeg: number;
  readonly slideDeg: number;
  /** Ankle angle, dorsiflexion positive (degrees). */
  readonly ankleDeg: number;
}

export interface FrameState {
  readonly legs: { readonly l: LegState; readonly r: LegState };
  readonly trunkDeg: number;
  /** Keep the feet where they stand ('both'), or the lowest foot on the floor ('lowest'). */
  readonly anchor: 'none' | 'both' | 'lowest';
}

export interface ClipMotion {
  readonly durationS: number;
  stateAt(tS: number): FrameState;
  /** The pump profile (reps, holds, leg movements); null for activities that are not ankle pumps. */
  readonly profile: AnkleProfile | null;
}

const still: LegState = { hipFlexDeg: 0, kneeFlexDeg: 0, slideDeg: 0, ankleDeg: 0 };
const cosEase = (u: number) => 0.5 - 0.5 * Math.cos(Math.PI * Math.min(1, Math.max(0, u)));

/** Seconds of a non-pump activity clip. */
export const NEGATIVE_DURATION_S = 8;

export function clipMotion(spec: ClipSpec): ClipMotion {
  const activity = spec.activity ?? 'pumps';
  const r = seededRandom(spec.seed * 31 + 7);
  if (activity === 'pumps') {
    const profile = buildProfile(spec.profile, seededRandom(spec.seed));
    const moving = (s: FootSide) => spec.movingFeet.includes(s);
    const leg = (s: FootSide, tS: number): LegState => {
      if (!moving(s)) return still;
      return { ...profile.legPose(tS), ankleDeg: profile.angleDeg(tS) };
    };
    return {
      durationS: profile.durationS,
      profile,
      stateAt: (tS) => ({ legs: { l: leg('left', tS), r: leg('right', tS) }, trunkDeg: 0, anchor: 'none' }),
    };
  }
  const durationS = NEGATIVE_DURATION_S;
  if (activity === 'still') {
    return {
      durationS,
      profile: null,
      stateAt: () => ({ legs: { l: still, r: still }, trunkDeg: 0, anchor: 'none' }),
    };
  }
  if (activity === 'squat') {
    const periodS = 2.8 + r() * 1.2;
    const depth = 0.7 + r() * 0.3;
    return {
      durationS,
      profile: null,
      stateAt: (tS) => {
        const u = depth * (0.5 - 0.5 * Math.cos((2 * Math.PI * Math.max(0, tS - 0.8)) / periodS));
        const l: LegState = { hipFlexDeg: 95 * u, kneeFlexDeg: 115 * u, slideDeg: 0, ankleDeg: 20 * u };
        return { legs: { l, r: l }, trunkDeg: 30 * u, anchor: 'both' };
      },
    };
  }
  if (activity === 'sit-to-stand') {
    // Seated 1.5 s, up over 1.5 s, standing 1.5 s, down over 1.5 s, repeated.
    const cycleS = 6;
    return {
      durationS,
      profile: null,
      stateAt: (tS) => {
        const c = tS % cycleS;
        const u = c < 1.5 ? 1 : c < 3 ? 1 - cosEase((c - 1.5) / 1.5) : c < 4.5 ? 0 : cosEase((c - 4.5) / 1.5);
        const lean = 35 * Math.sin(Math.PI * Math.min(1, u * 1.2));
        const l: LegState = { hipFlexDeg: 90 * u, kneeFlexDeg: 90 * u, slideDeg: 0, ankleDeg: 0 };
        return { legs: { l, r: l }, trunkDeg: lean, anchor: 'both' };
      },
    };
  }
  // Walking in place: the legs take turns, knee up, foot off the floor.
  const periodS = 1.1 + r() * 0.4;
  const liftLeg = (u: number): LegState => ({
    hipFlexDeg: 45 * u,
    kneeFlexDeg: 70 * u,
    slideDeg: 0,
    ankleDeg: -15 * u,
  });
  return {
    durationS,
    profile: null,
    stateAt: (tS) => {
      const ph = (2 * Math.PI * tS) / periodS;
      return {
        legs: { l: liftLeg(Math.max(0, Math.sin(ph))), r: liftLeg(Math.max(0, -Math.sin(ph))) },
        trunkDeg: 3,
        anchor: 'lowest',
      };
    },
  };
}
