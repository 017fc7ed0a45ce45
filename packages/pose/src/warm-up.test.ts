import { describe, expect, it } from 'vitest';
import { afterPoseWarmUp, POSE_WARM_UP_FRAMES } from './warm-up.ts';

describe('afterPoseWarmUp', () => {
  it("drops the pose model's first frames and the pixel tracks that go with them", () => {
    const frames = Array.from({ length: 30 }, (_, i) => ({ tMs: i * 66 }));
    const tracks = frames.map((_, i) => `track ${i}`);
    const out = afterPoseWarmUp(frames, tracks);
    expect(out.frames).toHaveLength(30 - POSE_WARM_UP_FRAMES);
    expect(out.frames[0]).toEqual({ tMs: POSE_WARM_UP_FRAMES * 66 });
    expect(out.tracks?.[0]).toBe(`track ${POSE_WARM_UP_FRAMES}`);
    expect(afterPoseWarmUp(frames, null).tracks).toBeNull();
  });

  it('keeps a recording too short to spare them whole', () => {
    const frames = Array.from({ length: 3 * POSE_WARM_UP_FRAMES - 1 }, (_, i) => ({ tMs: i }));
    expect(afterPoseWarmUp(frames, null).frames).toHaveLength(3 * POSE_WARM_UP_FRAMES - 1);
  });
});
