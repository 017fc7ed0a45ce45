import { analyzeLandmarkRecording, type RepMetrics } from '@anklepump/motion';
import { describe, expect, it } from 'vitest';
import {
  buildProgram,
  kneeBendForThighLift,
  type ProgramSpec,
  thighLiftForKneeBend,
} from './ankle-program.ts';
import { EVAL_CONDITIONS, specRng } from './eval-set.ts';
import { synthLandmarkSession } from './landmark-session.ts';
import { createRng } from './prng.ts';
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
      plantarHoldEndTMs: plantarTMs + 200,
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

  it("matches a toes-down peak anywhere in the person's held time, not only in the band around the true extreme", () => {
    // A restless person held toes down from 5.0 to 6.7 s; their wiggle left the engine's band
    // (max(3 deg, 10% of range) around the true extreme) only 0.3 s of it, from 5.0 s. The engine
    // reported the peak at 7.2 s, late in the hold: within 1 s of the hold, so this rep's; at
    // 7.8 s it is more than 1 s past the hold and not.
    const t = session.truth.reps[0]!;
    const truth = {
      ...session.truth,
      reps: [{ ...t, plantarTMs: 5000, plantarHoldS: 0.3, plantarHoldEndTMs: 6700, dorsiTMs: 7600 }],
      countable: ['yes'] as const,
      expectedReps: 1,
      expectedRepsMax: 1,
      expectedFull: 1,
      expectedFullMax: 1,
    };
    const at = (plantarTMs: number) => [{ ...reps[0]!, plantarTMs, dorsiTMs: 8000 }];
    expect(scoreSet(at(7200), truth, 'plantar').countExact).toBe(true);
    expect(scoreSet(at(7800), truth, 'plantar').countExact).toBe(false);
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

  it('reports what moved the leg in each rep (a slide in cm, a knee bend in degrees) and whether it was flagged', () => {
    const spec: ProgramSpec = {
      reps: 40,
      tempo: 'normal' as const,
      plantarDeg: -30,
      dorsiDeg: 15,
      partialShare: 0,
      pauseChance: 0,
      fidget: false,
      gettingIntoPosition: false,
      restS: 2,
      legMoveChance: 1,
      legMoveSize: { slideM: [0.03, 0.1], kneeBendDeg: [10, 30] },
    };
    const program = buildProgram(spec, createRng(5));
    const kinds = new Set(program.reps.map((r) => r.legMove?.kind));
    expect(kinds).toEqual(new Set(['slide', 'knee-bend']));
    for (const r of program.reps) {
      expect(r.legMoved).toBe(true);
      const [lo, hi] = r.legMove!.kind === 'slide' ? [3, 10] : [10, 30];
      expect(r.legMove!.size).toBeGreaterThanOrEqual(lo);
      expect(r.legMove!.size).toBeLessThan(hi + 1e-9);
    }
    // The knee bend is the knee's own angle, not the thigh lift that makes it.
    expect(kneeBendForThighLift(thighLiftForKneeBend(22))).toBeCloseTo(22, 6);
    // A moved rep the engine flagged, and one it missed, as the score reports them.
    const moved = {
      ...session.truth,
      reps: session.truth.reps.map((t, i) => ({
        ...t,
        legMoved: i < 2,
        legMove: i < 2 ? { kind: 'slide' as const, size: 6 } : null,
      })),
    };
    const flagged = reps.map((r, i) => ({ ...r, legMoved: i === 0, legMovementMeasured: true }));
    const s = scoreSet(flagged, moved);
    expect(s.legMoves).toEqual([
      { move: { kind: 'slide', size: 6 }, flagged: true },
      { move: { kind: 'slide', size: 6 }, flagged: false },
    ]);
    expect([s.legTp, s.legFn]).toEqual([1, 1]);
  });
});
