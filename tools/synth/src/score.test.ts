import { analyzeLandmarkRecording, type RepMetrics } from '@anklepump/motion';
import { describe, expect, it } from 'vitest';
import { EVAL_CONDITIONS, specRng } from './eval-set.ts';
import { synthLandmarkSession } from './landmark-session.ts';
import { scoreSet } from './score.ts';
import { withTinyRepLeeway } from './stress-set.ts';

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

  it('says when the reps are paired in the other order than the person started them', () => {
    // This person starts toes down; the same peaks paired toes up first (each rep's toes-up end
    // taken from the rep before) are the wrong way round, though every peak is where it was.
    expect(scoreSet(reps, session.truth).pairedWrongWay).toBe(false);
    const upFirst = reps.slice(1).map((r, i) => ({ ...r, dorsiTMs: reps[i]!.dorsiTMs }));
    expect(scoreSet(upFirst, session.truth, 'plantar').pairedWrongWay).toBe(true);
    expect(scoreSet([], session.truth).pairedWrongWay).toBe(false);
  });

  it('does not call a rep reported where nothing happened exact', () => {
    const last = reps.at(-1)!;
    const moved = [...reps.slice(0, -1), { ...last, dorsiTMs: last.dorsiTMs + 60_000 }];
    expect(scoreSet(moved, session.truth).countExact).toBe(false);
  });

  it("does not let a rep a gap may hide take the next rep's match when reps come a second apart", () => {
    // Toes-down holds at 6.3-6.5 s (hidden by a gap: may count or not) and 7.3-7.5 s (must count);
    // the engine reported only the second. Matched in the truth's order, the first took it (0.9 s
    // from its hold) and the second went unmatched: a right count scored as wrong.
    const at = (t: (typeof session.truth.reps)[number], plantarTMs: number) => ({
      ...t,
      plantarTMs,
      plantarHoldS: 0.2,
      dorsiTMs: plantarTMs + 500,
      dorsiHoldEndTMs: plantarTMs + 700,
    });
    const truth = {
      ...session.truth,
      reps: [at(session.truth.reps[0]!, 6300), at(session.truth.reps[1]!, 7300)],
      countable: ['either', 'yes'] as const,
      expectedReps: 1,
      expectedRepsMax: 2,
      expectedFull: 1,
      expectedFullMax: 2,
    };
    const reported = [{ ...reps[1]!, plantarTMs: 7400, dorsiTMs: 7900 }];
    const s = scoreSet(reported, truth, 'plantar');
    expect(s.countExact).toBe(true);
    // ...and a report of the hidden rep alone is not exact: the rep that must count is missing.
    expect(scoreSet([{ ...reps[0]!, plantarTMs: 6350, dorsiTMs: 6850 }], truth, 'plantar').countExact).toBe(
      false,
    );
  });

  it('lets a partial rep under the smallest pump the product counts (5 deg) go either way, and no other', () => {
    // The last true rep made a 3-deg twitch (a small-range family's 30-40% partial): a count that
    // leaves it out is exact; leaving out a 6-deg rep is not.
    const last = session.truth.reps.at(-1)!;
    const shrunk = (rangeDeg: number) =>
      withTinyRepLeeway({
        ...session.truth,
        reps: [...session.truth.reps.slice(0, -1), { ...last, rangeDeg }],
      });
    const withoutLast = reps.slice(0, -1);
    expect(scoreSet(withoutLast, shrunk(3)).countExact).toBe(true);
    expect(scoreSet(reps, shrunk(3)).countExact).toBe(true);
    expect(shrunk(3).expectedReps).toBe(session.truth.expectedReps - 1);
    expect(scoreSet(withoutLast, shrunk(6)).countExact).toBe(false);
  });
});
