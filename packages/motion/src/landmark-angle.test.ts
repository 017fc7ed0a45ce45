import { describe, expect, it } from 'vitest';
import { createLegReading, readLeg } from './landmark-angle.ts';
import type { Landmark, LandmarkFrame } from './landmark-frame.ts';

const W = 640;
const H = 360;

/** A frame with the left leg's knee, ankle, heel, toe at pixel positions (others far away). */
function frame(pts: [number, number][], opts: { vis?: number; world?: number[][] } = {}): LandmarkFrame {
  const lm: Landmark[] = Array.from({ length: 33 }, () => [0.5, 0.5, 0, 0.9] as const);
  [25, 27, 29, 31].forEach((idx, i) => {
    lm[idx] = [pts[i]![0] / W, pts[i]![1] / H, 0, opts.vis ?? 0.9];
  });
  const world = opts.world
    ? Array.from({ length: 33 }, (_, i) => {
        const j = [25, 27, 29, 31].indexOf(i);
        const p = j >= 0 ? opts.world![j]! : [0, 0, 0];
        return [p[0]!, p[1]!, p[2]!, 0.9] as const;
      })
    : null;
  return { tMs: 0, landmarks: lm, world, widthPx: W, heightPx: H };
}

/** Knee at the left, ankle to its right (shank horizontal); foot drawn at `deg` of dorsiflexion. */
function leg(deg: number, facing: 1 | -1): [number, number][] {
  const knee: [number, number] = [320 - facing * 150, 200];
  const ankle: [number, number] = [320, 200];
  const r = (deg * Math.PI) / 180;
  // Neutral: foot points up the image (y down); dorsiflexion tips the toes toward the knee.
  const ux = -facing * Math.sin(r);
  const uy = -Math.cos(r);
  const heel: [number, number] = [ankle[0] - 10 * ux, ankle[1] - 10 * uy];
  const toe: [number, number] = [ankle[0] + 60 * ux, ankle[1] + 60 * uy];
  return [knee, ankle, heel, toe];
}

describe('readLeg', () => {
  const out = createLegReading();

  it('reads 0 at neutral, positive toes-up, negative toes-down, whichever way the person faces', () => {
    for (const facing of [1, -1] as const) {
      expect(readLeg(frame(leg(0, facing)), 'left', 0.5, false, out).rawDeg).toBeCloseTo(0, 6);
      expect(readLeg(frame(leg(15, facing)), 'left', 0.5, false, out).rawDeg).toBeCloseTo(15, 6);
      expect(readLeg(frame(leg(-35, facing)), 'left', 0.5, false, out).rawDeg).toBeCloseTo(-35, 6);
    }
  });

  it('uses true pixel geometry, not normalised coordinates (aspect ratio)', () => {
    // 45 deg in pixels is not 45 deg in 0..1 units of a 16:9 image.
    const r = readLeg(frame(leg(45, 1)), 'left', 0.5, false, out);
    expect(r.rawDeg).toBeCloseTo(45, 6);
  });

  it('uses world coordinates when asked and present', () => {
    const f = frame(leg(0, 1), {
      world: [
        [-0.4, 0, 0],
        [0, 0, 0],
        [0, 0, 0.01],
        [-0.1, 0.1, 0.01],
      ],
    });
    expect(readLeg(f, 'left', 0.5, true, out).rawDeg).toBeCloseTo(45, 6);
    expect(readLeg(f, 'left', 0.5, false, out).rawDeg).toBeCloseTo(0, 6);
  });

  it('gates a foot whose landmarks are not visible enough', () => {
    const r = readLeg(frame(leg(0, 1), { vis: 0.3 }), 'left', 0.5, false, out);
    expect(r).toMatchObject({ ok: false, reason: 'foot-not-visible' });
  });

  it('rejects missing or non-numeric landmarks as bad samples', () => {
    const f = frame(leg(0, 1));
    const broken = f.landmarks!.map((l, i) => (i === 29 ? ([Number.NaN, 0.5, 0, 0.9] as const) : l));
    expect(readLeg({ ...f, landmarks: broken }, 'left', 0.5, false, out).reason).toBe('bad-sample');
    expect(readLeg({ ...f, landmarks: f.landmarks!.slice(0, 20) }, 'left', 0.5, false, out).reason).toBe(
      'bad-sample',
    );
    expect(readLeg({ ...f, widthPx: 0 }, 'left', 0.5, false, out).reason).toBe('bad-sample');
  });

  it('treats a collapsed shank as a lost leg', () => {
    const pts = leg(0, 1);
    pts[0] = [pts[1]![0] + 1, pts[1]![1]];
    expect(readLeg(frame(pts), 'left', 0.5, false, out).reason).toBe('foot-not-visible');
  });
});
