// Counting reps in a guided session: which reps count toward the target, what is only
// recorded (shallow, short holds, leg movement, wrong foot), and when a foot or a set is done.

import type { Side } from './dose.ts';
import type { MessageKey } from './messages.ts';
import type { SensorRep } from './sensor-rep.ts';
import { type Draft, enterPhase, finish, sidesOf, speak } from './session-phases.ts';
import type { SessionConfig, SessionEffect, SessionWarningCode } from './session-types.ts';

/** Holds this much shorter than prescribed still count as met: the camera's frame period plus jitter. */
export const HOLD_TOLERANCE_S = 0.2;

/** The foot (or both) a set starts with. */
export function firstSide(config: SessionConfig): Side | 'both' {
  const o = config.dose.footOrder;
  return o === 'both-together' ? 'both' : o === 'left-then-right' ? 'left' : 'right';
}

export function warn(
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

/** Applies a sensor rep: counts it if full and from the working foot, records its quality either way. */
export function onSensorRep(s: Draft, fx: SessionEffect[], rep: SensorRep, tMs: number): void {
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
