import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoPose } from './ankle-demo.ts';

describe('the demonstration loop', () => {
  it('shows each phase with a foot angle that matches its caption', () => {
    expect(demoPose(0.5)).toEqual({ angleDeg: 0, key: 'relax' });
    expect(demoPose(3)).toEqual({ angleDeg: -40, key: 'down' });
    expect(demoPose(5.2)).toEqual({ angleDeg: 18, key: 'up' });
  });
  it('never bends the foot beyond a comfortable range and repeats exactly', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), (t) => {
        const a = demoPose(t);
        const b = demoPose(t + 6.6);
        return (
          a.angleDeg >= -40 && a.angleDeg <= 18 && Math.abs(a.angleDeg - b.angleDeg) < 1e-6 && a.key === b.key
        );
      }),
    );
  });
});
