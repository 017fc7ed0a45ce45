// The pixel stage on a real decode of a rendered tuning clip with the landmarks BlazePose gave it
// (recorded, so the test needs ffmpeg but not Chromium): the foot comes back to neutral after each
// toes-up hold, and the tracked rotation must come back with it. Fixture: tools/render's
// tuning-wide clip tune-w-17 (a tuning body, sitting, 640x360 at 15 fps, 3 pumps) and BlazePose's
// hip, knee, ankle, heel and toe points at 15 frames a second, beside the renderer's true angle.
import { readFileSync } from 'node:fs';
import type { LandmarkFrame, Side } from '@anklepump/motion';
import { describe, expect, it } from 'vitest';
import { createFootTrackStage } from '../foot-tracker/index.ts';
import { decodeFrames } from './decode-frames.ts';
import { probeVideo } from './probe-video.ts';

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;

interface Recorded {
  readonly side: Side;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly sampleHz: number;
  readonly frames: readonly {
    readonly tMs: number;
    readonly trueDeg: number;
    /** Landmarks 23-32: x, y (normalised), visibility; null where no person was found. */
    readonly legs: readonly (readonly [number, number, number])[] | null;
  }[];
}

const RAD = 180 / Math.PI;

describe('the foot tracker on a recorded clip', () => {
  it('comes back to neutral after each toes-up hold instead of staying at the hold', async () => {
    const rec = JSON.parse(readFileSync(fixture('tune-w-17.blazepose.json'), 'utf8')) as Recorded;
    const clip = fixture('tune-w-17.mp4');
    const stage = createFootTrackStage({ sides: [rec.side] });
    /** The tracked foot's rotation from the first tracked frame, degrees, at each true angle. */
    const seen: { tMs: number; trueDeg: number; footDeg: number }[] = [];
    let foot0 = Number.NaN;
    let i = 0;
    for await (const px of decodeFrames(clip, await probeVideo(clip), {
      sampleHz: rec.sampleHz,
      maxSidePx: 960,
    })) {
      const r = rec.frames[i++];
      if (!r) break;
      const landmarks = r.legs
        ? Array.from({ length: 33 }, (_, k) => {
            const p = k >= 23 ? r.legs![k - 23]! : ([0, 0, 0] as const);
            return [p[0], p[1], 0, p[2]] as const;
          })
        : null;
      const frame: LandmarkFrame = { tMs: r.tMs, landmarks, widthPx: px.widthPx, heightPx: px.heightPx };
      const track = stage.push({ data: px.rgba, widthPx: px.widthPx, heightPx: px.heightPx }, frame).tracks[
        rec.side
      ];
      if (track.state !== 'tracking') continue;
      if (Number.isNaN(foot0)) foot0 = track.footDirRad;
      seen.push({ tMs: r.tMs, trueDeg: r.trueDeg, footDeg: (track.footDirRad - foot0) * RAD });
    }
    expect(i).toBe(rec.frames.length);
    // At rest after each toes-up hold (true angle 0, later than the first pump's toes-up hold).
    const afterHolds = seen.filter((s) => s.tMs > 4_500 && s.trueDeg === 0);
    expect(afterHolds.length).toBeGreaterThan(20);
    // Before the fix the foot stayed 12-14 deg toward its toes-up hold here, so the live session
    // never saw the last pump end.
    for (const s of afterHolds) expect(Math.abs(s.footDeg), `at ${s.tMs} ms`).toBeLessThan(3);
    // And it still follows the pumps: 25-30 deg toes down at the holds (true 28).
    const toesDown = seen.filter((s) => s.trueDeg < -27);
    expect(toesDown.length).toBeGreaterThan(20);
    for (const s of toesDown) expect(s.footDeg).toBeGreaterThan(24);
  }, 60_000);
});
