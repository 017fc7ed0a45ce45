import { describe, expect, it } from 'vitest';
import { startAutoSync } from './auto-sync.ts';

describe('startAutoSync', () => {
  it('sends at start, on coming back online and on returning to the app, and not after stop', async () => {
    const target = new EventTarget();
    let visible = true;
    let runs = 0;
    const a = startAutoSync({
      sync: async () => void runs++,
      target,
      isVisible: () => visible,
      intervalMs: 0,
    });
    expect(runs).toBe(1);
    target.dispatchEvent(new Event('online'));
    expect(runs).toBe(2);
    visible = false;
    target.dispatchEvent(new Event('visibilitychange'));
    expect(runs).toBe(2);
    visible = true;
    target.dispatchEvent(new Event('visibilitychange'));
    expect(runs).toBe(3);
    a.stop();
    target.dispatchEvent(new Event('online'));
    expect(runs).toBe(3);
  });

  it('swallows a failed run instead of throwing into the event loop', async () => {
    const target = new EventTarget();
    const a = startAutoSync({
      sync: () => Promise.reject(new Error('offline')),
      target,
      isVisible: () => true,
      intervalMs: 0,
    });
    target.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 0));
    a.stop();
  });

  it('refuses a negative interval', () => {
    expect(() =>
      startAutoSync({
        sync: async () => {},
        target: new EventTarget(),
        isVisible: () => true,
        intervalMs: -1,
      }),
    ).toThrow(/intervalMs must be >= 0/);
  });
});
