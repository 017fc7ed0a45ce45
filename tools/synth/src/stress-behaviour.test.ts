// Behaviours issue 10 asks of the engine, each on one seeded synthetic session with its truth:
// leg movement flagged, small ranges counted, a wearer who never rests counted. (The stress set
// itself is a bench, `npm run bench motion`, not a test.)
import { analyzeImuRecording, analyzeLandmarkRecording } from '@anklepump/motion';
import { describe, expect, it } from 'vitest';
import type { ProgramSpec } from './ankle-program.ts';
import { synthImuSession } from './imu-session.ts';
import { type LandmarkSessionSpec, synthLandmarkSession } from './landmark-session.ts';
import { scoreSet } from './score.ts';

const program = (k: Partial<ProgramSpec>): ProgramSpec => ({
  reps: 10,
  tempo: 'normal',
  plantarDeg: -30,
  dorsiDeg: 15,
  partialShare: 0,
  pauseChance: 0,
  fidget: false,
  legMoveChance: 0,
  gettingIntoPosition: false,
  restS: 2,
  ...k,
});

const camera = (p: ProgramSpec): LandmarkSessionSpec => ({
  fps: 30,
  side: 'left',
  program: p,
  noise: 'blazepose',
  cameraYawDeg: 0,
  poseGain: 1,
  dropouts: 'none',
  lowVisibility: 0,
  timeJitter: 0.1,
  world: false,
  mislabel: false,
  heightPx: 480,
});

describe('leg movement during a rep', () => {
  it('flags every rep in which the knee bends 20 degrees, and only those', () => {
    const p = program({
      legMoveChance: 0.5,
      legMoveKinds: ['knee-bend'],
      legMoveSize: { slideM: [0.05, 0.05], kneeBendDeg: [20, 20.01] },
    });
    const s = synthLandmarkSession(camera(p), 31);
    const reps = analyzeLandmarkRecording(s.frames, { sides: ['left'] }).reps.left;
    const score = scoreSet(reps, s.truth);
    expect(score.countExact).toBe(true);
    expect(score.legTp).toBeGreaterThan(0);
    expect(score.legFn).toBe(0);
    expect(score.legFp).toBe(0);
  });
});

describe('small and restless', () => {
  it('counts a 9-degree range rep by rep, as shallow against a 40-degree prescription', () => {
    const s = synthLandmarkSession(camera(program({ plantarDeg: -5.5, dorsiDeg: 3.5 })), 32);
    const r = analyzeLandmarkRecording(s.frames, {
      sides: ['left'],
      calibration: {
        version: 1,
        source: 'landmarks',
        correction: { gain: 1, offsetDeg: 0 },
        left: { neutralDeg: null, rangeDeg: 40, plantarDeg: null, dorsiDeg: null },
        right: null,
      },
    });
    expect(r.reps.left).toHaveLength(10);
    expect(r.reps.left.every((x) => !x.full)).toBe(true);
    expect(r.warnings.filter((w) => w.code === 'too-shallow')).toHaveLength(10);
  });

  it('counts an IMU wearer who never holds still (3-degree fidget, no rest before the first rep)', () => {
    const p = program({ fidget: true, fidgetDeg: 3, restS: 0.2, reps: 12 });
    const s = synthImuSession(
      {
        hz: 50,
        side: 'left',
        program: p,
        mounting: 'random',
        noise: true,
        bias: true,
        quaternion: false,
        shank: false,
        dropouts: 'none',
        timeJitter: 0.1,
      },
      33,
    );
    const r = analyzeImuRecording(s.samples, { side: 'left' });
    expect(r.warnings.map((w) => w.code)).not.toContain('gap');
    // Counted rep by rep with the right range. (Which end is toes down is voted from the larger
    // excursion from the reference, and with no rest to refer to it can come out mirrored: the
    // peaks' labels are not asserted here; the bench reports it.)
    expect(r.reps.left).toHaveLength(s.truth.expectedReps);
    const ranges = r.reps.left.slice(0, -1).map((x) => x.rangeDeg);
    expect(Math.min(...ranges)).toBeGreaterThan(35);
    expect(Math.max(...ranges)).toBeLessThan(55);
  });
});

describe('a resting foot beside an exercising one (both tracked)', () => {
  // 60 s of the generator's far leg: perfectly still, with the BlazePose-like landmark noise it
  // always gets (a shared bias plus 0.1 s correlated wander per landmark). Seeds recorded here.
  const twoFeet = (fps: number, plantarDeg: number, dorsiDeg: number, seed: number) => {
    const s = synthLandmarkSession(
      { ...camera(program({ reps: 12, plantarDeg, dorsiDeg, pauseChance: 0.1 })), fps },
      seed,
    );
    const r = analyzeLandmarkRecording(s.frames, { sides: ['left', 'right'], minVisibility: 0.1 });
    const durationS = (s.frames[s.frames.length - 1]!.tMs - s.frames[0]!.tMs) / 1000;
    return { s, r, durationS };
  };

  it('still counts a 9-degree range on the exercising foot rep by rep', () => {
    const { s, r, durationS } = twoFeet(30, -5, 4, 51);
    expect(durationS).toBeGreaterThan(60);
    expect(r.reps.left).toHaveLength(s.truth.expectedReps);
  });

  // KNOWN FAILURE (kept so the fix is measured, not assumed): the still foot's noise still makes
  // small "reps" (5-10 deg) on some streams, because at this noise a still foot's excursions over a
  // minute are as large as a real 8-10 deg rep. `it.fails` passes while the defect is there and
  // fails the day it is fixed: then make it a plain `it`.
  it.fails('counts no rep on the still foot over a minute at 60 fps', () => {
    const { r, durationS } = twoFeet(60, -20, 15, 7);
    expect(durationS).toBeGreaterThan(60);
    expect(r.reps.left).toHaveLength(12);
    expect(r.reps.right).toHaveLength(0);
  });
});
