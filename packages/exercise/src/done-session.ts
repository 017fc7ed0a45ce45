// The one definition of "a session that counts as done", used by the app's history and home
// screens, the clinic server's adherence and alert rules, and the clinician portal.

import type { SessionRecord } from './session-types.ts';

/** The fields the rule reads; a record from the wire may lack the optional set counts. */
export type DoneSessionFacts = Pick<SessionRecord, 'outcome'> & {
  readonly setsCompleted?: number | undefined;
};

/**
 * True when the session ran to its end (outcome `completed`) and at least one set was done rather
 * than skipped. Sessions stopped for pain (`stopped`) or abandoned (`aborted`) never count,
 * whatever was done before the stop; neither does a session whose every set was skipped.
 */
export function countsAsDone(r: DoneSessionFacts): boolean {
  if (r.outcome !== 'completed') return false;
  return typeof r.setsCompleted !== 'number' || r.setsCompleted > 0;
}

/** How many of `records` count as done (see `countsAsDone`). */
export function doneCount(records: readonly DoneSessionFacts[]): number {
  let n = 0;
  for (const r of records) if (countsAsDone(r)) n++;
  return n;
}
