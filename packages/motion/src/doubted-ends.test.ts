// A rep whose end the pose model doubted counts only when it is a good part of the person's pumps.
import { describe, expect, it } from 'vitest';
import { createDoubtedEnds } from './doubted-ends.ts';

/** 40 settled samples at full confidence, sample 20 (a rep's end) doubted at 0.2. */
function withDoubtAt20() {
  const d = createDoubtedEnds(64, 0.5);
  for (let s = 0; s < 40; s++) d.record(s, s === 20 ? 0.2 : 0.9);
  return d;
}

describe('reps on doubted ends', () => {
  it('refuses a small rep whose end sample the source doubted, or one two samples from it', () => {
    const d = withDoubtAt20();
    expect(d.doubted(10, 20, 7, 30, 40)).toBe(true);
    expect(d.doubted(18, 30, 7, 30, 40)).toBe(true);
    expect(d.doubted(10, 22, 7, 30, 40)).toBe(true);
  });

  it('counts it when the doubt is three samples away, or when it is half the usual pumps or more', () => {
    const d = withDoubtAt20();
    expect(d.doubted(10, 23, 7, 30, 40)).toBe(false);
    expect(d.doubted(10, 20, 15, 30, 40)).toBe(false);
  });

  it('doubts nothing before the person has pumps to compare with, nor for a source that doubts nothing', () => {
    expect(withDoubtAt20().doubted(10, 20, 7, null, 40)).toBe(false);
    const none = createDoubtedEnds(64, 0);
    for (let s = 0; s < 40; s++) none.record(s, 0.1);
    expect(none.doubted(10, 20, 7, 30, 40)).toBe(false);
  });

  it('reads only samples already recorded (not ring slots ahead of the newest)', () => {
    const d = createDoubtedEnds(8, 0.5);
    for (let s = 0; s < 8; s++) d.record(s, s === 1 ? 0.1 : 0.9);
    // Sample 9 would sit in slot 1; the newest recorded is 7, so slot 1 (sample 9) is not read.
    expect(d.doubted(7, 7, 2, 30, 8)).toBe(false);
  });
});
