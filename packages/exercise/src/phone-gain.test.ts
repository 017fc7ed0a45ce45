import { describe, expect, it } from 'vitest';
import { fitPhoneGain } from './phone-gain.ts';

/** Reps at `tS` seconds with the given ranges. */
const reps = (tS: readonly number[], rangeDeg: readonly number[]) =>
  tS.map((t, i) => ({ atMs: t * 1000, rangeDeg: rangeDeg[i]! }));

describe('camera degrees calibrated against the phone on the foot', () => {
  it("finds the phone's clock offset and the view's gain from the reps both saw", () => {
    // The camera saw 5 reps at 0.6 of their true range; the phone started 3.2 s earlier and also
    // caught a rep before the camera started.
    const truth = [40, 44, 38, 42, 41];
    const camera = reps(
      [2, 6.5, 11, 15.2, 19.8],
      truth.map((r) => 0.6 * r),
    );
    const phone = reps([1.1, 5.2, 9.7, 14.2, 18.4, 23], [35, ...truth]);
    const fit = fitPhoneGain(camera, phone, 1);
    expect(fit.kind).toBe('calibrated');
    if (fit.kind !== 'calibrated') return;
    expect(fit.reps).toBe(5);
    expect(fit.offsetS).toBeCloseTo(3.2, 1);
    expect(fit.gain).toBeCloseTo(1 / 0.6, 2);
    // The gain multiplies the one the camera reps were measured with.
    const again = fitPhoneGain(camera, phone, 1.5);
    expect(again.kind === 'calibrated' && again.gain).toBeCloseTo(1.5 / 0.6, 2);
  });

  it('refuses, saying why, when fewer than two reps line up', () => {
    const fit = fitPhoneGain(reps([2, 9], [20, 22]), reps([30, 41], [30, 30]), 1);
    expect(fit).toEqual({
      kind: 'refused',
      code: 'not-lined-up',
      reason: expect.stringMatching(/only 1 rep lines up/),
    });
    const one = fitPhoneGain(reps([2], [20]), reps([3, 8], [30, 30]), 1);
    expect(one).toMatchObject({
      code: 'too-few-reps',
      reason: expect.stringMatching(/camera counted 1 and the phone 2/),
    });
  });

  it('refuses when the phone and the camera disagree from rep to rep (the view moved)', () => {
    const fit = fitPhoneGain(reps([2, 6, 10], [20, 20, 20]), reps([2, 6, 10], [20, 40, 21]), 1);
    expect(fit).toMatchObject({
      code: 'disagree',
      reason: expect.stringMatching(/disagree from rep to rep/),
    });
  });

  it('leaves out reps without degrees (a camera rep counted while the foot was lost)', () => {
    const camera = [...reps([2, 6, 10], [20, 20, 20]), { atMs: 14_000, rangeDeg: Number.NaN }];
    const fit = fitPhoneGain(camera, reps([2, 6, 10, 14], [30, 30, 30, 30]), 1);
    expect(fit).toMatchObject({ kind: 'calibrated', reps: 3 });
    expect(fit.kind === 'calibrated' && fit.gain).toBeCloseTo(1.5, 5);
  });

  it('refuses a gain no view gives (another foot or another session)', () => {
    const fit = fitPhoneGain(reps([2, 6, 10], [5, 5, 5]), reps([2, 6, 10], [40, 40, 40]), 1);
    expect(fit).toMatchObject({
      code: 'implausible-gain',
      reason: expect.stringMatching(/fitted gain 8\.00 is outside/),
    });
  });
});
