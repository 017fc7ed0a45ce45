// Builds the session record from the machine's final state, and amends it with pain reported
// after the session (the summary screen asks once more).

import type { FootTally, SessionOutcome, SessionRecord, SessionState } from './session-types.ts';

/** An empty tally for a foot that must do `target` full reps. */
export function emptyTally(target: number): FootTally {
  return { target, full: 0, shallow: 0, manual: 0, holdsMet: 0, holdsShort: 0, legMoved: 0, rangesDeg: [] };
}

/** The record of a finished session; `endedAtMs` is the time of the ending event. */
export function buildRecord(s: SessionState, outcome: SessionOutcome, endedAtMs: number): SessionRecord {
  return {
    sessionId: s.config.sessionId,
    regimenId: s.config.regimenId,
    regimenVersion: s.config.regimenVersion,
    mode: s.config.mode,
    outcome,
    stopReason: s.stopReason,
    startedAtMs: s.startedAtMs ?? endedAtMs,
    endedAtMs,
    dose: s.config.dose,
    setsPlanned: s.config.dose.sets,
    setsCompleted: s.setsCompleted,
    setsSkipped: s.setsSkipped,
    feet: s.feet,
    painBefore: s.config.painBefore,
    painAfter: s.painLatest,
    painMax: s.painMax,
    sharpPain: s.stopReason?.code === 'sharp-pain',
    tempoFactor: s.tempoFactor,
    warnings: s.warnings,
  };
}

/** The record with pain after the session (0-10) set; throws RangeError for a level outside 0-10. */
export function withPainAfter(record: SessionRecord, level: number): SessionRecord {
  if (!Number.isInteger(level) || level < 0 || level > 10) {
    throw new RangeError(`painAfter must be a whole number from 0 to 10, got ${level}`);
  }
  return {
    ...record,
    painAfter: level,
    painMax: Math.max(record.painMax ?? level, level),
  };
}

/** Equal as data: the same keys (in any order) with equal values, arrays in order. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]))
    );
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = Object.keys(ao);
  return keys.length === Object.keys(bo).length && keys.every((k) => k in bo && sameData(ao[k], bo[k]));
}

/**
 * Whether `amended` is `stored` with pain after the session added, and nothing else changed: the
 * one amendment the app makes to a session it already sent (the summary asks for pain after it,
 * once, and the patient may answer after the session went to the clinic). `stored` has no pain
 * after yet; `amended` has a whole level 0-10 and the highest pain raised to it as
 * `withPainAfter` raises it. Both as sent (plain JSON objects).
 */
export function isPainAfterAmendment(stored: unknown, amended: unknown): boolean {
  if (stored === null || amended === null || typeof stored !== 'object' || typeof amended !== 'object')
    return false;
  const s = stored as Record<string, unknown>;
  const a = amended as Record<string, unknown>;
  const level = a.painAfter;
  if (
    s.painAfter !== null ||
    typeof level !== 'number' ||
    !Number.isInteger(level) ||
    level < 0 ||
    level > 10
  )
    return false;
  const before = s.painMax;
  if (before !== null && typeof before !== 'number') return false;
  if (a.painMax !== Math.max(before ?? level, level)) return false;
  return sameData({ ...s, painAfter: level, painMax: a.painMax }, a);
}
