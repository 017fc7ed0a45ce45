// A stiff ankle moving slowly: a phone on the foot must count every pump of a person whose range
// is small and whose moves take 2-3 s each, slower than any family of the stress set draws (its
// moves last 0.15-1.7 s). A rule that tells a leg rolling at the hip from a pump by how fast the
// foot turns (tried 2026-12-06, motion README) lost every pump of such a person; this pins it.
import { analyzeImuRecording } from '@anklepump/motion';
import { describe, expect, it } from 'vitest';
import type { ProgramSpec } from './ankle-program.ts';
import { type ImuSessionSpec, synthImuSession } from './imu-session.ts';

const slowPerson = (plantarDeg: number, dorsiDeg: number, moveS: number): ProgramSpec => ({
  reps: 8,
  tempo: 'normal',
  plantarDeg,
  dorsiDeg,
  partialShare: 0,
  pauseChance: 0,
  fidget: false,
  legMoveChance: 0,
  gettingIntoPosition: false,
  restS: 2,
  timing: { moveS, plantarHoldS: 1.5, dorsiHoldS: 1 },
});

const phone = (program: ProgramSpec): ImuSessionSpec => ({
  hz: 50,
  side: 'left',
  program,
  mounting: 'random',
  noise: true,
  bias: true,
  quaternion: false,
  shank: false,
  dropouts: 'none',
  timeJitter: 0.1,
});

describe('a phone on a stiff ankle that moves slowly', () => {
  // Measured 2026-12-06: every seed exact in both.
  for (const [what, program] of [
    ['15-deg pumps, 2 s a move', slowPerson(-10, 5, 2)],
    ['23-deg pumps, 3 s a move', slowPerson(-15, 8, 3)],
  ] as const) {
    it(`counts every one of 8 ${what}, whatever the mounting (4 seeds)`, () => {
      for (let seed = 1; seed <= 4; seed++) {
        const session = synthImuSession(phone(program), seed);
        const reps = analyzeImuRecording(session.samples, { side: 'left' }).reps.left;
        expect(reps.length, `seed ${seed}`).toBe(session.truth.reps.length);
        expect(reps.length).toBe(8);
      }
    });
  }
});
