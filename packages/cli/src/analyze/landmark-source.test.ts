// The BlazePose degree correction applies only to landmarks the file (or --source) says BlazePose
// made; another tool's landmarks are taken as they are, and the report and summary say which.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliForTest } from '../run-cli.test-util.ts';

const FIX = new URL('../../../../tools/render/fixtures/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'anklepump-source-'));
// The rendered clip's true landmarks (sitting, right foot, 3 reps).
const base = JSON.parse(readFileSync(join(FIX, 'sit-right-3reps.landmarks.json'), 'utf8'));

function fileWith(name: string, source?: string): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(source === undefined ? base : { ...base, source }));
  return path;
}

async function report(...argv: string[]) {
  const r = await runCliForTest(['analyze', ...argv, '--side', 'right', '--json'], dir);
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
}

describe('landmark file source', { timeout: 60_000 }, () => {
  it('takes degrees as given when the file does not name BlazePose, and says so', async () => {
    const plain = await report(fileWith('plain.json'));
    expect(plain.input).toMatchObject({ degrees: 'as-given', landmarkSource: null, angleGain: 1 });
    const other = await report(fileWith('openpose.json', 'openpose-body25'));
    expect(other.input).toMatchObject({
      degrees: 'as-given',
      landmarkSource: 'openpose-body25',
      angleGain: 1,
    });
    const text = await runCliForTest(
      ['analyze', fileWith('openpose2.json', 'openpose-body25'), '--side', 'right'],
      dir,
    );
    expect(text.out).toMatch(/taken as the landmarks give them \(source "openpose-body25"/);
  });

  it('scales BlazePose landmarks by the sitting correction, from the file or from --source', async () => {
    const plain = await report(fileWith('plain2.json'));
    const fromFile = await report(fileWith('bp.json', 'blazepose-full'));
    const fromFlag = await report(fileWith('plain3.json'), '--source', 'blazepose-full');
    for (const r of [fromFile, fromFlag]) {
      expect(r.input).toMatchObject({
        degrees: 'blazepose-corrected',
        landmarkSource: 'blazepose-full',
        angleGain: 1.84,
      });
      expect(r.feet[0].repCount).toBe(plain.feet[0].repCount);
      // The same frames, 1.84 times the degrees.
      expect(r.feet[0].reps[0].rangeDeg / plain.feet[0].reps[0].rangeDeg).toBeCloseTo(1.84, 1);
    }
  });
});
