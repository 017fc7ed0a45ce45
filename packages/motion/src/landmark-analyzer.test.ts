import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCalibration, serializeCalibration } from './calibration.ts';
import { analyzeLandmarkRecording, createLandmarkAnalyzer } from './landmark-analyzer.ts';
import type { LandmarkFrame } from './landmark-frame.ts';
import {
  appendKeys,
  appendPumps,
  endOf,
  framesOf,
  legFrame,
  program,
  pumps,
} from './leg-frames.test-util.ts';
import type { MotionEvent } from './motion-events.ts';

const left = { sides: ['left'] as const };
const codes = (events: readonly MotionEvent[]) =>
  events.flatMap((e) => (e.type === 'warning' ? [e.code] : []));

/** One quick pump from the first frame (no rest before it), then 2 s at rest: the keyframes so far. */
const pumpThenRest = () =>
  appendKeys(
    [[0, 0]],
    [
      [0.3, -30],
      [0.2, -30],
      [0.4, 15],
      [0.2, 15],
      [0.3, 0],
      [2, 0],
    ],
  );

describe('landmark analyzer: counting', () => {
  it('counts every pump once, with its peaks, range and holds', () => {
    const keys = pumps(5, -30, 15, 1.2);
    const r = analyzeLandmarkRecording(framesOf(program(keys), endOf(keys)), left);
    expect(r.reps.left).toHaveLength(5);
    for (const rep of r.reps.left) {
      expect(rep.full).toBe(true);
      expect(rep.peakPlantarDeg).toBeCloseTo(-30, 0);
      expect(rep.peakDorsiDeg).toBeCloseTo(15, 0);
      expect(rep.rangeDeg).toBeCloseTo(45, 0);
      // Held 1.2 s at the peak, plus the eased approach within 4.5 deg of it.
      expect(rep.plantarHoldS).toBeGreaterThan(1.2);
      expect(rep.plantarHoldS).toBeLessThan(1.6);
      expect(rep.dorsiHoldS).toBeGreaterThan(1.2);
      expect(rep.legMoved).toBe(false);
      expect(rep.smoothness).toBeGreaterThan(0);
      expect(rep.confidence).toBeGreaterThan(0.9);
    }
    expect(r.reps.left.map((x) => x.index)).toEqual([1, 2, 3, 4, 5]);
    expect(r.warnings).toEqual([]);
  });

  it('announces phases and holds as they happen', () => {
    const keys = pumps(2, -30, 15, 1.5);
    const r = analyzeLandmarkRecording(framesOf(program(keys), endOf(keys)), left);
    const phases = r.events.flatMap((e) => (e.type === 'phase' ? [e.phase] : []));
    expect(phases.slice(0, 4)).toEqual(['plantar', 'dorsi', 'plantar', 'dorsi']);
    const holds = r.events.filter((e) => e.type === 'hold-ended');
    expect(holds.map((h) => (h.type === 'hold-ended' ? h.direction : ''))).toEqual([
      'plantar',
      'dorsi',
      'plantar',
      'dorsi',
    ]);
    for (const h of holds) if (h.type === 'hold-ended') expect(h.holdS).toBeGreaterThan(1.2);
    expect(r.events.some((e) => e.type === 'hold-progress')).toBe(true);
    expect(r.events.find((e) => e.type === 'calibrated')).toMatchObject({ neutralDeg: expect.closeTo(0, 0) });
  });

  it('never double-counts when the angle jitters at a peak or near a threshold', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 2, max: 12, noNaN: true }),
        (amp, hz) => {
          const keys = pumps(4, -30, 15, 1.5);
          const base = program(keys);
          const wobble = (t: number) => base(t) + (t > 2 ? amp * Math.sin(2 * Math.PI * hz * t) : 0);
          const r = analyzeLandmarkRecording(framesOf(wobble, endOf(keys)), left);
          expect(r.reps.left).toHaveLength(4);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('does not count getting into position: swings while the leg moves, before the foot rests', () => {
    const keys = pumps(3);
    const base = program(keys);
    const settleIn = (t: number) => (t < 2.5 ? 25 * Math.sin(2 * Math.PI * 0.8 * t) : base(t - 2.5));
    const frames = framesOf(settleIn, endOf(keys) + 2.5, 30, (t) => ({ shiftPx: t < 2.5 ? 40 * t : 100 }));
    const r = analyzeLandmarkRecording(frames, left);
    expect(r.reps.left).toHaveLength(3);
  });

  it('counts a pump before the first rest when the leg stayed still, not one while the leg was placed', () => {
    // One quick pump from the first frame (no rest before it), then a rest and three pumps. With
    // the leg still from the first frame, that pump is the person's own and counts (it was dropped
    // as getting into position, with a 'moved-before-rest' warning); with the leg sliding 60 px
    // while the foot swings, it is getting into position and does not.
    const keys = pumpThenRest();
    appendPumps(keys, 3);
    appendKeys(keys, [[2, 0]]);
    const still = analyzeLandmarkRecording(framesOf(program(keys), endOf(keys)), left);
    expect(still.reps.left).toHaveLength(4);
    expect(still.reps.left[0]!.plantarTMs).toBeLessThan(600);
    expect(codes(still.events)).not.toContain('moved-before-rest');
    const slid = analyzeLandmarkRecording(
      framesOf(program(keys), endOf(keys), 30, (t) => ({ shiftPx: 60 * Math.min(1, t / 1.4) })),
      left,
    );
    expect(slid.reps.left).toHaveLength(3);
    expect(slid.reps.left[0]!.plantarTMs).toBeGreaterThan(2000);
  });

  it('gives the angle under a pump counted from before the first rest, each moment once', () => {
    // The same quick first pump: it is counted once the rest after it gives neutral, and its
    // samples are stepped again then. The plot and the hold means read the series: it used to
    // start at that rest, so the first rep had no curve under it.
    const keys = pumpThenRest();
    appendPumps(keys, 2);
    const r = analyzeLandmarkRecording(framesOf(program(keys), endOf(keys)), {
      ...left,
      includeSeries: true,
    });
    expect(r.reps.left).toHaveLength(3);
    const pts = r.series!.left;
    expect(pts[0]!.tMs).toBeLessThan(100);
    const first = pts.filter((p) => p.tMs < 1400).map((p) => p.angleDeg);
    expect(Math.min(...first)).toBeLessThan(-25);
    expect(Math.max(...first)).toBeGreaterThan(10);
    for (let i = 1; i < pts.length; i++) expect(pts[i]!.tMs).toBeGreaterThan(pts[i - 1]!.tMs);
    // Every frame after the first has its point: nothing left out between the replay and the rest.
    expect(pts.length).toBeGreaterThanOrEqual(framesOf(program(keys), endOf(keys)).length - 1);
  });

  it('does not make or merge reps over pauses', () => {
    const keys: [number, number][] = [
      [0, 0],
      [2, 0],
      [2.6, -30],
      [12, -30], // a 9 s pause at the toes-down end
      [12.8, 15],
      [14, 15],
      [14.6, 0],
      [24, 0], // a long rest between reps
      [24.6, -30],
      [25.6, -30],
      [26.4, 15],
      [27.4, 15],
      [28, 0],
      [30, 0],
    ];
    const r = analyzeLandmarkRecording(framesOf(program(keys), 30), left);
    expect(r.reps.left).toHaveLength(2);
  });

  it('counts a shallow rep separately, with a warning, and does not let it lower the bar', () => {
    const keys = appendKeys(pumps(2).slice(0, -1), [
      [0.5, -8],
      [1, -8],
      [0.5, 4],
      [1, 4],
      [0.5, 0],
      [1, 0],
      [0.6, -30],
      [1, -30],
      [0.8, 15],
      [1, 15],
      [0.6, 0],
      [2, 0],
    ]);
    const r = analyzeLandmarkRecording(framesOf(program(keys), endOf(keys)), left);
    expect(r.reps.left.map((x) => x.full)).toEqual([true, true, false, true]);
    expect(codes(r.warnings)).toEqual(['too-shallow']);
  });

  it('lets a stiff ankle set its own bar: an 18 deg range counts as full from the second rep', () => {
    const keys = pumps(5, -12, 6, 1);
    const r = analyzeLandmarkRecording(framesOf(program(keys), endOf(keys)), left);
    expect(r.reps.left.map((x) => x.full)).toEqual([false, true, true, true, true]);
  });

  it('flags reps that are too fast', () => {
    // Two pumps at a calm pace, then four at 2 per second with no holds.
    const keys = pumps(2).slice(0, -1);
    for (let i = 0; i < 4; i++) {
      appendKeys(keys, [
        [0.25, -30],
        [0.25, 15],
      ]);
    }
    appendKeys(keys, [
      [0.5, 0],
      [2, 0],
    ]);
    const r = analyzeLandmarkRecording(framesOf(program(keys), endOf(keys), 60), left);
    expect(r.reps.left).toHaveLength(6);
    expect(r.reps.left.map((x) => x.cycleS < 0.7)).toEqual([false, false, false, true, true, true]);
    expect(codes(r.warnings)).toEqual(['too-fast', 'too-fast', 'too-fast']);
  });

  it('flags a rep during which the leg slid, and only that one', () => {
    const keys = pumps(3);
    const frames = framesOf(program(keys), endOf(keys), 30, (t) => ({
      shiftPx: t > 7.6 && t < 8.6 ? 90 * (t - 7.6) : t >= 8.6 ? 90 : 0,
    }));
    const r = analyzeLandmarkRecording(frames, left);
    expect(r.reps.left.map((x) => x.legMoved)).toEqual([false, true, false]);
    expect(codes(r.warnings)).toEqual(['leg-moved']);
  });
});

describe('landmark analyzer: quick pumps at a low frame rate', () => {
  // Eight 55-deg pumps (toes down 35, up 20) whose moves take 0.15 s, no holds: at 10-15 fps each
  // peak is a frame or two. The rep's smoothing (at least 1.5 frames either side, twice) flattened
  // them: shown as 5-22 deg at 10 fps (5 of 8 "too shallow") and 21-36 deg at 15 fps. Such a rep's
  // degrees now come from the frames' own extremes.
  const keys = pumps(8, -35, 20, 0, 0.15);
  it('shows each pump near its true range at 15 fps, none called too shallow', () => {
    const r = analyzeLandmarkRecording(framesOf(program(keys), endOf(keys), 15), left);
    expect(r.reps.left).toHaveLength(8);
    for (const rep of r.reps.left) {
      expect(rep.rangeDeg).toBeGreaterThan(45);
      expect(rep.rangeDeg).toBeLessThan(57);
      expect(rep.peakPlantarDeg).toBeLessThan(-25);
      expect(rep.peakDorsiDeg).toBeGreaterThan(15);
    }
    expect(codes(r.events)).not.toContain('too-shallow');
  });
  it('calls a partial pump among them shallow, the full ones full', () => {
    const mixed: [number, number][] = [
      [0, 0],
      [2, 0],
    ];
    appendPumps(mixed, 4, -35, 20, 0, 0.15);
    appendPumps(mixed, 1, -12, 8, 0, 0.15);
    appendPumps(mixed, 3, -35, 20, 0, 0.15);
    appendKeys(mixed, [[2, 0]]);
    const r = analyzeLandmarkRecording(framesOf(program(mixed), endOf(mixed), 12), left);
    expect(r.reps.left.map((x) => x.full)).toEqual([true, true, true, true, false, true, true, true]);
  });
  it('at 10 fps, where a frame may miss a peak by 50 ms, still none called too shallow', () => {
    const r = analyzeLandmarkRecording(framesOf(program(keys), endOf(keys), 10), left);
    expect(r.reps.left).toHaveLength(8);
    for (const rep of r.reps.left) expect(rep.rangeDeg).toBeGreaterThan(30);
    expect(codes(r.events)).not.toContain('too-shallow');
  });
});

describe('landmark analyzer: which leg', () => {
  it('follows the leg with the longer shank when BlazePose swaps the labels', () => {
    const keys = pumps(3);
    const angle = program(keys);
    // The moving leg arrives labelled "right"; the "left" landmarks are a guessed, shorter, still leg.
    const frames = framesOf(angle, endOf(keys)).map((f) => {
      const lm = [...f.landmarks!];
      [25, 27, 29, 31].forEach((l, i) => {
        const r = [26, 28, 30, 32][i]!;
        const moving = lm[l]!;
        lm[r] = [moving[0], moving[1], 0, 0.9];
        lm[l] = [0.3 + 0.1 * i, 0.5, 0, 0.9];
      });
      return { ...f, landmarks: lm };
    });
    expect(analyzeLandmarkRecording(frames, { sides: ['left'] }).reps.left).toHaveLength(0);
    const chosen = analyzeLandmarkRecording(frames, { sides: ['left'], legChoice: 'longer-shank' });
    expect(chosen.reps.left).toHaveLength(3);
  });
});

describe('landmark analyzer: bad input', () => {
  const keys = pumps(4);
  const clean = framesOf(program(keys), endOf(keys));
  const cleanReps = analyzeLandmarkRecording(clean, left).reps.left;

  it('skips frames whose time goes backwards, repeats or is not a number, with a warning each', () => {
    const bad: LandmarkFrame[] = [...clean];
    bad.splice(100, 0, { ...clean[50]! });
    bad.splice(200, 0, { ...clean[199]! });
    bad.splice(300, 0, { ...clean[300]!, tMs: Number.NaN });
    const r = analyzeLandmarkRecording(bad, left);
    expect(codes(r.warnings)).toEqual(['time-backwards', 'time-repeated', 'bad-sample']);
    expect(r.reps.left).toEqual(cleanReps);
  });

  it('warns once when the person or the foot disappears, and counts on when it is back', () => {
    // The foot out of view by the detector's word (visibility 0.02; a foot it only doubts, and draws
    // as the leg just seen, is read as uncertain: robust-engine.test.ts).
    const frames = clean.map((f, i) =>
      i >= 120 && i < 124
        ? { ...f, landmarks: null }
        : i >= 200 && i < 204
          ? legFrame(f.tMs, { angleDeg: 0, visibility: 0.02 })
          : f,
    );
    const r = analyzeLandmarkRecording(frames, left);
    expect(codes(r.warnings)).toEqual(['no-person', 'foot-not-visible']);
    expect(r.reps.left).toHaveLength(4);
  });

  it('drops the rep a long gap interrupts, says so, and never joins reps across it', () => {
    // Foot out of view for 1.8 s (longer than the 1.5 s the engine bridges) over the second rep's
    // way down and toes-down hold.
    const frames = clean.map((f) =>
      f.tMs > 6600 && f.tMs < 8400 ? legFrame(f.tMs, { angleDeg: 0, visibility: 0 }) : f,
    );
    const r = analyzeLandmarkRecording(frames, left);
    expect(r.reps.left).toHaveLength(3);
    const gap = r.warnings.find((w) => w.code === 'gap');
    expect(gap?.message).toMatch(/dropped/);
    expect(r.reps.left.every((x) => x.startTMs > 8400 || x.dorsiTMs < 6600)).toBe(true);
  });

  it('gives no angle while the foot is out of view, so a plot breaks there instead of drawing a still foot', () => {
    const frames = clean.map((f) =>
      f.tMs > 6600 && f.tMs < 8400 ? legFrame(f.tMs, { angleDeg: 0, visibility: 0 }) : f,
    );
    const pts = analyzeLandmarkRecording(frames, { ...left, includeSeries: true }).series!.left;
    expect(pts.some((p) => p.tMs > 6600 && p.tMs < 8400)).toBe(false);
    // ...and on either side of it, every frame has its point.
    expect(pts.filter((p) => p.tMs >= 8400).length).toBe(frames.filter((f) => f.tMs >= 8400).length);
  });

  it('skips an absurd angle (a landmark glitch) with a warning instead of counting it', () => {
    const frames = clean.map((f, i) => (i === 90 ? legFrame(f.tMs, { angleDeg: -80 }) : f));
    const r = analyzeLandmarkRecording(frames, { ...left, correction: { gain: 1.5, offsetDeg: 0 } });
    expect(codes(r.warnings)).toEqual(['absurd-value']);
    expect(r.reps.left).toHaveLength(4);
  });

  it('never throws, whatever it is pushed', () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { maxLength: 30 }), (junk) => {
        const a = createLandmarkAnalyzer();
        for (const j of junk) a.push(j as LandmarkFrame);
        a.end();
      }),
    );
  });

  it('rejects bad options at creation, naming the option and its range', () => {
    expect(() => createLandmarkAnalyzer({ minVisibility: 2 })).toThrow(/minVisibility.*0 to 1/);
    expect(() => createLandmarkAnalyzer({ legMoveFraction: 0 })).toThrow(/legMoveFraction/);
    // @ts-expect-error: a wrong value from JavaScript
    expect(() => createLandmarkAnalyzer({ angleFrom: 'pixels' })).toThrow(/angleFrom.*points/);
    expect(() => createLandmarkAnalyzer({ sides: [] })).toThrow(/sides/);
    expect(() => createLandmarkAnalyzer({ legChoice: 'longer-shank' })).toThrow(/exactly one foot/);
    expect(() => createLandmarkAnalyzer({ correction: { gain: 0, offsetDeg: 0 } })).toThrow(
      /correction\.gain/,
    );
    expect(() => createLandmarkAnalyzer({ minSwingDeg: 0 })).toThrow(/minSwingDeg.*1 to 45/);
    expect(() => createLandmarkAnalyzer({ maxGapS: 100 })).toThrow(/maxGapS/);
    expect(() => createLandmarkAnalyzer({ filter: { minCutoffHz: 1, beta: 99, dCutoffHz: 1 } })).toThrow(
      /beta/,
    );
    expect(() => createLandmarkAnalyzer({ useWorld: 'sometimes' as 'auto' })).toThrow(/useWorld/);
  });
});

describe('landmark analyzer: correction, calibration, determinism', () => {
  const keys = pumps(3, -20, 10);
  const frames = framesOf(program(keys), endOf(keys));

  it('scales degrees by the correction gain (how BlazePose-compressed angles are restored)', () => {
    const raw = analyzeLandmarkRecording(frames, left).reps.left;
    const fixed = analyzeLandmarkRecording(frames, { ...left, correction: { gain: 1 / 0.68, offsetDeg: 0 } })
      .reps.left;
    expect(fixed).toHaveLength(3);
    for (let i = 0; i < 3; i++) expect(fixed[i]!.rangeDeg / raw[i]!.rangeDeg).toBeCloseTo(1 / 0.68, 1);
  });

  it('saves a calibration that starts the next session calibrated', () => {
    const first = analyzeLandmarkRecording(frames, left);
    const saved = parseCalibration(serializeCalibration(first.calibration));
    if (!saved.success) throw new Error(saved.error.message);
    expect(saved.data.left?.rangeDeg).toBeCloseTo(30, 0);
    expect(saved.data.left?.plantarDeg).toBeCloseTo(-20, 0);
    expect(saved.data.left?.dorsiDeg).toBeCloseTo(10, 0);
    expect(saved.data.right).toBeNull();
    // Next session: the foot rests 5 deg toes-down; the saved neutral still says where neutral is.
    const next = framesOf((t) => program(keys)(t) - 5, endOf(keys));
    const r = analyzeLandmarkRecording(next, { ...left, calibration: saved.data });
    expect(r.events.some((e) => e.type === 'calibrated')).toBe(false);
    expect(r.reps.left[0]!.peakPlantarDeg).toBeCloseTo(-25, 0);
  });

  it('gives identical events after reset, and batch equals streaming (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.nat(frames.length - 1), fc.constantFrom('drop', 'null', 'dup', 'nan', 'blind')),
          { maxLength: 12 },
        ),
        (edits) => {
          const fs: LandmarkFrame[] = [...frames];
          for (const [i, op] of edits) {
            const f = fs[i];
            if (!f) continue;
            if (op === 'drop') fs.splice(i, 1);
            else if (op === 'null') fs[i] = { ...f, landmarks: null };
            else if (op === 'dup') fs.splice(i, 0, f);
            else if (op === 'nan') fs[i] = { ...f, tMs: Number.NaN };
            else fs[i] = legFrame(f.tMs, { angleDeg: 0, visibility: 0 });
          }
          const a = createLandmarkAnalyzer(left);
          const streamed: MotionEvent[] = [];
          for (const f of fs) streamed.push(...a.push(f));
          streamed.push(...a.end());
          expect(analyzeLandmarkRecording(fs, left).events).toEqual(streamed);
          a.reset();
          const again: MotionEvent[] = [];
          for (const f of fs) again.push(...a.push(f));
          again.push(...a.end());
          expect(again).toEqual(streamed);
        },
      ),
      { numRuns: 20 },
    );
  });
});
