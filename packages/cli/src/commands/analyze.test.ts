// `anklepump analyze` on landmark and sensor files (no browser needed): counts against the truth
// of the motion engine's generator, the JSON shape, the plot, and every kind of bad input.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliForTest } from '../run-cli.test-util.ts';

const FIX = new URL('../../../../tools/render/fixtures/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'anklepump-analyze-'));

function analyze(...argv: string[]) {
  return runCliForTest(['analyze', ...argv], dir);
}

interface TruthRep {
  peakPlantarDeg: number;
  peakDorsiDeg: number;
  rangeDeg: number;
  plantarHoldS: number;
  dorsiHoldS: number;
}
const truthOf = (name: string) =>
  JSON.parse(readFileSync(join(FIX, name), 'utf8')) as { expectedReps: number; reps: TruthRep[] };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

describe('analyze a landmark file', { timeout: 30_000 }, () => {
  const file = join(FIX, 'synth-right-6reps.landmarks.json');
  const truth = truthOf('synth-right-6reps.landmarks.truth.json');

  it('counts every rep of the exercised foot and measures range and holds close to the truth', async () => {
    // The fixture's landmarks show the foot's true rotation (pose gain 1): no camera correction.
    const r = await analyze(file, '--side', 'right', '--gain', '1', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    const foot = report.feet[0];
    expect(foot.side).toBe('right');
    expect(foot.repCount).toBe(truth.expectedReps);
    const rangeErr = foot.reps.map((x: { rangeDeg: number }, i: number) =>
      Math.abs(x.rangeDeg - truth.reps[i]!.rangeDeg),
    );
    expect(median(rangeErr)).toBeLessThan(6);
    for (const rep of foot.reps) {
      expect(rep.plantarflexionDeg).toBeGreaterThan(0);
      expect(rep.startS).toBeLessThan(rep.endS);
    }
  });

  it('prints the stable JSON shape, and the series only with --series', async () => {
    const r = await analyze(file, '--side', 'right', '--json', '--series');
    const report = JSON.parse(r.out);
    expect(report.version).toBe(1);
    expect(report.input).toMatchObject({
      path: file,
      kind: 'landmarks',
      durationS: expect.any(Number),
      frameRateHz: 15,
    });
    expect(Object.keys(report.feet[0].reps[0])).toEqual(
      expect.arrayContaining([
        'startS',
        'endS',
        'plantarflexionDeg',
        'dorsiflexionDeg',
        'rangeDeg',
        'plantarHoldS',
        'dorsiHoldS',
        'legMoved',
        'smoothness',
        'flags',
      ]),
    );
    // A landmark file's degrees are what its landmarks give: measured.
    expect(report.feet[0].degrees).toBe('measured');
    expect(report.series.length).toBeGreaterThan(100);
    expect(report.series[0]).toEqual({ tS: expect.any(Number), side: 'right', angleDeg: expect.any(Number) });
    const plain = JSON.parse((await analyze(file, '--side', 'right', '--json')).out);
    expect(plain.series).toBeUndefined();
  });

  it('writes a summary a person can read, and flags holds shorter than prescribed', async () => {
    const r = await analyze(file, '--side', 'right', '--plantar-hold', '5');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`RIGHT FOOT: ${truth.expectedReps} reps`);
    expect(r.out).toContain('toes-down hold: median');
    expect(r.out).toContain(`(asked 5 s; 0/${truth.expectedReps} long enough)`);
    expect(r.out).toContain('short-plantar-hold');
  });

  it('draws an SVG plot with every rep numbered and the holds shaded', async () => {
    const svg = join(dir, 'plot.svg');
    const r = await analyze(file, '--side', 'right', '--plot', svg);
    expect(r.code).toBe(0);
    const text = readFileSync(svg, 'utf8');
    expect(text.startsWith('<svg')).toBe(true);
    expect(text).toContain(`Right foot: ${truth.expectedReps} reps`);
    for (let i = 1; i <= truth.expectedReps; i++) expect(text).toContain(`>${i}</text>`);
    expect(text).toContain('toes-down hold');
    expect((text.match(/opacity="0.45"/g) ?? []).length).toBeGreaterThanOrEqual(2 * truth.expectedReps - 2);
  });

  it('exits 7 with a plain message when no person is in any frame', async () => {
    const empty = {
      version: 1,
      frameRateHz: 15,
      width: 640,
      height: 360,
      frames: [0, 1, 2].map((i) => ({ tS: i / 15, landmarks: null })),
    };
    const f = join(dir, 'nobody.json');
    writeFileSync(f, JSON.stringify(empty));
    const r = await analyze(f);
    expect(r.code).toBe(7);
    expect(r.err).toContain('no person was found in any frame');
    expect(r.err).toContain('film from the side with the person lit and in the picture');
    expect(r.out).toBe('');
  });
});

describe('analyze a sensor CSV', { timeout: 30_000 }, () => {
  it('counts the reps of a phone on the foot', async () => {
    const truth = truthOf('synth-right-6reps.imu.truth.json');
    const r = await analyze(join(FIX, 'synth-right-6reps.imu.csv'), '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.input.kind).toBe('imu');
    expect(report.feet).toHaveLength(1);
    expect(report.feet[0].side).toBe('right');
    expect(report.feet[0].repCount).toBe(truth.expectedReps);
  });

  /** The fixture log's rows as cells, with the columns of the gyro's three axes. */
  const imuLog = () => {
    const text = readFileSync(join(FIX, 'synth-right-6reps.imu.csv'), 'utf8');
    const [head, ...rows] = text
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('#'));
    const cols = head!.split(',');
    const g = ['gx', 'gy', 'gz'].map((c) => cols.indexOf(c));
    return { head: head!, t: cols.indexOf('t'), g, cells: rows.map((r) => r.split(',')) };
  };
  /** Writes `cells` as a log named `name`, every gyro reading beyond `limit` (rad/s) reading the limit. */
  const writeLog = (name: string, head: string, g: number[], cells: string[][], limit = Infinity) => {
    const clip = (v: string) => String(Math.max(-limit, Math.min(limit, Number(v))));
    const out = cells.map((c) => c.map((v, i) => (g.includes(i) ? clip(v) : v)).join(','));
    const p = join(dir, name);
    writeFileSync(p, `${head}\n${out.join('\n')}\n`);
    return p;
  };

  it("plots a log on the phone's own clock (its uptime) with the curve and reps in the picture", async () => {
    // A phone app may stamp rows with the phone's uptime. The plot's time axis ran from 0 for
    // as long as the log lasted, so such a log's curve and reps were drawn off the picture.
    const log = imuLog();
    const shifted = log.cells.map((c) =>
      c.map((v, i) => (i === log.t ? (Number(v) + 86_400).toFixed(4) : v)),
    );
    const csv = writeLog('uptime.imu.csv', log.head, log.g, shifted);
    const svgPath = join(dir, 'uptime.svg');
    const r = await analyze(csv, '--plot', svgPath);
    expect(r.code).toBe(0);
    expect(r.out).toContain("from 86400.0 s on the file's clock");
    const svg = readFileSync(svgPath, 'utf8');
    // The plot area: its grid lines run from the left margin to the right one.
    const spans = [...svg.matchAll(/<line x1="([\d.]+)" x2="([\d.]+)"/g)].map((m) => ({
      left: Number(m[1]),
      right: Number(m[2]),
    }));
    const { left, right } = spans.reduce((a, b) => (b.right - b.left > a.right - a.left ? b : a));
    const path = /<path d="(M[^"]+)" fill="none"/.exec(svg)![1]!;
    const xs = [...path.matchAll(/[ML]([\d.-]+),/g)].map((m) => Number(m[1]));
    expect(xs.length).toBeGreaterThan(100);
    for (const x of xs) expect(x >= left - 1 && x <= right + 1).toBe(true);
    // The curve spans the picture, not a sliver of it.
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(0.8 * (right - left));
    const marks = [...svg.matchAll(/<circle cx="([\d.-]+)" cy="[\d.-]+" r="8"/g)].map((m) => Number(m[1]));
    expect(marks).toHaveLength(truthOf('synth-right-6reps.imu.truth.json').expectedReps);
    for (const x of marks) expect(x >= left && x <= right).toBe(true);
    expect(svg).toContain('>86400 s</text>');
  });

  it('measures pumps that ran the gyro into its limit as it measures them within it', async () => {
    // The same log as a sensor with half the full scale would have written it: every gyro reading
    // beyond the limit reads the limit. The turn each clipped spell hid is put back.
    const { head, g, cells } = imuLog();
    const most = Math.max(...cells.flatMap((c) => g.map((i) => Math.abs(Number(c[i])))));
    const plain = JSON.parse((await analyze(join(FIX, 'synth-right-6reps.imu.csv'), '--json')).out).feet[0];
    const r = await analyze(writeLog('clipped.imu.csv', head, g, cells, 0.5 * most), '--json');
    expect(r.code).toBe(0);
    const foot = JSON.parse(r.out).feet[0];
    expect(foot.repCount).toBe(plain.repCount);
    foot.reps.forEach((rep: { rangeDeg: number }, i: number) => {
      expect(Math.abs(plain.reps[i].rangeDeg - rep.rangeDeg)).toBeLessThan(2);
    });
  });

  it('flags the reps whose degrees read low because the gyro reached its limit, and says why', async () => {
    // The log's pumps done three times as fast (time / 3, turn rates x 3), so no end is held a
    // second, read by a gyro whose full scale is half their fastest turn.
    const { head, t, g, cells } = imuLog();
    const fast = cells.map((c) =>
      c.map((v, i) => (i === t ? String(Number(v) / 3) : g.includes(i) ? String(3 * Number(v)) : v)),
    );
    const most = Math.max(...fast.flatMap((c) => g.map((i) => Math.abs(Number(c[i])))));
    const plain = JSON.parse((await analyze(writeLog('fast.imu.csv', head, g, fast), '--json')).out).feet[0];
    const r = await analyze(writeLog('fast-clipped.imu.csv', head, g, fast, 0.5 * most), '--json');
    expect(r.code).toBe(0);
    const foot = JSON.parse(r.out).feet[0];
    expect(foot.repCount).toBe(plain.repCount);
    const low = (rep: { flags: string[] }) => rep.flags.includes('degrees-read-low');
    expect(plain.reps.some(low)).toBe(false);
    expect(foot.reps.some(low)).toBe(true);
    foot.reps.forEach((rep: { flags: string[]; rangeDeg: number }, i: number) => {
      const lowByDeg = plain.reps[i].rangeDeg - rep.rangeDeg;
      if (lowByDeg >= 5) expect(low(rep)).toBe(true);
    });
    expect(foot.warnings.map((w: { code: string }) => w.code)).toContain('sensor-saturated');
  });
});

describe('analyze a sensor CSV of a person who never rests at neutral', { timeout: 30_000 }, () => {
  /**
   * A phone flat on the foot, its x axis along the ankle's, at 100 Hz: `restS` still at neutral,
   * then 6 pumps held at each end (-30 deg for 1.2 s, +12 deg for 0.9 s) with no return to neutral
   * between them, then back to neutral and still.
   */
  const neverNeutralLog = (name: string, restS: number) => {
    const keys: [number, number][] = [
      [0, 0],
      [restS, 0],
    ];
    const step = (dt: number, a: number) => keys.push([keys[keys.length - 1]![0] + dt, a]);
    for (let i = 0; i < 6; i++) {
      step(0.6, -30);
      step(1.2, -30);
      step(0.8, 12);
      step(0.9, 12);
    }
    step(0.6, 0);
    step(3, 0);
    const angleDeg = (t: number) => {
      const i = keys.findIndex(([kt]) => kt >= t);
      if (i <= 0) return keys[Math.max(0, i)]![1];
      const [t0, a0] = keys[i - 1]!;
      const [t1, a1] = keys[i]!;
      const x = (t - t0) / (t1 - t0);
      return a0 + (a1 - a0) * x * x * x * (10 - 15 * x + 6 * x * x);
    };
    const rows = ['t,ax,ay,az,gx,gy,gz'];
    for (let k = 0; k / 100 <= keys[keys.length - 1]![0]; k++) {
      const t = k / 100;
      const a = (angleDeg(t) * Math.PI) / 180;
      const rate = ((angleDeg(t + 0.001) - angleDeg(t - 0.001)) / 0.002) * (Math.PI / 180);
      rows.push(
        [t, 0, 9.81 * Math.sin(a), 9.81 * Math.cos(a), rate, 0, 0].map((v) => +v.toFixed(5)).join(','),
      );
    }
    const p = join(dir, name);
    writeFileSync(p, `${rows.join('\n')}\n`);
    return p;
  };

  it("measures each rep's range but not its toes-down / toes-up split, and says why", async () => {
    const r = await analyze(neverNeutralLog('never-neutral.imu.csv', 0.2), '--json');
    expect(r.code).toBe(0);
    const foot = JSON.parse(r.out).feet[0];
    expect(foot.repCount).toBe(6);
    expect(foot.neutralFrom).toBe('movement');
    for (const rep of foot.reps) {
      expect(Math.abs(rep.rangeDeg - 42)).toBeLessThan(3);
      // The middle of what they did sits at -9: read from it, -30 and +12 would show as 21 and 21.
      expect(rep.plantarflexionDeg).toBeNull();
      expect(rep.dorsiflexionDeg).toBeNull();
    }
    expect(foot.warnings.map((w: { code: string }) => w.code)).toContain('neutral-not-seen');
    const text = (await analyze(join(dir, 'never-neutral.imu.csv'))).out;
    expect(text).toContain('down  ?   up   ?   range 42°');
    expect(text).toMatch(/neutral-not-seen: the foot never rested at neutral/);
    // The plot's zero line is named for what it is.
    const svg = join(dir, 'never-neutral.svg');
    expect((await analyze(join(dir, 'never-neutral.imu.csv'), '--plot', svg)).code).toBe(0);
    expect(readFileSync(svg, 'utf8')).toContain('middle of the movement (neutral not seen)');
  });

  it('splits the range into toes down and toes up when the log starts with the foot at rest', async () => {
    const foot = JSON.parse((await analyze(neverNeutralLog('rested-first.imu.csv', 2), '--json')).out)
      .feet[0];
    expect(foot.repCount).toBe(6);
    expect(foot.neutralFrom).toBe('rest');
    for (const rep of foot.reps) {
      expect(Math.abs(rep.plantarflexionDeg - 30)).toBeLessThan(3);
      expect(Math.abs(rep.dorsiflexionDeg - 12)).toBeLessThan(3);
    }
    expect(foot.warnings.map((w: { code: string }) => w.code)).not.toContain('neutral-not-seen');
  });
});

describe('analyze rejects bad input clearly, without a stack trace', () => {
  const write = (name: string, content: string | Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  };
  const cases: [string, () => string, number, RegExp][] = [
    ['a missing file', () => join(dir, 'nope.mp4'), 3, /no such file: .*nope\.mp4/],
    ['an empty file', () => write('empty.mp4', ''), 4, /empty\.mp4 is empty/],
    [
      'a text file called .mp4',
      () => write('text.mp4', 'just some notes\n'),
      4,
      /named like a video but holds text/,
    ],
    [
      'a CSV with the wrong header',
      () => write('bad.csv', 't,ax,ay,az,wx,wy,wz\n0,0,0,0,0,0,0\n'),
      4,
      /lacks column\(s\) gx, gy, gz/,
    ],
    [
      'a CSV with NaN',
      () => write('nan.csv', 't,ax,ay,az,gx,gy,gz\n0,0,0,9.8,0,0,0\n0.1,NaN,0,9.8,0,0,0\n'),
      4,
      /line 3, column ax: "NaN"/,
    ],
    [
      'landmark JSON cut short',
      () => write('cut.json', '{"version":1,"frameRateHz":30,"frames":[{"tS":0,'),
      4,
      /not valid JSON/,
    ],
    ['a folder', () => dir, 4, /is a folder/],
  ];
  for (const [what, make, code, msg] of cases) {
    it(`${what}: exit ${code}`, async () => {
      const r = await analyze(make());
      expect(r.code).toBe(code);
      expect(r.err).toMatch(msg);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(r.out).toBe('');
    });
  }

  it('bad arguments exit 2', async () => {
    expect((await analyze()).code).toBe(2);
    expect((await analyze('x.json', '--side', 'middle')).code).toBe(2);
    const both = await analyze(join(FIX, 'synth-right-6reps.imu.csv'), '--side', 'both');
    expect(both.code).toBe(2);
    expect(both.err).toContain('a sensor CSV holds one foot');
    const plot = await analyze(join(FIX, 'synth-right-6reps.imu.csv'), '--plot', 'out.gif');
    expect(plot.code).toBe(2);
    expect(plot.err).toContain('.svg or .png');
  });
});
