// Naive counters to hold the engine against (issue 10): what a 30-minute job gets. Both see the
// whole recording at once (offline), which only helps them.

import { createLegReading, type ImuSample, type LandmarkFrame, readLeg, type Side } from '@anklepump/motion';

function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.floor(q * s.length)))] ?? 0;
}

/** Counts crossings below the low threshold after being above the high one. */
function countCycles(ys: readonly number[], lo: number, hi: number): number {
  let armed = false;
  let n = 0;
  let primed = false;
  for (const y of ys) {
    if (y > hi) {
      armed = true;
      primed = true;
    } else if (y < lo && armed) {
      armed = false;
      n++;
    } else if (y < lo && !primed) {
      // A person who starts toes down: the first dip counts once the foot comes back up.
      primed = true;
      n++;
    }
  }
  return n;
}

/**
 * Fixed-threshold counter on landmarks: the raw foot angle of every frame (no gating), a 5-frame
 * moving median, and thresholds at 35% and 65% between the recording's 5th and 95th percentiles.
 */
export function naiveLandmarkCount(frames: readonly LandmarkFrame[], side: Side): number {
  const r = createLegReading();
  const raw: number[] = [];
  for (const f of frames) {
    const x = f.landmarks ? readLeg(f, side, 0, false, r) : null;
    if (x?.ok) raw.push(x.rawDeg);
  }
  const ys = raw.map((_, i) => quantile(raw.slice(Math.max(0, i - 2), i + 3), 0.5));
  const lo5 = quantile(ys, 0.05);
  const hi95 = quantile(ys, 0.95);
  return countCycles(ys, lo5 + 0.35 * (hi95 - lo5), lo5 + 0.65 * (hi95 - lo5));
}

/**
 * Gyro zero-crossing integrator: the gyro's principal axis over the recording, the rate about it
 * smoothed over 0.1 s, integrated between zero crossings into swings; swings under 4 deg merge into
 * their neighbours, and a rep is a swing of the direction with the larger swings (at least 40% of
 * that direction's 90th percentile).
 */
export function naiveGyroCount(samples: readonly ImuSample[]): number {
  const m = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (const s of samples) {
    const g = [s.gx, s.gy, s.gz];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) m[3 * i + j]! += g[i]! * g[j]!;
  }
  let v = [1, 0.5, 0.25];
  for (let k = 0; k < 50; k++) {
    const w = [0, 1, 2].map((i) => m[3 * i]! * v[0]! + m[3 * i + 1]! * v[1]! + m[3 * i + 2]! * v[2]!);
    const n = Math.hypot(w[0]!, w[1]!, w[2]!) || 1;
    v = w.map((x) => x / n);
  }
  const rate = samples.map((s) => s.gx * v[0]! + s.gy * v[1]! + s.gz * v[2]!);
  const smooth = rate.map((_, i) => {
    let sum = 0;
    let n = 0;
    for (let j = i; j >= 0 && samples[i]!.tMs - samples[j]!.tMs <= 100; j--) {
      sum += rate[j]!;
      n++;
    }
    return sum / n;
  });
  const swings: number[] = [];
  let acc = 0;
  for (let i = 1; i < samples.length; i++) {
    const dt = (samples[i]!.tMs - samples[i - 1]!.tMs) / 1000;
    if (dt > 0.5) continue;
    const r = smooth[i]!;
    if (Math.sign(r) !== Math.sign(smooth[i - 1]!) && acc !== 0) {
      swings.push((acc * 180) / Math.PI);
      acc = 0;
    }
    acc += r * dt;
  }
  swings.push((acc * 180) / Math.PI);
  const merged: number[] = [];
  for (const s of swings) {
    if (Math.abs(s) < 4) continue;
    const last = merged.length - 1;
    if (last >= 0 && Math.sign(merged[last]!) === Math.sign(s)) merged[last]! += s;
    else merged.push(s);
  }
  const pos = merged.filter((s) => s > 0);
  const neg = merged.filter((s) => s < 0).map((s) => -s);
  const big = quantile(pos, 0.9) >= quantile(neg, 0.9) ? pos : neg;
  const bar = 0.4 * quantile(big, 0.9);
  return big.filter((s) => s >= bar).length;
}
