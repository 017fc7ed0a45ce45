// Writes the landmark-JSON and sensor-CSV fixtures the `analyze` tests read, from the motion
// engine's truth generator (tools/synth) with fixed seeds: `tsx tools/render/analyze-fixtures.ts`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ProgramSpec, synthImuSession, synthLandmarkSession } from '../synth/src/index.ts';

export const ANALYZE_FIXTURE_DIR = fileURLToPath(new URL('./fixtures/', import.meta.url));

const program: ProgramSpec = {
  reps: 6,
  tempo: 'normal',
  plantarDeg: -35,
  dorsiDeg: 15,
  partialShare: 0,
  pauseChance: 0,
  fidget: false,
  legMoveChance: 0,
  legMoveKinds: [],
  gettingIntoPosition: false,
  restS: 2,
};

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** The landmark session as the `analyze` landmark-file format, with its truth. */
function landmarkFixture(seed: number) {
  const s = synthLandmarkSession(
    {
      fps: 15,
      side: 'right',
      program,
      noise: 'blazepose',
      cameraYawDeg: 0,
      poseGain: 1,
      dropouts: 'none',
      lowVisibility: 0,
      timeJitter: 0,
      world: false,
      mislabel: false,
    },
    seed,
  );
  const first = s.frames[0]!;
  const file = {
    version: 1,
    frameRateHz: 15,
    width: first.widthPx,
    height: first.heightPx,
    frames: s.frames.map((f) => ({
      tS: r4(f.tMs / 1000),
      landmarks: f.landmarks ? f.landmarks.map((p) => p.map(r4)) : null,
    })),
  };
  return { file, truth: { seed, generator: 'tools/synth synthLandmarkSession', ...s.truth } };
}

function imuFixture(seed: number, shank: boolean) {
  const s = synthImuSession(
    {
      hz: 50,
      side: 'right',
      program,
      mounting: 'aligned',
      noise: true,
      bias: false,
      quaternion: false,
      shank,
      dropouts: 'none',
      timeJitter: 0,
    },
    seed,
  );
  const cols = ['t', 'ax', 'ay', 'az', 'gx', 'gy', 'gz'];
  const head = shank ? [...cols, ...cols.slice(1).map((c) => `shank_${c}`)] : cols;
  const t0 = s.samples[0]!.tMs;
  const lines = s.samples.map((x) => {
    const v = [(x.tMs - t0) / 1000, x.ax, x.ay, x.az, x.gx, x.gy, x.gz];
    if (shank && x.shank) v.push(x.shank.ax, x.shank.ay, x.shank.az, x.shank.gx, x.shank.gy, x.shank.gz);
    return v.map((n) => r4(n)).join(',');
  });
  const csv = [`# synthetic phone-on-foot log, tools/synth seed ${seed}`, head.join(','), ...lines].join(
    '\n',
  );
  return { csv: `${csv}\n`, truth: { seed, generator: 'tools/synth synthImuSession', t0Ms: t0, ...s.truth } };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(ANALYZE_FIXTURE_DIR, { recursive: true });
  const lm = landmarkFixture(4101);
  writeFileSync(
    join(ANALYZE_FIXTURE_DIR, 'synth-right-6reps.landmarks.json'),
    `${JSON.stringify(lm.file)}\n`,
  );
  writeFileSync(
    join(ANALYZE_FIXTURE_DIR, 'synth-right-6reps.landmarks.truth.json'),
    `${JSON.stringify(lm.truth)}\n`,
  );
  const imu = imuFixture(4102, false);
  writeFileSync(join(ANALYZE_FIXTURE_DIR, 'synth-right-6reps.imu.csv'), imu.csv);
  writeFileSync(
    join(ANALYZE_FIXTURE_DIR, 'synth-right-6reps.imu.truth.json'),
    `${JSON.stringify(imu.truth)}\n`,
  );
  process.stderr.write(`fixtures written to ${ANALYZE_FIXTURE_DIR}\n`);
}
