import { createLegReading, type Landmark, type LandmarkFrame, readLeg } from '@anklepump/motion';
import { describe, expect, it } from 'vitest';
import type { LegTrack } from './leg-pixel-tracker.ts';
import { median5, refineFrame, refineRecording, withPoseModelKnee } from './refine-frames.ts';

const W = 640;
const H = 480;

/** A side view: shank level (knee left of ankle), foot pointing up at the pose model's `poseDeg`. */
function frame(tMs: number, poseDeg: number): LandmarkFrame {
  const rows: Landmark[] = Array.from({ length: 33 }, () => [0.5, 0.5, 0, 0.9] as const);
  const ankle = [400, 300] as const;
  const up = ((90 + poseDeg) * Math.PI) / 180; // foot direction from the shank line
  const heel = [ankle[0] + 5, ankle[1] + 10] as const;
  rows[26] = [250 / W, 300 / H, 0, 0.95];
  rows[28] = [ankle[0] / W, ankle[1] / H, 0, 0.95];
  rows[30] = [heel[0] / W, heel[1] / H, 0, 0.95];
  rows[32] = [(heel[0] + 60 * Math.cos(-up)) / W, (heel[1] + 60 * Math.sin(-up)) / H, 0, 0.95];
  return { tMs, landmarks: rows, widthPx: W, heightPx: H };
}

const tracked = (rawDeg: number): LegTrack => ({
  state: 'tracking',
  rawDeg,
  footDirRad: -Math.PI / 2,
  shankDirRad: Math.PI,
  confidence: 0.95,
});
const lost: LegTrack = {
  state: 'lost',
  rawDeg: Number.NaN,
  footDirRad: Number.NaN,
  shankDirRad: Number.NaN,
  confidence: 0.2,
};
const noLeg: LegTrack = { ...lost, state: 'no-leg', confidence: 0 };

const engineRaw = (f: LandmarkFrame) => {
  const r = readLeg(f, 'right', 0.7, false, createLegReading());
  return r.ok ? r.rawDeg : Number.NaN;
};

describe('refineFrame', () => {
  it('writes the tracked angle so that the engine reads exactly it', () => {
    for (const deg of [-35, -10, 0, 12]) {
      expect(engineRaw(refineFrame(frame(0, 3), 'right', tracked(deg)))).toBeCloseTo(deg, 6);
    }
  });
  it('frames of the fixture read as their pose angle', () => {
    expect(engineRaw(frame(0, 10))).toBeCloseTo(10, 6);
  });
  it('gates a lost foot out instead of letting the pose model guess it', () => {
    expect(engineRaw(refineFrame(frame(0, 3), 'right', lost))).toBeNaN();
  });
});

describe('withPoseModelKnee', () => {
  it("keeps the refined angle with the pose model's own knee", () => {
    // The tracked shank turned 8 deg from the pose model's: the refined knee moved 21 px.
    const raw = frame(0, 5);
    const refined = refineFrame(raw, 'right', { ...tracked(-20), shankDirRad: Math.PI - 0.14 }, -20);
    const kneeShiftPx = Math.hypot(
      (refined.landmarks![26]![0] - raw.landmarks![26]![0]) * W,
      (refined.landmarks![26]![1] - raw.landmarks![26]![1]) * H,
    );
    expect(kneeShiftPx).toBeGreaterThan(15);
    const out = withPoseModelKnee(refined, raw, 'right');
    expect(out.landmarks![26]).toEqual(raw.landmarks![26]);
    expect(engineRaw(out)).toBeCloseTo(-20, 6);
    // The heel, the ankle and the foot's length are the refined frame's.
    expect(out.landmarks![30]).toEqual(refined.landmarks![30]);
    const len = (f: LandmarkFrame) =>
      Math.hypot(
        (f.landmarks![32]![0] - f.landmarks![30]![0]) * W,
        (f.landmarks![32]![1] - f.landmarks![30]![1]) * H,
      );
    expect(len(out)).toBeCloseTo(len(refined), 6);
  });

  it('leaves a lost foot gated and a frame without a person as it is', () => {
    const raw = frame(0, 5);
    const gone = withPoseModelKnee(refineFrame(raw, 'right', lost), raw, 'right');
    expect(engineRaw(gone)).toBeNaN();
    const empty = { ...raw, landmarks: null };
    expect(withPoseModelKnee(empty, raw, 'right')).toBe(empty);
  });
});

describe('refineRecording', () => {
  // The pose model sees half the swing (gain 0.5); the tracker the whole of it, except where lost.
  const n = 120;
  const trueDeg = (i: number) => 30 * Math.sin(i / 6);
  const frames = Array.from({ length: n }, (_, i) => frame((i * 1000) / 15, 0.5 * trueDeg(i)));
  const tracks = (lostAt: (i: number) => boolean) =>
    Array.from({ length: n }, (_, i) => ({ left: noLeg, right: lostAt(i) ? lost : tracked(trueDeg(i)) }));

  it('bridges a short loss with the pose model angle mapped to the tracker scale', () => {
    const out = refineRecording({ frames, tracks: tracks((i) => i >= 60 && i < 66) }, 15).frames;
    for (let i = 60; i < 66; i++) expect(Math.abs(engineRaw(out[i]!) - trueDeg(i))).toBeLessThan(1.5);
  });
  it('leaves a long loss (a blanket, the foot out of the picture) gated', () => {
    const out = refineRecording({ frames, tracks: tracks((i) => i >= 40 && i < 80) }, 15).frames;
    for (let i = 40; i < 80; i++) expect(engineRaw(out[i]!)).toBeNaN();
  });

  it("takes the pose model's angle times its gain for a foot whose track turns against it (latched onto the other foot)", () => {
    // The track swings a third as far and the other way: what following a still foot behind the
    // moving one, or a trouser cuff, gives.
    const wrong = Array.from({ length: n }, (_, i) => ({
      left: noLeg,
      right: tracked(-10 - trueDeg(i) / 3),
    }));
    const r = refineRecording({ frames, tracks: wrong }, 15, { poseGain: 2 });
    expect(r.degrees.right).toBe('pose-model');
    expect(r.agreement.right).toBeLessThan(-0.9);
    // Pose model 0.5 x true, times gain 2: the true angle again, within what the 3 Hz low-pass leaves.
    for (let i = 10; i < n - 10; i++) expect(Math.abs(engineRaw(r.frames[i]!) - trueDeg(i))).toBeLessThan(2);
  });

  it('keeps the pixel track where it agrees with the pose model, whatever their gains', () => {
    const r = refineRecording({ frames, tracks: tracks(() => false) }, 15, { poseGain: 2 });
    expect(r.degrees.right).toBe('pixel-tracker');
    expect(r.agreement.right).toBeGreaterThan(0.99);
  });

  it("keeps a track that follows the foot whose points the pose model put under the other leg's label", () => {
    // A side view where the pose model's right leg sits on the still foot behind (a small wobble of
    // its own) and the moving foot's points carry the left label: the track follows the moving foot.
    const mixed = Array.from({ length: n }, (_, i) => {
      const f = frame((i * 1000) / 15, 2 * Math.sin(i / 2.3));
      const moving = frame((i * 1000) / 15, 0.5 * trueDeg(i)).landmarks!;
      const rows = f.landmarks!.slice();
      for (const [l, r] of [
        [25, 26],
        [27, 28],
        [29, 30],
        [31, 32],
      ] as const)
        rows[l] = moving[r]!;
      return { ...f, landmarks: rows };
    });
    const r = refineRecording({ frames: mixed, tracks: tracks(() => false) }, 15, { poseGain: 2 });
    expect(r.degrees.right).toBe('pixel-tracker');
    expect(r.agreement.right).toBeGreaterThan(0.9);
    for (let i = 10; i < n - 10; i++) expect(Math.abs(engineRaw(r.frames[i]!) - trueDeg(i))).toBeLessThan(2);
    // A track that turns against the moving foot agrees with neither label.
    const wrong = Array.from({ length: n }, (_, i) => ({
      left: noLeg,
      right: tracked(-10 - trueDeg(i) / 3),
    }));
    expect(refineRecording({ frames: mixed, tracks: wrong }, 15).degrees.right).toBe('pose-model');
  });

  it("keeps a firmly matched track where the pose model's foot hardly moves, and drops a loosely matched one", () => {
    // Fast reps with no holds: the pose model's foot swings 2 deg for a true 30 and its points wander
    // by 3.5 deg, so even a right track correlates with it at only 0.3-0.7.
    const flat = Array.from({ length: n }, (_, i) =>
      frame((i * 1000) / 15, 0.07 * trueDeg(i) + 3.5 * Math.sin(i / 2.2 + 1)),
    );
    const matched = (confidence: number) =>
      Array.from({ length: n }, (_, i) => ({ left: noLeg, right: { ...tracked(trueDeg(i)), confidence } }));
    const firm = refineRecording({ frames: flat, tracks: matched(0.95) }, 15, { poseGain: 2 });
    expect(firm.agreement.right).toBeGreaterThan(0.3);
    expect(firm.agreement.right).toBeLessThan(0.7);
    expect(firm.degrees.right).toBe('pixel-tracker');
    for (let i = 10; i < n - 10; i++)
      expect(Math.abs(engineRaw(firm.frames[i]!) - trueDeg(i))).toBeLessThan(2);
    // The same angles matched at NCC 0.8 (a patch half slipped onto the bed or the other foot) are
    // not trusted over the pose model.
    expect(refineRecording({ frames: flat, tracks: matched(0.8) }, 15).degrees.right).toBe('pose-model');
  });

  it('rejects an impossible pose gain, naming it', () => {
    expect(() => refineRecording({ frames, tracks: tracks(() => false) }, 15, { poseGain: 0 })).toThrow(
      /poseGain must be in/,
    );
  });
});

describe('median5', () => {
  it('drops a one-frame jump of the pose model, also in the first frame, and keeps a 3-frame hold', () => {
    for (const v of median5([-27, -2, -3, -2, -2, -3])) expect(v).toBeGreaterThanOrEqual(-3);
    const hold = [0, 0, 0, -30, -30, -30, 0, 0, 0];
    expect(median5(hold)).toEqual(hold);
    expect(median5([0, 0, 40, 0, 0])).toEqual([0, 0, 0, 0, 0]);
  });
  it('leaves gaps as gaps', () => {
    expect(median5([1, Number.NaN, 3])[1]).toBeNaN();
  });
});
