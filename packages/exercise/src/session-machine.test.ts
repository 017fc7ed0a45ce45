import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DOSE, type Dose } from './dose.ts';
import type { SensorRep } from './sensor-rep.ts';
import { createSession, isFinished, transition } from './session-machine.ts';
import type { SessionConfig, SessionEffect, SessionEvent, SessionState } from './session-types.ts';

const dose: Dose = {
  ...DEFAULT_DOSE,
  repsPerFoot: 3,
  sets: 2,
  plantarHoldS: 2,
  dorsiHoldS: 1,
  moveS: 1,
  restBetweenSetsS: 10,
};

function config(over: Partial<SessionConfig> = {}): SessionConfig {
  return {
    sessionId: 's1',
    regimenId: 'general',
    regimenVersion: 1,
    dose,
    mode: 'timing',
    painBefore: 1,
    ...over,
  };
}

/** Drives the reducer like the edge would, collecting effects with the time they came out. */
function drive(state: SessionState, events: readonly SessionEvent[]) {
  const effects: { tMs: number; effect: SessionEffect }[] = [];
  let s = state;
  for (const e of events) {
    const r = transition(s, e);
    for (const effect of r.effects) effects.push({ tMs: e.tMs, effect });
    s = r.state;
  }
  return { state: s, effects };
}

/** A hand-advanced clock: ticks every `stepMs` from `fromMs` until the session ends or `untilMs`. */
function ticks(fromMs: number, untilMs: number, stepMs: number): SessionEvent[] {
  const out: SessionEvent[] = [];
  for (let t = fromMs; t <= untilMs; t += stepMs) out.push({ type: 'tick', tMs: t });
  return out;
}

function rep(side: 'left' | 'right', tMs: number, over: Partial<SensorRep> = {}): SensorRep {
  return {
    side,
    tMs,
    full: true,
    rangeDeg: 40,
    peakPlantarDeg: -30,
    peakDorsiDeg: 10,
    plantarHoldS: 2,
    dorsiHoldS: 1,
    legMoved: false,
    smoothness: 0.9,
    ...over,
  };
}

describe('timing-only session on a hand-advanced clock', () => {
  const start = 1_000_000;
  const run = drive(createSession(config()), [
    { type: 'start', tMs: start },
    ...ticks(start, start + 120_000, 250),
  ]);
  const cues = run.effects.flatMap(({ effect }) => (effect.type === 'cue' ? [effect] : []));

  it('paces each pump as point, hold 2 s, pull, hold 1 s at the prescribed durations', () => {
    const firstFoot = cues.slice(1, 1 + 4 * dose.repsPerFoot);
    expect(firstFoot.map((c) => c.cue)).toEqual(
      Array(dose.repsPerFoot).fill(['point-toes', 'hold-down', 'pull-up', 'hold-up']).flat(),
    );
    const durations = firstFoot.map((c) => c.durationMs);
    expect(durations.slice(0, 4)).toEqual([
      dose.moveS * 1000,
      dose.plantarHoldS * 1000,
      dose.moveS * 1000,
      dose.dorsiHoldS * 1000,
    ]);
    expect(firstFoot.every((c) => c.side === 'left')).toBe(true);
  });

  it('runs relax, left foot, switch, right foot, rest, then the second set, and completes', () => {
    const coarse = cues
      .map((c) => c.cue)
      .filter((c, i, a) => !['point-toes', 'hold-down', 'pull-up', 'hold-up'].includes(c) || a[i - 1] !== c);
    const structure = coarse.filter((c) => ['relax', 'switch-foot', 'rest'].includes(c));
    expect(structure).toEqual(['relax', 'switch-foot', 'rest', 'relax', 'switch-foot']);
    expect(run.state.status).toBe('completed');
    expect(run.state.feet.left.full).toBe(dose.repsPerFoot * dose.sets);
    expect(run.state.feet.right.full).toBe(dose.repsPerFoot * dose.sets);
  });

  it('ends at exactly the time the prescription adds up to, whatever the tick size', () => {
    const pumpMs = (2 * dose.moveS + dose.plantarHoldS + dose.dorsiHoldS) * 1000;
    const perSet = 3000 + dose.repsPerFoot * pumpMs + 3000 + dose.repsPerFoot * pumpMs;
    const expected = start + dose.sets * perSet + (dose.sets - 1) * dose.restBetweenSetsS * 1000;
    expect(run.state.record?.endedAtMs).toBe(expected);
    const coarse = drive(createSession(config()), [
      { type: 'start', tMs: start },
      ...ticks(start, start + 120_000, 7_000),
    ]);
    expect(coarse.state.record?.endedAtMs).toBe(expected);
    expect(coarse.effects.filter((e) => e.effect.type === 'cue').map((e) => e.effect)).toEqual(cues);
  });

  it('emits one set-complete per set, then session-complete and one record to save', () => {
    const types = run.effects.map((e) => e.effect.type);
    expect(types.filter((t) => t === 'set-complete')).toHaveLength(dose.sets);
    expect(types.filter((t) => t === 'session-complete')).toHaveLength(1);
    const saves = run.effects.flatMap(({ effect }) => (effect.type === 'save-record' ? [effect.record] : []));
    expect(saves).toHaveLength(1);
    expect(saves[0]).toMatchObject({
      outcome: 'completed',
      mode: 'timing',
      setsCompleted: 2,
      painBefore: 1,
      stopReason: null,
    });
  });

  it('speaks every message with its placeholders filled', () => {
    const texts = run.effects.flatMap(({ effect }) => (effect.type === 'speak' ? [effect.text] : []));
    expect(texts.length).toBeGreaterThan(10);
    for (const t of texts) expect(t).not.toMatch(/[{}]/);
    expect(texts).toContain('Now switch to your right foot.');
  });
});

describe('pause, resume and tempo', () => {
  it('pausing freezes the clock: the phase resumes with the time it had left', () => {
    let s = drive(createSession(config()), [
      { type: 'start', tMs: 0 },
      { type: 'tick', tMs: 3500 },
    ]).state;
    expect(s.phase).toBe('point-toes');
    s = drive(s, [
      { type: 'pause', tMs: 3600 },
      { type: 'tick', tMs: 60_000 },
    ]).state;
    expect(s.status).toBe('paused');
    expect(s.phase).toBe('point-toes');
    const r = drive(s, [{ type: 'resume', tMs: 100_000 }]);
    expect(r.state.phaseEndsAtMs).toBe(100_000 + 400);
  });

  it('a slower tempo lengthens movements but never shortens the prescribed holds', () => {
    const r = drive(createSession(config()), [
      { type: 'tempo', tMs: 0, factor: 2 },
      { type: 'start', tMs: 0 },
      ...ticks(0, 20_000, 100),
    ]);
    const cues = r.effects.flatMap(({ effect }) => (effect.type === 'cue' ? [effect] : []));
    expect(cues.find((c) => c.cue === 'point-toes')?.durationMs).toBe(2000);
    expect(cues.find((c) => c.cue === 'hold-down')?.durationMs).toBe(2000);
    const fast = drive(createSession(config()), [{ type: 'tempo', tMs: 0, factor: 0.01 }]).state;
    expect(fast.tempoFactor).toBe(0.5);
  });
});

describe('stop rules', () => {
  it('sharp pain stops at once with a stop effect and the reason recorded', () => {
    const r = drive(createSession(config()), [
      { type: 'start', tMs: 0 },
      { type: 'tick', tMs: 5000 },
      { type: 'pain', tMs: 5200, level: 3, sharp: true },
    ]);
    expect(r.state.status).toBe('stopped');
    const stop = r.effects.find((e) => e.effect.type === 'stop');
    expect(stop?.effect).toEqual({ type: 'stop', reason: { code: 'sharp-pain', level: 3 } });
    expect(r.state.record).toMatchObject({ outcome: 'stopped', sharpPain: true, endedAtMs: 5200 });
  });

  it('pain 2 points above the start stops; 1 point above does not', () => {
    const s = drive(createSession(config({ painBefore: 2 })), [{ type: 'start', tMs: 0 }]).state;
    const mild = drive(s, [{ type: 'pain', tMs: 100, level: 3, sharp: false }]);
    expect(mild.state.status).toBe('running');
    const rising = drive(mild.state, [{ type: 'pain', tMs: 200, level: 4, sharp: false }]);
    expect(rising.state.status).toBe('stopped');
    expect(rising.state.stopReason).toEqual({ code: 'pain-rising', before: 2, now: 4 });
    expect(rising.state.record?.painAfter).toBe(4);
  });

  it('without a pain rating before, the first report becomes the baseline', () => {
    const s = drive(createSession(config({ painBefore: null })), [
      { type: 'start', tMs: 0 },
      { type: 'pain', tMs: 10, level: 5, sharp: false },
    ]).state;
    expect(s.status).toBe('running');
    expect(drive(s, [{ type: 'pain', tMs: 20, level: 7, sharp: false }]).state.status).toBe('stopped');
  });

  it('pain that creeps up one point at a time still stops once it is 2 above the start', () => {
    for (const painBefore of [4, null]) {
      const r = drive(createSession(config({ painBefore })), [
        { type: 'start', tMs: 0 },
        { type: 'pain', tMs: 10, level: 4, sharp: false },
        { type: 'pain', tMs: 20, level: 5, sharp: false },
        { type: 'pain', tMs: 30, level: 6, sharp: false },
      ]);
      expect(r.state.status).toBe('stopped');
      expect(r.state.stopReason).toEqual({ code: 'pain-rising', before: 4, now: 6 });
    }
  });

  it('a sharp-pain report with a missing or impossible rating still stops, without a made-up number', () => {
    for (const level of [Number.NaN, 11, -1]) {
      const r = drive(createSession(config({ painBefore: 1 })), [
        { type: 'start', tMs: 0 },
        { type: 'pain', tMs: 100, level, sharp: true },
      ]);
      expect(r.state.status).toBe('stopped');
      expect(r.state.stopReason).toEqual({ code: 'sharp-pain', level: null });
      expect(r.state.record).toMatchObject({ sharpPain: true, painMax: null });
    }
  });
});

describe('verified mode', () => {
  const v = () => drive(createSession(config({ mode: 'verified' })), [{ type: 'start', tMs: 0 }]).state;

  it('counts only full sensor reps toward the target; shallow ones are recorded apart', () => {
    const r = drive(v(), [
      { type: 'sensor-rep', tMs: 4000, rep: rep('left', 4000, { full: false, rangeDeg: 12 }) },
      { type: 'sensor-rep', tMs: 9000, rep: rep('left', 9000) },
    ]);
    expect(r.state.feet.left).toMatchObject({ full: 1, shallow: 1, rangesDeg: [12, 40] });
    expect(
      r.effects.some(({ effect }) => effect.type === 'speak' && effect.key === 'session.shallowRep'),
    ).toBe(true);
  });

  it('paced cycles alone never count in verified mode', () => {
    const r = drive(v(), ticks(0, 60_000, 500));
    expect(r.state.feet.left.full).toBe(0);
    expect(r.state.status).toBe('running');
  });

  it('notes holds shorter than prescribed and leg movement, but still counts the rep', () => {
    const r = drive(v(), [
      { type: 'sensor-rep', tMs: 5000, rep: rep('left', 5000, { plantarHoldS: 0.5, legMoved: true }) },
    ]);
    expect(r.state.feet.left).toMatchObject({ full: 1, holdsShort: 1, holdsMet: 0, legMoved: 1 });
    expect(r.state.warnings.map((w) => w.code)).toEqual(['leg-moved', 'hold-short']);
  });

  it('ignores reps from the foot that is not working now', () => {
    const r = drive(v(), [{ type: 'sensor-rep', tMs: 5000, rep: rep('right', 5000) }]);
    expect(r.state.feet.right.full).toBe(0);
    expect(r.state.warnings.map((w) => w.code)).toEqual(['wrong-foot']);
  });

  it('moves to the other foot as soon as the sensor has counted the target', () => {
    const events: SessionEvent[] = [1, 2, 3].map((i) => ({
      type: 'sensor-rep',
      tMs: 4000 * i,
      rep: rep('left', 4000 * i),
    }));
    const r = drive(v(), events);
    expect(r.state.active).toBe('right');
    expect(r.state.phase).toBe('switch-foot');
  });

  it('with both feet together, each foot counts on its own and the set ends when both are done', () => {
    const s = drive(
      createSession(config({ mode: 'verified', dose: { ...dose, footOrder: 'both-together' } })),
      [{ type: 'start', tMs: 0 }],
    ).state;
    const leftOnly: SessionEvent[] = [1, 2, 3, 4].map((i) => ({
      type: 'sensor-rep',
      tMs: 1000 * i,
      rep: rep('left', 1000 * i),
    }));
    const a = drive(s, leftOnly);
    expect(a.state.setReps).toEqual({ left: 3, right: 0 });
    expect(a.state.setsCompleted).toBe(0);
    const b = drive(
      a.state,
      [5, 6, 7].map((i) => ({ type: 'sensor-rep', tMs: 1000 * i, rep: rep('right', 1000 * i) })),
    );
    expect(b.state.setsCompleted).toBe(1);
  });
});

describe('hand confirmation, skipping and aborting', () => {
  it('a rep confirmed by hand counts and is marked manual', () => {
    const r = drive(createSession(config({ mode: 'verified' })), [
      { type: 'start', tMs: 0 },
      { type: 'manual-rep', tMs: 4000, side: 'left' },
    ]);
    expect(r.state.feet.left).toMatchObject({ full: 1, manual: 1 });
  });

  it('skipping every set completes the session with the sets marked skipped', () => {
    const r = drive(createSession(config()), [
      { type: 'start', tMs: 0 },
      { type: 'skip-set', tMs: 100 },
      { type: 'skip-set', tMs: 200 },
    ]);
    expect(r.state.record).toMatchObject({ outcome: 'completed', setsSkipped: 2, setsCompleted: 0 });
  });

  it('abort ends the session and later events change nothing', () => {
    const r = drive(createSession(config()), [
      { type: 'start', tMs: 0 },
      { type: 'abort', tMs: 50 },
    ]);
    expect(r.state.status).toBe('aborted');
    const after = transition(r.state, { type: 'manual-rep', tMs: 60, side: 'left' });
    expect(after.state).toBe(r.state);
    expect(after.effects).toEqual([]);
  });

  it('rejects a bad configuration at creation, naming the field', () => {
    expect(() => createSession(config({ dose: { ...dose, sets: 0 } }))).toThrow(/dose\.sets/);
    expect(() => createSession(config({ painBefore: 11 }))).toThrow(/painBefore/);
  });
});

const sideArb = fc.constantFrom('left' as const, 'right' as const);
const eventArb: fc.Arbitrary<(t: number) => SessionEvent> = fc.oneof(
  fc.constant((t: number) => ({ type: 'start', tMs: t }) as const),
  fc.constant((t: number) => ({ type: 'tick', tMs: t }) as const),
  fc.constant((t: number) => ({ type: 'pause', tMs: t }) as const),
  fc.constant((t: number) => ({ type: 'resume', tMs: t }) as const),
  fc.constant((t: number) => ({ type: 'skip-set', tMs: t }) as const),
  fc
    .record({
      side: sideArb,
      full: fc.boolean(),
      hold: fc.option(fc.double({ min: 0, max: 3, noNaN: true })),
    })
    .map(
      ({ side, full, hold }) =>
        (t: number) =>
          ({
            type: 'sensor-rep',
            tMs: t,
            rep: rep(side, t, { full, plantarHoldS: hold, dorsiHoldS: hold }),
          }) as const,
    ),
  sideArb.map((side) => (t: number) => ({ type: 'manual-rep', tMs: t, side }) as const),
  fc
    .integer({ min: 0, max: 3 })
    .map((level) => (t: number) => ({ type: 'pain', tMs: t, level, sharp: false }) as const),
  fc
    .double({ min: 0.1, max: 20, noNaN: true })
    .map((factor) => (t: number) => ({ type: 'tempo', tMs: t, factor }) as const),
);
// size 'max': fast-check otherwise keeps arrays short, and the interesting states need dozens of events.
const scriptArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 8000 }), eventArb), {
  minLength: 5,
  maxLength: 150,
  size: 'max',
});
const modeArb = fc.constantFrom('timing' as const, 'verified' as const);
const orderArb = fc.constantFrom(
  'left-then-right' as const,
  'right-then-left' as const,
  'both-together' as const,
);

function play(
  mode: 'timing' | 'verified',
  footOrder: Dose['footOrder'],
  script: [number, (t: number) => SessionEvent][],
) {
  const states: SessionState[] = [];
  let s = createSession(config({ mode, painBefore: 3, dose: { ...dose, footOrder } }));
  let t = 0;
  for (const [dt, make] of script) {
    t += dt;
    s = transition(s, make(t)).state;
    states.push(s);
  }
  return { states, last: s, t };
}

describe('properties over any event sequence', () => {
  it('counts never exceed the targets and never go down', () => {
    fc.assert(
      fc.property(modeArb, orderArb, scriptArb, (mode, order, script) => {
        const { states } = play(mode, order, script);
        let prev = { l: 0, r: 0, ls: 0, rs: 0 };
        for (const s of states) {
          for (const side of ['left', 'right'] as const) {
            expect(s.setReps[side]).toBeLessThanOrEqual(dose.repsPerFoot);
            expect(s.feet[side].full).toBeLessThanOrEqual(s.feet[side].target);
          }
          const cur = {
            l: s.feet.left.full,
            r: s.feet.right.full,
            ls: s.feet.left.shallow,
            rs: s.feet.right.shallow,
          };
          expect(cur.l).toBeGreaterThanOrEqual(prev.l);
          expect(cur.r).toBeGreaterThanOrEqual(prev.r);
          expect(cur.ls).toBeGreaterThanOrEqual(prev.ls);
          expect(cur.rs).toBeGreaterThanOrEqual(prev.rs);
          prev = cur;
        }
      }),
    );
  });

  it('every session ends completed, aborted or stopped, with exactly one record', () => {
    fc.assert(
      fc.property(modeArb, orderArb, scriptArb, fc.boolean(), (mode, order, script, abortAtEnd) => {
        const { last, t } = play(mode, order, script);
        // The patient either abandons it, or (timing mode) carries on until the clock finishes it.
        const tail: SessionEvent[] =
          abortAtEnd || mode === 'verified'
            ? [{ type: 'abort', tMs: t + 1 }]
            : [
                { type: 'start', tMs: t + 1 },
                { type: 'resume', tMs: t + 1 },
                { type: 'tick', tMs: t + 10_000_000 },
              ];
        const end = drive(last, tail);
        expect(['completed', 'aborted', 'stopped']).toContain(end.state.status);
        const allSaves =
          end.effects.filter((e) => e.effect.type === 'save-record').length + (isFinished(last) ? 1 : 0);
        expect(allSaves).toBe(1);
        expect(end.state.record?.outcome).toBe(end.state.status);
      }),
    );
  });

  it('pain ratings stop the session exactly at the first one 2 or more above the start (property)', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 10 })),
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 12 }),
        (painBefore, levels) => {
          let s = drive(createSession(config({ painBefore })), [{ type: 'start', tMs: 0 }]).state;
          const start = painBefore ?? levels[0]!;
          const stopAt = levels.findIndex((l) => l - start >= 2);
          levels.forEach((level, i) => {
            s = transition(s, { type: 'pain', tMs: 10 * (i + 1), level, sharp: false }).state;
            expect(s.status).toBe(stopAt >= 0 && i >= stopAt ? 'stopped' : 'running');
          });
          if (stopAt >= 0) {
            expect(s.stopReason).toEqual({ code: 'pain-rising', before: start, now: levels[stopAt] });
          }
        },
      ),
    );
  });

  it('a sharp pain report always stops a session that has not ended', () => {
    fc.assert(
      fc.property(
        modeArb,
        orderArb,
        scriptArb,
        fc.integer({ min: 0, max: 10 }),
        (mode, order, script, level) => {
          const { last, t } = play(mode, order, script);
          const r = transition(last, { type: 'pain', tMs: t, level, sharp: true });
          if (isFinished(last)) expect(r.state).toBe(last);
          else {
            expect(r.state.status).toBe('stopped');
            expect(r.effects.some((e) => e.type === 'stop')).toBe(true);
            expect(r.state.record?.stopReason).toEqual({ code: 'sharp-pain', level });
          }
        },
      ),
    );
  });
});
