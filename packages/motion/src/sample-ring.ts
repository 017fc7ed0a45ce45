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
  return new Ring(capacity);
}

/**
 * A class, not an object literal with a getter: V8 builds such a literal in dictionary mode, and
 * every call on it (several per sample, and per sample of a rep's look-backs) is then a slow lookup.
 */
class Ring implements SampleRing {
  readonly ts: Float64Array;
  readonly as: Float64Array;
  readonly mask: number;
  next = 0;
  constructor(readonly capacity: number) {
    this.ts = new Float64Array(capacity);
    this.as = new Float64Array(capacity);
    this.mask = capacity - 1;
  }
  push(tMs: number, angleDeg: number): number {
    const i = this.next & this.mask;
    this.ts[i] = tMs;
    this.as[i] = angleDeg;
    return this.next++;
  }
  has(seq: number): boolean {
    return seq >= 0 && seq < this.next && this.next - seq <= this.capacity;
  }
  t(seq: number): number {
    return this.ts[seq & this.mask]!;
  }
  a(seq: number): number {
    return this.as[seq & this.mask]!;
  }
  clear(): void {
    this.next = 0;
  }
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
