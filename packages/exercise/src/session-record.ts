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
