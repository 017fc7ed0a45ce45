import { analyzeLandmarkRecording, type RepMetrics } from '@anklepump/motion';
import { describe, expect, it } from 'vitest';
import { EVAL_CONDITIONS, specRng } from './eval-set.ts';
import { synthLandmarkSession } from './landmark-session.ts';
import { scoreSet } from './score.ts';

const condition = EVAL_CONDITIONS.find((c) => c.source === 'landmarks')!;
if (condition.source !== 'landmarks') throw new Error('landmark condition expected');
const spec = condition.spec(specRng(11));
const session = synthLandmarkSession(spec, 11);
const reps = analyzeLandmarkRecording(session.frames, { ...condition.options, sides: [spec.side] }).reps[
  spec.side
];

describe('scoring a set against the truth', () => {
  it('calls a set whose reps are the true reps exact, and measures every rep', () => {
    const s = scoreSet(reps, session.truth);
    expect(s.countExact).toBe(true);
    expect(s.rangeErrDeg).toHaveLength(session.truth.expectedReps);
  });

  it('does not call a right total made of wrong reps exact (one counted twice, one missed)', () => {
    const wrong: RepMetrics[] = [reps[0]!, ...reps.slice(0, -1)];
    expect(wrong).toHaveLength(reps.length);
    const s = scoreSet(wrong, session.truth);
    expect(s.countExact).toBe(false);
    expect(s.splitExact).toBe(false);
  });

  it('does not call a rep reported where nothing happened exact', () => {
    const last = reps.at(-1)!;
    const moved = [...reps.slice(0, -1), { ...last, dorsiTMs: last.dorsiTMs + 60_000 }];
    expect(scoreSet(moved, session.truth).countExact).toBe(false);
  });
});
