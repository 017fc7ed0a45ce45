import {
  CUE_MESSAGE,
  type CueId,
  createSession,
  DEFAULT_DOSE,
  type SessionEffect,
  type SessionEvent,
  type SessionRecord,
  type SessionState,
  transition,
} from '@anklepump/exercise';
import { describe, expect, it } from 'vitest';
import { type ExerciseKey, exerciseText } from '../i18n/exercise-messages.ts';
import { createEffectHandler } from './session-effects.ts';

function fakeView() {
  const log: string[] = [];
  return {
    log,
    view: {
      cue: (cue: string, holdMs: number, endsAtMs: number) =>
        void log.push(`cue ${cue} ${holdMs} ${endsAtMs}`),
      countdown: (ms: number, endsAtMs: number) => void log.push(`countdown ${ms} ${endsAtMs}`),
      say: (text: string) => void log.push(`say ${text}`),
      warn: (text: string) => void log.push(`warn ${text}`),
      render: () => void log.push('render'),
    },
  };
}

const state = {} as SessionState;
const record = { sessionId: 's1' } as SessionRecord;

describe('session effect handler', () => {
  it('shows each cue, pairs speech with text, runs the ring only for holds, and redraws once', () => {
    const { view, log } = fakeView();
    const spoken: string[] = [];
    const buzz: number[][] = [];
    const handle = createEffectHandler({
      view,
      method: 'camera',
      t: (k) => k,
      speechText: (k) => `<${k}>`,
      speak: (text) => void spoken.push(text),
      vibrate: (p) => void buzz.push([...p]),
      save: () => {},
    });
    const fx: SessionEffect[] = [
      { type: 'cue', cue: 'point-toes', side: 'left', durationMs: 1500, endsAtMs: 2000 },
      { type: 'cue', cue: 'hold-down', side: 'left', durationMs: 2000, endsAtMs: 4000 },
      { type: 'speak', key: 'cue.holdDown', params: {}, text: 'Hold the toes down.' },
      { type: 'vibrate', patternMs: [80] },
      { type: 'rep-counted', side: 'left', full: false, manual: false, count: 0, target: 10 },
      { type: 'cue', cue: 'switch-foot', side: 'right', durationMs: 3000, endsAtMs: 9000 },
    ];
    handle(fx, state);
    expect(log).toEqual([
      'cue point-toes 0 2000',
      'cue hold-down 2000 4000',
      'say <cue.holdDown>',
      'warn session.warn.shallow',
      'cue switch-foot 0 9000',
      // "Hold the toes down." is no longer the instruction: the line under the cue is cleared.
      'say ',
      // A side camera sees one leg: switching feet means moving the camera.
      'warn session.camera.switch',
      'render',
    ]);
    expect(spoken).toEqual(['<cue.holdDown>']);
    expect(buzz).toEqual([[80]]);
  });

  it('saves the finished record once, however often the effect comes', () => {
    const { view } = fakeView();
    const saved: SessionRecord[] = [];
    const handle = createEffectHandler({
      view,
      method: 'timing',
      t: (k) => k,
      speechText: (k) => k,
      speak: () => {},
      vibrate: () => {},
      save: (r) => void saved.push(r),
    });
    handle([{ type: 'save-record', record }], state);
    handle([{ type: 'save-record', record }], state);
    expect(saved).toEqual([record]);
  });
});

describe('the spoken line under the cue', () => {
  const cueOfSentence = new Map<string, CueId>(
    (Object.entries(CUE_MESSAGE) as [CueId, ExerciseKey][]).map(([cue, key]) => [key, cue]),
  );

  /** A fake view that keeps what the patient sees: the cue shown and the spoken line under it. */
  function screen() {
    const shown = { cue: null as CueId | null, spoken: '', spokenKey: null as ExerciseKey | null };
    const keyOf = new Map<string, ExerciseKey>();
    const handle = createEffectHandler({
      view: {
        cue: (cue) => {
          shown.cue = cue;
        },
        countdown: () => {},
        say: (text) => {
          shown.spoken = text;
          shown.spokenKey = keyOf.get(text) ?? null;
        },
        warn: () => {},
        render: () => {},
      },
      method: 'camera',
      t: (k) => k,
      speechText: (key, params) => {
        const text = exerciseText('en', key, params);
        keyOf.set(text, key);
        return text;
      },
      speak: () => {},
      vibrate: () => {},
      save: () => {},
    });
    return { shown, handle };
  }

  it('never shows one cue with another cue’s sentence under it when no rep is counted', () => {
    // A camera-checked session where the sensor counts nothing: after the first pump the voice
    // stops teaching the movement, so the last sentence spoken ("Hold the toes up.") must not
    // stay under the next instruction ("Point the toes down").
    let state = createSession({
      sessionId: 's2',
      regimenId: 'general',
      regimenVersion: 1,
      dose: { ...DEFAULT_DOSE, repsPerFoot: 3, sets: 1 },
      mode: 'verified',
      painBefore: 0,
    });
    const { shown, handle } = screen();
    const step = (event: SessionEvent) => {
      const out = transition(state, event);
      state = out.state;
      handle(out.effects, state);
    };
    step({ type: 'start', tMs: 0 });
    const seen: string[] = [];
    for (let tMs = 100; tMs <= 40_000; tMs += 100) {
      step({ type: 'tick', tMs });
      const sentenceCue = shown.spokenKey ? cueOfSentence.get(shown.spokenKey) : undefined;
      if (sentenceCue !== undefined && sentenceCue !== shown.cue) {
        seen.push(`${shown.cue} shown over "${shown.spoken}" at ${tMs} ms`);
      }
    }
    expect(state.cyclesThisFoot).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual([]);
    // The first pump still teaches with voice and text together.
    expect(shown.cue).not.toBeNull();
  });

  it('keeps a sentence that is not an instruction (a count, a hint) until the next one', () => {
    const { shown, handle } = screen();
    handle(
      [
        { type: 'cue', cue: 'point-toes', side: 'left', durationMs: 1500, endsAtMs: 1500 },
        { type: 'speak', key: 'cue.pointToes', params: { side: 'left' }, text: '' },
      ],
      {} as SessionState,
    );
    expect(shown.spoken).toBe('Point the toes of your left foot down, away from you.');
    handle(
      [
        { type: 'speak', key: 'session.repCount', params: { count: 2, target: 10 }, text: '' },
        { type: 'cue', cue: 'hold-down', side: 'left', durationMs: 2000, endsAtMs: 3500 },
      ],
      {} as SessionState,
    );
    expect(shown.cue).toBe('hold-down');
    expect(shown.spoken).toBe('2 of 10.');
  });
});
