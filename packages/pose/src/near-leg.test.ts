import type { Landmark, LandmarkFrame, Side } from '@anklepump/motion';
import { describe, expect, it } from 'vitest';
import type { LegTrack } from './foot-tracker/leg-pixel-tracker.ts';
import { nearSide, withNearLegAs } from './near-leg.ts';

const W = 640;
const H = 480;

/**
 * A person sitting with legs straight, seen from the side: hips at x 160, feet pointing `toward`
 * (to the picture's right or left). `vis` is the pose model's visibility of each labelled leg.
 */
function sideView(tMs: number, toward: 'right' | 'left', vis: Record<Side, number>): LandmarkFrame {
  const rows: Landmark[] = Array.from({ length: 33 }, () => [0.5, 0.5, 0, 0.3] as const);
  const dir = toward === 'right' ? 1 : -1;
  const x0 = toward === 'right' ? 160 : 480;
  const set = (i: number, x: number, y: number, v: number) => {
    rows[i] = [x / W, y / H, 0, v];
  };
  for (const [side, dy] of [
    ['left', 0],
    ['right', 4],
  ] as const) {
    const v = vis[side];
    const [hip, knee, ankle, heel, toe] = side === 'left' ? [23, 25, 27, 29, 31] : [24, 26, 28, 30, 32];
    set(hip, x0, 300 + dy, 0.95);
    set(knee, x0 + dir * 170, 300 + dy, v);
    set(ankle, x0 + dir * 320, 305 + dy, v);
    set(heel, x0 + dir * 325, 315 + dy, v);
    set(toe, x0 + dir * 325, 255 + dy, v);
  }
  return { tMs, landmarks: rows, widthPx: W, heightPx: H };
}

const track = (rawDeg: number): LegTrack => ({
  state: 'tracking',
  rawDeg,
  footDirRad: 0,
  shankDirRad: 0,
  confidence: 1,
});

describe('nearSide', () => {
  it('says the right side faces the camera when the feet point to the right of the picture, the left when to the left', () => {
    const frames = (toward: 'right' | 'left') =>
      Array.from({ length: 10 }, (_, i) => sideView(i * 100, toward, { left: 0.9, right: 0.9 }));
    expect(nearSide(frames('right'))).toBe('right');
    expect(nearSide(frames('left'))).toBe('left');
  });

  it('reads the side from the one leg the pose model is sure of when it guesses the far one', () => {
    const frames = Array.from({ length: 10 }, (_, i) =>
      sideView(i * 100, 'left', { left: 0.95, right: 0.1 }),
    );
    expect(nearSide(frames)).toBe('left');
  });

  it('cannot tell when the feet point at the camera, or when no leg is seen', () => {
    // Filmed from the feet: ankles just below the hips in the picture.
    const atCamera = Array.from({ length: 10 }, (_, i) => {
      const f = sideView(i * 100, 'right', { left: 0.9, right: 0.9 });
      const rows = f.landmarks!.slice();
      for (const [k, a] of [
        [25, 27],
        [26, 28],
      ] as const) {
        rows[k] = [165 / W, 340 / H, 0, 0.9];
        rows[a] = [170 / W, 380 / H, 0, 0.9];
      }
      return { ...f, landmarks: rows };
    });
    expect(nearSide(atCamera)).toBeNull();
    const hidden = Array.from({ length: 10 }, (_, i) =>
      sideView(i * 100, 'right', { left: 0.2, right: 0.2 }),
    );
    expect(nearSide(hidden)).toBeNull();
    expect(nearSide([])).toBeNull();
  });
});

describe('withNearLegAs', () => {
  it('moves the leg the pose model is surer of, and its pixel track, under the near label', () => {
    // The camera sees the right side, but the pose model is sure of the leg it labelled left.
    const frames = Array.from({ length: 5 }, (_, i) =>
      sideView(i * 100, 'right', { left: 0.95, right: 0.3 }),
    );
    const tracks = frames.map(() => ({ left: track(12), right: track(-3) }));
    const out = withNearLegAs(frames, tracks, 'right');
    expect(out.swapped).toBe(true);
    expect(out.frames[0]!.landmarks![28]![3]).toBe(0.95);
    expect(out.frames[0]!.landmarks![27]![3]).toBe(0.3);
    expect(out.tracks![0]!.right.rawDeg).toBe(12);
    expect(out.tracks![0]!.left.rawDeg).toBe(-3);
  });

  it('leaves a recording whose labels already put the surer leg on the near side as it is', () => {
    const frames = Array.from({ length: 5 }, (_, i) =>
      sideView(i * 100, 'right', { left: 0.3, right: 0.95 }),
    );
    const out = withNearLegAs(frames, null, 'right');
    expect(out.swapped).toBe(false);
    expect(out.frames).toBe(frames);
    expect(out.tracks).toBeNull();
  });
});
