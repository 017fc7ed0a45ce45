import { describe, expect, it } from 'vitest';
import { isBlazePoseSource } from './landmark-source.ts';

describe('isBlazePoseSource', () => {
  it('knows BlazePose by its names, and nothing else', () => {
    for (const s of ['blazepose-full', 'BlazePose heavy', 'mediapipe-pose', 'MediaPipe Pose Landmarker']) {
      expect(isBlazePoseSource(s)).toBe(true);
    }
    for (const s of [
      'openpose-body25',
      'rtmpose-wholebody',
      'mediapipe-hands',
      'vicon',
      '',
      null,
      undefined,
    ]) {
      expect(isBlazePoseSource(s)).toBe(false);
    }
  });
});
