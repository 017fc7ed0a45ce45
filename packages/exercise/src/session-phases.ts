// The pacing clock of a guided session: which cue follows which, how long each lasts at the
// prescribed dose and tempo, and what the patient hears and feels on entering it.

import { SETTLE_S, type Side } from './dose.ts';
import { formatMessage, type MessageKey, type MessageParams } from './messages.ts';
import { buildRecord } from './session-record.ts';
import type { ActiveSide, CueId, SessionEffect, SessionOutcome, SessionState } from './session-types.ts';

/** The reducer's working copy of the state; only the reducer's helpers mutate it. */
export type Draft = { -readonly [K in keyof SessionState]: SessionState[K] };

/** Adds a speak effect with its English text. */
export function speak(fx: SessionEffect[], key: MessageKey, params: MessageParams = {}): void {
  fx.push({ type: 'speak', key, params, text: formatMessage(key, params) });
}

/** Settling time before the first rep of a set, ms (scaled by tempo). */
export const RELAX_MS = SETTLE_S * 1000;
/** Time to change feet, ms (scaled by tempo). */
export const SWITCH_MS = SETTLE_S * 1000;

/** The message key each cue's text lives under. */
export const CUE_MESSAGE = {
  relax: 'cue.relax',
  'point-toes': 'cue.pointToes',
  'hold-down': 'cue.holdDown',
  'pull-up': 'cue.pullUp',
  'hold-up': 'cue.holdUp',
  'switch-foot': 'cue.switchFoot',
  rest: 'cue.rest',
} as const satisfies Record<CueId, string>;

/** The message key of each cue's short on-screen instruction (the sentence is spoken, this is shown). */
export const CUE_LABEL = {
  relax: 'cueLabel.relax',
  'point-toes': 'cueLabel.pointToes',
  'hold-down': 'cueLabel.holdDown',
  'pull-up': 'cueLabel.pullUp',
  'hold-up': 'cueLabel.holdUp',
  'switch-foot': 'cueLabel.switchFoot',
  rest: 'cueLabel.rest',
} as const satisfies Record<CueId, string>;

export function sidesOf(active: ActiveSide): readonly Side[] {
  return active === 'both' ? ['left', 'right'] : [active];
}

/** Duration of a phase in ms. Holds are prescribed and never scaled; movement and settling follow the tempo. */
export function phaseDurationMs(s: Draft, phase: CueId): number {
  const d = s.config.dose;
  switch (phase) {
    case 'relax':
      return Math.round(RELAX_MS * s.tempoFactor);
    case 'point-toes':
    case 'pull-up':
      return Math.round(d.moveS * 1000 * s.tempoFactor);
    case 'hold-down':
      return Math.round(d.plantarHoldS * 1000);
    case 'hold-up':
      return Math.round(d.dorsiHoldS * 1000);
    case 'switch-foot':
      return Math.round(SWITCH_MS * s.tempoFactor);
    case 'rest':
      return Math.round(d.restBetweenSetsS * 1000);
  }
}

/** Enters `phase` at `tMs` and emits its cue, countdown, voice and vibration. */
export function enterPhase(s: Draft, fx: SessionEffect[], phase: CueId, tMs: number): void {
  const durationMs = phaseDurationMs(s, phase);
  s.phase = phase;
  s.phaseEndsAtMs = tMs + durationMs;
  fx.push({ type: 'cue', cue: phase, side: s.active, durationMs, endsAtMs: tMs + durationMs });
  const d = s.config.dose;
  switch (phase) {
    case 'relax':
      speak(fx, 'session.start', { set: s.setIndex + 1, sets: d.sets, reps: d.repsPerFoot, side: s.active });
      fx.push({ type: 'countdown', seconds: Math.ceil(durationMs / 1000), endsAtMs: tMs + durationMs });
      break;
    case 'rest':
      speak(fx, 'cue.rest', { seconds: Math.ceil(durationMs / 1000) });
      fx.push({ type: 'countdown', seconds: Math.ceil(durationMs / 1000), endsAtMs: tMs + durationMs });
      break;
    case 'switch-foot':
      speak(fx, 'cue.switchFoot', { side: s.active });
      fx.push({ type: 'countdown', seconds: Math.ceil(durationMs / 1000), endsAtMs: tMs + durationMs });
      break;
    case 'point-toes':
    case 'pull-up':
      // Voice teaches the movement on the first rep of each foot; after that the count and the
      // vibration carry the rhythm without talking over every second.
      if (s.cyclesThisFoot === 0) speak(fx, CUE_MESSAGE[phase], { side: s.active });
      fx.push({ type: 'vibrate', patternMs: phase === 'point-toes' ? [80] : [80, 60, 80] });
      break;
    case 'hold-down':
    case 'hold-up':
      if (s.cyclesThisFoot === 0) speak(fx, CUE_MESSAGE[phase]);
      fx.push({ type: 'countdown', seconds: Math.ceil(durationMs / 1000), endsAtMs: tMs + durationMs });
      break;
  }
}

/**
 * Leaves the current phase at `tMs` (its end) and enters the next, skipping zero-length holds.
 * Returns 'cycle-end' when a whole pump has been paced; the reducer decides what follows.
 */
export function nextPhase(s: Draft, fx: SessionEffect[], tMs: number): 'cycle-end' | null {
  const d = s.config.dose;
  switch (s.phase) {
    case 'relax':
    case 'switch-foot':
      enterPhase(s, fx, 'point-toes', tMs);
      return null;
    case 'rest':
      enterPhase(s, fx, 'relax', tMs);
      return null;
    case 'point-toes':
      enterPhase(s, fx, d.plantarHoldS > 0 ? 'hold-down' : 'pull-up', tMs);
      return null;
    case 'hold-down':
      enterPhase(s, fx, 'pull-up', tMs);
      return null;
    case 'pull-up':
      if (d.dorsiHoldS > 0) {
        enterPhase(s, fx, 'hold-up', tMs);
        return null;
      }
      return 'cycle-end';
    case 'hold-up':
      return 'cycle-end';
    case null:
      break;
  }
  s.phaseEndsAtMs = null;
  return null;
}

/** Ends the session with `outcome` at `tMs` and emits the record to save. */
export function finish(s: Draft, fx: SessionEffect[], outcome: SessionOutcome, tMs: number): void {
  s.status = outcome;
  s.phase = null;
  s.phaseEndsAtMs = null;
  s.pausedRemainingMs = null;
  s.endedAtMs = tMs;
  const record = buildRecord(s, outcome, tMs);
  s.record = record;
  fx.push({ type: 'save-record', record });
}
