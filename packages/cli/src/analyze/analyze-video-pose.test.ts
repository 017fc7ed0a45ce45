import type { Landmark, LandmarkFrame, Side } from '@anklepump/motion';
import type { LegTrack } from '@anklepump/pose/node';
import { describe, expect, it } from 'vitest';
import { analyzeVideoPose } from './analyze-file.ts';

const W = 640;
const H = 480;

/**
 * A side view of a person sitting with legs straight (torso up, legs level), the right foot at
 * `ankleDeg` as the pose model sees it (dorsiflexion positive); the left leg hidden behind it.
 */
function frame(
  tMs: number,
  ankleDeg: number,
  farLeg?: { ankleDeg: number; visibility: number },
): LandmarkFrame {
  const rows: Landmark[] = Array.from({ length: 33 }, () => [0.5, 0.5, 0, 0.3] as const);
  const set = (i: number, x: number, y: number, v = 0.95) => {
    rows[i] = [x / W, y / H, 0, v];
  };
  if (farLeg) {
    // The far (left) leg just behind the near one, where the pose model guesses it.
    const v = farLeg.visibility;
    const up = ((90 - farLeg.ankleDeg) * Math.PI) / 180;
    set(25, 326, 296, v);
    set(27, 474, 300, v);
    set(29, 479, 310, v);
    set(31, 479 + 60 * Math.cos(up), 310 - 60 * Math.sin(up), v);
  }
  set(11, 150, 100);
  set(12, 152, 103);
  set(23, 160, 300);
  set(24, 164, 303);
  set(26, 330, 300);
  set(28, 480, 305);
  // Heel just below the ankle; the toe 60 px from it, straight up at neutral; the foot turned by
  // the angle about the ankle, as a rigid foot turns.
  const up = ((90 - ankleDeg) * Math.PI) / 180;
  const a = (ankleDeg * Math.PI) / 180;
  const heelX = 480 + 5 * Math.cos(a) - 10 * Math.sin(a);
  const heelY = 305 + 5 * Math.sin(a) + 10 * Math.cos(a);
  set(30, heelX, heelY);
  set(32, heelX + 60 * Math.cos(up), heelY - 60 * Math.sin(up));
  return { tMs, landmarks: rows, widthPx: W, heightPx: H };
}

/**
 * The pose model's angle of `reps` pumps of `cycleS` seconds from `startS` (toes down `downDeg`,
 * up `upDeg`, no holds), at rest before and after.
 */
function pumpsDeg(startS: number, reps: number, cycleS: number, downDeg: number, upDeg: number) {
  return (tS: number) => {
    if (tS < startS || tS >= startS + reps * cycleS) return 0;
    const s = Math.sin((2 * Math.PI * (tS - startS)) / cycleS);
    return s > 0 ? -downDeg * s : -upDeg * s;
  };
}

describe('analyzeVideoPose', () => {
  it('reports a recording it does not count with no reps and no warnings about reps', async () => {
    // Pumps filmed with the shoulders and hips facing the camera: not counted (a front view). The
    // engine still sees three big pumps and a smaller one.
    const hz = 15;
    const big = pumpsDeg(1, 3, 3, 30, 15);
    const small = pumpsDeg(11, 1, 3, 18, 9);
    const facing = (f: LandmarkFrame): LandmarkFrame => {
      const l = [...f.landmarks!];
      l[11] = [85 / W, 100 / H, 0, 0.95];
      l[12] = [215 / W, 100 / H, 0, 0.95];
      l[23] = [125 / W, 300 / H, 0, 0.95];
      l[24] = [195 / W, 300 / H, 0, 0.95];
      return { ...f, landmarks: l };
    };
    const frames = Array.from({ length: 16 * hz }, (_, i) =>
      facing(frame((i * 1000) / hz, big(i / hz) + small(i / hz))),
    );
    const a = await analyzeVideoPose({ frames, tracks: null, sampleHz: hz }, ['right']);
    expect(a.notCounted?.code).toBe('front-view');
    // Seen from the side, the same pumps give 4 reps, the last flagged too shallow.
    const side = await analyzeVideoPose(
      { frames: frames.map((f, i) => frame(f.tMs, big(i / hz) + small(i / hz))), tracks: null, sampleHz: hz },
      ['right'],
    );
    expect(side.result.reps.right).toHaveLength(4);
    expect(side.result.warnings.map((w) => w.code)).toContain('too-shallow');
    expect(a.result.reps.right).toEqual([]);
    // "0 reps", then "rep 4: range 47 deg is below ..." would tell of a rep that was not counted.
    const aboutReps = (code: string) => ['too-shallow', 'too-fast', 'leg-moved'].includes(code);
    expect(a.result.warnings.filter((w) => aboutReps(w.code))).toEqual([]);
    expect(
      a.result.events.filter((e) => e.type === 'rep' || (e.type === 'warning' && aboutReps(e.code))),
    ).toEqual([]);
  });

  it('counts fast reps with no holds when the foot was still for only 0.4 s before the first swing', async () => {
    // 15 frames per second: 0.4 s still, then 5 reps of 1 s (toes down 20, up 10 as the pose
    // model sees them, no holds), then 1 s still.
    const hz = 15;
    const deg = pumpsDeg(0.4, 5, 1, 20, 10);
    const frames = Array.from({ length: Math.round(6.4 * hz) }, (_, i) =>
      frame((i * 1000) / hz, deg(i / hz)),
    );
    const a = await analyzeVideoPose({ frames, tracks: null, sampleHz: hz }, ['right']);
    expect(a.notCounted).toBeNull();
    expect(a.result.reps.right).toHaveLength(5);
  });

  it("leaves out the pose model's first frames, whose foot has not settled yet", async () => {
    // As on rendered tuning clip tune-06: the pose model's first three frames read the foot 20
    // deg low, then it rests for 0.6 s and pumps as prescribed (toes down 15 deg held 1.5 s, up 8
    // held 1 s, 0.5-s moves, back to rest). Read whole, the low start made the first toes-down
    // hold look like a rest between the ends, and it was taken for neutral.
    const hz = 15;
    const cycle = [
      [0.5, -15],
      [1.5, -15],
      [0.5, 8],
      [1, 8],
      [0.5, 0],
      [0.4, 0],
    ] as const;
    const cycleS = cycle.reduce((a, [d]) => a + d, 0);
    const deg = (tS: number) => {
      if (tS < 0.2) return -20;
      if (tS < 0.8) return 0;
      let t = (tS - 0.8) % cycleS;
      if (tS - 0.8 >= 3 * cycleS) return 0;
      let from = 0;
      for (const [d, to] of cycle) {
        if (t < d) return from + (to - from) * (0.5 - 0.5 * Math.cos((Math.PI * t) / d));
        t -= d;
        from = to;
      }
      return 0;
    };
    const frames = Array.from({ length: Math.round((0.8 + 3 * cycleS + 1.5) * hz) }, (_, i) =>
      frame((i * 1000) / hz, deg(i / hz)),
    );
    const a = await analyzeVideoPose({ frames, tracks: null, sampleHz: hz }, ['right']);
    expect(a.result.reps.right).toHaveLength(3);
  });

  it('measures only the near foot of a side view and says why the far one is not measured', async () => {
    // The feet point to the right of the picture: the camera sees the right side. The pose model
    // places the hidden left foot behind the right one and echoes its pumps at half their size.
    const hz = 15;
    const deg = pumpsDeg(1, 3, 2, 30, 15);
    const frames = Array.from({ length: 8 * hz }, (_, i) =>
      frame((i * 1000) / hz, deg(i / hz), { ankleDeg: deg(i / hz) / 2, visibility: 0.9 }),
    );
    const a = await analyzeVideoPose({ frames, tracks: null, sampleHz: hz }, ['left', 'right']);
    expect(a.result.reps.right).toHaveLength(3);
    expect(a.result.reps.left).toHaveLength(0);
    expect(a.result.series!.left).toHaveLength(0);
    const far = a.pixelWarnings!.filter((w) => w.code === 'far-foot');
    expect(far).toHaveLength(1);
    expect(far[0]!.side).toBe('left');
    expect(far[0]!.message).toMatch(/right foot is nearer the camera.*film from the left side/);
    // Asked for the far foot alone, it says the same instead of "no foot was visible".
    const farOnly = await analyzeVideoPose({ frames, tracks: null, sampleHz: hz }, ['left']);
    expect(farOnly.nothingFound).toMatch(/film from the left side/);
  });

  it('says what hides the legs when the person is found but the feet never are', async () => {
    // The torso sure, the legs guessed (visibility 0.2), as under a blanket.
    const hz = 15;
    const frames = Array.from({ length: 6 * hz }, (_, i) => {
      const f = frame((i * 1000) / hz, 0);
      const rows = f.landmarks!.map((l, k) => (k >= 25 ? ([l[0], l[1], l[2], 0.2] as const) : l));
      return { ...f, landmarks: rows };
    });
    const a = await analyzeVideoPose({ frames, tracks: null, sampleHz: hz }, ['left', 'right']);
    expect(a.result.reps.right).toHaveLength(0);
    expect(a.nothingFound).toMatch(/found the person but not the legs \(a blanket or clothes over the shins/);
    expect(a.nothingFound).toMatch(/Uncover the shins and feet.*film from the side/);
  });

  describe('a foot whose pixel track does not follow it (the other foot behind it, a dark foot)', () => {
    // 15 frames per second, 3 pumps of 2 s (toes down 20, up 10 as the pose model sees them).
    const hz = 15;
    const deg = pumpsDeg(1, 3, 2, 20, 10);
    const frames = Array.from({ length: 8 * hz }, (_, i) => frame((i * 1000) / hz, deg(i / hz)));
    // The pixel stage's directions for this picture: the shank toward the knee, the foot up.
    const track = (rawDeg: number): LegTrack => ({
      state: 'tracking',
      rawDeg,
      footDirRad: -Math.PI / 2,
      shankDirRad: Math.atan2(-5, -150),
      confidence: 0.9,
    });
    const noLeg: LegTrack = {
      state: 'no-leg',
      rawDeg: Number.NaN,
      footDirRad: Number.NaN,
      shankDirRad: Number.NaN,
      confidence: 0,
    };
    // The engine's raw angle in this picture is 1.9 deg at neutral and falls as the toes come up.
    const tracksOf = (rawOf: (tS: number) => number): Record<Side, LegTrack>[] =>
      frames.map((_, i) => ({ left: noLeg, right: track(rawOf(i / hz)) }));

    it('counts its pumps from the pose model but withholds their degrees, and says why', async () => {
      // A still foot's pixels (the far foot, a decoy): hardly moving, and against the pumps.
      const decoy = tracksOf((tS) => 1.9 + 0.1 * deg(tS));
      const a = await analyzeVideoPose({ frames, tracks: decoy, sampleHz: hz }, ['right']);
      expect(a.result.reps.right).toHaveLength(3);
      expect(a.degreesNotMeasured).toEqual(['right']);
      const w = a.pixelWarnings!.filter((x) => x.code === 'degrees-not-measured');
      expect(w).toHaveLength(1);
      expect(w[0]!.message).toMatch(/right foot's own pixels could not be followed.*degrees are not shown/);
    });

    it('shows the degrees once they are scaled by a gain the user gave or the phone fitted', async () => {
      const decoy = tracksOf((tS) => 1.9 + 0.1 * deg(tS));
      const a = await analyzeVideoPose({ frames, tracks: decoy, sampleHz: hz }, ['right'], 1.5);
      expect(a.result.reps.right).toHaveLength(3);
      expect(a.degreesNotMeasured).toEqual([]);
      expect(a.pixelWarnings!.some((x) => x.code === 'degrees-not-measured')).toBe(false);
    });

    it('keeps the degrees of a foot its pixels followed', async () => {
      // The pixels see the foot's true swing, larger than the pose model's.
      const follows = tracksOf((tS) => 1.9 - 1.6 * deg(tS));
      const a = await analyzeVideoPose({ frames, tracks: follows, sampleHz: hz }, ['right']);
      expect(a.degreesNotMeasured).toEqual([]);
      expect(a.result.reps.right).toHaveLength(3);
      // The ranges are the pixels' (1.6 x 30 deg), not the pose model's.
      for (const r of a.result.reps.right) expect(r.rangeDeg).toBeGreaterThan(40);
    });
  });
});
