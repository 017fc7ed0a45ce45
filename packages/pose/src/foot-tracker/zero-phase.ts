// Zero-phase low-pass for recorded angle series: a second-order Butterworth run forward and then
// backward, so peaks keep their time and height (a live filter has to lag; a recording need not).

/**
 * The series low-passed at `cutoffHz` with no phase lag, for samples `sampleHz` apart. NaN values
 * split the series: each finite run is filtered on its own (a gap is never bridged).
 */
export function zeroPhaseLowPass(values: readonly number[], sampleHz: number, cutoffHz: number): number[] {
  if (!(sampleHz > 0)) throw new RangeError(`sampleHz must be positive, got ${sampleHz}`);
  if (!(cutoffHz > 0 && cutoffHz < sampleHz / 2)) {
    throw new RangeError(`cutoffHz must be in (0, ${sampleHz / 2}), got ${cutoffHz}`);
  }
  const out = values.slice();
  let start = -1;
  for (let i = 0; i <= values.length; i++) {
    const ok = i < values.length && Number.isFinite(values[i]!);
    if (ok && start < 0) start = i;
    if (!ok && start >= 0) {
      const run = filtfilt(values.slice(start, i), sampleHz, cutoffHz);
      for (let j = 0; j < run.length; j++) out[start + j] = run[j]!;
      start = -1;
    }
  }
  return out;
}

function biquad(xs: number[], b: readonly number[], a: readonly number[]): number[] {
  const y = new Array<number>(xs.length);
  // Start in the steady state of the first value, so the edge does not ring.
  let x1 = xs[0]!;
  let x2 = xs[0]!;
  let y1 = xs[0]!;
  let y2 = xs[0]!;
  for (let i = 0; i < xs.length; i++) {
    const x0 = xs[i]!;
    const y0 = b[0]! * x0 + b[1]! * x1 + b[2]! * x2 - a[1]! * y1 - a[2]! * y2;
    y[i] = y0;
    x2 = x1;
    x1 = x0;
    y2 = y1;
    y1 = y0;
  }
  return y;
}

function filtfilt(xs: number[], fs: number, fc: number): number[] {
  if (xs.length < 4) return xs;
  const k = Math.tan((Math.PI * fc) / fs);
  const q = Math.SQRT1_2;
  const norm = 1 / (1 + k / q + k * k);
  const b = [k * k * norm, 2 * k * k * norm, k * k * norm];
  const a = [1, 2 * (k * k - 1) * norm, (1 - k / q + k * k) * norm];
  // Odd reflection at both ends (as scipy's filtfilt pads) keeps the ends from being pulled.
  const pad = Math.min(xs.length - 1, Math.ceil((3 * fs) / fc));
  const first = xs[0]!;
  const last = xs.at(-1)!;
  const padded: number[] = [];
  for (let i = pad; i >= 1; i--) padded.push(2 * first - xs[i]!);
  padded.push(...xs);
  for (let i = 1; i <= pad; i++) padded.push(2 * last - xs[xs.length - 1 - i]!);
  const fwd = biquad(padded, b, a);
  const back = biquad(fwd.reverse(), b, a).reverse();
  return back.slice(pad, pad + xs.length);
}
