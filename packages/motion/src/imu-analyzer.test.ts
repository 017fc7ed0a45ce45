import { describe, expect, it } from 'vitest';
import { analyzeImuRecording, createImuAnalyzer, type ImuAnalyzerOptions } from './imu-analyzer.ts';
import type { ImuSample } from './imu-sample.ts';
import { imuSamples, mount } from './imu-samples.test-util.ts';
import {
  appendKeys,
  appendPumps,
  endOf,
  minJerk,
  PLACING_SWINGS,
  program,
  pumps,
  twoSets,
} from './leg-frames.test-util.ts';
import type { MotionEvent, RepMetrics } from './motion-events.ts';

/** Streams `samples`: the reps, with the end's, and the angle shown at `atS` seconds. */
function streamed(samples: readonly ImuSample[], options: ImuAnalyzerOptions, atS: number) {
  const a = createImuAnalyzer(options);
  const reps: RepMetrics[] = [];
  let angleAtDeg: number | null = null;
  const keep = (events: readonly MotionEvent[]) => {
    for (const e of events) if (e.type === 'rep') reps.push(e.rep);
  };
  for (const s of samples) {
    keep(a.push(s));
    if (s.tMs <= atS * 1000) angleAtDeg = a.angleDeg(options.side ?? 'left');
  }
  keep(a.end());
  return { reps, angleAtDeg };
}

const codes = (events: readonly MotionEvent[]) =>
  events.flatMap((e) => (e.type === 'warning' ? [e.code] : []));
const keys = pumps(4, -30, 15, 1);
/** Six ways to strap the phone on; in four of them a gyro bias reaches the vertical. */
const SIX_MOUNTINGS = [
  mount(20, 50, 70),
  mount(37, -71, 123),
  mount(-150, 20, -40),
  mount(0, 0, 0),
  mount(90, 0, 180),
  mount(0, 80, 0),
];
const ankle = program(keys);

describe('IMU analyzer, one sensor on the foot', () => {
  it('counts pumps and measures their range in any mounting, toes-down negative', () => {
    for (const m of [mount(0, 0, 0), mount(90, 0, 180), mount(37, -71, 123), mount(-150, 20, -40)]) {
      const r = analyzeImuRecording(imuSamples({ ankleDeg: ankle, footMount: m }, endOf(keys)));
      expect(r.reps.left).toHaveLength(4);
      for (const rep of r.reps.left) {
        expect(rep.rangeDeg).toBeCloseTo(45, 0);
        expect(rep.peakPlantarDeg).toBeCloseTo(-30, 0);
        expect(rep.legMovementMeasured).toBe(false);
      }
    }
  });

  it('does not drift over a 10-minute session with a biased gyro', () => {
    const long = pumps(140, -30, 15, 1);
    const r = analyzeImuRecording(
      imuSamples({ ankleDeg: program(long), footMount: mount(20, 50, 70), biasRadS: 0.02 }, endOf(long), 50),
    );
    expect(endOf(long)).toBeGreaterThan(600);
    expect(r.reps.left).toHaveLength(140);
    for (const rep of r.reps.left.slice(-10)) {
      expect(Math.abs(rep.peakPlantarDeg + 30)).toBeLessThan(2);
      expect(Math.abs(rep.peakDorsiDeg - 15)).toBeLessThan(2);
    }
    // Ten minutes of 50-Hz samples, made and analysed: about 5 s of CPU on a quiet machine, past 30
    // s beside another test suite and four busy processes on two cores (a CI run, 2026-12-06).
  }, 120_000);

  it('keeps a resting foot at neutral through a minute-long rest with a biased gyro, in any mounting', () => {
    // Three pumps, a minute's rest between sets, three more. Gravity holds the tilt but not the
    // heading: read as the rotation's twist about the axis, the rest drifted to -30 to -77 deg for
    // four of these six mountings (a gyro bias of 0.03 rad/s reaching the vertical).
    const { keys, restEndS } = twoSets(3, 60);
    for (const m of SIX_MOUNTINGS) {
      const samples = imuSamples({ ankleDeg: program(keys), footMount: m, biasRadS: 0.03 }, endOf(keys));
      const { reps, angleAtDeg } = streamed(samples, { side: 'left' }, restEndS);
      expect(Math.abs(angleAtDeg!)).toBeLessThan(3);
      expect(reps).toHaveLength(6);
      for (const rep of reps.slice(3)) {
        expect(Math.abs(rep.peakPlantarDeg + 30)).toBeLessThan(2);
        expect(Math.abs(rep.peakDorsiDeg - 15)).toBeLessThan(2);
      }
    }
  });

  it('shows a foot that rests from the start at neutral, with a biased gyro, in any mounting', () => {
    // Before the first pump the angle was the rotation's whole size, and a gyro bias turning the
    // heading grew it: the gauge showed a resting foot 20-50 deg toes down within 40 s, and the
    // pumping axis was learned from that drift. Now the tilt is taken from gravity at the rest.
    for (const biasRadS of [0.01, 0.025]) {
      for (const m of SIX_MOUNTINGS) {
        const a = createImuAnalyzer({ side: 'left' });
        let worstDeg = 0;
        let reps = 0;
        for (const s of imuSamples({ ankleDeg: () => 0, footMount: m, biasRadS }, 40)) {
          for (const e of a.push(s)) if (e.type === 'rep') reps++;
          worstDeg = Math.max(worstDeg, Math.abs(a.angleDeg('left') ?? 0));
        }
        expect(reps).toBe(0);
        expect(worstDeg).toBeLessThan(5);
      }
    }
  });

  it('counts no reps for a foot that fidgets and never rests, with a biased gyro', () => {
    // A tried and dropped change counted these: refusing a near-vertical first pumping axis
    // (38-43 "reps" of the 1.3-Hz fidget in three of these mountings).
    for (const [ampDeg, hz] of [
      [1.2, 2.5],
      [2, 1.3],
    ] as const) {
      for (const m of SIX_MOUNTINGS) {
        const fidget = (tS: number) => ampDeg * Math.sin(2 * Math.PI * hz * tS);
        const r = analyzeImuRecording(imuSamples({ ankleDeg: fidget, footMount: m, biasRadS: 0.02 }, 40, 25));
        expect(r.reps.left).toHaveLength(0);
        // A fidget is not movement the person should be told to slow down.
        expect(codes(r.events)).not.toContain('uncounted');
      }
    }
  });

  it('counts the first pump of a wearer who pumps at once and holds it, not taking that hold for neutral', () => {
    // 0.3 s at neutral, then pumps with 1.2 s holds: the first still moment is the first toes-down
    // hold. Taken as neutral, the way down to it was lost (3 of 4 counted). A stiff ankle's 12-deg
    // pumps too, whose toes-down end is 8 deg from neutral: while the bar for one end of the
    // movement was 10 deg, that hold was taken for neutral, and the pumps were read the wrong way
    // round (each toes-down end at the toes-up hold).
    for (const [plantarDeg, dorsiDeg] of [
      [-30, 15],
      [-8, 4],
    ] as const) {
      const keys: [number, number][] = [[0, 0]];
      appendKeys(keys, [[0.3, 0]]);
      appendPumps(keys, 4, plantarDeg, dorsiDeg, 1.2);
      appendKeys(keys, [[2, 0]]);
      for (const m of [mount(37, -71, 123), mount(-150, 20, -40)]) {
        const r = analyzeImuRecording(
          imuSamples({ ankleDeg: program(keys), footMount: m, biasRadS: 0.01 }, endOf(keys)),
        );
        expect(r.reps.left, `${plantarDeg}/${dorsiDeg}`).toHaveLength(4);
        // The first toes-down hold is 0.9-2.1 s into the log.
        expect(r.reps.left[0]!.plantarTMs).toBeLessThan(2100);
        for (const rep of r.reps.left)
          expect(Math.abs(rep.rangeDeg - (dorsiDeg - plantarDeg))).toBeLessThan(2);
      }
    }
  });

  it('measures quick pumps with no holds at their whole range, small ones included', () => {
    // The rep shape smoothed a phone's clean angle like a camera's jittery one: a 9-deg flick read
    // 5.2 deg (a 7-deg one fell under the smallest rep) and a 45-deg one 40 deg.
    for (const [plantarDeg, dorsiDeg, moveS] of [
      [-6, 3, 0.2],
      [-8, 4, 0.15],
      [-30, 15, 0.2],
    ] as const) {
      const quick = pumps(8, plantarDeg, dorsiDeg, 0, moveS);
      const r = analyzeImuRecording(
        imuSamples({ ankleDeg: program(quick), footMount: mount(37, -71, 123) }, endOf(quick)),
      );
      expect(r.reps.left).toHaveLength(8);
      for (const rep of r.reps.left) expect(Math.abs(rep.rangeDeg - (dorsiDeg - plantarDeg))).toBeLessThan(1);
      expect(codes(r.events)).not.toContain('uncounted');
    }
  });

  /**
   * 3 s at rest, then 10 pumps toes up to `upDeg` (in 0.5 s) then down to `downDeg` (in `downS`)
   * with no pause, 3 s at rest after: three mountings at 50 Hz. Expects 10 reps, each from the
   * second on a pump's own toes-up end and the toes-down end after it, spanning `rangeDeg`.
   */
  const expectUpFirstFromSecondRep = (upDeg: number, downDeg: number, downS: number, rangeDeg: number) => {
    const keys: [number, number][] = [
      [0, 0],
      [3, 0],
    ];
    const upS: number[] = [];
    for (let i = 0; i < 10; i++) {
      appendKeys(keys, [[0.5, upDeg]]);
      upS.push(endOf(keys));
      appendKeys(keys, [[downS, downDeg]]);
    }
    appendKeys(keys, [
      [0.5, 0],
      [3, 0],
    ]);
    for (const m of SIX_MOUNTINGS.slice(0, 3)) {
      const r = analyzeImuRecording(imuSamples({ ankleDeg: program(keys), footMount: m }, endOf(keys), 50));
      expect(r.reps.left).toHaveLength(10);
      const ownUp = r.reps.left.map((rep) => {
        const i = upS.findIndex((t) => Math.abs(rep.dorsiTMs / 1000 - t) < 0.3);
        return i >= 0 && rep.dorsiTMs < rep.plantarTMs && rep.plantarTMs / 1000 - upS[i]! < downS + 0.4;
      });
      expect(ownUp.slice(1).every(Boolean)).toBe(true);
      for (const rep of r.reps.left.slice(1)) expect(Math.abs(rep.rangeDeg - rangeDeg)).toBeLessThan(2);
    }
  };

  it('reads a first lift smaller than the pumping axis needs as a lift, not a dip', () => {
    // A stiff ankle: toes up +2.5 deg, down -5. The sensor learns its pumping axis once it has
    // turned 4 deg, so the first lift came before it; read as the rotation's size, every way toes
    // down, it was a dip, and every rep was paired toes down with the next pump's toes-up end. Read
    // again once the axis is known, it is the wearer's first end: from the second rep on, each rep
    // is a pump's own.
    expectUpFirstFromSecondRep(2.5, -5, 0.5, 7.5);
  });

  it('pairs a wearer who starts toes up and never pauses as they pump, though their lift is small', () => {
    // Toes up +6 deg, down -25: the first toes-up end is under the two hystereses that open a
    // phone's up-first rep, so the first rep is read toes down first. Its toes-up end (as high as
    // that first lift, at the same pace) says the first lift was this wearer's first end: from the
    // second rep on, each rep is a pump's own toes-up end and the toes-down end after it (before,
    // toes down with the next pump's toes up).
    expectUpFirstFromSecondRep(6, -25, 0.6, 31);
  });

  it('keeps a gravity-free phone whose heading drifts past half a turn counting whole pumps', () => {
    // 12 pumps (-30 / +15, 1-s holds, one every 4.38 s from 2 s) read by a phone whose
    // accelerometer reports no gravity, its angle drifting 5 deg/s from 12 s on, either way: it
    // passes half a turn about 48 s in. Read within ±180 deg it jumped a full turn there, and the
    // pump under way was split in two (+5: 13 reps, one of 19 deg) or cut short (-5: 34 and 27 deg).
    for (const driftDegS of [5, -5]) {
      const keys = pumps(12, -30, 15, 1, 0.6);
      const p = program(keys);
      const r = analyzeImuRecording(
        imuSamples(
          {
            ankleDeg: (tS) => p(tS) + driftDegS * Math.max(0, tS - 12),
            footMount: mount(37, -71, 123),
            gravityFree: true,
          },
          endOf(keys),
        ),
      );
      expect(r.reps.left).toHaveLength(12);
      for (const [i, rep] of r.reps.left.entries()) {
        // Its toes-down end within that pump's 1-s hold (the drift moves the lowest point in it).
        const holdS = 2.6 + 4.38 * i;
        expect(rep.plantarTMs / 1000).toBeGreaterThan(holdS - 0.3);
        expect(rep.plantarTMs / 1000).toBeLessThan(holdS + 1.3);
        // 45 deg, and what the drift adds or takes over the rep.
        expect(rep.rangeDeg).toBeGreaterThan(38);
      }
    }
  });

  it("takes a gravity-free phone's gyro bias off from a still moment, so its count and degrees do not drift", () => {
    // 12 pumps (-30 / +15, 1-s holds, after 2 s at rest) read by a phone whose accelerometer reports
    // no gravity and whose gyro reads 0.04 rad/s on each axis at rest (4 deg/s in all). With no
    // gravity to learn the bias from, it was never taken off: 13 reps were counted, the ends drifting
    // with the angle. The bias now comes from the rest, and the drift before it is not taken for
    // the first pump's turn (it seeded the pumping axis, and the first two reps read 31-38 deg).
    const keys = pumps(12, -30, 15, 1, 0.6);
    for (const footMount of [mount(37, -71, 123), mount(-150, 20, -40)]) {
      const r = analyzeImuRecording(
        imuSamples({ ankleDeg: program(keys), footMount, gravityFree: true, biasRadS: 0.04 }, endOf(keys)),
      );
      expect(r.reps.left).toHaveLength(12);
      for (const rep of r.reps.left) {
        expect(rep.rangeDeg).toBeGreaterThan(41);
        expect(rep.rangeDeg).toBeLessThan(49);
      }
      for (const rep of r.reps.left) {
        expect(rep.peakPlantarDeg).toBeGreaterThan(-36);
        expect(rep.peakPlantarDeg).toBeLessThan(-17);
      }
    }
  });

  it("reads a small quick pump's toes-up end at its peak, not at the rest after it", () => {
    // 7.5-deg pumps, 0.18-s moves, no holds, 0.4 s at neutral between them, at 95 Hz. A peak's level
    // was the median of the samples within the hold band (3 deg) of it when they lasted 0.3 s, which
    // here took in the rest at neutral: every toes-up end read 0 instead of 2.5, each rep 5.0 deg.
    // (The first pump, under the swing bar the default 20-deg range sets before any rep, is not counted.)
    const quick = pumps(8, -5, 2.5, 0, 0.18);
    for (const m of [mount(37, -71, 123), mount(-150, 20, -40)]) {
      const r = analyzeImuRecording(imuSamples({ ankleDeg: program(quick), footMount: m }, endOf(quick), 95));
      expect(r.reps.left.length).toBeGreaterThanOrEqual(7);
      for (const rep of r.reps.left) {
        expect(Math.abs(rep.rangeDeg - 7.5)).toBeLessThan(0.5);
        expect(Math.abs(rep.peakDorsiDeg - 2.5)).toBeLessThan(0.5);
      }
    }
  });

  it('tells the wearer when quick flicks with no holds go uncounted, and how to pump instead', () => {
    // 9-deg flicks, each move 0.1-0.15 s, no hold: the filtered angle turns by under 4 deg, no rep
    // is counted, and nothing said why (a stress set counted 1 of 8 such pumps in silence).
    for (const hz of [25, 50]) {
      for (const moveS of [0.1, 0.15]) {
        const flicks = pumps(10, -5, 4, 0, moveS);
        const r = analyzeImuRecording(
          imuSamples({ ankleDeg: program(flicks), footMount: mount(37, -71, 123) }, endOf(flicks), hz),
        );
        expect(r.reps.left.length).toBeLessThan(10);
        const told = r.warnings.filter((w) => w.code === 'uncounted');
        expect(told).toHaveLength(1);
        expect(told[0]!.message).toMatch(/without a pump being counted: move more slowly, hold for a second/);
        // Told within the first four flicks (each 3.3 moves and a 0.4-s rest), not at the end of the set.
        expect(told[0]!.tMs).toBeLessThan(2000 + 4 * (3.3 * moveS + 0.4) * 1000);
      }
    }
  });

  it('counts a long run of 8-deg pumps after a short rest, with a biased gyro, in any mounting', () => {
    // Two faults hid such pumps. The gyro bias was left for gravity to teach, and meanwhile tilted
    // the angle by bias / gravity gain (3-4 deg, half of these pumps); and the noise meter took a
    // small pump's turning points for stillness, so its reading, and the smallest rep with it,
    // grew rep by rep until no pump counted (a stress set counted 0 of 16). Now the rest's own
    // gyro mean is the bias, and a sensor's stillness is 1 deg, not the camera's 4.
    const small = pumps(20, -5, 3, 0.25, 0.3);
    for (const m of SIX_MOUNTINGS) {
      const r = analyzeImuRecording(
        imuSamples({ ankleDeg: program(small), footMount: m, biasRadS: 0.03 }, endOf(small), 100),
      );
      expect(r.reps.left).toHaveLength(20);
      for (const rep of r.reps.left) expect(Math.abs(rep.rangeDeg - 8)).toBeLessThan(1.5);
    }
  });

  it('is back at neutral soon after fast pumps that clipped the gyro, and counts no rest as a rep', () => {
    // A gyro that clips at 2.5 rad/s under-counts every fast move, and the tilt was left 10-20 deg
    // off, fading at the gravity gain (0.5 /s) over seconds: the rest after a set read as a slow
    // toes-down swing, and the next set's first move completed a "rep" of it. Still, gravity now
    // pulls the tilt in at 3 /s.
    const keys = pumps(5, -30, 15, 0.15, 0.15);
    appendKeys(keys, [[4, 0]]);
    const restS = endOf(keys) - 3.5;
    appendPumps(keys, 5, -30, 15, 0.15, 0.15);
    appendKeys(keys, [[2, 0]]);
    const clip = (v: number) => Math.max(-2.5, Math.min(2.5, v));
    for (const m of [mount(0, 0, 0), mount(37, -71, 123), mount(-150, 20, -40)]) {
      const samples = imuSamples(
        { ankleDeg: program(keys), footMount: m, biasRadS: 0.01 },
        endOf(keys),
        100,
      ).map((x) => ({ ...x, gx: clip(x.gx), gy: clip(x.gy), gz: clip(x.gz) }));
      const { reps, angleAtDeg } = streamed(samples, { side: 'left' }, restS);
      expect(Math.abs(angleAtDeg!)).toBeLessThan(3);
      expect(reps).toHaveLength(10);
    }
  });

  it('says which reps ran the gyro into its limit, whose degrees read low, and still counts them', () => {
    // Quick pumps (0.15-s moves of 45 deg, up to 5 rad/s) seen by a gyro that tops out at 2.5 rad/s:
    // the angle integrated from it falls short on exactly those reps.
    const keys = pumps(6, -30, 15, 0.15, 0.15);
    appendKeys(keys, [[2, 0]]);
    const clip = (v: number) => Math.max(-2.5, Math.min(2.5, v));
    // Mountings that put the turn on all three axes (a real phone's other axes carry noise; here
    // they must move, or a clipped reading would look like the same sample delivered twice).
    for (const m of [mount(37, -71, 123), mount(-150, 20, -40)]) {
      const clean = imuSamples({ ankleDeg: program(keys), footMount: m, biasRadS: 0.01 }, endOf(keys), 100);
      const clipped = clean.map((x) => ({ ...x, gx: clip(x.gx), gy: clip(x.gy), gz: clip(x.gz) }));
      const a = analyzeImuRecording(clean, { side: 'left' });
      const b = analyzeImuRecording(clipped, { side: 'left' });
      expect(codes(a.events)).not.toContain('sensor-saturated');
      expect(b.reps.left).toHaveLength(a.reps.left.length);
      // Each warning carries its rep's time, and names the rep.
      const warnings = b.warnings.filter((w) => w.code === 'sensor-saturated');
      const told = new Set(warnings.map((w) => w.tMs));
      for (const w of warnings)
        expect(w.message).toMatch(/^rep \d+: the sensor's gyroscope reached its limit/);
      expect(told.size).toBeGreaterThan(0);
      for (const [i, rep] of b.reps.left.entries()) {
        const lowByDeg = a.reps.left[i]!.rangeDeg - rep.rangeDeg;
        // Every rep whose degrees read 5 or more low is told, and every rep told reads low...
        if (lowByDeg >= 5) expect(told.has(rep.tMs)).toBe(true);
        if (told.has(rep.tMs)) expect(lowByDeg).toBeGreaterThan(1);
        // ...but by less than 6 of the 45 deg: the turn the clipped rate hid is put back at the end
        // of each clipped spell (gyro-saturation.ts). Integrated as read, they were 11-13 deg low.
        expect(lowByDeg).toBeLessThan(6);
      }
    }
  });

  it('does not count a 2-5 Hz tremor of 3 deg during the holds as reps', () => {
    // Guards the filter: opening the 1-euro filter's still cutoff for a clean angle counted quick
    // 7-deg flicks but also made 30-90 "reps" of this tremor.
    const held = pumps(4, -30, 15, 1.5);
    const base = program(held);
    for (const hz of [2, 3, 4, 5]) {
      const tremor = (tS: number) => base(tS) + (tS > 2 ? 3 * Math.sin(2 * Math.PI * hz * tS) : 0);
      const r = analyzeImuRecording(
        imuSamples({ ankleDeg: tremor, footMount: mount(37, -71, 123) }, endOf(held)),
      );
      expect(r.reps.left).toHaveLength(4);
      expect(codes(r.events)).not.toContain('uncounted');
    }
  });

  it('shows the angle during the first movement, before it has decided which way is toes down', () => {
    // The calibration asks for toes down first and reads the angle meanwhile; the gauge too.
    const a = createImuAnalyzer({ side: 'left' });
    const seen: (number | null)[] = [];
    for (const s of imuSamples({ ankleDeg: ankle, footMount: mount(37, -71, 123) }, 4)) {
      a.push(s);
      if (s.tMs >= 3000 && s.tMs <= 3500) seen.push(a.angleDeg('left'));
    }
    // keys: rest to 2 s, then 0.6 s down to -30 and a 1 s hold (2.6-3.6 s).
    expect(seen.every((d) => d !== null && Math.abs(d + 30) < 2)).toBe(true);
  });

  it('reports the side it was told and no reps while the foot rests', () => {
    const r = analyzeImuRecording(imuSamples({ ankleDeg: () => 0 }, 20), { side: 'right' });
    expect(r.reps.right).toEqual([]);
    expect(r.calibration.right).not.toBeNull();
    expect(r.calibration.left).toBeNull();
  });
});

describe('IMU analyzer, foot and shin sensors', () => {
  // The knee bends by 20 deg during the second rep: the whole leg tilts.
  const legDeg = (t: number) => (t > 7.5 && t < 9.5 ? 20 * Math.sin((Math.PI * (t - 7.5)) / 2) : 0);

  it('keeps the ankle angle right while the whole leg moves, and flags that rep', () => {
    const s = imuSamples(
      { ankleDeg: ankle, legDeg, withShank: true, footMount: mount(10, 80, -30) },
      endOf(keys),
    );
    const r = analyzeImuRecording(s, { sensors: 'foot+shank' });
    expect(r.reps.left).toHaveLength(4);
    for (const rep of r.reps.left) expect(rep.rangeDeg).toBeCloseTo(45, 0);
    expect(r.reps.left.map((x) => x.legMoved)).toEqual([false, true, false, false]);
    expect(codes(r.warnings)).toEqual(['leg-moved']);
  });

  it('keeps the ankle angle through a minute-long rest with biased gyros on foot and shin', () => {
    // A knee bend in the second rep teaches the shin's axis; then a minute's rest and three reps,
    // the second with another knee bend. Both sensors' headings drift (0.03 rad/s bias): read as
    // twists, the foot alone drifted 31-78 deg in four of six foot mountings over that minute.
    const { keys: long, restEndS } = twoSets(3, 60);
    const bend = (t0: number) => (t: number) =>
      t > t0 && t < t0 + 2 ? 20 * Math.sin((Math.PI * (t - t0)) / 2) : 0;
    const first = bend(7.5);
    const second = bend(restEndS + 5);
    for (const m of [mount(37, -71, 123), mount(0, 0, 0), mount(90, 0, 180), mount(0, 80, 0)]) {
      const s = imuSamples(
        {
          ankleDeg: program(long),
          legDeg: (t) => first(t) + second(t),
          withShank: true,
          footMount: m,
          biasRadS: 0.03,
        },
        endOf(long),
      );
      const { reps, angleAtDeg } = streamed(s, { side: 'left', sensors: 'foot+shank' }, restEndS);
      expect(Math.abs(angleAtDeg!)).toBeLessThan(3);
      expect(reps.map((r) => r.legMoved)).toEqual([false, true, false, false, true, false]);
      for (const r of reps.slice(3)) {
        expect(Math.abs(r.peakPlantarDeg + 30)).toBeLessThan(3);
        expect(Math.abs(r.peakDorsiDeg - 15)).toBeLessThan(3);
      }
    }
  });

  it('shows why the shin sensor matters: one foot sensor takes the leg tilt for ankle movement', () => {
    const s = imuSamples({ ankleDeg: ankle, legDeg, withShank: true }, endOf(keys));
    const single = analyzeImuRecording(s, { sensors: 'foot' });
    const worst = Math.max(...single.reps.left.map((x) => Math.abs(x.rangeDeg - 45)));
    expect(worst).toBeGreaterThan(5);
  });
});

describe('IMU analyzer: bad input and options', () => {
  const clean = imuSamples({ ankleDeg: ankle }, endOf(keys));
  const cleanReps = analyzeImuRecording(clean).reps.left;

  it('skips unusable samples with a warning and counts the same reps', () => {
    const bad: ImuSample[] = [...clean];
    bad[100] = { ...clean[100]!, ax: Number.NaN };
    bad[300] = { ...clean[300]!, gx: 100 };
    bad[500] = { ...clean[500]!, q: [2, 0, 0, 0] };
    bad.splice(700, 0, { ...clean[600]! });
    bad.splice(800, 0, { ...clean[799]! });
    const r = analyzeImuRecording(bad);
    expect(codes(r.warnings)).toEqual([
      'bad-sample',
      'absurd-value',
      'bad-sample',
      'time-backwards',
      'time-repeated',
    ]);
    expect(r.reps.left).toHaveLength(cleanReps.length);
    expect(r.warnings.every((w) => w.side === 'left')).toBe(true);
  });

  it('needs the shin reading when told there are two sensors', () => {
    const r = analyzeImuRecording(clean.slice(0, 50), { sensors: 'foot+shank' });
    expect(codes(r.warnings)).toEqual(['bad-sample']);
    expect(r.warnings[0]!.message).toMatch(/shin/);
  });

  it('drops the rep a radio gap interrupts', () => {
    const gapped = clean.filter((s) => s.tMs < 6600 || s.tMs > 8100);
    const r = analyzeImuRecording(gapped);
    expect(r.reps.left).toHaveLength(3);
    expect(codes(r.warnings)).toEqual(['gap']);
  });

  it("counts a restless wearer's pumps between long radio dropouts that come before any rest", () => {
    // Ten pumps with 0.2-s holds and no rest from the first sample; two dropouts of 1.7-1.8 s cut
    // the log into 4.3-, 4.1- and 9.3-s stretches. The wait for a rest (5 s) started again after
    // each gap and dropped the samples before it: the first two stretches counted nothing (4 of
    // the 8 pumps seen whole), and a log cut shorter counted nothing and said nothing.
    const keys: [number, number][] = [[0, 0]];
    appendPumps(keys, 10, -30, 15, 0.2, 0.4);
    const dropouts: [number, number][] = [
      [4300, 6100],
      [10200, 11900],
    ];
    for (const m of [mount(37, -71, 123), mount(-150, 20, -40)]) {
      const samples = imuSamples({ ankleDeg: program(keys), footMount: m, biasRadS: 0.01 }, endOf(keys));
      const r = analyzeImuRecording(
        samples.filter((s) => !dropouts.some(([a, b]) => s.tMs > a && s.tMs < b)),
      );
      // Each pump starts 2.12 s after the one before; the 3rd and 6th are cut by a dropout.
      expect(r.reps.left.map((rep) => Math.round(rep.dorsiTMs / 2120 - 0.4))).toEqual([
        0, 1, 3, 4, 6, 7, 8, 9,
      ]);
      for (const rep of r.reps.left) expect(Math.abs(rep.rangeDeg - 45)).toBeLessThan(2);
      expect(codes(r.warnings)).toEqual(['gap', 'gap']);
    }
  });

  it('bridges a radio dropout of up to 1.5 s without counting the turn it hid', () => {
    // Six pumps, the sensor strapped on askew with a biased gyro; each dropout hides part of a
    // pump (a hold's end, the way back, the way up). One gyro reading integrated over the gap
    // came out as a 13-33 deg extra rep, a 95-deg one or a lost one; now every pump counts once.
    const six = pumps(6, -30, 15, 1);
    const samples = imuSamples(
      { ankleDeg: program(six), footMount: mount(37, -71, 123), biasRadS: 0.01 },
      endOf(six),
    );
    const dropouts: [number, number][] = [
      [4.6, 5.7],
      [7.2, 8.3],
      [8.3, 9.3],
      [9.0, 10.06],
      [9.2, 10.2],
      [13.6, 14.5],
    ];
    for (const [fromS, toS] of dropouts) {
      const r = analyzeImuRecording(samples.filter((s) => s.tMs < fromS * 1000 || s.tMs > toS * 1000));
      expect(r.reps.left, `dropout ${fromS}-${toS} s`).toHaveLength(6);
      for (const rep of r.reps.left)
        expect(Math.abs(rep.rangeDeg - 45), `dropout ${fromS}-${toS} s`).toBeLessThan(2);
      expect(codes(r.warnings)).toEqual([]);
    }
  });

  it('does not count the swings of a restless wearer getting into position, felt as the leg sliding', () => {
    // The foot swings while the leg slides 20 cm into place (0.2-1.7 s), then 6 quick pumps with
    // no rest and a fidget: the wearer never holds still, so the log before the reference is
    // replayed. Its swings counted as 1-2 pumps; the phone's accelerometer shows the leg moving.
    const keys: [number, number][] = [[0, 0]];
    appendKeys(keys, PLACING_SWINGS);
    appendPumps(keys, 6, -30, 15, 0.3, 0.5);
    appendKeys(keys, [[1, 0]]);
    const base = program(keys);
    const ankleDeg = (tS: number) => base(tS) + 2 * Math.sin(2 * Math.PI * 1.3 * tS);
    const slid = (tS: number) => [0.2 * minJerk((tS - 0.2) / 1.5), 0] as const;
    for (const footMount of [mount(37, -71, 123), mount(-150, 20, -40), mount(20, 50, 70)]) {
      const scene = { ankleDeg, footMount, leverM: [0.08, 0.04] as const, biasRadS: 0.02 };
      const placed = analyzeImuRecording(imuSamples({ ...scene, ankleM: slid }, endOf(keys), 100));
      expect(placed.reps.left).toHaveLength(6);
      // The leg stopped at 1.7 s; the first pump's toes-down peak is at 3.0 s.
      expect(placed.reps.left[0]!.plantarTMs).toBeGreaterThan(2500);
      // The same swings with the leg still are the restless wearer's first pumps: counted.
      const still = analyzeImuRecording(imuSamples(scene, endOf(keys), 100));
      expect(still.reps.left.length).toBeGreaterThan(6);
    }
  });

  it("counts a wearer's pump before their first rest when the leg stayed still, not a placing's swing", () => {
    // A pump at once, a 1.5-s rest, four more. With the leg still, the one before the rest is a
    // pump: 5 (4 before, with "moved-before-rest"). With the leg sliding 20 cm in 1.5 s meanwhile, it
    // is getting into position: 4, and the warning says why.
    const keys: [number, number][] = [[0, 0]];
    appendPumps(keys, 1, -30, 15, 0.3, 0.5);
    appendKeys(keys, [[1.5, 0]]);
    appendPumps(keys, 4, -30, 15, 0.3, 0.5);
    appendKeys(keys, [[1, 0]]);
    const slid = (tS: number) => [0.2 * minJerk((tS - 0.3) / 1.5), 0] as const;
    for (const footMount of [mount(37, -71, 123), mount(-150, 20, -40), mount(20, 50, 70)]) {
      const scene = { ankleDeg: program(keys), footMount, leverM: [0.08, 0.04] as const, biasRadS: 0.02 };
      const still = analyzeImuRecording(imuSamples(scene, endOf(keys), 100));
      expect(still.reps.left).toHaveLength(5);
      expect(codes(still.warnings)).not.toContain('moved-before-rest');
      const placed = analyzeImuRecording(imuSamples({ ...scene, ankleM: slid }, endOf(keys), 100));
      expect(placed.reps.left).toHaveLength(4);
      expect(codes(placed.warnings)).toContain('moved-before-rest');
    }
  });

  it('rejects bad options at creation, naming them', () => {
    expect(() => createImuAnalyzer({ gravityGain: 0 })).toThrow(/gravityGain.*0\.05 to 10/);
    expect(() => createImuAnalyzer({ biasGain: 2 })).toThrow(/biasGain/);
    expect(() => createImuAnalyzer({ legMoveDeg: 1 })).toThrow(/legMoveDeg/);
    expect(() => createImuAnalyzer({ stillRadS: 0 })).toThrow(/stillRadS/);
    expect(() => createImuAnalyzer({ sensors: 'three' as 'foot' })).toThrow(/sensors/);
    expect(() => createImuAnalyzer({ side: 'middle' as 'left' })).toThrow(/side/);
  });

  it('streams exactly what the batch returns, and repeats itself after reset', () => {
    const a = createImuAnalyzer();
    const streamed: MotionEvent[] = [];
    for (const s of clean) streamed.push(...a.push(s));
    streamed.push(...a.end());
    expect(analyzeImuRecording(clean).events).toEqual(streamed);
    a.reset();
    const again: MotionEvent[] = [];
    for (const s of clean) again.push(...a.push(s));
    again.push(...a.end());
    expect(again).toEqual(streamed);
  });
});
