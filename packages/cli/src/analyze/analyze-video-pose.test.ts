import type { Landmark, LandmarkFrame } from '@anklepump/motion';
import { describe, expect, it } from 'vitest';
import { analyzeVideoPose } from './analyze-file.ts';

const W = 640;
const H = 480;

/**
 * A side view of a person sitting with legs straight (torso up, legs level), the right foot at
 * `ankleDeg` as the pose model sees it (dorsiflexion positive); the left leg hidden behind it.
 */
function frame(tMs: number, ankleDeg: number): LandmarkFrame {
  const rows: Landmark[] = Array.from({ length: 33 }, () => [0.5, 0.5, 0, 0.3] as const);
  const set = (i: number, x: number, y: number, v = 0.95) => {
    rows[i] = [x / W, y / H, 0, v];
  };
  set(11, 150, 100);
  set(12, 152, 103);
  set(23, 160, 300);
  set(24, 164, 303);
  set(26, 330, 300);
  set(28, 480, 305);
  // Heel just below the ankle; the toe 60 px from it, straight up at neutral, turned by the angle.
  const up = ((90 - ankleDeg) * Math.PI) / 180;
  set(30, 485, 315);
  set(32, 485 + 60 * Math.cos(up), 315 - 60 * Math.sin(up));
  return { tMs, landmarks: rows, widthPx: W, heightPx: H };
}

describe('analyzeVideoPose', () => {
  it('counts fast reps with no holds when the foot was still for only 0.4 s before the first swing', async () => {
    // 15 frames per second: 0.4 s still, then 5 reps of 1 s (toes down 20, up 10 as the pose
    // model sees them, no holds), then 1 s still.
    const hz = 15;
    const deg = (tS: number) => {
      if (tS < 0.4 || tS >= 5.4) return 0;
      const ph = (2 * Math.PI * (tS - 0.4)) / 1;
      return Math.sin(ph) > 0 ? -20 * Math.sin(ph) : -10 * Math.sin(ph);
    };
    const frames = Array.from({ length: Math.round(6.4 * hz) }, (_, i) =>
      frame((i * 1000) / hz, deg(i / hz)),
    );
    const a = await analyzeVideoPose({ frames, tracks: null, sampleHz: hz }, ['right']);
    expect(a.notCounted).toBeNull();
    expect(a.result.reps.right).toHaveLength(5);
  });
});
