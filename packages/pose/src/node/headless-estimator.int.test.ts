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

  it('reads a clip on two pages as on one: every frame once, handed over in order, the legs within a few pixels', async () => {
    const one = await createHeadlessPoseEstimator({ lanes: 1 });
    const two = await createHeadlessPoseEstimator({ lanes: 2 });
    try {
      const a = await one.estimateVideo(CLIP, { sampleHz: 8 });
      const handed: number[] = [];
      const b = await two.estimateVideo(CLIP, {
        sampleHz: 8,
        onFrame: (px, frame) => {
          handed.push(px.index);
          expect(frame.tMs).toBe(px.tMs);
        },
      });
      expect(a.frames.length).toBeGreaterThan(100);
      expect(b.frames.length).toBe(a.frames.length);
      expect(handed).toEqual(a.frames.map((_, i) => i));
      expect(b.frames.map((f) => f.tMs)).toEqual(a.frames.map((f) => f.tMs));
      // The model tracks and smooths from frame to frame; each page sees every other frame, so the
      // points may move by a pixel or two, never by a leg.
      const gapsPx: number[] = [];
      a.frames.forEach((f, i) => {
        const g = b.frames[i]!;
        expect(!!g.landmarks).toBe(!!f.landmarks);
        if (!f.landmarks || !g.landmarks) return;
        for (const k of [26, 28, 30, 32]) {
          gapsPx.push(
            Math.hypot(
              (f.landmarks[k]![0] - g.landmarks[k]![0]) * f.widthPx,
              (f.landmarks[k]![1] - g.landmarks[k]![1]) * f.heightPx,
            ),
          );
        }
      });
      gapsPx.sort((x, y) => x - y);
      expect(gapsPx[Math.floor(gapsPx.length / 2)]).toBeLessThan(3);
      expect(gapsPx.at(-1)).toBeLessThan(25);
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('refuses a number of pages it cannot run', async () => {
    await expect(createHeadlessPoseEstimator({ lanes: 0 })).rejects.toThrow(
      /lanes must be a whole number from 1 to 8, got 0/,
    );
    await expect(createHeadlessPoseEstimator({ lanes: 1.5 })).rejects.toThrow(/got 1.5/);
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
