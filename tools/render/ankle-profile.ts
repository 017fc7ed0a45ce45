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
  /** True for a partial rep: peaks scaled down from the clip's usual ones. */
  readonly partial?: boolean;
}

/** How the leg moves during a rep: straight-leg lift, knee bend (heel slides back), sideways slide. */
export type LegMoveKind = 'lift' | 'knee-bend' | 'slide';

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
  /**
   * Leg movements during the given reps (0-based): the "leg moved" case. `liftDeg` is the hip
   * flexion of a lift or knee bend (the knee bends twice that), or the sideways angle of a slide.
   */
  readonly legLifts: readonly {
    readonly rep: number;
    readonly liftDeg: number;
    readonly kind?: LegMoveKind;
  }[];
  /** Partial reps (0-based) and the share of the usual peaks they reach. */
  readonly partialReps?: readonly { readonly rep: number; readonly scale: number }[];
}

/** Hip, knee and sideways angles of the leg at one instant (degrees). */
export interface LegPose {
  readonly hipFlexDeg: number;
  readonly kneeFlexDeg: number;
  readonly slideDeg: number;
}

export interface AnkleProfile {
  readonly durationS: number;
  readonly reps: readonly TrueRep[];
  /** True ankle angle at time tS (degrees, dorsiflexion positive). */
  angleDeg(tS: number): number;
  /** Hip flexion added by a leg lift at time tS (degrees). */
  liftDeg(tS: number): number;
  /** Hip, knee and sideways angles of the leg at time tS (all 0 when the leg is still). */
  legPose(tS: number): LegPose;
  /** Times the leg moves (seconds), and how. */
  readonly lifts: readonly {
    readonly startS: number;
    readonly endS: number;
    readonly liftDeg: number;
    readonly kind: LegMoveKind;
  }[];
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
    const scale = spec.partialReps?.find((x) => x.rep === i)?.scale ?? 1;
    const p = -(spec.plantarDeg + (random() * 2 - 1) * spec.peakJitterDeg) * scale;
    const d = (spec.dorsiDeg + (random() * 2 - 1) * spec.peakJitterDeg) * scale;
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
      ...(scale < 1 ? { partial: true } : {}),
    });
    t += spec.pauseS;
  }
  const durationS = t + Math.max(0.5, spec.leadInS);
  const lifts = spec.legLifts
    .filter((l) => l.rep >= 0 && l.rep < reps.length)
    .map((l) => ({
      startS: reps[l.rep]!.startS,
      endS: reps[l.rep]!.endS,
      liftDeg: l.liftDeg,
      kind: l.kind ?? ('lift' as const),
    }));
  const moveAt = (tS: number) => {
    for (const l of lifts) {
      if (tS >= l.startS && tS < l.endS) {
        const ramp = Math.min(1, (tS - l.startS) / 0.5, (l.endS - tS) / 0.5);
        return { l, deg: l.liftDeg * (0.5 - 0.5 * Math.cos(Math.PI * ramp)) };
      }
    }
    return null;
  };
  return {
    durationS,
    reps,
    lifts,
    angleDeg(tS) {
      const s = segs.find((g) => tS >= g.t0 && tS < g.t1);
      return s ? ease(s, tS) : 0;
    },
    liftDeg(tS) {
      const m = moveAt(tS);
      return m && m.l.kind === 'lift' ? m.deg : 0;
    },
    legPose(tS) {
      const m = moveAt(tS);
      if (!m) return { hipFlexDeg: 0, kneeFlexDeg: 0, slideDeg: 0 };
      if (m.l.kind === 'lift') return { hipFlexDeg: m.deg, kneeFlexDeg: 0, slideDeg: 0 };
      // Knee bend with the heel on the surface: the knee bends twice the hip's flexion.
      if (m.l.kind === 'knee-bend') return { hipFlexDeg: m.deg, kneeFlexDeg: 2 * m.deg, slideDeg: 0 };
      return { hipFlexDeg: 0, kneeFlexDeg: 0, slideDeg: m.deg };
    },
  };
}
