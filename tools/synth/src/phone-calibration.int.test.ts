// `anklepump analyze --calibrate-with`: camera degrees scaled by the pose model (here 0.6 of the true
// angle, as BlazePose gave on some bodies) are put right by a phone on the same foot that recorded
// the same reps on its own clock. The landmarks and the sensor log come from one generated program.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProgramSpec } from './ankle-program.ts';
import { synthImuSession } from './imu-session.ts';
import { synthLandmarkSession } from './landmark-session.ts';

const root = new URL('../../../', import.meta.url).pathname;
const CLI = join(root, 'packages/cli/dist/anklepump.js');
const dir = mkdtempSync(join(tmpdir(), 'anklepump-calibrate-'));
const SEED = 4242;
const PHONE_CLOCK_AHEAD_S = 5.3;
const program: ProgramSpec = {
  reps: 8,
  tempo: 'normal',
  plantarDeg: -30,
  dorsiDeg: 15,
  partialShare: 0,
  pauseChance: 0,
  fidget: false,
  legMoveChance: 0,
  gettingIntoPosition: false,
  restS: 2,
};
const session = synthLandmarkSession(
  {
    fps: 30,
    side: 'left',
    program,
    noise: 'none',
    cameraYawDeg: 0,
    poseGain: 0.6,
    dropouts: 'none',
    lowVisibility: 0,
    timeJitter: 0,
    world: false,
    mislabel: false,
  },
  SEED,
);
const trueRanges = session.truth.reps.map((r) => r.rangeDeg);

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'analyze', ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  if (!existsSync(CLI)) execFileSync(process.execPath, [join(root, 'packages/cli/build.mjs')]);
  const f0 = session.frames[0]!;
  writeFileSync(
    join(dir, 'camera.json'),
    JSON.stringify({
      version: 1,
      frameRateHz: 30,
      width: f0.widthPx,
      height: f0.heightPx,
      frames: session.frames.map((f) => ({ tS: f.tMs / 1000, landmarks: f.landmarks })),
    }),
  );
  const imu = synthImuSession(
    {
      hz: 50,
      side: 'left',
      program,
      mounting: 'random',
      noise: true,
      bias: true,
      quaternion: false,
      shank: false,
      dropouts: 'none',
      timeJitter: 0,
    },
    SEED,
  );
  const rows = imu.samples.map((s) =>
    [(s.tMs / 1000 + PHONE_CLOCK_AHEAD_S).toFixed(4), s.ax, s.ay, s.az, s.gx, s.gy, s.gz].join(','),
  );
  writeFileSync(join(dir, 'phone.csv'), ['t,ax,ay,az,gx,gy,gz', ...rows].join('\n'));
});

interface Report {
  input: { angleGain: number; calibration?: Record<string, unknown> };
  feet: { side: string; reps: { rangeDeg: number }[]; warnings: { code: string; message: string }[] }[];
}
const left = (r: Report) => r.feet.find((f) => f.side === 'left')!;
const medianErr = (r: Report) => {
  const errs = left(r)
    .reps.map((x, i) => Math.abs(x.rangeDeg - trueRanges[i]!))
    .sort((a, b) => a - b);
  return errs[errs.length >> 1]!;
};

describe('analyze --calibrate-with a phone log', () => {
  it("fits the view's gain from the reps both saw, finds the phone's clock, and puts the degrees right", () => {
    const plain = cli('camera.json', '--json', '--side', 'left');
    expect(plain.code, plain.err).toBe(0);
    const before = JSON.parse(plain.out) as Report;
    expect(left(before).reps).toHaveLength(8);
    // Uncalibrated, the camera's 0.6 shows: every range is far short.
    expect(medianErr(before)).toBeGreaterThan(12);

    const r = cli('camera.json', '--json', '--side', 'left', '--calibrate-with', 'phone.csv');
    expect(r.code, r.err).toBe(0);
    const after = JSON.parse(r.out) as Report;
    expect(after.input.calibration).toMatchObject({ by: 'phone', side: 'left', reps: 8 });
    // To within a hold (1-1.5 s here): a peak's time is any frame of its flat hold, and the fitted
    // foot angle (foot-fit.ts) places this clean set's camera peaks at their holds' ends.
    expect(
      Math.abs((after.input.calibration!.phoneClockOffsetS as number) - PHONE_CLOCK_AHEAD_S),
    ).toBeLessThanOrEqual(1.5);
    expect(after.input.angleGain).toBeGreaterThan(1.5);
    expect(after.input.angleGain).toBeLessThan(1.85);
    expect(left(after).reps).toHaveLength(8);
    expect(medianErr(after)).toBeLessThan(3);
    const text = cli('camera.json', '--side', 'left', '--calibrate-with', 'phone.csv');
    expect(text.out).toMatch(
      /Degrees calibrated against the phone on the left foot: gain 1\.\d\d from 8 reps/,
    );
  });

  it('says plainly why it did not calibrate when the phone log shares no reps with the video', () => {
    const far = (t: number) => (t + 600).toFixed(4);
    writeFileSync(
      join(dir, 'other-session.csv'),
      ['t,ax,ay,az,gx,gy,gz', '0,0,0,9.81,0,0,0', `${far(0.02)},0,0,9.81,0,0,0`].join('\n'),
    );
    const r = cli('camera.json', '--json', '--side', 'left', '--calibrate-with', 'other-session.csv');
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(r.out) as Report;
    expect(report.input.calibration).toMatchObject({
      by: 'phone',
      refused: expect.stringMatching(/phone 0 reps/),
    });
    expect(left(report).warnings.map((w) => w.code)).toContain('not-calibrated');
  });

  it('names the problem with a missing, malformed or misplaced phone log, or a clash with --gain', () => {
    const missing = cli('camera.json', '--calibrate-with', 'nope.csv');
    expect(missing.code).toBe(3);
    expect(missing.err).toMatch(/--calibrate-with: no such file: nope\.csv/);
    writeFileSync(join(dir, 'bad.csv'), 't,ax,ay,az,gx,gy,gz\n0,0,0,9.8,0,0\n');
    const bad = cli('camera.json', '--calibrate-with', 'bad.csv');
    expect(bad.code).toBe(4);
    expect(bad.err).toMatch(/bad\.csv.*line 2/);
    const notCsv = cli('camera.json', '--calibrate-with', 'camera.json');
    expect(notCsv.code).toBe(4);
    expect(notCsv.err).toMatch(/camera\.json is not a motion-sensor CSV/);
    const both = cli('camera.json', '--calibrate-with', 'phone.csv', '--gain', '1.2');
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/give it or --gain, not both/);
    const sensor = cli('phone.csv', '--calibrate-with', 'phone.csv');
    expect(sensor.code).toBe(2);
    expect(sensor.err).toMatch(/must be a video or landmark JSON/);
  });
});
