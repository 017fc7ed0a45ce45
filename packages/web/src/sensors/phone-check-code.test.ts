import { describe, expect, it } from 'vitest';
import {
  decodePhoneCheck,
  encodePhoneCheck,
  MAX_CODE_REPS,
  qrModules,
  readQrCode,
} from './phone-check-code.ts';

/** `modules` drawn black on white, `cell` px a module with a 4-module quiet zone, as RGBA. */
function draw(modules: readonly boolean[][], cell: number): { rgba: Uint8ClampedArray; size: number } {
  const n = modules.length;
  const size = (n + 8) * cell;
  const rgba = new Uint8ClampedArray(size * size * 4).fill(255);
  for (const [r, row] of modules.entries()) {
    for (const [c, dark] of row.entries()) {
      if (!dark) continue;
      for (let y = 0; y < cell; y++) {
        for (let x = 0; x < cell; x++) {
          const i = (((r + 4) * cell + y) * size + (c + 4) * cell + x) * 4;
          rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
        }
      }
    }
  }
  return { rgba, size };
}

const check = {
  side: 'right' as const,
  reps: [
    { atMs: 1_764_590_000_123, rangeDeg: 41.26 },
    { atMs: 1_764_590_004_500, rangeDeg: 38 },
    { atMs: 1_764_590_009_020, rangeDeg: 44.5 },
  ],
};

describe('the phone check code', () => {
  it('carries the foot, the rep times to the ms and the ranges to a tenth of a degree', () => {
    const text = encodePhoneCheck(check);
    expect(text).toBe('APC-PHONE1|R|1764590000123|0:413,4377:380,8897:445');
    expect(decodePhoneCheck(text)).toEqual({
      ok: true,
      check: {
        side: 'right',
        reps: [
          { atMs: 1_764_590_000_123, rangeDeg: 41.3 },
          { atMs: 1_764_590_004_500, rangeDeg: 38 },
          { atMs: 1_764_590_009_020, rangeDeg: 44.5 },
        ],
      },
    });
  });

  it('keeps the last reps when there are more than fit', () => {
    const many = Array.from({ length: MAX_CODE_REPS + 3 }, (_, i) => ({
      atMs: 1000 * (i + 1),
      rangeDeg: 30 + i,
    }));
    const d = decodePhoneCheck(encodePhoneCheck({ side: 'left', reps: many }));
    expect(d.ok && d.check.reps.length).toBe(MAX_CODE_REPS);
    expect(d.ok && d.check.reps[0]).toEqual({ atMs: 4000, rangeDeg: 33 });
  });

  it('says what is wrong with a code that is not the phone check', () => {
    const reason = (t: string) => {
      const d = decodePhoneCheck(t);
      return d.ok ? 'decoded' : d.reason;
    };
    expect(reason('https://example.org')).toMatch(/not a code from the phone check/);
    expect(reason('APC-PHONE1|L|12')).toMatch(/3 fields; 4 expected/);
    expect(reason('APC-PHONE1|X|12|0:300')).toMatch(/foot "X"/);
    expect(reason('APC-PHONE1|L|-5|0:300')).toMatch(/start time "-5"/);
    expect(reason('APC-PHONE1|L|5|0:300,abc')).toMatch(/rep 2 "abc"/);
    expect(reason('APC-PHONE1|L|5|0:300,10:0')).toMatch(/rep 2: range 0 deg is outside/);
    expect(reason('APC-PHONE1|L|5|0:300,10:1900')).toMatch(/range 190 deg/);
    expect(reason('APC-PHONE1|L|5|100:300,50:300')).toMatch(/rep 2 is not after rep 1/);
    expect(reason('APC-PHONE1|L|5|0:300:1')).toMatch(/rep 1/);
  });

  it('reads back from the QR code as a camera sees it, small and slightly blurred', () => {
    const text = encodePhoneCheck({
      side: 'left',
      reps: Array.from({ length: MAX_CODE_REPS }, (_, i) => ({
        atMs: 1_764_590_000_000 + 4321 * i,
        rangeDeg: 35.5 + i,
      })),
    });
    const { rgba, size } = draw(qrModules(text), 3);
    // A soft edge: each pixel averaged with its right neighbour (focus and compression do this).
    for (let i = 0; i < rgba.length - 4; i += 4)
      rgba[i] = rgba[i + 1] = rgba[i + 2] = (rgba[i]! + rgba[i + 4]!) / 2;
    expect(readQrCode(rgba, size, size)).toBe(text);
  });

  it('finds nothing in a picture without a code', () => {
    const rgba = new Uint8ClampedArray(200 * 150 * 4).map((_, i) => (i % 4 === 3 ? 255 : (i * 37) % 251));
    expect(readQrCode(rgba, 200, 150)).toBeNull();
  });
});
