import { describe, expect, it } from 'vitest';
import { sampleFromMotion } from './phone-source.ts';

const event = (init: Partial<Record<'accelerationIncludingGravity' | 'rotationRate', unknown>>) =>
  init as unknown as DeviceMotionEvent;

describe('device motion to IMU samples', () => {
  it('keeps m/s^2 and turns deg/s into rad/s on the right axes', () => {
    const s = sampleFromMotion(
      event({
        accelerationIncludingGravity: { x: 0.1, y: 3.2, z: 9.3 },
        rotationRate: { alpha: 90, beta: 180, gamma: -45 },
      }),
      1234,
    )!;
    expect(s.tMs).toBe(1234);
    expect([s.ax, s.ay, s.az]).toEqual([0.1, 3.2, 9.3]);
    expect(s.gx).toBeCloseTo(Math.PI);
    expect(s.gy).toBeCloseTo(-Math.PI / 4);
    expect(s.gz).toBeCloseTo(Math.PI / 2);
  });
  it('skips events without accelerometer readings (desktop browsers send those)', () => {
    expect(sampleFromMotion(event({ accelerationIncludingGravity: null }), 0)).toBeNull();
    expect(sampleFromMotion(event({ accelerationIncludingGravity: { x: null, y: 1, z: 1 } }), 0)).toBeNull();
  });
  it('treats a missing gyroscope as no rotation', () => {
    const s = sampleFromMotion(
      event({ accelerationIncludingGravity: { x: 0, y: 0, z: 9.8 }, rotationRate: null }),
      5,
    )!;
    expect([s.gx, s.gy, s.gz]).toEqual([0, 0, 0]);
  });
});
