import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIdleTimer } from './idle.ts';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

const make = (events: string[], timeoutMs = 15 * 60_000) =>
  createIdleTimer({
    timeoutMs,
    onWarn: () => events.push(`warn@${Date.now()}`),
    onTimeout: () => events.push(`out@${Date.now()}`),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  });

describe('idle sign-out', () => {
  it('warns a minute before and signs out at the limit', () => {
    vi.setSystemTime(0);
    const events: string[] = [];
    make(events);
    vi.advanceTimersByTime(15 * 60_000);
    expect(events).toEqual([`warn@${14 * 60_000}`, `out@${15 * 60_000}`]);
  });

  it('keeps the session while the clinician is working', () => {
    vi.setSystemTime(0);
    const events: string[] = [];
    const t = make(events);
    for (let i = 0; i < 30; i++) {
      vi.advanceTimersByTime(10 * 60_000);
      t.activity();
    }
    expect(events).toEqual([]);
    t.stop();
    vi.advanceTimersByTime(60 * 60_000);
    expect(events).toEqual([]);
  });

  it('refuses a limit that is not positive', () => {
    expect(() => make([], 0)).toThrow(/timeoutMs must be > 0/);
  });
});
