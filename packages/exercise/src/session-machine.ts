// The guided session as a pure reducer: transition(state, event) -> { state, effects }. Time comes
// only from event timestamps; the edge (web, CLI) performs the effects it returns.

import { validateDose } from './dose.ts';
import { countFull, firstSide, onSensorRep, setDone } from './session-counting.ts';
import { type Draft, enterPhase, finish, nextPhase, sidesOf, speak } from './session-phases.ts';
import { emptyTally } from './session-record.ts';
import type {
  SessionConfig,
  SessionEffect,
  SessionEvent,
  SessionState,
  StopReason,
} from './session-types.ts';

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
    painStart: config.painBefore,
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

function stop(s: Draft, fx: SessionEffect[], reason: StopReason, tMs: number): void {
  s.stopReason = reason;
  fx.push({ type: 'stop', reason });
  if (reason.code === 'sharp-pain') speak(fx, 'session.stopSharpPain');
  else speak(fx, 'session.stopPainRising', { before: reason.before, now: reason.now });
  fx.push({ type: 'vibrate', patternMs: [400, 100, 400] });
  finish(s, fx, 'stopped', tMs);
}

function onPain(s: Draft, fx: SessionEffect[], level: number, sharp: boolean, tMs: number): void {
  const valid = Number.isFinite(level) && level >= 0 && level <= 10;
  // A sharp-pain report stops the session whatever rating came with it; a bad rating is not recorded.
  if (!valid) {
    if (sharp) stop(s, fx, { code: 'sharp-pain', level: null }, tMs);
    return;
  }
  // The baseline is fixed at the start (or the first rating), so a slow creep 5, 6, 7 still stops.
  const baseline = s.painStart;
  if (baseline === null) s.painStart = level;
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
