import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MotionCalibration, parseCalibration, serializeCalibration } from './calibration.ts';

const sample: MotionCalibration = {
  version: 1,
  source: 'landmarks',
  correction: { gain: 1.47, offsetDeg: -2 },
  left: { neutralDeg: 11.5, rangeDeg: 48, plantarDeg: -33, dorsiDeg: 15 },
  right: null,
};

describe('calibration', () => {
  it('survives a round trip through JSON text', () => {
    const parsed = parseCalibration(serializeCalibration(sample));
    expect(parsed).toEqual({ success: true, data: sample });
  });

  it('reads an older file without the personal peaks', () => {
    const old = { ...sample, left: { neutralDeg: 11.5, rangeDeg: 48 } };
    expect(parseCalibration(JSON.stringify(old))).toMatchObject({
      success: true,
      data: { left: { neutralDeg: 11.5, rangeDeg: 48, plantarDeg: null, dorsiDeg: null } },
    });
  });

  it('says what is wrong and where', () => {
    const bad = (v: unknown) => {
      const r = parseCalibration(v);
      if (r.success) throw new Error('accepted');
      return r.error;
    };
    expect(bad('{oops').message).toMatch(/not valid JSON/);
    expect(bad('[]').message).toMatch(/must be a JSON object/);
    expect(bad({ ...sample, version: 2 })).toMatchObject({ code: 'calibration-version' });
    expect(bad({ ...sample, source: 'x' }).message).toMatch(/source/);
    expect(bad({ ...sample, correction: { gain: 9, offsetDeg: 0 } }).message).toMatch(/correction\.gain/);
    expect(bad({ ...sample, correction: { gain: 1, offsetDeg: 'a' } }).message).toMatch(/offsetDeg/);
    expect(bad({ ...sample, left: { neutralDeg: 'x', rangeDeg: 10 } }).message).toMatch(/left\.neutralDeg/);
    expect(bad({ ...sample, right: { neutralDeg: 0, rangeDeg: 0 } }).message).toMatch(/right\.rangeDeg/);
    expect(bad({ ...sample, left: 3 }).message).toMatch(/left must be/);
    expect(bad({ ...sample, left: { rangeDeg: 40 } }).message).toMatch(/left needs neutralDeg/);
    expect(bad({ ...sample, left: { neutralDeg: 0, rangeDeg: 40, dorsiDeg: 'up' } }).message).toMatch(
      /left\.dorsiDeg/,
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue(), fc.anything()), (v) => {
        const r = parseCalibration(v);
        expect(typeof r.success).toBe('boolean');
      }),
    );
  });
});
