import { createSession, DEFAULT_DOSE, type SessionState } from '@anklepump/exercise';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browserClock, epochOf, type SessionClock } from './clock.ts';
import { createRunner } from './runner.ts';

const config = {
  sessionId: 's1',
  regimenId: 'hourly',
  regimenVersion: 1,
  dose: { ...DEFAULT_DOSE, repsPerFoot: 2, sets: 1, restBetweenSetsS: 0 },
  mode: 'timing' as const,
  painBefore: 1,
};

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-03-02T09:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('session runner', () => {
  it('paces a timing session to the end by the clock and saves every change', () => {
    const saved: SessionState[] = [];
    const runner = createRunner(createSession(config), {
      clock: browserClock,
      onEffects: () => {},
      persist: (s) => void saved.push(s),
    });
    runner.dispatch({ type: 'start' });
    vi.advanceTimersByTime(120_000);
    expect(runner.state.status).toBe('completed');
    expect(runner.state.record?.feet.left.full).toBe(2);
    expect(runner.state.record?.feet.right.full).toBe(2);
    // The stored copy followed every rep: the last one saved is the finished session.
    expect(saved.at(-1)?.status).toBe('completed');
    const counts = saved.map((s) => s.feet.left.full + s.feet.right.full);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    runner.stop();
  });

  it('stamps events with the clock and holds still while paused', () => {
    const runner = createRunner(createSession(config), {
      clock: browserClock,
      onEffects: () => {},
      persist: () => {},
    });
    runner.dispatch({ type: 'start' });
    expect(runner.state.startedAtMs).toBe(Date.parse('2026-03-02T09:00:00Z'));
    vi.advanceTimersByTime(5_000);
    runner.dispatch({ type: 'pause' });
    const before = runner.state.feet.left.full;
    vi.advanceTimersByTime(60_000);
    expect(runner.state.status).toBe('paused');
    expect(runner.state.feet.left.full).toBe(before);
    runner.stop();
  });

  it('stops ticking when the screen goes away', () => {
    const persist = vi.fn();
    const runner = createRunner(createSession(config), { clock: browserClock, onEffects: () => {}, persist });
    runner.dispatch({ type: 'start' });
    runner.stop();
    const calls = persist.mock.calls.length;
    vi.advanceTimersByTime(60_000);
    expect(persist.mock.calls.length).toBe(calls);
  });

  it('times events by the injected clock alone, and maps a frame time onto it', () => {
    let wall = Date.parse('2026-03-02T10:00:00Z');
    let mono = 5_000;
    const clock: SessionClock = { nowMs: () => wall, monotonicMs: () => mono };
    const runner = createRunner(createSession(config), { clock, onEffects: () => {}, persist: () => {} });
    runner.dispatch({ type: 'start' });
    expect(runner.state.startedAtMs).toBe(wall);
    // A frame seen 250 ms ago on the sensors' clock happened 250 ms before now on the wall clock.
    wall += 1000;
    mono += 1000;
    expect(epochOf(clock, mono - 250)).toBe(wall - 250);
    runner.stop();
  });
});
