// `anklepump analyze` on a real recording made by others (../shared/data/real/, never copied into
// the repository): a person walking and another doing jumping jacks must give no ankle pumps, and
// say why. Skips, saying so, when the shared data folder is absent.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliForTest } from '../run-cli.test-util.ts';

const REAL = new URL('../../../../../shared/data/real/', import.meta.url).pathname;
const WALKING = join(REAL, 'walking-side-sports2d.mp4');
const present = existsSync(WALKING);
if (!present) console.warn(`skipped: ${WALKING} is absent (the shared real-recordings folder)`);

describe.skipIf(!present)('analyze a real video that is not ankle pumps', () => {
  it('walking and jumping jacks: 0 reps on both feet, and the report says the whole leg moves', async () => {
    const r = await runCliForTest(['analyze', WALKING, '--json'], tmpdir());
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.notCounted.code).toBe('leg-moving');
    expect(report.notCounted.message).toMatch(/whole leg moves/);
    for (const foot of report.feet) {
      expect(foot.repCount).toBe(0);
      expect(foot.warnings[0].code).toBe('leg-moving');
    }
  });
});
