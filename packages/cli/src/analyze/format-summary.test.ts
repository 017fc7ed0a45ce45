import { describe, expect, it } from 'vitest';
import { formatSummary } from './format-summary.ts';
import type { AnalyzeReport } from './report.ts';

describe('formatSummary', () => {
  it('says first, in words, why a recording was not counted', () => {
    const message = 'not counted: the person is standing.';
    const report: AnalyzeReport = {
      version: 1,
      input: { path: 'squats.mp4', kind: 'video', durationS: 8, frameRateHz: 30 },
      notCounted: { code: 'standing', message },
      feet: [
        {
          side: 'right',
          measured: true,
          repCount: 0,
          reps: [],
          warnings: [{ atS: 0, code: 'standing', message }],
        },
      ],
    };
    const text = formatSummary(report, { plantarHoldS: 1, dorsiHoldS: 1 }, 'note');
    const lines = text.split('\n');
    expect(lines[2]).toBe(`NOT COUNTED (standing): ${message}`);
    expect(text).toMatch(/RIGHT FOOT/);
  });
});
