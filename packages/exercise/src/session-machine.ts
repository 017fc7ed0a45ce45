// The guided session as a pure reducer: transition(state, event) -> { state, effects }. Time comes
// only from event timestamps; the edge (web, CLI) performs the effects it returns.

import { type Side, validateDose } from './dose.ts';
import type { MessageKey } from './messages.ts';
import type { SensorRep } from './sensor-rep.ts';
import { type Draft, enterPhase, finish, nextPhase, sidesOf, speak } from './session-phases.ts';
import { emptyTally } from './session-record.ts';
import type {
  SessionConfig,
  SessionEffect,
  SessionEvent,
  SessionState,
  SessionWarningCode,
  StopReason,
} from './session-types.ts';

/** Holds this much shorter than prescribed still count as met: the camera's frame period plus jitter. */
export const HOLD_TOLERANCE_S = 0.2;
/** Pain this many points above the start stops the session. */
export const PAIN_RISE_STOP = 2;
/** Tempo factor range: 10 = ten times slower (WCAG 2.2.1 asks for at least tenfold adjustment). */
export const TEMPO_LIMITS = { min: 0.5, max: 10 } as const;

export interface TransitionResult {
  readonly state: SessionState;
  readonly effects: readonly SessionEffect[];
}

/** A new session, ready to start. Throws RangeError naming the field when the config is invalid. */
export function createSession(config: SessionConfig): SessionState {
  const dose = validateDose(config.dose, ['dose']);
  if (!dose.success)
    throw new RangeError(dose.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  if (config.mode !== 'timing' && config.mode !== 'verified') {
    throw new RangeError(`mode must be 'timing' or 'verified', got ${JSON.stringify(config.mode)}`);
  }
  if (
    config.painBefore !== null &&
    !(Number.isInteger(config.painBefore) && config.painBefore >= 0 && config.painBefore <= 10)
  ) {
    throw new RangeError(`painBefore must be null or a whole number from 0 to 10, got ${config.painBefore}`);
  }
  if (typeof config.sessionId !== 'string' || config.sessionId === '') {
    throw new RangeError('sessionId must be a non-empty string');
  }
  const target = dose.data.repsPerFoot * dose.data.sets;
  return {
    config,
    status: 'ready',
    phase: null,
    phaseEndsAtMs: null,
    setIndex: 0,
    active: firstSide(config),
    setReps: { left: 0, right: 0 },
    feet: { left: emptyTally(target), right: emptyTally(target) },
    setsCompleted: 0,
    setsSkipped: 0,
    painLatest: null,
    painMax: null,
    tempoFactor: 1,
    pausedRemainingMs: null,
    startedAtMs: null,
    endedAtMs: null,
    lastTMs: null,
    warnings: [],
    hintsThisSet: [],
    cyclesThisFoot: 0,
    stopReason: null,
    record: null,
  };
}

export function firstSide(config: SessionConfig): Side | 'both' {
  const o = config.dose.footOrder;
  return o === 'both-together' ? 'both' : o === 'left-then-right' ? 'left' : 'right';
}

const TERMINAL = new Set(['completed', 'aborted', 'stopped']);

/** True once the session has ended (completed, aborted or stopped). */
export function isFinished(state: SessionState): boolean {
  return TERMINAL.has(state.status);
}

/** Runs the phase clock up to `tMs`: every phase boundary passed is entered at its exact time. */
function advanceTo(s: Draft, fx: SessionEffect[], tMs: number): void {
  let guard = 0;
  while (
    s.status === 'running' &&
    s.phaseEndsAtMs !== null &&
    s.phaseEndsAtMs <= tMs &&
    guard++ < 1_000_000
  ) {
    const at = s.phaseEndsAtMs;
    if (nextPhase(s, fx, at) === 'cycle-end') endCycle(s, fx, at);
  }
}

/** One paced pump is over: in timing mode it counts; either way the next one starts unless the foot is done. */
function endCycle(s: Draft, fx: SessionEffect[], tMs: number): void {
  s.cyclesThisFoot++;
  if (s.config.mode === 'timing') {
    const setBefore = s.setIndex;
    const activeBefore = s.active;
    for (const side of sidesOf(s.active)) countFull(s, fx, side, tMs, false);
    if (s.status !== 'running' || s.setIndex !== setBefore || s.active !== activeBefore) return;
  }
  enterPhase(s, fx, 'point-toes', tMs);
}

function warn(
  s: Draft,
  fx: SessionEffect[],
  code: SessionWarningCode,
  side: Side | null,
  tMs: number,
  hint: MessageKey | null,
) {
  s.warnings = [...s.warnings, { code, tMs, side }];
  if (hint && !s.hintsThisSet.includes(code)) {
    s.hintsThisSet = [...s.hintsThisSet, code];
    speak(fx, hint);
  }
}

/** Counts one full rep for `side` if that foot still owes reps in this set; may end the foot or set. */
export function countFull(s: Draft, fx: SessionEffect[], side: Side, tMs: number, manual: boolean): void {
  const perSet = s.config.dose.repsPerFoot;
  if (s.setReps[side] >= perSet) return;
  s.setReps = { ...s.setReps, [side]: s.setReps[side] + 1 };
  const t = s.feet[side];
  s.feet = { ...s.feet, [side]: { ...t, full: t.full + 1, manual: t.manual + (manual ? 1 : 0) } };
  fx.push({ type: 'rep-counted', side, full: true, manual, count: s.setReps[side], target: perSet });
  speak(fx, 'session.repCount', { count: s.setReps[side], target: perSet });
  if (sidesOf(s.active).every((x) => s.setReps[x] >= perSet)) footDone(s, fx, tMs);
}

function footDone(s: Draft, fx: SessionEffect[], tMs: number): void {
  const order = s.config.dose.footOrder;
  const first = firstSide(s.config);
  if (order !== 'both-together' && s.active === first) {
    s.active = first === 'left' ? 'right' : 'left';
    s.cyclesThisFoot = 0;
    enterPhase(s, fx, 'switch-foot', tMs);
    return;
  }
  setDone(s, fx, tMs, false);
}

export function setDone(s: Draft, fx: SessionEffect[], tMs: number, skipped: boolean): void {
  const sets = s.config.dose.sets;
  if (skipped) s.setsSkipped++;
  else s.setsCompleted++;
  fx.push({ type: 'set-complete', set: s.setIndex + 1, sets, skipped });
  speak(fx, skipped ? 'session.setSkipped' : 'session.setComplete', { set: s.setIndex + 1, sets });
  fx.push({ type: 'vibrate', patternMs: [200] });
  if (s.setIndex + 1 >= sets) {
    fx.push({ type: 'session-complete' });
    speak(fx, 'session.complete');
    finish(s, fx, 'completed', tMs);
    return;
  }
  s.setIndex++;
  s.setReps = { left: 0, right: 0 };
  s.active = firstSide(s.config);
  s.hintsThisSet = [];
  s.cyclesThisFoot = 0;
  enterPhase(s, fx, s.config.dose.restBetweenSetsS > 0 ? 'rest' : 'relax', tMs);
}

function onSensorRep(s: Draft, fx: SessionEffect[], rep: SensorRep, tMs: number): void {
  if (s.status !== 'running' || s.phase === 'rest') return;
  if (!sidesOf(s.active).includes(rep.side)) {
    warn(s, fx, 'wrong-foot', rep.side, tMs, null);
    return;
  }
  if (s.setReps[rep.side] >= s.config.dose.repsPerFoot) return;
  const dose = s.config.dose;
  const t = s.feet[rep.side];
  const short =
    (rep.plantarHoldS !== null && rep.plantarHoldS < dose.plantarHoldS - HOLD_TOLERANCE_S) ||
    (rep.dorsiHoldS !== null && rep.dorsiHoldS < dose.dorsiHoldS - HOLD_TOLERANCE_S);
  const measured = rep.plantarHoldS !== null && rep.dorsiHoldS !== null;
  s.feet = {
    ...s.feet,
    [rep.side]: {
      ...t,
      shallow: t.shallow + (rep.full ? 0 : 1),
      holdsMet: t.holdsMet + (measured && !short ? 1 : 0),
      holdsShort: t.holdsShort + (short ? 1 : 0),
      legMoved: t.legMoved + (rep.legMoved ? 1 : 0),
      rangesDeg: rep.rangeDeg === null ? t.rangesDeg : [...t.rangesDeg, rep.rangeDeg],
    },
  };
  if (rep.legMoved) warn(s, fx, 'leg-moved', rep.side, tMs, 'session.legMoved');
  if (short) warn(s, fx, 'hold-short', rep.side, tMs, 'session.holdShort');
  if (!rep.full) {
    const sr = s.setReps[rep.side];
    fx.push({
      type: 'rep-counted',
      side: rep.side,
      full: false,
      manual: false,
      count: sr,
      target: dose.repsPerFoot,
    });
    warn(s, fx, 'shallow-rep', rep.side, tMs, 'session.shallowRep');
    return;
  }
  countFull(s, fx, rep.side, tMs, false);
}

function stop(s: Draft, fx: SessionEffect[], reason: StopReason, tMs: number): void {
  s.stopReason = reason;
  fx.push({ type: 'stop', reason });
  if (reason.code === 'sharp-pain') speak(fx, 'session.stopSharpPain');
  else speak(fx, 'session.stopPainRising', { before: reason.before, now: reason.now });
  fx.push({ type: 'vibrate', patternMs: [400, 100, 400] });
  finish(s, fx, 'stopped', tMs);
}

function onPain(s: Draft, fx: SessionEffect[], level: number, sharp: boolean, tMs: number): void {
  if (!Number.isFinite(level) || level < 0 || level > 10) return;
  const baseline = s.config.painBefore ?? s.painLatest;
  s.painLatest = level;
  s.painMax = Math.max(s.painMax ?? level, level);
  s.warnings = [...s.warnings, { code: 'pain-reported', tMs, side: null }];
  if (sharp) stop(s, fx, { code: 'sharp-pain', level }, tMs);
  else if (baseline !== null && level - baseline >= PAIN_RISE_STOP) {
    stop(s, fx, { code: 'pain-rising', before: baseline, now: level }, tMs);
  }
}

/**
 * The session reducer. Events older than the last one seen, or that make no sense in the current
 * status (a rep while paused, anything after the end), leave the state unchanged with no effects.
 */
export function transition(state: SessionState, event: SessionEvent): TransitionResult {
  if (
    isFinished(state) ||
    !Number.isFinite(event.tMs) ||
    (state.lastTMs !== null && event.tMs < state.lastTMs)
  ) {
    return { state, effects: [] };
  }
  const s: Draft = { ...state, lastTMs: event.tMs };
  const fx: SessionEffect[] = [];
  const t = event.tMs;
  advanceTo(s, fx, t);
  if (isFinished(s)) return { state: s, effects: fx };
  switch (event.type) {
    case 'start':
      if (s.status !== 'ready') return { state, effects: [] };
      s.status = 'running';
      s.startedAtMs = t;
      enterPhase(s, fx, 'relax', t);
      break;
    case 'tick':
      break;
    case 'sensor-rep':
      onSensorRep(s, fx, event.rep, t);
      break;
    case 'manual-rep':
      if (s.status !== 'running' || s.phase === 'rest' || !sidesOf(s.active).includes(event.side)) {
        return { state: s, effects: fx };
      }
      {
        const setBefore = s.setIndex;
        const activeBefore = s.active;
        countFull(s, fx, event.side, t, true);
        // In timing mode a confirmed rep restarts the pacing so the next cue matches the patient.
        if (
          s.config.mode === 'timing' &&
          s.status === 'running' &&
          s.setIndex === setBefore &&
          s.active === activeBefore
        ) {
          s.cyclesThisFoot++;
          enterPhase(s, fx, 'point-toes', t);
        }
        break;
      }
    case 'pause':
      if (s.status !== 'running') break;
      s.status = 'paused';
      s.pausedRemainingMs = Math.max(0, (s.phaseEndsAtMs ?? t) - t);
      speak(fx, 'session.paused');
      break;
    case 'resume':
      if (s.status !== 'paused') break;
      s.status = 'running';
      if (s.phase !== null) {
        const remaining = s.pausedRemainingMs ?? 0;
        s.phaseEndsAtMs = t + remaining;
        fx.push({
          type: 'cue',
          cue: s.phase,
          side: s.active,
          durationMs: remaining,
          endsAtMs: t + remaining,
        });
      }
      s.pausedRemainingMs = null;
      speak(fx, 'session.resumed');
      break;
    case 'pain':
      if (s.status === 'ready' && event.sharp) s.startedAtMs = t;
      onPain(s, fx, event.level, event.sharp, t);
      break;
    case 'tempo': {
      if (!Number.isFinite(event.factor)) break;
      s.tempoFactor = Math.min(TEMPO_LIMITS.max, Math.max(TEMPO_LIMITS.min, event.factor));
      speak(fx, 'session.tempo');
      break;
    }
    case 'skip-set':
      if (s.status !== 'running' && s.status !== 'paused') break;
      s.status = 'running';
      s.pausedRemainingMs = null;
      setDone(s, fx, t, true);
      break;
    case 'abort':
      if (s.status === 'ready') s.startedAtMs = t;
      speak(fx, 'session.aborted');
      finish(s, fx, 'aborted', t);
      break;
    default: {
      const never: never = event;
      return never;
    }
  }
  return { state: s, effects: fx };
}
