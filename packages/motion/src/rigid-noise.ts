// The landmarks' noise read from what cannot move: a foot's length against a shank's length. The
// angle comes from the direction of the heel -> toe and ankle -> knee lines; the noise on their
// points moves each line sideways (which turns the angle) and along itself (which changes its
// length) by the same amount when it is the same in every direction, as a detector's jitter is. A
// rigid foot turning about its ankle keeps its length, so the lengths' jitter is the points' noise
// with none of the foot's movement in it. The angle's own meter (noise-meter.ts) cannot separate
// the two once the foot moves quickly: at 10-15 fps a fast pump's turns read as noise, and the bars
// it set hid the pumps (stress set tuning seed 28003: 11 fps, 38-deg pumps, the angle's meter
// reading 11 deg where the points gave the angle 2.8; no rep counted).

import { createNoiseMeter, createSampleNoiseMeter, type NoiseMeter } from './noise-meter.ts';

const RAD = 180 / Math.PI;

/**
 * The reading needs this many samples: the noise meter's seed (8 differences after 2 lags) and a
 * little settling. Before that the angle's meter stands alone.
 */
const RIGID_MIN_SAMPLES = 30;

export interface RigidNoise {
  /** One sample's foot and shank lengths (any unit, the same every sample); `dtS` the usual interval. */
  add(footLen: number, shankLen: number, dtS: number): void;
  /** After a gap: the next differences have no predecessors. */
  interrupt(): void;
  reset(): void;
  /**
   * The noise the points give the angle, degrees (standard deviation at the noise meter's time
   * scale), or NaN until RIGID_MIN_SAMPLES samples were seen.
   */
  readonly sdDeg: number;
  /**
   * The same from one-sample third differences (`createSampleNoiseMeter`): the frame-to-frame part,
   * to set beside the angle's own, which a movement hardly shows either. NaN until read.
   */
  readonly sampleSdDeg: number;
}

/**
 * A relative change e of a line's length is a movement of e x its length along it; the same
 * movement across it turns the line by e radians. So ln(foot / shank) in degrees jitters as much as
 * the noise turns the foot line against the shank line: the angle's noise (the two lines' errors
 * are independent, and a difference of logs adds their variances as the angle does). The ratio is
 * also blind to the camera moving nearer or further. The noise meters run on it: the turning-point
 * meter for the noise the bars use, the frame-to-frame one to compare with the angle's.
 */
export function createRigidNoise(): RigidNoise {
  return new Rigid();
}

/**
 * `createRigidNoise`'s reading. A class, not an object literal with getters: V8 builds such a
 * literal in dictionary mode, and every read of it is then a slow lookup the compiler cannot inline.
 */
class Rigid implements RigidNoise {
  // The angle's stillness gate: a foot seen from off the side shortens as it turns too (45 deg off,
  // a 30-deg turn takes a tenth off it), and that change must not read as noise.
  private readonly meter: NoiseMeter = createNoiseMeter();
  private readonly fine: NoiseMeter = createSampleNoiseMeter();
  private seen = 0;
  add(footLen: number, shankLen: number, dtS: number): void {
    if (!(footLen > 0 && shankLen > 0)) return;
    const x = RAD * Math.log(footLen / shankLen);
    this.meter.add(x, dtS);
    this.fine.add(x, dtS);
    this.seen++;
  }
  interrupt(): void {
    this.meter.interrupt();
    this.fine.interrupt();
  }
  reset(): void {
    this.meter.reset();
    this.fine.reset();
    this.seen = 0;
  }
  get sdDeg(): number {
    return this.seen < RIGID_MIN_SAMPLES ? Number.NaN : this.meter.sdDeg;
  }
  get sampleSdDeg(): number {
    return this.seen < RIGID_MIN_SAMPLES ? Number.NaN : this.fine.sdDeg;
  }
}
