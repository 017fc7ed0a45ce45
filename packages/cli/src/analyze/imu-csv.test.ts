import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CliError } from '../exit-codes.ts';
import { parseImuCsv } from './imu-csv.ts';

const HEAD = 't,ax,ay,az,gx,gy,gz';
const rows = (n: number) => Array.from({ length: n }, (_, i) => `${(i * 0.02).toFixed(2)},0,0,9.81,0,0.1,0`);

function message(text: string): string {
  try {
    parseImuCsv(text, 'log.csv');
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    return (e as Error).message;
  }
  throw new Error('expected a CliError');
}

describe('parseImuCsv', () => {
  it('reads rows, skips comments and blank lines, and finds the sample rate', () => {
    const r = parseImuCsv(['# phone', HEAD, '', ...rows(51), '# end'].join('\n'), 'log.csv');
    expect(r.samples).toHaveLength(51);
    expect(r.frameRateHz).toBeCloseTo(50);
    expect(r.durationS).toBeCloseTo(1);
    expect(r.hasShank).toBe(false);
    expect(r.samples[3]).toMatchObject({ tMs: 60, az: 9.81, gy: 0.1, q: null, shank: null });
  });

  it('reads the optional quaternion and shin columns in any order', () => {
    const head = 'gz,gy,gx,az,ay,ax,t,qw,qx,qy,qz,shank_ax,shank_ay,shank_az,shank_gx,shank_gy,shank_gz';
    const r = parseImuCsv(
      `${head}\n0,0,0,9.8,0,0,0,1,0,0,0,0,0,9.8,0,0,0\n0,0,0,9.8,0,0,0.1,1,0,0,0,0,0,9.8,0,0,0\n`,
      'x',
    );
    expect(r.hasQuaternion).toBe(true);
    expect(r.hasShank).toBe(true);
    expect(r.samples[1]!.tMs).toBe(100);
    expect(r.samples[0]!.q).toEqual([1, 0, 0, 0]);
  });

  it('names the missing columns of a wrong header', () => {
    expect(message('time,ax,ay,az\n0,0,0,0\n')).toMatch(/line 1: the header lacks column\(s\) t, gx, gy, gz/);
  });

  it('names the line and column of NaN or text in the data', () => {
    expect(message([HEAD, ...rows(3), '0.08,0,NaN,9.8,0,0,0'].join('\n'))).toBe(
      'log.csv: line 5, column ay: "NaN" is not a finite number',
    );
    expect(message([HEAD, '0,0,0,9.8,0,0,abc', ...rows(2)].join('\n'))).toContain('line 2, column gz: "abc"');
  });

  it('rejects ragged rows, an incomplete shin sensor, no header and too few rows', () => {
    expect(message([HEAD, '0,0,0,9.8,0,0'].join('\n'))).toContain('line 2: 6 values for 7 columns');
    expect(message(`${HEAD},shank_ax\n`)).toContain('shin sensor columns are incomplete');
    expect(message('# only a comment\n')).toContain('no header row');
    expect(message(`${HEAD}\n0,0,0,9.8,0,0,0\n`)).toContain('fewer than 2 data rows');
  });

  it('throws only CliError, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          parseImuCsv(`${HEAD}\n${text}`, 'x');
        } catch (e) {
          expect(e).toBeInstanceOf(CliError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
