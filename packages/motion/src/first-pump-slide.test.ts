// A camera user who starts pumping at once and whose first pump slides the leg a few centimetres:
// one leg move while settling is as likely a pump's own slide as getting into position, so what
// the foot did is kept for the replay and that first pump counts (settling.ts, `placed`); a leg
// moved twice as far is getting into position, and the movement before it is not counted.
import { describe, expect, it } from 'vitest';
import { createLandmarkAnalyzer } from './landmark-analyzer.ts';
import { endOf, framesOf, minJerk, program, repsOf, restlessPumps } from './leg-frames.test-util.ts';

/** The leg slides `px` along the image (150 px of shank: 25 px is about 7 cm) during the first pump, 0.5-1.5 s. */
const slide = (px: number) => (tS: number) => ({ shiftPx: px * minJerk(tS - 0.5) });

function countWith(px: number) {
  const keys = restlessPumps();
  const a = createLandmarkAnalyzer({ sides: ['left'] });
  const frames = framesOf(program(keys), endOf(keys), 30, slide(px));
  return repsOf([...frames.flatMap((f) => a.push(f)), ...a.end()]);
}

describe('a first pump that slides the leg', () => {
  it('counts that pump when the leg slid about 7 cm, and flags the leg moved in it', () => {
    const reps = countWith(25);
    expect(reps).toHaveLength(8);
    // The first toes-down hold is at 0.9-1.2 s.
    expect(reps[0]!.plantarTMs).toBeLessThan(1300);
    expect(reps[0]!.legMoved).toBe(true);
    expect(reps.slice(1).every((r) => !r.legMoved)).toBe(true);
  });

  it('leaves out the movement before a 15-cm slide (getting into position) and counts the rest', () => {
    const reps = countWith(55);
    // The first pump, during the slide, is left out; the 7 after it count.
    expect(reps).toHaveLength(7);
    expect(reps[0]!.plantarTMs).toBeGreaterThan(3000);
  });
});
