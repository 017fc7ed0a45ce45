// One number per session and foot for exports: the median range of the session's measured reps,
// the same statistic the exercise package's range trend uses.
import { median } from '@anklepump/exercise';

type Obj = Record<string, unknown>;

/** Median range (deg) of one session's measured reps on `side`, or null if none were measured. */
export function sessionRangeDeg(body: unknown, side: 'left' | 'right'): number | null {
  const feet = (body as Obj).feet as Obj | undefined;
  const ranges = (feet?.[side] as Obj | undefined)?.rangesDeg;
  if (!Array.isArray(ranges) || ranges.length === 0) return null;
  return median(ranges as number[]);
}
