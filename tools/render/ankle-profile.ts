// The scripted ankle movement of a rendered clip: reps with peaks, holds, tempo and pauses, and
// optional leg lifts, all drawn from a seed. Pure, so the truth written beside a clip is exact.

/** A seeded random source in [0, 1) (mulberry32): the same seed always renders the same clip. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One scripted rep (seconds from the clip start, degrees). */
export interface TrueRep {
  readonly startS: number;
  readonly endS: number;
  /** Peak plantarflexion as a positive magnitude below neutral (degrees). */
  readonly plantarflexionDeg: number;
  /** Peak dorsiflexion, signed, positive above neutral (degrees). */
  readonly dorsiflexionDeg: number;
  /** Scripted time held still at the plantar peak (seconds). */
  readonly plantarHoldS: number;
  /** Scripted time held still at the dorsal peak (seconds). */
  readonly dorsiHoldS: number;
}

export interface ProfileSpec {
  readonly reps: number;
  /** Seconds of neutral rest before the first rep. */
  readonly leadInS: number;
  /** Mean peak plantarflexion magnitude and dorsiflexion (degrees); each rep varies by ±peakJitterDeg. */
  readonly plantarDeg: number;
  readonly dorsiDeg: number;
  readonly peakJitterDeg: number;
  readonly plantarHoldS: number;
  readonly dorsiHoldS: number;
  /** Seconds for one movement between neutral and a peak (a full peak-to-peak swing takes twice). */
  readonly moveS: number;
  /** Neutral rest between reps (seconds). */
  readonly pauseS: number;
  /** Leg lifts (hip flexion, degrees) during the given reps (0-based): the "leg moved" case. */
  readonly legLifts: readonly { readonly rep: number; readonly liftDeg: number }[];
}

export interface AnkleProfile {
  readonly durationS: number;
  readonly reps: readonly TrueRep[];
  /** True ankle angle at time tS (degrees, dorsiflexion positive). */
  angleDeg(tS: number): number;
  /** Hip flexion added by a leg lift at time tS (degrees). */
  liftDeg(tS: number): number;
  /** Times the leg is lifted (seconds). */
  readonly lifts: readonly { readonly startS: number; readonly endS: number; readonly liftDeg: number }[];
}

interface Segment {
  readonly t0: number;
  readonly t1: number;
  readonly a0: number;
  readonly a1: number;
}

// Half-cosine easing: velocity zero at both ends, like a controlled human movement.
function ease(s: Segment, t: number): number {
  const u = Math.min(1, Math.max(0, (t - s.t0) / (s.t1 - s.t0)));
  return s.a0 + (s.a1 - s.a0) * (0.5 - 0.5 * Math.cos(Math.PI * u));
}

/** Builds the profile; `random` varies peak heights from rep to rep. */
export function buildProfile(spec: ProfileSpec, random: () => number): AnkleProfile {
  const segs: Segment[] = [];
  const reps: TrueRep[] = [];
  let t = spec.leadInS;
  for (let i = 0; i < spec.reps; i++) {
    const p = -(spec.plantarDeg + (random() * 2 - 1) * spec.peakJitterDeg);
    const d = spec.dorsiDeg + (random() * 2 - 1) * spec.peakJitterDeg;
    const start = t;
    segs.push({ t0: t, t1: t + spec.moveS, a0: 0, a1: p });
    t += spec.moveS;
    segs.push({ t0: t, t1: t + spec.plantarHoldS, a0: p, a1: p });
    t += spec.plantarHoldS;
    segs.push({ t0: t, t1: t + 2 * spec.moveS, a0: p, a1: d });
    t += 2 * spec.moveS;
    segs.push({ t0: t, t1: t + spec.dorsiHoldS, a0: d, a1: d });
    t += spec.dorsiHoldS;
    segs.push({ t0: t, t1: t + spec.moveS, a0: d, a1: 0 });
    t += spec.moveS;
    reps.push({
      startS: start,
      endS: t,
      plantarflexionDeg: -p,
      dorsiflexionDeg: d,
      plantarHoldS: spec.plantarHoldS,
      dorsiHoldS: spec.dorsiHoldS,
    });
    t += spec.pauseS;
  }
  const durationS = t + Math.max(0.5, spec.leadInS);
  const lifts = spec.legLifts
    .filter((l) => l.rep >= 0 && l.rep < reps.length)
    .map((l) => ({ startS: reps[l.rep]!.startS, endS: reps[l.rep]!.endS, liftDeg: l.liftDeg }));
  return {
    durationS,
    reps,
    lifts,
    angleDeg(tS) {
      const s = segs.find((g) => tS >= g.t0 && tS < g.t1);
      return s ? ease(s, tS) : 0;
    },
    liftDeg(tS) {
      for (const l of lifts) {
        if (tS >= l.startS && tS < l.endS) {
          const ramp = Math.min(1, (tS - l.startS) / 0.5, (l.endS - tS) / 0.5);
          return l.liftDeg * (0.5 - 0.5 * Math.cos(Math.PI * ramp));
        }
      }
      return 0;
    },
  };
}
