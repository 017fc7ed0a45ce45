import { describe, expect, it } from 'vitest';
import { createSparcScratch, smoothnessFromSparc, sparcOfAngle } from './smoothness.ts';

const minJerk = (x: number) => x * x * x * (10 - 15 * x + 6 * x * x);

function sparcOf(fn: (tS: number) => number, durationS: number, fps: number): number {
  const n = Math.floor(durationS * fps) + 1;
  const t = Array.from({ length: n }, (_, i) => (i * 1000) / fps);
  return sparcOfAngle(
    n,
    (i) => t[i]!,
    (i) => fn(t[i]! / 1000),
    createSparcScratch(),
  );
}

describe('SPARC smoothness', () => {
  it('scores one minimum-jerk movement near the published -1.4 to -1.6', () => {
    const s = sparcOf((t) => 40 * minJerk(t / 1.5), 1.5, 60);
    expect(s).toBeGreaterThan(-1.9);
    expect(s).toBeLessThan(-1.3);
    expect(smoothnessFromSparc(s)).toBeGreaterThan(0.9);
  });

  it('scores a tremulous or halting movement lower than a smooth one', () => {
    const smooth = sparcOf((t) => 40 * minJerk(t / 1.5), 1.5, 60);
    const tremor = sparcOf((t) => 40 * minJerk(t / 1.5) + 2 * Math.sin(2 * Math.PI * 6 * t), 1.5, 60);
    const halting = sparcOf(
      (t) => (t < 0.75 ? 20 * minJerk(t / 0.75) : 20 + 20 * minJerk((t - 0.75) / 0.75)),
      1.5,
      60,
    );
    expect(tremor).toBeLessThan(smooth - 0.3);
    expect(halting).toBeLessThan(smooth - 0.3);
  });

  it('gives the same score at 10 and 60 fps for the same movement (within 0.3)', () => {
    const f = (t: number) => 40 * minJerk(t / 2);
    expect(Math.abs(sparcOf(f, 2, 10) - sparcOf(f, 2, 60))).toBeLessThan(0.3);
  });

  it('maps SPARC into 0..1', () => {
    expect(smoothnessFromSparc(-1)).toBe(1);
    expect(smoothnessFromSparc(-10)).toBe(0);
  });
});
