import { describe, expect, it } from 'vitest';
import { legPlacing, type TranslationSample } from './ankle-translation.ts';
import { gyroMainAxis } from './gyro-main-axis.ts';
import type { ImuSample } from './imu-sample.ts';
import { type ImuScene, imuSamples, mount } from './imu-samples.test-util.ts';
import { appendKeys, appendPumps, minJerk, PLACING_SWINGS, program } from './leg-frames.test-util.ts';

const MOUNTINGS = [mount(20, 50, 70), mount(37, -71, 123), mount(-150, 20, -40), mount(0, 80, 0)];
const asRead = (samples: readonly ImuSample[]): TranslationSample[] =>
  samples.map((s) => ({ t: s.tMs, gx: s.gx, gy: s.gy, gz: s.gz, ax: s.ax, ay: s.ay, az: s.az }));
/** The ankle slid 20 cm along the leg between 1 and 2.5 s. */
const slide = (tS: number) => [0.2 * minJerk((tS - 1) / 1.5), 0] as const;

/** Five seconds of a restless wearer: swings, then quick pumps with no holds, and a fidget. */
function wearer(moveS = 0.5) {
  const keys: [number, number][] = [[0, 0]];
  appendKeys(keys, PLACING_SWINGS);
  appendPumps(keys, 3, -30, 15, 0, moveS);
  const base = program(keys);
  return (tS: number) => base(tS) + 1.5 * Math.sin(2 * Math.PI * 1.3 * tS);
}

function placedS(scene: ImuScene, hz = 100, endS = 5): number | 'still' | 'unjudged' {
  const s = asRead(imuSamples(scene, endS, hz));
  const axis = gyroMainAxis(s);
  expect(axis).not.toBeNull();
  const p = legPlacing(s, axis!);
  return p.kind === 'placed' ? p.endT / 1000 : p.kind;
}

describe('ankle translation from a foot sensor', () => {
  it('finds no leg movement in a foot only turning, in any mounting, lever and gyro bias', () => {
    for (const footMount of MOUNTINGS) {
      for (const leverM of [
        [0.08, 0.04],
        [0.25, 0.05],
        [-0.03, 0.07],
      ] as const) {
        for (const gravityFree of [false, true]) {
          const scene = { ankleDeg: wearer(), footMount, leverM, biasRadS: 0.03, gravityFree };
          // Plainly still: the movement before a first rest is then taken as pumps.
          expect(placedS(scene)).toBe('still');
        }
      }
    }
  });

  it('finds no leg movement in quick pumps read at 25 Hz', () => {
    for (const footMount of MOUNTINGS) {
      const scene = { ankleDeg: wearer(0.2), footMount, leverM: [0.1, 0.05] as const, biasRadS: 0.02 };
      // Never a placing; at 25 Hz the turning's leftovers may leave it unjudged, not plainly still.
      expect(placedS(scene, 25)).not.toBeTypeOf('number');
    }
  });

  it("ends the placing of a leg slid 20 cm or lifted 15 cm at the foot's next turn, with gravity or without", () => {
    const lift = (tS: number) => [0, 0.15 * minJerk((tS - 1) / 1.5)] as const;
    for (const footMount of MOUNTINGS) {
      for (const ankleM of [slide, lift]) {
        for (const gravityFree of [false, true]) {
          const scene = { ankleDeg: wearer(), footMount, leverM: [0.08, 0.04] as const, ankleM, gravityFree };
          const endS = placedS({ ...scene, biasRadS: 0.03 });
          // The leg stopped at 2.5 s, the foot on its way down to the first pump's toes-down end
          // (2.9 s, give or take the fidget): that swing belongs to the placing.
          expect(endS).toBeTypeOf('number');
          expect(Math.abs((endS as number) - 2.9)).toBeLessThan(0.1);
        }
      }
    }
  });

  it('does not judge across a gap in the readings or through a gyro at its limit, but before it', () => {
    const scene = {
      ankleDeg: wearer(0.25),
      footMount: MOUNTINGS[1]!,
      leverM: [0.08, 0.04] as const,
      ankleM: slide,
    };
    const all = asRead(imuSamples(scene, 5, 100));
    const axis = gyroMainAxis(all)!;
    expect(legPlacing(all, axis).kind).toBe('placed');
    const gap = all.filter((s) => s.t < 3000 || s.t > 3300);
    expect(legPlacing(gap, axis).kind).toBe('unjudged');
    const clippedAt = (limitRadS: number) => {
      const clip = (v: number) => Math.max(-limitRadS, Math.min(limitRadS, v));
      const clipped = all.map((s) => ({ ...s, gx: clip(s.gx), gy: clip(s.gy), gz: clip(s.gz) }));
      const atLimit = (i: number) =>
        (['gx', 'gy', 'gz'] as const).some(
          (k) => i > 0 && Math.abs(clipped[i]![k]) === limitRadS && clipped[i]![k] === clipped[i - 1]![k],
        );
      const firstT = clipped.find((_, i) => atLimit(i))?.t;
      return { clipped, firstT };
    };
    // A gyro whose range ends at 2 rad/s (115 deg/s): the quick pumps after the slide (45 deg in
    // 0.25 s) go past it, and every angle after that is wrong; the readings before it still show
    // the leg slid into place (a shin-strapped phone's placing was replayed as two pumps: 33028).
    const pumpsClip = clippedAt(2);
    expect(pumpsClip.firstT).toBeGreaterThan(2400);
    const p = legPlacing(pumpsClip.clipped, axis);
    expect(p.kind).toBe('placed');
    expect(p.kind === 'placed' && p.endT).toBeLessThanOrEqual(pumpsClip.firstT!);
    // One whose range ends at 1 rad/s clips the placing's own swings: nothing to judge.
    const swingsClip = clippedAt(1);
    expect(swingsClip.firstT).toBeLessThan(1500);
    expect(legPlacing(swingsClip.clipped, axis).kind).toBe('unjudged');
  });
});
