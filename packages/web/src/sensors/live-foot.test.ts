import type { Side } from '@anklepump/exercise';
import { BLAZEPOSE, type Landmark, type LandmarkFrame } from '@anklepump/motion';
import { type LegTrackState, refineFrame } from '@anklepump/pose';
import { describe, expect, it } from 'vitest';
import { cameraLiveFoot } from './camera-source.ts';
import {
  createFollowGate,
  createLiveFoot,
  createSideReader,
  type LiveFoot,
  type LiveFootUpdate,
  type LiveFrame,
} from './live-foot.ts';

const W = 640;
const H = 480;
const FPS = 15;
const RAD = Math.PI / 180;

/** The true ankle angle of a scripted session: 3 s at rest, then pumps down 30 deg, up 20 deg. */
function trueAngleDeg(tS: number): number {
  if (tS < 3) return 0;
  const c = (tS - 3) % 6; // one pump every 6 s: 1 s down, 2 s hold, 1 s up, 1.5 s hold, 0.5 s back
  if (c < 1) return -30 * c;
  if (c < 3) return -30;
  if (c < 4) return -30 + 50 * (c - 3);
  if (c < 5.5) return 20;
  return 20 - 40 * (c - 5.5);
}

/**
 * A sitting side view: the shank from the knee down to the ankle, the foot at `angleDeg` (the
 * landmark engine's definition: 90 minus the angle between ankle->knee and heel->toe).
 */
function leg(rows: Landmark[], side: Side, angleDeg: number, visibility: number, shankScale = 1): void {
  const knee = [0.3, 0.35];
  const ankle = [0.3 + 0.12 * shankScale, 0.35 + 0.35 * shankScale];
  const shankDir = Math.atan2((knee[1]! - ankle[1]!) * H, (knee[0]! - ankle[0]!) * W);
  // Toes point forward (+x): the foot direction is the shank direction turned by 90 - angle.
  const footDir = shankDir + (90 - angleDeg) * RAD;
  const heel = [ankle[0]! - 0.02, ankle[1]! + 0.04];
  const footPx = 90;
  const toe = [heel[0]! + (footPx * Math.cos(footDir)) / W, heel[1]! + (footPx * Math.sin(footDir)) / H];
  const p = (xy: number[], v = visibility): Landmark => [xy[0]!, xy[1]!, 0, v];
  const i = side === 'left' ? 'left' : 'right';
  rows[BLAZEPOSE[`${i}Hip`]] = p([0.1, 0.3]);
  rows[BLAZEPOSE[`${i}Knee`]] = p(knee);
  rows[BLAZEPOSE[`${i}Ankle`]] = p(ankle);
  rows[BLAZEPOSE[`${i}Heel`]] = p(heel);
  rows[BLAZEPOSE[`${i}FootIndex`]] = p(toe);
}

interface Script {
  /** The foot the camera sees best, and the label BlazePose gives it. */
  readonly nearLabel: Side;
  /** The tracker's state of the near foot at time t (s). */
  readonly nearState: (tS: number) => LegTrackState;
  readonly durationS: number;
  /** The near shank's size in the picture at time t (s), 1 as set up: the camera moved nearer or away. */
  readonly nearScale?: (tS: number) => number;
  /** The angle the tracker measures for a true one (default: the true angle). */
  readonly trackedDeg?: (trueDeg: number) => number;
  /**
   * BlazePose puts the moving foot's points under the far leg's label and the near label's foot on
   * the still foot behind, where they wobble on their own (as on rendered side views).
   */
  readonly labelsMixed?: boolean;
  /** The patient stops after this many pumps and rests (default: pumps go on). */
  readonly pumps?: number;
  /** The patient makes one quick pump at once, in the first 1.4 s, before the rest (default: none). */
  readonly pumpsAtOnce?: boolean;
}

/** One quick pump from the first frame: down 30 deg, up 15, back by 1.4 s. */
function quickPumpDeg(tS: number): number {
  const keys = [
    [0, 0],
    [0.3, -30],
    [0.5, -30],
    [0.9, 15],
    [1.1, 15],
    [1.4, 0],
  ] as const;
  for (let i = 1; i < keys.length; i++) {
    const [t1, a1] = keys[i]!;
    const [t0, a0] = keys[i - 1]!;
    if (tS <= t1) return a0 + ((a1 - a0) * (tS - t0)) / (t1 - t0);
  }
  return 0;
}

/**
 * Frames as the worker sends them: BlazePose draws the foot's swing at half its size (as it does on
 * rendered sitting clips); the tracker measures it whole, or gates the foot out when lost. The far
 * leg is seen, shorter in the picture, and still.
 */
function frames(s: Script): LiveFrame[] {
  const out: LiveFrame[] = [];
  const far: Side = s.nearLabel === 'left' ? 'right' : 'left';
  for (let i = 0; i < s.durationS * FPS; i++) {
    const tS = i / FPS;
    const tMs = Math.round(tS * 1000);
    const truth =
      s.pumps !== undefined && tS >= 3 + 6 * s.pumps
        ? 0
        : s.pumpsAtOnce && tS < 1.4
          ? quickPumpDeg(tS)
          : trueAngleDeg(tS);
    const state = s.nearState(tS);
    const pose: Landmark[] = Array.from({ length: 33 }, () => [0.5, 0.5, 0, 0.2] as Landmark);
    const scale = s.nearScale?.(tS) ?? 1;
    if (s.labelsMixed) {
      leg(pose, s.nearLabel, 6 * Math.sin(2.1 * tS), 0.95, scale);
      leg(pose, far, 0.5 * truth, 0.9, 0.7);
    } else {
      leg(pose, s.nearLabel, 0.5 * truth, 0.95, scale);
      leg(pose, far, 0, 0.9, 0.7);
    }
    const tracked = pose.map((r) => [...r] as unknown as Landmark);
    if (state === 'tracking') leg(tracked, s.nearLabel, s.trackedDeg?.(truth) ?? truth, 0.95, scale);
    else {
      for (const k of ['Heel', 'FootIndex'] as const) {
        const idx = BLAZEPOSE[`${s.nearLabel}${k}`];
        const r = tracked[idx]!;
        tracked[idx] = [r[0], r[1], r[2], 0];
      }
    }
    const frame: LandmarkFrame = { tMs, widthPx: W, heightPx: H, landmarks: pose, world: null };
    out.push({
      frame,
      tracked: { ...frame, landmarks: tracked },
      tracking: { [s.nearLabel]: state, [far]: 'tracking' } as Record<Side, LegTrackState>,
    });
  }
  return out;
}

function run(foot: LiveFoot, fs: readonly LiveFrame[]): (LiveFootUpdate & { tMs: number })[] {
  return fs.map((f) => ({ ...foot.push(f), tMs: f.frame.tMs }));
}

const newFoot = (side: Side) =>
  createLiveFoot({ side, poseCorrection: { gain: 1.52, offsetDeg: 0 }, maxGapS: 1 });

describe('live camera foot', () => {
  it('counts reps and their range from the tracked angle, not from the pose model’s smaller swing', () => {
    const updates = run(
      newFoot('right'),
      frames({ nearLabel: 'right', nearState: () => 'tracking', durationS: 40 }),
    );
    const reps = updates.flatMap((u) => u.reps);
    // Pumps start at 3, 9, ..., 33 s: six are complete by 40 s (the engine may need the next one).
    expect(reps.length).toBeGreaterThanOrEqual(5);
    expect(reps.length).toBeLessThanOrEqual(6);
    for (const r of reps) {
      expect(r.side).toBe('right');
      // True range 50 deg; the pose model's swing (25 deg x 1.52 = 38) would be far off.
      expect(r.rangeDeg).toBeGreaterThan(45);
      expect(r.rangeDeg).toBeLessThan(55);
    }
    expect(updates.filter((u) => u.tMs > 4000).every((u) => u.follow === 'tracked')).toBe(true);
  });

  it('counts the pump made before the first rest when the leg stayed still, and says nothing of it', () => {
    const updates = run(
      newFoot('right'),
      frames({ nearLabel: 'right', nearState: () => 'tracking', durationS: 22, pumpsAtOnce: true }),
    );
    // The leg stays still from the first frame: the quick pump is the patient's own, not getting
    // into position (it was dropped, and the patient told counting started at the rest after it).
    const reps = updates.flatMap((u) => u.reps);
    expect(reps.length).toBeGreaterThanOrEqual(3);
    expect(reps.length).toBeLessThanOrEqual(4);
    expect(reps[0]!.tMs).toBeLessThan(3000);
    expect(Math.abs((reps[0]!.rangeDeg ?? 0) - 45)).toBeLessThan(5);
    expect(updates.some((u) => u.warnings.includes('moved-before-rest'))).toBe(false);
  });

  it('says once that the camera view changed when it moved nearer mid-session, and goes on counting', () => {
    const updates = run(
      newFoot('right'),
      frames({
        nearLabel: 'right',
        nearState: () => 'tracking',
        durationS: 40,
        nearScale: (tS) => (tS < 20 ? 1 : 1.4),
      }),
    );
    const told = updates.filter((u) => u.warnings.includes('view-changed'));
    expect(told).toHaveLength(1);
    expect(told[0]!.tMs).toBeGreaterThan(20_000);
    expect(updates.flatMap((u) => u.reps).length).toBeGreaterThanOrEqual(5);
    // The same session with the camera left alone says nothing of the kind.
    const still = run(
      newFoot('right'),
      frames({ nearLabel: 'right', nearState: () => 'tracking', durationS: 40 }),
    );
    expect(still.some((u) => u.warnings.includes('view-changed'))).toBe(false);
  });

  it('follows a near leg that BlazePose labels as the other side', () => {
    const updates = run(
      newFoot('right'),
      frames({ nearLabel: 'left', nearState: () => 'tracking', durationS: 40 }),
    );
    const reps = updates.flatMap((u) => u.reps);
    expect(reps.length).toBeGreaterThanOrEqual(5);
    expect(reps.every((r) => r.side === 'right' && r.rangeDeg! > 45)).toBe(true);
  });

  it('tells the patient once when the camera films the other side of the body than the exercised foot', () => {
    // The feet point to the right of the picture: the camera is at the patient's right side.
    const script = { nearLabel: 'right' as const, nearState: () => 'tracking' as const, durationS: 20 };
    const wrong = run(newFoot('left'), frames(script)).filter((u) => u.warnings.includes('wrong-side'));
    expect(wrong).toHaveLength(1);
    // Two readings of the last 3 s, one a second: told within the first 2.5 s.
    expect(wrong[0]!.tMs).toBeLessThan(2500);
    const right = run(newFoot('right'), frames(script));
    expect(right.some((u) => u.warnings.includes('wrong-side'))).toBe(false);
  });

  it('reads the filmed side once every 15 frames, from the last 3 s of the pose model’s frames', () => {
    const read = createSideReader();
    const script = { nearLabel: 'left' as const, nearState: () => 'tracking' as const, durationS: 3 };
    const readings = frames(script).map((f) => read(f.frame));
    // The fixture's feet point to the right of the picture, whichever leg is labelled near.
    expect(readings.filter((r) => r !== undefined)).toEqual(['right', 'right', 'right']);
    expect(readings.slice(0, 14).every((r) => r === undefined)).toBe(true);
  });

  it('counts a pump done while the foot was lost from the pose model’s angle, its degrees withheld, and says so', () => {
    // The tracker loses the foot for the whole of the third pump (15-21 s).
    const lost = (tS: number) => tS >= 15 && tS < 21;
    const updates = run(
      newFoot('right'),
      frames({ nearLabel: 'right', nearState: (t) => (lost(t) ? 'lost' : 'tracking'), durationS: 40 }),
    );
    const reps = updates.flatMap((u) => u.reps);
    // Pumps start at 3, 9, ..., 33 s: each counted once, the lost one too.
    expect(reps.length).toBeGreaterThanOrEqual(5);
    expect(reps.length).toBeLessThanOrEqual(6);
    const roughReps = reps.filter((r) => r.rangeDeg === null);
    expect(roughReps).toHaveLength(1);
    expect(updates.reduce((a, u) => a + u.rough, 0)).toBe(1);
    // The lost pump's degrees are not shown (the pose model's would be 25 x 1.52 = 38, not 50) ...
    expect(roughReps[0]!.peakPlantarDeg).toBeNull();
    expect(roughReps[0]!.peakDorsiDeg).toBeNull();
    // ... and every other rep's are the tracked ones.
    for (const r of reps.filter((x) => x.rangeDeg !== null)) expect(r.rangeDeg).toBeGreaterThan(45);
    // The lost pump ended while the foot was lost or just after it.
    const roughAt = updates.find((u) => u.rough > 0)!.tMs / 1000;
    expect(roughAt).toBeGreaterThan(19);
    expect(roughAt).toBeLessThan(24);
    // Within half a second the screen is told; the angle still moves (the pose model's, rough).
    const during = updates.filter((u) => u.tMs >= 15_600 && u.tMs < 21_000);
    expect(during.every((u) => u.follow === 'fallback')).toBe(true);
    const angles = during.map((u) => u.angleDeg).filter((a): a is number => a !== null);
    expect(angles.length).toBe(during.length);
    expect(Math.max(...angles) - Math.min(...angles)).toBeGreaterThan(20);
    // It did not take the other, still foot instead of the lost one.
    expect(during.some((u) => u.angleDeg !== null && u.angleDeg < -15)).toBe(true);
    // Back to the tracked angle a few frames after the tracker finds the foot again.
    const after = updates.filter((u) => u.tMs >= 21_300);
    expect(after.every((u) => u.follow === 'tracked')).toBe(true);
  });

  it('refuses a track that turns against the pose model (latched onto something else) and counts the pumps without degrees', () => {
    // The tracker follows something that turns a quarter as far the other way (a trouser cuff or the
    // far foot's edge, as on a rendered sitting clip): its reps would read 12 deg, toes up for down.
    const updates = run(
      newFoot('right'),
      frames({
        nearLabel: 'right',
        nearState: () => 'tracking',
        durationS: 40,
        trackedDeg: (d) => -0.25 * d,
      }),
    );
    const reps = updates.flatMap((u) => u.reps);
    expect(reps.length).toBeGreaterThanOrEqual(4);
    expect(reps.length).toBeLessThanOrEqual(6);
    // Not one rep with the track's degrees: all counted from the pose model, degrees withheld.
    expect(reps.every((r) => r.rangeDeg === null)).toBe(true);
    // Once the first pump has shown the disagreement, the screen says the foot's pixels are not followed.
    expect(updates.filter((u) => u.tMs > 8000).every((u) => u.follow === 'fallback')).toBe(true);
  });

  it("keeps a track that follows the foot whose points the pose model put under the other leg's label", () => {
    // The near label's foot wobbles on the still foot behind (against the track: it would be
    // refused); the moving foot's points carry the far label, and the track agrees with them.
    const updates = run(
      newFoot('right'),
      frames({ nearLabel: 'right', nearState: () => 'tracking', durationS: 40, labelsMixed: true }),
    );
    const reps = updates.flatMap((u) => u.reps);
    expect(reps.length).toBeGreaterThanOrEqual(5);
    expect(reps.length).toBeLessThanOrEqual(6);
    // Counted with the track's degrees (the true 50-deg range), not refused as latched onto something else.
    for (const r of reps) expect(Math.abs((r.rangeDeg ?? 0) - 50)).toBeLessThan(6);
    expect(updates.filter((u) => u.tMs > 8000).every((u) => u.follow === 'tracked')).toBe(true);
  });

  it('counts a pump the tracker saw only in pieces once, from the pose model, without degrees', () => {
    // Losses of 0.7-0.9 s over most of the second pump (9-15 s), each shorter than the engine's 1 s
    // gap: the tracked angle bridges them and sees a rep, but saw under half of it, so that rep is
    // refused; the pose model's angle saw the pump and it is counted once, degrees withheld.
    const lost = (t: number) =>
      (t >= 9.3 && t < 10.2) || (t >= 10.4 && t < 11.3) || (t >= 11.5 && t < 12.4) || (t >= 12.6 && t < 13.3);
    const updates = run(
      newFoot('right'),
      frames({ nearLabel: 'right', nearState: (t) => (lost(t) ? 'lost' : 'tracking'), durationS: 22 }),
    );
    expect(updates.reduce((a, u) => a + u.dropped, 0)).toBe(1);
    const reps = updates.flatMap((u) => u.reps);
    const inSecond = updates.filter((u) => u.tMs > 11_000 && u.tMs < 17_000).flatMap((u) => u.reps);
    expect(inSecond).toHaveLength(1);
    expect(inSecond[0]!.rangeDeg).toBeNull();
    expect(reps.filter((r) => r.rangeDeg !== null).length).toBeGreaterThanOrEqual(1);
  });

  it('counts a pump whose toes-down hold the tracker lost for 1.2 s, with its degrees, as analyze does', () => {
    // A dark foot turned down is often lost for the length of its hold and found again on the way
    // up: both movements are seen around the loss, so the rep happened. The camera session bridges
    // the gap as the engine (and `analyze`) does, up to 1.5 s; at 1 s this rep was broken, and the
    // pose model's copy was refused too (the tracker saw 80% of the pump), so it went uncounted.
    const lost = (t: number) => t >= 4.4 && t < 5.6;
    const updates = run(
      cameraLiveFoot('right', null),
      frames({ nearLabel: 'right', nearState: (t) => (lost(t) ? 'lost' : 'tracking'), durationS: 40 }),
    );
    const first = updates.filter((u) => u.tMs > 6_000 && u.tMs < 12_000).flatMap((u) => u.reps);
    expect(first).toHaveLength(1);
    expect(Math.abs((first[0]!.rangeDeg ?? 0) - 50)).toBeLessThan(6);
    const reps = updates.flatMap((u) => u.reps);
    expect(reps.length).toBeGreaterThanOrEqual(5);
    expect(reps.length).toBeLessThanOrEqual(6);
    expect(updates.reduce((a, u) => a + u.dropped, 0)).toBe(0);
  });

  it("counts the set's last pump while the patient rests, though its toes-up end is barely above neutral", () => {
    // Toes up only 3 deg (a stiff ankle, or a view that shows little of it): no swing leaves that
    // end, so the rep waited for the next pump, and after the last one of a set for ever. Three
    // pumps (each ends at 3 + 6k s), then 4 s at rest.
    const updates = run(
      cameraLiveFoot('right', null),
      frames({
        nearLabel: 'right',
        nearState: () => 'tracking',
        durationS: 25,
        pumps: 3,
        trackedDeg: (d) => (d > 0 ? 0.15 * d : d),
      }),
    );
    const reps = updates.flatMap((u) => u.reps.map((r) => ({ ...r, countedMs: u.tMs })));
    expect(reps).toHaveLength(3);
    const last = reps[2]!;
    // Its toes-up end (reached at 19 s) is already near neutral: counted about 1.5 s later, with
    // its degrees (-30 to +3).
    expect(last.countedMs).toBeGreaterThan(20_000);
    expect(last.countedMs).toBeLessThan(22_000);
    expect(Math.abs((last.rangeDeg ?? 0) - 33)).toBeLessThan(5);
  });

  it('never counts a pump twice when the tracker and the pose model both saw it', () => {
    // Brief losses (0.3 s) in every pump: the tracked reps count, the pose model's copies must not.
    const lost = (t: number) => t > 4 && t % 6 > 1.2 && t % 6 < 1.5;
    const updates = run(
      newFoot('right'),
      frames({ nearLabel: 'right', nearState: (t) => (lost(t) ? 'lost' : 'tracking'), durationS: 40 }),
    );
    const reps = updates.flatMap((u) => u.reps);
    expect(reps.length).toBeGreaterThanOrEqual(5);
    expect(reps.length).toBeLessThanOrEqual(6);
    expect(reps.every((r) => r.rangeDeg !== null && r.rangeDeg > 45)).toBe(true);
  });

  it("judges the leg from the pose model's knee, not from the knee the tracker placed", () => {
    // The tracker's shank wobbles 8 deg off the pose model's for 2 s of the second pump: the knee it
    // places along it moves 26 px (0.14 of the shank), though the leg is still. The angle is the same.
    const wobbleRad = (tS: number) =>
      tS > 10 && tS < 12 ? 8 * RAD * Math.sin((Math.PI * (tS - 10)) / 2) : 0;
    const fs = frames({ nearLabel: 'right', nearState: () => 'tracking', durationS: 22 }).map((f) => {
      const lm = f.tracked.landmarks!;
      const px = (i: number) => [lm[i]![0] * W, lm[i]![1] * H] as const;
      const [kx, ky] = px(BLAZEPOSE.rightKnee);
      const [ax, ay] = px(BLAZEPOSE.rightAnkle);
      const [hx, hy] = px(BLAZEPOSE.rightHeel);
      const [tx, ty] = px(BLAZEPOSE.rightFootIndex);
      const shankDirRad = Math.atan2(ky - ay, kx - ax) + wobbleRad(f.frame.tMs / 1000);
      const footDirRad = Math.atan2(ty - hy, tx - hx);
      // The angle the tracker measured: the true one (the frames' tracked foot).
      const rawDeg = trueAngleDeg(f.frame.tMs / 1000);
      const track = { state: 'tracking', rawDeg, footDirRad, shankDirRad, confidence: 0.95 } as const;
      return { ...f, tracked: refineFrame(f.tracked, 'right', track) };
    });
    const kneeMovePx = Math.max(
      ...fs.map((f) =>
        Math.hypot(
          (f.tracked.landmarks![BLAZEPOSE.rightKnee]![0] - f.frame.landmarks![BLAZEPOSE.rightKnee]![0]) * W,
          (f.tracked.landmarks![BLAZEPOSE.rightKnee]![1] - f.frame.landmarks![BLAZEPOSE.rightKnee]![1]) * H,
        ),
      ),
    );
    expect(kneeMovePx).toBeGreaterThan(20);
    const updates = run(newFoot('right'), fs);
    const reps = updates.flatMap((u) => u.reps);
    expect(reps.length).toBeGreaterThanOrEqual(2);
    expect(reps.every((r) => !r.legMoved)).toBe(true);
    expect(updates.some((u) => u.warnings.includes('leg-moved'))).toBe(false);
    for (const r of reps) expect(r.rangeDeg).toBeGreaterThan(45);
  });
});

describe('follow gate', () => {
  it('ignores a lost frame or two, falls back after half a second, and returns after three tracked frames', () => {
    const gate = createFollowGate();
    const seq: [number, LegTrackState][] = [
      [0, 'tracking'],
      [66, 'lost'],
      [133, 'tracking'],
      [200, 'lost'],
      [400, 'lost'],
      [700, 'lost'],
      [766, 'tracking'],
      [833, 'tracking'],
      [900, 'tracking'],
      [966, 'no-leg'],
      [1500, 'no-leg'],
    ];
    expect(seq.map(([t, s]) => gate(t, s))).toEqual([
      'tracked',
      'tracked',
      'tracked',
      'tracked',
      'tracked',
      'fallback',
      'fallback',
      'fallback',
      'tracked',
      'tracked',
      'unseen',
    ]);
  });
});
