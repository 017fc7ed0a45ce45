// One repetition as a sensor (camera pose or phone on the foot) saw it: what the motion engine's
// rep events map to. A field is null when the mode cannot measure it.

import type { Side } from './dose.ts';

export interface SensorRep {
  readonly side: Side;
  /** When the rep ended, ms (same clock as session events). */
  readonly tMs: number;
  /** True when the rep reached the range the motion engine requires; false = shallow. */
  readonly full: boolean;
  /** Peak-to-peak ankle range of this rep, degrees. */
  readonly rangeDeg: number | null;
  /** Most plantarflexed angle, degrees (negative = toes down). */
  readonly peakPlantarDeg: number | null;
  /** Most dorsiflexed angle, degrees (positive = toes up). */
  readonly peakDorsiDeg: number | null;
  /** Time held near the toes-down end, seconds. */
  readonly plantarHoldS: number | null;
  /** Time held near the toes-up end, seconds. */
  readonly dorsiHoldS: number | null;
  /** True when the shank moved too (the leg, not just the ankle). */
  readonly legMoved: boolean;
  /** Smoothness 0..1 (1 = smooth), or null when not measured. */
  readonly smoothness: number | null;
}
