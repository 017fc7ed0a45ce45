import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgressBar, formatProgress } from './progress-bar.ts';

describe('progress bar', () => {
  it('shows frames done, speed against real time and time left', () => {
    // 150 of 300 frames in 5 s at 15 frames per video second: 30 fps = 2x real time, 5 s left.
    expect(formatProgress(150, 300, 5, 15, 10)).toBe(
      '[#####.....] 150/300 frames  30.0 fps  2.0x real time  5 s left',
    );
  });

  it('writes nothing when disabled (stderr not a terminal, or --quiet)', () => {
    const s = new PassThrough();
    let out = '';
    s.on('data', (d) => (out += d));
    const bar = createProgressBar(s, false, 15);
    bar.update(10, 100, 1);
    bar.finish();
    expect(out).toBe('');
  });

  it('redraws in place and clears its line at the end', () => {
    const s = new PassThrough();
    let out = '';
    s.on('data', (d) => (out += d));
    const bar = createProgressBar(s, true, 15);
    bar.update(1, 10, 0.2);
    bar.update(10, 10, 0.25);
    bar.finish();
    expect(out.startsWith('\r\x1b[2K[')).toBe(true);
    expect(out).toContain('10/10 frames');
    expect(out.endsWith('\r\x1b[2K')).toBe(true);
  });
});
