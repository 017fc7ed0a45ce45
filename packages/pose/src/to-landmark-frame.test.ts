import { describe, expect, it } from 'vitest';
import { toLandmarkFrame } from './to-landmark-frame.ts';

const pts = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ x: i / 100, y: 0.5, z: -0.1, visibility: 0.9 }));

describe('toLandmarkFrame', () => {
  it('keeps the first person as rows of [x, y, z, visibility] with time and image size', () => {
    const f = toLandmarkFrame({ landmarks: [pts(33), pts(33)], worldLandmarks: [pts(33)] }, 1234, 640, 360);
    expect(f.tMs).toBe(1234);
    expect(f.landmarks).toHaveLength(33);
    expect(f.landmarks![28]).toEqual([0.28, 0.5, -0.1, 0.9]);
    expect(f.world).toHaveLength(33);
    expect([f.widthPx, f.heightPx]).toEqual([640, 360]);
  });
  it('says "no person" as null landmarks, and a missing visibility as 0', () => {
    expect(toLandmarkFrame({ landmarks: [] }, 0, 640, 360)).toMatchObject({ landmarks: null, world: null });
    const f = toLandmarkFrame({ landmarks: [[{ x: 0.1, y: 0.2, z: 0 }]] }, 0, 10, 10);
    expect(f.landmarks![0]![3]).toBe(0);
  });
});
