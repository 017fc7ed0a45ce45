// The camera view changing under a running session: said once, with what changed, and never for
// the leg movements and jitter of an ordinary session.
import { describe, expect, it } from 'vitest';
import { analyzeLandmarkRecording } from './landmark-analyzer.ts';
import { endOf, framesOf, program, pumps } from './leg-frames.test-util.ts';

const left = { sides: ['left'] as const };
const keys = pumps(10, -30, 15, 1);
const viewWarnings = (extra: (tS: number) => { zoom?: number; rollDeg?: number; shiftPx?: number }) =>
  analyzeLandmarkRecording(framesOf(program(keys), endOf(keys), 30, extra), left).warnings.filter(
    (w) => w.code === 'view-changed',
  );

describe('view watch', () => {
  it('says once, about 2 s after it, that the camera moved nearer (the leg looks 40% longer)', () => {
    const moveS = 20;
    const told = viewWarnings((t) => ({ zoom: t < moveS ? 1 : 1.4 }));
    expect(told).toHaveLength(1);
    expect(told[0]!.tMs / 1000).toBeGreaterThan(moveS + 2);
    expect(told[0]!.tMs / 1000).toBeLessThan(moveS + 4);
    expect(told[0]!.message).toMatch(/looks 40% longer.*calibrate again/);
  });

  it('says so when the camera is turned by 35 degrees, and again for a second change', () => {
    const told = viewWarnings((t) => ({ rollDeg: t < 12 ? 0 : t < 30 ? 35 : 0 }));
    expect(told).toHaveLength(2);
    expect(told[0]!.message).toMatch(/turned by 3\d degrees/);
  });

  it('stays quiet for a knee bend or a slide within a rep, and for a slow 15% drift', () => {
    // A 30-degree turn for 1.2 s (a knee bend), a 60-px slide held through a rep, and the leg
    // growing 15% over the whole session (the person shifting toward the camera).
    const quiet = viewWarnings((t) => ({
      rollDeg: t > 8 && t < 9.2 ? 30 : 0,
      shiftPx: t > 14 && t < 18 ? 60 : 0,
      zoom: 1 + (0.15 * t) / endOf(keys),
    }));
    expect(quiet).toEqual([]);
  });
});
