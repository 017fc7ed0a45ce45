import { describe, expect, it } from 'vitest';
import { createTrackingSpeech, REPEAT_SPEECH_MS, trackingProblem } from './tracking-problem.ts';

describe('tracking problem', () => {
  it('says why the camera cannot count now: too slow, foot lost, or a rough fallback angle', () => {
    expect(trackingProblem({ fps: 4, seenShare: 1, follow: 'tracked' })).toBe('slow');
    expect(trackingProblem({ fps: 15, seenShare: 0.9, follow: 'fallback' })).toBe('fallback');
    expect(trackingProblem({ fps: 15, seenShare: 0.9, follow: 'unseen' })).toBe('lost');
    // Just found again after a loss: counting is back even though the last seconds were mostly lost.
    expect(trackingProblem({ fps: 15, seenShare: 0.2, follow: 'tracked' })).toBeNull();
    // A source that does not report following (the phone) is judged on its share alone.
    expect(trackingProblem({ fps: 50, seenShare: 0.3 })).toBe('lost');
    expect(trackingProblem({ fps: 50, seenShare: 0.9 })).toBeNull();
  });
});

describe('tracking speech', () => {
  it('says a loss when it begins and that counting is back when it ends, not every second', () => {
    const speech = createTrackingSpeech();
    const said = [null, null, 'fallback', 'fallback', 'fallback', null, null].map((p, i) =>
      speech(p as 'fallback' | null, i * 1000),
    );
    expect(said).toEqual([null, null, 'fallback', null, null, 'back', null]);
  });

  it('does not chatter when the foot flickers between followed and lost', () => {
    const speech = createTrackingSpeech();
    const said: string[] = [];
    for (let s = 0; s < 30; s++) {
      const out = speech(s % 2 === 0 ? 'fallback' : null, s * 1000);
      if (out) said.push(`${s}:${out}`);
    }
    // Each sentence at most once per REPEAT_SPEECH_MS: fallback at 0 s and 16 s, back after each.
    expect(REPEAT_SPEECH_MS).toBe(15_000);
    expect(said).toEqual(['0:fallback', '1:back', '16:fallback', '17:back']);
  });

  it('never says counting is back when the loss was not said, nor for a slow camera', () => {
    const speech = createTrackingSpeech();
    expect(speech('slow', 0)).toBeNull();
    expect(speech(null, 1000)).toBeNull();
    expect(speech('lost', 2000)).toBe('lost');
    expect(speech('lost', 3000)).toBeNull();
    expect(speech(null, 4000)).toBe('back');
  });
});
