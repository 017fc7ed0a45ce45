import type { RepMetrics } from '@anklepump/motion';
import { describe, expect, it } from 'vitest';
import { motionCalibration, toSensorRep } from './motion-adapter.ts';

const rep: RepMetrics = {
  side: 'left',
  tMs: 1000,
  index: 1,
  full: true,
  rangeDeg: 44,
  peakPlantarDeg: -32,
  peakDorsiDeg: 12,
  plantarHoldS: 1.5,
  dorsiHoldS: 1,
  cycleS: 4,
  startTMs: 0,
  plantarTMs: 800,
  dorsiTMs: 3000,
  legMoved: true,
  legMovementMeasured: true,
  sparc: -1.7,
  smoothness: 0.9,
  confidence: 1,
};

describe('motion engine to session machine', () => {
  it('passes a measured rep on with its degrees and holds', () => {
    expect(toSensorRep(rep)).toEqual({
      side: 'left',
      tMs: 1000,
      full: true,
      rangeDeg: 44,
      peakPlantarDeg: -32,
      peakDorsiDeg: 12,
      plantarHoldS: 1.5,
      dorsiHoldS: 1,
      legMoved: true,
      smoothness: 0.9,
    });
  });
  it('never reports leg movement a source could not see', () => {
    expect(toSensorRep({ ...rep, legMovementMeasured: false }).legMoved).toBe(false);
  });
  it('turns a saved range into a calibration that relearns neutral at each rest', () => {
    const c = motionCalibration(
      'imu',
      { gain: 1, offsetDeg: 0 },
      {
        method: 'phone',
        neutralDeg: 3,
        downDeg: -30,
        upDeg: 15,
        atMs: 0,
      },
    )!;
    expect(c.left).toEqual({ neutralDeg: null, rangeDeg: 45 });
    expect(c.right).toEqual(c.left);
    expect(motionCalibration('imu', { gain: 1, offsetDeg: 0 }, null)).toBeUndefined();
  });
});
