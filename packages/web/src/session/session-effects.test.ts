import type { SessionEffect, SessionRecord, SessionState } from '@anklepump/exercise';
import { describe, expect, it } from 'vitest';
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
