// Step limits for the rep states' unit tests: a 4-deg hysteresis, a 2-deg still band, no
// toes-up peak bar (a first toes-up end rises two hystereses, as a sensor's) and no rest ending a rep or a swing.
import type { StepLimits } from './rep-state-types.ts';

export const TEST_LIMITS: StepLimits = {
  hysteresisDeg: 4,
  stillDeg: 2,
  holdStartMs: 200,
  toesUpPeakFromDeg: Number.NEGATIVE_INFINITY,
  firstEndHystereses: 2,
  restEndsRepMs: Number.POSITIVE_INFINITY,
  restEndsSwingMs: Number.POSITIVE_INFINITY,
  upFirstFromPauses: false,
};
