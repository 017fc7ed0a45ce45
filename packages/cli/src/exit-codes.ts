// The one place that maps CLI error codes and screening decisions to process exit codes, so
// scripts can rely on them and `--help` documents them from the same table.

import type { ScreeningOutcome } from '@anklepump/exercise';

/** Stable codes for every failure a command can report. */
export type CliErrorCode =
  | 'unknown-command'
  | 'unknown-option'
  | 'missing-value'
  | 'bad-number'
  | 'bad-choice'
  | 'bad-time-zone'
  | 'bad-date'
  | 'bad-time'
  | 'missing-required'
  | 'unexpected-argument'
  | 'conflicting-options'
  | 'not-a-tty'
  | 'bad-input'
  | 'input-not-found'
  | 'output-failed'
  | 'unavailable'
  | 'internal';

/** An error a command reports to the user: a stable code, a message naming what was wrong. */
export class CliError extends Error {
  readonly code: CliErrorCode;
  /** The flag concerned, e.g. '--tz', when there is one. */
  readonly option: string | null;
  constructor(code: CliErrorCode, message: string, option: string | null = null) {
    super(message);
    this.name = 'CliError';
    this.code = code;
    this.option = option;
  }
}

export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  inputNotFound: 3,
  badInput: 4,
  unavailable: 5,
  outputFailed: 6,
  /** The recording was read, but no person or no usable foot was in it (analyze). */
  nothingFound: 7,
  screenSupervisedOnly: 10,
  screenSeeDoctorFirst: 11,
  screenNotSuitable: 12,
} as const;

/** Exit code for an error code: every usage mistake is 2. */
export function exitCodeFor(code: CliErrorCode): number {
  switch (code) {
    case 'unknown-command':
    case 'unknown-option':
    case 'missing-value':
    case 'bad-number':
    case 'bad-choice':
    case 'bad-time-zone':
    case 'bad-date':
    case 'bad-time':
    case 'missing-required':
    case 'unexpected-argument':
    case 'conflicting-options':
    case 'not-a-tty':
      return EXIT.usage;
    case 'input-not-found':
      return EXIT.inputNotFound;
    case 'bad-input':
      return EXIT.badInput;
    case 'unavailable':
      return EXIT.unavailable;
    case 'output-failed':
      return EXIT.outputFailed;
    case 'internal':
      return EXIT.internal;
  }
}

/** Exit code for a screening decision: 0 only for go. */
export function exitCodeForScreening(outcome: ScreeningOutcome): number {
  switch (outcome) {
    case 'go':
      return EXIT.ok;
    case 'supervised-only':
      return EXIT.screenSupervisedOnly;
    case 'see-doctor-first':
      return EXIT.screenSeeDoctorFirst;
    case 'not-suitable':
      return EXIT.screenNotSuitable;
  }
}

/** Exit codes every command shares, for `--help`. */
export const COMMON_EXIT_CODES: readonly ExitCodeDoc[] = [
  { code: EXIT.ok, meaning: 'success' },
  { code: EXIT.internal, meaning: 'unexpected internal error (a bug: please report it)' },
  { code: EXIT.usage, meaning: 'bad arguments: unknown flag, missing or bad value' },
];

export interface ExitCodeDoc {
  readonly code: number;
  readonly meaning: string;
}
