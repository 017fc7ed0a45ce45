import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CliError } from '../exit-codes.ts';
import { parseLandmarkFile } from './landmark-file.ts';

const row = (x: number) => [x, 0.5, 0, 0.9];
const frame = (tS: number) => ({ tS, landmarks: Array.from({ length: 33 }, (_, i) => row(i / 40)) });
const good = {
  version: 1,
  frameRateHz: 30,
  width: 640,
  height: 360,
  frames: [frame(0), { tS: 0.033, landmarks: null }, frame(0.066)],
};

function message(text: string): string {
  try {
    parseLandmarkFile(text, 'f.json');
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    expect((e as CliError).code).toBe('bad-input');
    return (e as Error).message;
  }
  throw new Error('expected a CliError');
}

describe('parseLandmarkFile', () => {
  it('reads frames into LandmarkFrames in milliseconds with the image size', () => {
    const r = parseLandmarkFile(JSON.stringify(good), 'f.json');
    expect(r.frames).toHaveLength(3);
    expect(r.frames[2]!.tMs).toBeCloseTo(66);
    expect(r.frames[1]!.landmarks).toBeNull();
    expect(r.frames[0]!.landmarks![10]).toEqual([0.25, 0.5, 0, 0.9]);
    expect(r.frames[0]!.widthPx).toBe(640);
  });

  it('points at the line and column of a JSON syntax error such as NaN', () => {
    const m = message('{"version":1,\n"frameRateHz": NaN}');
    expect(m).toMatch(/^f\.json: not valid JSON at line 2, column \d+/);
  });

  it('names the frame and landmark that is wrong', () => {
    const bad = structuredClone(good) as typeof good;
    (bad.frames[2]!.landmarks![7] as unknown[])[3] = 1.5;
    expect(message(JSON.stringify(bad))).toBe(
      'f.json: frames[2].landmarks[7][3] (visibility): expected a number in 0..1, got 1.5',
    );
  });

  it('rejects a wrong landmark count, version, missing frames and a non-object', () => {
    const short = { ...good, frames: [{ tS: 0, landmarks: [row(0)] }] };
    expect(message(JSON.stringify(short))).toContain('frames[0].landmarks: expected null or 33 rows');
    expect(message(JSON.stringify({ ...good, version: 2 }))).toContain('version: expected 1, got 2');
    expect(message(JSON.stringify({ ...good, frames: [] }))).toContain('the recording has no frames');
    expect(message('[1,2]')).toContain('top level: expected an object');
    expect(message(JSON.stringify({ ...good, width: 'wide' }))).toContain('width: expected a number');
  });

  it('reads the source tool the file names, and says what is wrong with a bad one', () => {
    expect(parseLandmarkFile(JSON.stringify(good), 'f.json').source).toBeNull();
    expect(parseLandmarkFile(JSON.stringify({ ...good, source: ' blazepose-full ' }), 'f.json').source).toBe(
      'blazepose-full',
    );
    expect(message(JSON.stringify({ ...good, source: 42 }))).toMatch(
      /^f\.json: source: expected the name of the tool/,
    );
    expect(message(JSON.stringify({ ...good, source: '' }))).toMatch(/source: expected/);
  });

  it('throws only CliError, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        try {
          parseLandmarkFile(text, 'x');
        } catch (e) {
          expect(e).toBeInstanceOf(CliError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
