// Replays a synthetic IMU trace (tools/synth) into the page as DeviceMotionEvents, timed by the
// page's fake clock, so a phone-on-foot session runs in seconds instead of minutes.
import type { ImuSample } from '@anklepump/motion';
import type { Page } from 'playwright-core';
import type { ImuSessionSpec } from '../../tools/synth/src/index.ts';

const R2D = 180 / Math.PI;

export interface MotionPayload {
  /** Ms after the replay starts. */
  t: number;
  a: [number, number, number];
  /** alpha (about z), beta (about x), gamma (about y), deg/s. */
  r: [number, number, number];
}

/** DeviceMotion payloads from IMU samples, times relative to the first sample. */
export function toMotionPayloads(samples: readonly ImuSample[]): MotionPayload[] {
  const t0 = samples[0]?.tMs ?? 0;
  return samples.map((s) => ({
    t: s.tMs - t0,
    a: [s.ax, s.ay, s.az],
    r: [s.gz * R2D, s.gx * R2D, s.gy * R2D],
  }));
}

/** Still samples (no rotation, gravity `a`: by default a phone lying flat) for `ms` at 50 Hz. */
export function stillPayloads(ms: number, a: [number, number, number] = [0, 3.3, 9.2]): MotionPayload[] {
  return Array.from({ length: Math.floor(ms / 20) }, (_, i) => ({ t: i * 20, a, r: [0, 0, 0] }));
}

/** Schedules the events on the page's (fake) timers; advance the clock to play them. */
export async function scheduleMotion(page: Page, payloads: readonly MotionPayload[]): Promise<void> {
  await page.evaluate((ps) => {
    for (const p of ps) {
      setTimeout(() => {
        window.dispatchEvent(
          new DeviceMotionEvent('devicemotion', {
            accelerationIncludingGravity: { x: p.a[0], y: p.a[1], z: p.a[2] },
            rotationRate: { alpha: p.r[0], beta: p.r[1], gamma: p.r[2] },
            interval: 20,
          }),
        );
      }, p.t);
    }
  }, payloads);
}

/** A phone lying on the foot, aligned, for `reps` normal-tempo pumps of about 46 deg on `side`. */
export const phoneTrace = (side: 'left' | 'right', reps: number): ImuSessionSpec => ({
  hz: 50,
  side,
  program: {
    reps,
    tempo: 'normal',
    plantarDeg: -32,
    dorsiDeg: 14,
    partialShare: 0,
    pauseChance: 0,
    fidget: false,
    legMoveChance: 0,
    gettingIntoPosition: false,
    restS: 1.5,
  },
  mounting: 'aligned',
  noise: true,
  bias: false,
  quaternion: false,
  shank: false,
  dropouts: 'none',
  timeJitter: 0,
});
