// When a camera's bars come down, the tracker replays the last seconds: from where, and when.
import { describe, expect, it } from 'vitest';
import { createLookBackWatch } from './look-back.ts';
import { createSampleRing } from './sample-ring.ts';

/** A ring of `n` samples 100 ms apart. */
function ringOf(n: number, capacity = 256) {
  const ring = createSampleRing(capacity);
  for (let i = 0; i < n; i++) ring.push(i * 100, 0);
  return ring;
}

describe('the look-back watch', () => {
  it('looks back once the swing hysteresis falls under 60% of its highest since the last rep', () => {
    const w = createLookBackWatch();
    w.from(0);
    for (const h of [8, 12, 10]) {
      expect(w.dropped(h)).toBe(false);
      w.saw(h);
    }
    expect(w.dropped(7.3)).toBe(false);
    // A noisy camera's bars from 31.7 to 18.2 deg are 0.57 of it (tuning seed 20038): at half, no
    // look-back, and the first pump they had refused was lost.
    expect(w.dropped(7.1)).toBe(true);
  });

  it('starts the highest again after a rep or a look-back', () => {
    const w = createLookBackWatch();
    w.saw(12);
    w.counted(5, 2);
    expect(w.dropped(4)).toBe(false);
    w.saw(12);
    w.lookedBack();
    expect(w.dropped(4)).toBe(false);
  });

  it('replays at most 6 s, never from before the last rep, and nothing when under two samples', () => {
    const ring = ringOf(150);
    const w = createLookBackWatch();
    w.from(0);
    // Sample 149 is at 14.9 s: back to 8.9 s, sample 89.
    expect(w.startFor(149, ring, 254)).toBe(89);
    w.counted(120, 110);
    expect(w.startFor(149, ring, 254)).toBe(120);
    w.counted(148, 140);
    expect(w.startFor(149, ring, 254)).toBe(149);
  });

  it('first replays up to 20 s back to where counting began, past the reps counted since; then not', () => {
    const ring = ringOf(400);
    const w = createLookBackWatch();
    w.from(100);
    expect(w.firstRepSeq).toBe(-1);
    w.counted(250, 230);
    w.counted(300, 280);
    expect(w.firstRepSeq).toBe(230);
    // Sample 349 is at 34.9 s: back to 14.9 s, sample 149, though reps were counted since; the
    // look-back from the last rep still starts at it.
    expect(w.firstStartFor(349, ring, 398)).toBe(149);
    expect(w.startFor(349, ring, 398)).toBe(300);
    w.lookedBack();
    expect(w.firstStartFor(349, ring, 398)).toBe(349);
    // Counting resumed: the first look-back reaches back again, not before where it resumed.
    w.from(340);
    expect(w.firstRepSeq).toBe(-1);
    expect(w.firstStartFor(349, ring, 398)).toBe(340);
  });

  it('replays only samples the ring still holds', () => {
    const ring = ringOf(300, 64);
    const w = createLookBackWatch();
    w.from(0);
    expect(w.startFor(299, ring, 40)).toBe(300 - 40);
  });
});
