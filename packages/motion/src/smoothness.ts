// Movement smoothness as SPARC, the spectral arc length of the speed profile (Balasubramanian et
// al. 2015): robust to noise and to the movement's size, unlike jerk-based measures.

const RESAMPLE_HZ = 30;
const CUTOFF_HZ = 10;
const AMPLITUDE_THRESHOLD = 0.05;
const MAX_N = 8192;

/** Work buffers, allocated once per tracker, so computing a rep's smoothness does not allocate. */
export interface SparcScratch {
  readonly re: Float64Array;
  readonly im: Float64Array;
}

export function createSparcScratch(): SparcScratch {
  return { re: new Float64Array(MAX_N), im: new Float64Array(MAX_N) };
}

function fftInPlace(re: Float64Array, im: Float64Array, n: number): void {
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const tr = re[i]!;
      re[i] = re[j]!;
      re[j] = tr;
      const ti = im[i]!;
      im[i] = im[j]!;
      im[j] = ti;
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = (-2 * Math.PI) / len;
    const wr = Math.cos(ang);
    const wi = Math.sin(ang);
    for (let i = 0; i < n; i += len) {
      let cr = 1;
      let ci = 0;
      for (let k = 0; k < len / 2; k++) {
        const a = i + k;
        const b = a + len / 2;
        const xr = re[b]! * cr - im[b]! * ci;
        const xi = re[b]! * ci + im[b]! * cr;
        re[b] = re[a]! - xr;
        im[b] = im[a]! - xi;
        re[a] = re[a]! + xr;
        im[a] = im[a]! + xi;
        const ncr = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = ncr;
      }
    }
  }
}

/**
 * SPARC of an angle trace given as a sampled function (time in ms, angle in degrees), resampled to
 * 30 Hz. Returns about -1.6 for a minimum-jerk movement and lower (more negative) for jerky ones;
 * 0 when the trace is too short to judge.
 */
export function sparcOfAngle(
  count: number,
  timeAt: (i: number) => number,
  angleAt: (i: number) => number,
  scratch: SparcScratch,
): number {
  if (count < 3) return 0;
  const t0 = timeAt(0);
  const durationS = (timeAt(count - 1) - t0) / 1000;
  const m = Math.min(Math.floor(durationS * RESAMPLE_HZ), MAX_N / 4 - 1);
  if (m < 4) return 0;
  let n = 1;
  while (n < (m + 1) * 4) n <<= 1;
  n = Math.min(n, MAX_N);
  const { re, im } = scratch;
  re.fill(0, 0, n);
  im.fill(0, 0, n);
  // Angle at uniform times by linear interpolation, then speed by differences.
  let j = 0;
  let prev = angleAt(0);
  for (let k = 1; k <= m; k++) {
    const t = t0 + (k * 1000) / RESAMPLE_HZ;
    while (j < count - 2 && timeAt(j + 1) < t) j++;
    const ta = timeAt(j);
    const tb = timeAt(j + 1);
    const f = tb > ta ? Math.min(1, Math.max(0, (t - ta) / (tb - ta))) : 0;
    const a = angleAt(j) + f * (angleAt(j + 1) - angleAt(j));
    re[k - 1] = Math.abs(a - prev) * RESAMPLE_HZ;
    prev = a;
  }
  fftInPlace(re, im, n);
  const df = RESAMPLE_HZ / n;
  const kc = Math.min(Math.floor(CUTOFF_HZ / df), n / 2);
  let maxMag = 0;
  for (let k = 0; k <= kc; k++) maxMag = Math.max(maxMag, Math.sqrt(re[k]! * re[k]! + im[k]! * im[k]!));
  if (maxMag === 0) return 0;
  // Adaptive cut-off: the last frequency whose normalised magnitude is above the threshold.
  let last = 0;
  for (let k = 0; k <= kc; k++)
    if (Math.sqrt(re[k]! * re[k]! + im[k]! * im[k]!) / maxMag >= AMPLITUDE_THRESHOLD) last = k;
  if (last === 0) return 0;
  const fSpan = last * df;
  let arc = 0;
  let prevMag = Math.sqrt(re[0]! * re[0]! + im[0]! * im[0]!) / maxMag;
  for (let k = 1; k <= last; k++) {
    const mag = Math.sqrt(re[k]! * re[k]! + im[k]! * im[k]!) / maxMag;
    arc += Math.sqrt((df / fSpan) ** 2 + (mag - prevMag) ** 2);
    prevMag = mag;
  }
  return -arc;
}

/** Rescales SPARC to 0..1: 1 for -1.6 (minimum-jerk) or smoother, 0 for -6 or worse. */
export function smoothnessFromSparc(sparc: number): number {
  return Math.min(1, Math.max(0, (sparc + 6) / 4.4));
}
