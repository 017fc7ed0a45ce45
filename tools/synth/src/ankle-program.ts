// The truth: an ankle-angle program (rest, reps with holds, partial reps, pauses, fidgeting) and
// leg movements, built from a spec and a seed, with every rep's exact peaks, holds and timing.

import { holdBandDeg } from '@anklepump/motion';
import type { Rng } from './prng.ts';

export type Tempo = 'slow-holds' | 'normal' | 'fast';

/** What the simulated person does with one foot. Degrees relative to neutral, seconds. */
export interface ProgramSpec {
  readonly reps: number;
  readonly tempo: Tempo;
  /** The person's own peaks, degrees (plantar negative, dorsi positive). */
  readonly plantarDeg: number;
  readonly dorsiDeg: number;
  /** Share of reps done at 30-40% of the range (never the first two). */
  readonly partialShare: number;
  /** Chance of a 2-6 s pause at neutral after a rep. */
  readonly pauseChance: number;
  /** Small restless wiggles (about 1 deg) on top of everything. */
  readonly fidget: boolean;
  /** Chance that the leg slides or the knee bends during a rep. */
  readonly legMoveChance: number;
  /** Which leg movements may happen (default both). */
  readonly legMoveKinds?: readonly ('slide' | 'knee-bend')[];
  /** Start with the leg moving into place and the foot swinging before the rest. */
  readonly gettingIntoPosition: boolean;
  /** Rest at neutral before the first rep, seconds. */
  readonly restS: number;
  /** Stress knobs (absent = the evaluation set's behaviour). Per-rep timing, each jittered +-15%. */
  readonly timing?: { readonly moveS: number; readonly plantarHoldS: number; readonly dorsiHoldS: number };
  /** Come back to neutral after each rep (default: all tempos but 'fast'). */
  readonly returnToNeutral?: boolean;
  /** Size of the restless wiggle when `fidget`, degrees (default 1). */
  readonly fidgetDeg?: number;
  /** The first movement of each rep (default 'down': toes down, then up). */
  readonly firstMove?: 'down' | 'up';
  /**
   * Rest at neutral after the set, seconds (default 0): the foot resting once the person stops,
   * its fidget at most REST_FIDGET_MAX_DEG. Draws nothing from the generator, so the set before it
   * is the same sample for sample.
   */
  readonly restAfterS?: number;
  /** Leg movement sizes: slide along the leg (m) and change of the knee angle (deg), [lo, hi). */
  readonly legMoveSize?: {
    readonly slideM: readonly [number, number];
    readonly kneeBendDeg: readonly [number, number];
  };
}

export interface TruthRep {
  readonly index: number;
  readonly full: boolean;
  readonly rangeDeg: number;
  readonly peakPlantarDeg: number;
  readonly peakDorsiDeg: number;
  readonly plantarHoldS: number;
  readonly dorsiHoldS: number;
  readonly legMoved: boolean;
  /** What moved the leg during the rep (null: it stayed still). */
  readonly legMove: RepLegMove | null;
  /** Start of the toes-down movement, plantar peak, dorsi peak, end of the dorsi hold, ms. */
  readonly descentTMs: number;
  readonly plantarTMs: number;
  readonly dorsiTMs: number;
  readonly dorsiHoldEndTMs: number;
  /**
   * Where the person leaves the toes-down hold, ms (the program's; `plantarHoldS` is the engine's
   * band around the true extreme, which a restless wiggle can shrink to a part of the held time).
   */
  readonly plantarHoldEndTMs: number;
  /** End of the return movement after the dorsi hold, ms. */
  readonly endTMs: number;
}

/** A rep's leg movement as a person would describe it: a slide of `size` cm, or a knee bent `size` deg. */
export interface RepLegMove {
  readonly kind: 'slide' | 'knee-bend';
  readonly size: number;
}

/** A leg movement: a slide along the leg (metres) or a knee bend (degrees of thigh lift). */
export interface LegMove {
  readonly kind: 'slide' | 'knee-bend';
  readonly startMs: number;
  readonly endMs: number;
  readonly amount: number;
}

interface Segment {
  t0: number;
  t1: number;
  a0: number;
  a1: number;
}

export interface AnkleProgram {
  readonly durationMs: number;
  /** Where the set ends and the rest after it (`restAfterS`) begins, ms; `durationMs` without it. */
  readonly setMs: number;
  readonly reps: readonly TruthRep[];
  readonly legMoves: readonly LegMove[];
  /** Truth ankle angle at time t, degrees. */
  angleAt(tMs: number): number;
  /** Leg pose at time t: slide along the leg (m) and thigh lift (deg). */
  legAt(tMs: number): { slideM: number; thighLiftDeg: number };
}

const minJerk = (x: number) => x * x * x * (10 - 15 * x + 6 * x * x);

function tempoTimes(tempo: Tempo, rng: Rng) {
  if (tempo === 'slow-holds')
    return { moveS: rng.range(0.8, 1.2), plantarHoldS: rng.range(1.5, 2.5), dorsiHoldS: rng.range(1.0, 1.6) };
  if (tempo === 'fast') return { moveS: rng.range(0.38, 0.42), plantarHoldS: 0.08, dorsiHoldS: 0.08 };
  return { moveS: rng.range(0.5, 0.8), plantarHoldS: rng.range(1.0, 2.0), dorsiHoldS: rng.range(0.8, 1.3) };
}

function jitteredTiming(t: NonNullable<ProgramSpec['timing']>, rng: Rng) {
  const j = () => rng.range(0.85, 1.15);
  return { moveS: t.moveS * j(), plantarHoldS: t.plantarHoldS * j(), dorsiHoldS: t.dorsiHoldS * j() };
}

/** How far the knee bends (degrees off straight) when the thigh lifts `liftDeg` with the heel on the bed. */
export function kneeBendForThighLift(liftDeg: number): number {
  const a = (liftDeg * Math.PI) / 180;
  return liftDeg + (Math.asin(Math.min(1, (0.45 * Math.sin(a)) / 0.42)) * 180) / Math.PI;
}

/** The thigh lift (deg) that bends the knee by `kneeDeg` with this leg (thigh 0.45 m, shank 0.42 m). */
export function thighLiftForKneeBend(kneeDeg: number): number {
  let lo = 0;
  let hi = kneeDeg;
  for (let i = 0; i < 40; i++) {
    const a = (lo + hi) / 2;
    if (kneeBendForThighLift(a) < kneeDeg) lo = a;
    else hi = a;
  }
  return (lo + hi) / 2;
}

/** A resting person's fidget is at most this, degrees (the resting-foot check's rest, too). */
export const REST_FIDGET_MAX_DEG = 1.5;

/** Builds a program from a spec; every random choice comes from `rng`. */
export function buildProgram(spec: ProgramSpec, rng: Rng): AnkleProgram {
  const segs: Segment[] = [];
  const moves: LegMove[] = [];
  let t = 0;
  let a = 0;
  const goTo = (target: number, durS: number) => {
    segs.push({ t0: t, t1: t + durS * 1000, a0: a, a1: target });
    t += durS * 1000;
    a = target;
  };
  const hold = (durS: number) => goTo(a, durS);
  if (spec.gettingIntoPosition) {
    moves.push({ kind: 'slide', startMs: 0, endMs: 1500, amount: rng.range(-0.25, -0.15) });
    goTo(rng.range(-30, -15), 0.7);
    goTo(rng.range(5, 15), 0.7);
    goTo(rng.range(-20, -10), 0.6);
    goTo(0, 0.8);
  }
  hold(spec.restS);
  const plan: {
    descent: number;
    pT: number;
    dT: number;
    dEnd: number;
    pEnd: number;
    full: boolean;
    move: number;
    legMove: RepLegMove | null;
  }[] = [];
  const continuous = spec.returnToNeutral === undefined ? spec.tempo === 'fast' : !spec.returnToNeutral;
  const upFirst = spec.firstMove === 'up';
  for (let i = 0; i < spec.reps; i++) {
    const { moveS, plantarHoldS, dorsiHoldS } = spec.timing
      ? jitteredTiming(spec.timing, rng)
      : tempoTimes(spec.tempo, rng);
    const partial = i >= 2 && rng.chance(spec.partialShare);
    const k = partial ? rng.range(0.3, 0.4) : rng.range(0.85, 1.05);
    const p = spec.plantarDeg * k;
    const d = spec.dorsiDeg * k;
    const descent = t;
    let legMove: RepLegMove | null = null;
    if (rng.chance(spec.legMoveChance)) {
      const kinds = spec.legMoveKinds ?? ['slide', 'knee-bend'];
      const kind = kinds[Math.floor(rng.next() * kinds.length)] ?? 'slide';
      const size = spec.legMoveSize;
      const amount = size
        ? kind === 'slide'
          ? rng.range(size.slideM[0], size.slideM[1]) * (rng.chance(0.5) ? 1 : -1)
          : thighLiftForKneeBend(rng.range(size.kneeBendDeg[0], size.kneeBendDeg[1]))
        : kind === 'slide'
          ? rng.range(0.15, 0.25) * (rng.chance(0.5) ? 1 : -1)
          : rng.range(15, 25);
      const lastsMs = size ? Math.min(900, 1000 * (moveS * 2.2 + plantarHoldS)) : 900;
      moves.push({ kind, startMs: t + 100, endMs: t + 100 + lastsMs, amount });
      legMove =
        kind === 'slide'
          ? { kind, size: Math.abs(amount) * 100 }
          : { kind, size: kneeBendForThighLift(amount) };
    }
    if (upFirst) {
      goTo(d, moveS * (a === 0 ? 1 : 1.4));
      const dT = t;
      hold(dorsiHoldS);
      goTo(p, moveS * 1.2);
      const pT = t;
      hold(plantarHoldS);
      plan.push({ descent, pT, dT, dEnd: t, pEnd: t, full: !partial, move: moveS, legMove });
    } else {
      goTo(p, moveS * (a === 0 ? 1 : 1.4));
      const pT = t;
      hold(plantarHoldS);
      const pEnd = t;
      goTo(d, moveS * 1.2);
      const dT = t;
      hold(dorsiHoldS);
      plan.push({ descent, pT, dT, dEnd: t, pEnd, full: !partial, move: moveS, legMove });
    }
    if (!continuous || i === spec.reps - 1) {
      goTo(0, moveS);
      if (rng.chance(spec.pauseChance)) hold(rng.range(2, 6));
      else hold(rng.range(0.2, 0.6));
    }
  }
  hold(1.5);
  const setMs = t;
  hold(spec.restAfterS ?? 0);
  const durationMs = t;
  const fidgetPhase = [rng.range(0, 6.3), rng.range(0, 6.3), rng.range(0, 6.3)];
  const angleAt = (tMs: number): number => {
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (segs[mid]!.t1 <= tMs) lo = mid + 1;
      else hi = mid;
    }
    const s = segs[lo]!;
    const x = s.t1 > s.t0 ? Math.min(1, Math.max(0, (tMs - s.t0) / (s.t1 - s.t0))) : 1;
    let v = s.a0 + (s.a1 - s.a0) * minJerk(x);
    if (spec.fidget) {
      const ts = tMs / 1000;
      const k = tMs > setMs ? Math.min(REST_FIDGET_MAX_DEG, spec.fidgetDeg ?? 1) : (spec.fidgetDeg ?? 1);
      v +=
        k * 0.6 * Math.sin(2 * Math.PI * 0.7 * ts + fidgetPhase[0]!) +
        k * 0.4 * Math.sin(2 * Math.PI * 1.9 * ts + fidgetPhase[1]!);
    }
    return v;
  };
  const legAt = (tMs: number) => {
    let slideM = 0;
    let thighLiftDeg = 0;
    for (const m of moves) {
      if (tMs < m.startMs) continue;
      const x = Math.min(1, (tMs - m.startMs) / (m.endMs - m.startMs));
      if (m.kind === 'slide') slideM += m.amount * minJerk(x);
      else thighLiftDeg += m.amount * Math.sin(Math.PI * x);
    }
    return { slideM, thighLiftDeg };
  };
  const reps: TruthRep[] = plan.map((r, i) => {
    const m = upFirst
      ? measureUpFirstRep(angleAt, r.descent, r.dT, r.pT, r.dEnd + r.move * 1000)
      : measureRep(angleAt, r.descent, r.pT, r.dT, r.dEnd + r.move * 1000);
    return {
      index: i + 1,
      full: r.full,
      ...m,
      legMoved: r.legMove !== null,
      legMove: r.legMove,
      descentTMs: r.descent,
      plantarTMs: r.pT,
      dorsiTMs: r.dT,
      dorsiHoldEndTMs: r.dEnd,
      plantarHoldEndTMs: r.pEnd,
      endTMs: r.dEnd + r.move * 1000,
    };
  });
  return { durationMs, setMs, reps, legMoves: moves, angleAt, legAt };
}

/** Peaks and holds of one rep on the exact trajectory (1 ms steps), by the engine's definition. */
function measureRep(angleAt: (t: number) => number, t0: number, pT: number, dT: number, t1: number) {
  let minV = Number.POSITIVE_INFINITY;
  let minT = pT;
  let maxV = Number.NEGATIVE_INFINITY;
  let maxT = dT;
  for (let t = t0; t <= dT + 50; t++) {
    const v = angleAt(t);
    if (v < minV) {
      minV = v;
      minT = t;
    }
  }
  for (let t = minT; t <= t1; t++) {
    const v = angleAt(t);
    if (v > maxV) {
      maxV = v;
      maxT = t;
    }
  }
  const range = maxV - minV;
  const tol = holdBandDeg(range);
  const span = (peakT: number, inside: (v: number) => boolean, lo: number, hi: number) => {
    let s = peakT;
    while (s > lo && inside(angleAt(s - 1))) s--;
    let e = peakT;
    while (e < hi && inside(angleAt(e + 1))) e++;
    return (e - s) / 1000;
  };
  return {
    rangeDeg: range,
    peakPlantarDeg: minV,
    peakDorsiDeg: maxV,
    plantarHoldS: span(minT, (v) => v <= minV + tol, t0, maxT),
    dorsiHoldS: span(maxT, (v) => v >= maxV - tol, minT, t1),
  };
}

/** `measureRep` for a rep that goes toes up first: dorsi peak, then plantar peak. */
function measureUpFirstRep(angleAt: (t: number) => number, t0: number, dT: number, pT: number, t1: number) {
  const mirrored = measureRep((t) => -angleAt(t), t0, dT, pT, t1);
  return {
    rangeDeg: mirrored.rangeDeg,
    peakPlantarDeg: -mirrored.peakDorsiDeg,
    peakDorsiDeg: -mirrored.peakPlantarDeg,
    plantarHoldS: mirrored.dorsiHoldS,
    dorsiHoldS: mirrored.plantarHoldS,
  };
}
