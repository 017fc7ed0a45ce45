import { describe, expect, it } from 'vitest';
import { createAngleLog } from './angle-log.ts';

describe('angle log', () => {
  it('keeps nothing until asked (a live session), then every point once, in order', () => {
    const log = createAngleLog();
    log.add(0, 1);
    expect(log.take()).toEqual([]);
    log.add(10, 2);
    log.add(5, 3);
    expect(log.take()).toEqual([
      { tMs: 10, angleDeg: 2 },
      { tMs: 5, angleDeg: 3 },
    ]);
    expect(log.take()).toEqual([]);
    log.add(20, 4);
    log.clear();
    log.add(30, 5);
    expect(log.take()).toEqual([{ tMs: 30, angleDeg: 5 }]);
  });

  it('drops the oldest half when a reader stops taking, and keeps the newest', () => {
    const log = createAngleLog();
    log.take();
    const n = (1 << 16) + 10;
    for (let i = 0; i < n; i++) log.add(i, i);
    const pts = log.take();
    expect(pts.length).toBeLessThan(1 << 16);
    expect(pts[pts.length - 1]).toEqual({ tMs: n - 1, angleDeg: n - 1 });
    expect(pts[0]!.tMs).toBe(n - pts.length);
  });
});
