// The evaluation set: named conditions (frame rate, noise, camera angle, tempo, partial reps,
// pauses, dropouts, leg movement, mounting...), each a list of seeded sets with their truth.

import type { ImuAnalyzerOptions, LandmarkAnalyzerOptions } from '@anklepump/motion';
import type { ProgramSpec, Tempo } from './ankle-program.ts';
import type { ImuSessionSpec } from './imu-session.ts';
import type { LandmarkSessionSpec } from './landmark-session.ts';
import { createRng, type Rng } from './prng.ts';

export type EvalCondition =
  | {
      readonly name: string;
      readonly source: 'landmarks';
      readonly spec: (rng: Rng) => LandmarkSessionSpec;
      readonly options: LandmarkAnalyzerOptions;
    }
  | {
      readonly name: string;
      readonly source: 'imu';
      readonly spec: (rng: Rng) => ImuSessionSpec;
      readonly options: ImuAnalyzerOptions;
    };

interface ProgramKnobs {
  tempo?: Tempo;
  partialShare?: number;
  pauseChance?: number;
  fidget?: boolean;
  legMoveChance?: number;
  legMoveKinds?: readonly ('slide' | 'knee-bend')[];
  gettingIntoPosition?: boolean;
}

function program(rng: Rng, k: ProgramKnobs = {}): ProgramSpec {
  return {
    reps: 10 + Math.floor(rng.next() * 6),
    tempo: k.tempo ?? 'normal',
    plantarDeg: -rng.range(25, 45),
    dorsiDeg: rng.range(8, 20),
    partialShare: k.partialShare ?? 0,
    pauseChance: k.pauseChance ?? 0.1,
    fidget: k.fidget ?? false,
    legMoveChance: k.legMoveChance ?? 0,
    legMoveKinds: k.legMoveKinds ?? ['slide', 'knee-bend'],
    gettingIntoPosition: k.gettingIntoPosition ?? false,
    restS: rng.range(1.5, 3),
  };
}

interface LmKnobs extends ProgramKnobs {
  fps?: number;
  noise?: 'none' | 'blazepose';
  cameraYawDeg?: number;
  poseGain?: number;
  dropouts?: 'none' | 'long';
  lowVisibility?: number;
  timeJitter?: number;
  world?: boolean;
  mislabel?: boolean;
}

const lm =
  (k: LmKnobs) =>
  (rng: Rng): LandmarkSessionSpec => ({
    fps: k.fps ?? 30,
    side: rng.chance(0.5) ? 'left' : 'right',
    program: program(rng, k),
    noise: k.noise ?? 'blazepose',
    cameraYawDeg: k.cameraYawDeg ?? 0,
    poseGain: k.poseGain ?? 1,
    dropouts: k.dropouts ?? 'none',
    lowVisibility: k.lowVisibility ?? 0,
    timeJitter: k.timeJitter ?? 0.1,
    world: k.world ?? false,
    mislabel: k.mislabel ?? false,
  });

interface ImuKnobs extends ProgramKnobs {
  hz?: number;
  mounting?: 'aligned' | 'random';
  bias?: boolean;
  quaternion?: boolean;
  shank?: boolean;
  dropouts?: 'none' | 'long';
}

const imu =
  (k: ImuKnobs) =>
  (rng: Rng): ImuSessionSpec => ({
    hz: k.hz ?? 50,
    side: 'left',
    program: program(rng, k),
    mounting: k.mounting ?? 'random',
    noise: true,
    bias: k.bias ?? true,
    quaternion: k.quaternion ?? false,
    shank: k.shank ?? false,
    dropouts: k.dropouts ?? 'none',
    timeJitter: 0.1,
  });

/** Every condition of the evaluation set. Landmark sessions analyse the exercised foot only. */
export const EVAL_CONDITIONS: readonly EvalCondition[] = [
  { name: 'camera 30 fps, no landmark noise', source: 'landmarks', spec: lm({ noise: 'none' }), options: {} },
  { name: 'camera 30 fps, BlazePose-like noise', source: 'landmarks', spec: lm({}), options: {} },
  { name: 'camera 10 fps', source: 'landmarks', spec: lm({ fps: 10 }), options: {} },
  { name: 'camera 15 fps', source: 'landmarks', spec: lm({ fps: 15 }), options: {} },
  { name: 'camera 60 fps', source: 'landmarks', spec: lm({ fps: 60 }), options: {} },
  { name: 'slow reps, long holds', source: 'landmarks', spec: lm({ tempo: 'slow-holds' }), options: {} },
  { name: '60 reps/min, no holds', source: 'landmarks', spec: lm({ tempo: 'fast' }), options: {} },
  { name: 'partial reps mixed in', source: 'landmarks', spec: lm({ partialShare: 0.25 }), options: {} },
  {
    name: 'pauses and fidgeting',
    source: 'landmarks',
    spec: lm({ pauseChance: 0.5, fidget: true }),
    options: {},
  },
  {
    name: 'getting into position first',
    source: 'landmarks',
    spec: lm({ gettingIntoPosition: true }),
    options: {},
  },
  { name: 'foot out of view (0.8-2 s)', source: 'landmarks', spec: lm({ dropouts: 'long' }), options: {} },
  { name: 'low visibility spells', source: 'landmarks', spec: lm({ lowVisibility: 0.03 }), options: {} },
  {
    name: 'camera 30 deg off side, image',
    source: 'landmarks',
    spec: lm({ cameraYawDeg: 30 }),
    options: { useWorld: 'never' },
  },
  {
    name: 'camera 30 deg off side, world',
    source: 'landmarks',
    spec: lm({ cameraYawDeg: 30, world: true }),
    options: {},
  },
  { name: 'leg slides or knee bends', source: 'landmarks', spec: lm({ legMoveChance: 0.3 }), options: {} },
  {
    name: 'pose gain 0.68, corrected',
    source: 'landmarks',
    spec: lm({ poseGain: 0.68 }),
    options: { correction: { gain: 1 / 0.68, offsetDeg: 0 } },
  },
  {
    name: 'legs mislabelled, longer shank',
    source: 'landmarks',
    spec: lm({ mislabel: true }),
    options: { legChoice: 'longer-shank' },
  },
  {
    name: 'phone on foot, aligned, no bias',
    source: 'imu',
    spec: imu({ mounting: 'aligned', bias: false }),
    options: {},
  },
  { name: 'phone on foot, any mounting, bias', source: 'imu', spec: imu({}), options: {} },
  { name: 'phone on foot, 20 Hz', source: 'imu', spec: imu({ hz: 20 }), options: {} },
  { name: 'phone on foot, radio dropouts', source: 'imu', spec: imu({ dropouts: 'long' }), options: {} },
  {
    name: 'foot + shin IMUs, knee bends',
    source: 'imu',
    spec: imu({ shank: true, legMoveChance: 0.3, legMoveKinds: ['knee-bend'] }),
    options: { sensors: 'foot+shank' },
  },
];

export interface EvalSet {
  readonly condition: EvalCondition;
  readonly seed: number;
}

/** `perCondition` seeded sets for every condition; seeds are fixed so results reproduce. */
export function evalSets(perCondition: number, baseSeed = 1000): EvalSet[] {
  const out: EvalSet[] = [];
  EVAL_CONDITIONS.forEach((condition, c) => {
    for (let i = 0; i < perCondition; i++) out.push({ condition, seed: baseSeed + c * 1000 + i });
  });
  return out;
}

/** The spec a set's seed gives (its own stream, separate from the session's). */
export function specRng(seed: number): Rng {
  return createRng(seed ^ 0x5bd1e995);
}
