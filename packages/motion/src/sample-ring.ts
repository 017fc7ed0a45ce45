// A fixed-size ring of recent (time, angle) samples addressed by a running sequence number, so a
// rep's metrics can look back over its samples without the tracker allocating per frame.

export interface SampleRing {
  /** Sequence number the next pushed sample will get. */
  readonly next: number;
  readonly capacity: number;
  /** Raw storage for hot loops: sample `seq` lives at index `seq & mask`. */
  readonly ts: Float64Array;
  readonly as: Float64Array;
  readonly mask: number;
  push(tMs: number, angleDeg: number): number;
  /** True while sample `seq` is still held. */
  has(seq: number): boolean;
  t(seq: number): number;
  a(seq: number): number;
  clear(): void;
}

/** `capacity` must be a power of two (the index is a bit mask, not a division). */
export function createSampleRing(capacity: number): SampleRing {
  if (capacity <= 0 || (capacity & (capacity - 1)) !== 0)
    throw new RangeError('capacity must be a power of two');
  const ts = new Float64Array(capacity);
  const as = new Float64Array(capacity);
  const mask = capacity - 1;
  let next = 0;
  return {
    get next() {
      return next;
    },
    capacity,
    ts,
    as,
    mask,
    push(tMs, angleDeg) {
      const i = next & mask;
      ts[i] = tMs;
      as[i] = angleDeg;
      return next++;
    },
    has(seq) {
      return seq >= 0 && seq < next && next - seq <= capacity;
    },
    t(seq) {
      return ts[seq & mask]!;
    },
    a(seq) {
      return as[seq & mask]!;
    },
    clear() {
      next = 0;
    },
  };
}

/**
 * Seconds around the sample `peakSeq` during which the angle stays within `tolDeg` of the peak,
 * bounded by [fromSeq, toSeq]; crossings are interpolated between samples. `sign` is -1 for a
 * minimum (plantar peak) and +1 for a maximum (dorsi peak); `peak` is the level held (default:
 * the sample at `peakSeq`).
 */
export function holdAround(
  ring: SampleRing,
  peakSeq: number,
  fromSeq: number,
  toSeq: number,
  tolDeg: number,
  sign: 1 | -1,
  peak: number = ring.a(peakSeq),
): number {
  const limit = peak - sign * tolDeg;
  const inside = (v: number) => (sign < 0 ? v <= limit : v >= limit);
  let startT = ring.t(peakSeq);
  for (let s = peakSeq - 1; s >= fromSeq; s--) {
    const v = ring.a(s);
    if (!inside(v)) {
      const v1 = ring.a(s + 1);
      const f = (limit - v) / (v1 - v);
      startT = ring.t(s) + f * (ring.t(s + 1) - ring.t(s));
      break;
    }
    startT = ring.t(s);
  }
  let endT = ring.t(peakSeq);
  for (let s = peakSeq + 1; s <= toSeq; s++) {
    const v = ring.a(s);
    if (!inside(v)) {
      const v0 = ring.a(s - 1);
      const f = (limit - v0) / (v - v0);
      endT = ring.t(s - 1) + f * (ring.t(s) - ring.t(s - 1));
      break;
    }
    endT = ring.t(s);
  }
  return Math.max(0, (endT - startT) / 1000);
}
