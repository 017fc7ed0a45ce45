import type { AnglePoint, RepMetrics } from '@anklepump/motion';
import { describe, expect, it } from 'vitest';
import { robustPeaks } from './hold-peaks.ts';

/** A rep held at -30 then +15 for 15 frames each, with alternating +-2 deg noise on the holds. */
function noisyRep(): { rep: RepMetrics; series: AnglePoint[] } {
  const series: AnglePoint[] = [];
  let t = 0;
  const push = (a: number) => series.push({ tMs: (t++ * 1000) / 15, angleDeg: a });
  for (let i = 0; i < 5; i++) push(-6 * i);
  for (let i = 0; i < 15; i++) push(-30 + (i % 2 ? 2 : -2));
  for (let i = 0; i < 9; i++) push(-30 + 5 * i);
  for (let i = 0; i < 15; i++) push(15 + (i % 2 ? 2 : -2));
  const rep = {
    side: 'right',
    peakPlantarDeg: -32,
    peakDorsiDeg: 17,
    rangeDeg: 49,
    plantarTMs: series[6]!.tMs,
    dorsiTMs: series[30]!.tMs,
  } as RepMetrics;
  return { rep, series };
}

describe('robustPeaks', () => {
  it('takes the held value, not the noisiest frame: range 45, not 49', () => {
    const { rep, series } = noisyRep();
    const r = robustPeaks(rep, series);
    expect(Math.abs(r.peakPlantarDeg + 30)).toBeLessThan(0.5);
    expect(Math.abs(r.peakDorsiDeg - 15)).toBeLessThan(0.5);
    expect(Math.abs(r.rangeDeg - 45)).toBeLessThan(1);
  });
  it("dates each peak at the middle of its hold, not at the noisiest frame's time", () => {
    const { rep, series } = noisyRep();
    const r = robustPeaks(rep, series);
    // The toes-down hold is frames 5-19 (0.33-1.27 s), its middle 0.8 s; the engine's extreme frame
    // was the hold's second (0.4 s). The toes-up hold is frames 29-43, its middle 2.4 s (engine 2.0 s).
    const frameMs = 1000 / 15;
    expect(Math.abs(r.plantarTMs - 12 * frameMs)).toBeLessThanOrEqual(frameMs);
    expect(Math.abs(r.dorsiTMs - 36 * frameMs)).toBeLessThanOrEqual(frameMs);
  });
  it('keeps the engine value when the peak was a single frame (no hold to take a median over)', () => {
    const series = [-5, -20, -31, -18, 0, 12, 16, 10].map((a, i) => ({ tMs: i * 66, angleDeg: a }));
    const rep = {
      peakPlantarDeg: -31,
      peakDorsiDeg: 16,
      rangeDeg: 47,
      plantarTMs: 132,
      dorsiTMs: 396,
    } as RepMetrics;
    expect(robustPeaks(rep, series)).toMatchObject({
      peakPlantarDeg: -31,
      peakDorsiDeg: 16,
      rangeDeg: 47,
      plantarTMs: 132,
      dorsiTMs: 396,
    });
  });
  it('takes the top of a fast rep with no hold, not the frames on its slopes (which pull it in by degrees)', () => {
    // A toes-down turn of a fast rep at 15 frames per second: five frames within 10% of the range
    // of the peak, none of them a hold.
    const values = [-5, -20, -31, -35, -37.5, -38, -37.5, -35, -31, -20, 0, 12, 14, 12, 0];
    const series = values.map((a, i) => ({ tMs: (i * 1000) / 15, angleDeg: a }));
    const rep = {
      peakPlantarDeg: -38,
      peakDorsiDeg: 14,
      rangeDeg: 52,
      plantarTMs: series[5]!.tMs,
      dorsiTMs: series[12]!.tMs,
    } as RepMetrics;
    const r = robustPeaks(rep, series);
    expect(Math.abs(r.peakPlantarDeg + 38)).toBeLessThan(0.8);
    expect(Math.abs(r.rangeDeg - 52)).toBeLessThan(1.5);
  });
});
