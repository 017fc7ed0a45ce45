// The Node estimator on a rendered clip: ffmpeg decoding, loopback transfer, MediaPipe in headless
// Chromium. Needs chromium, ffmpeg and the installed model.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHeadlessPoseEstimator, type HeadlessPoseEstimator } from './headless-estimator.ts';
import { PoseError } from './pose-error.ts';

const CLIP = new URL('../../../../tools/render/fixtures/sit-right-3reps.mp4', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'anklepump-pose-'));
let est: HeadlessPoseEstimator;

beforeAll(async () => {
  est = await createHeadlessPoseEstimator();
});
afterAll(async () => {
  await est?.close();
});

describe('headless pose estimator', () => {
  it('finds the person in every sampled frame of a rendered side-view clip, with the near foot visible', async () => {
    const progress: number[] = [];
    const r = await est.estimateVideo(CLIP, { sampleHz: 10, onProgress: (p) => progress.push(p.framesDone) });
    expect(r.sampleHz).toBe(10);
    expect(r.frames.length).toBe(Math.round(r.info.durationS * 10));
    expect(r.frames[3]!.tMs).toBeCloseTo(300);
    const found = r.frames.filter((f) => f.landmarks);
    expect(found.length / r.frames.length).toBeGreaterThan(0.95);
    // The camera films the right side: right knee, ankle, heel and toe are seen, not guessed.
    const vis = found.map((f) => Math.min(...[26, 28, 30, 32].map((i) => f.landmarks![i]![3])));
    expect(vis.filter((v) => v > 0.8).length / vis.length).toBeGreaterThan(0.9);
    expect(progress.at(-1)).toBe(r.frames.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(r.modelMsPerFrame).toBeGreaterThan(0);
  });

  it('rejects a cut-off file and a text file as unreadable video, naming the file', async () => {
    const cut = join(dir, 'cut.mp4');
    writeFileSync(cut, readFileSync(CLIP).subarray(0, 2000));
    await expect(est.estimateVideo(cut)).rejects.toMatchObject({
      code: 'video-unreadable',
      message: expect.stringContaining('cut.mp4'),
    });
    const text = join(dir, 'notes.mp4');
    writeFileSync(text, 'not a video');
    await expect(est.estimateVideo(text)).rejects.toBeInstanceOf(PoseError);
    // The estimator still works after a failed file.
    const again = await est.estimateVideo(CLIP, { sampleHz: 2 });
    expect(again.frames.some((f) => f.landmarks)).toBe(true);
  });
});
