import type { AnalysisResult, Landmark, LandmarkFrame, RepMetrics } from '@anklepump/motion';
import { describe, expect, it } from 'vitest';
import { withVideoLegMovement } from './video-leg-movement.ts';

const W = 640;
const H = 480;

/** A side view of a straight right leg lying level (hip left, ankle right), the knee bent by `kneeDeg` (heel sliding back), the whole leg shifted by `shiftPx`, lifted at the hip by `liftPx` at the ankle (negative: up). */
function frame(tMs: number, kneeDeg: number, shiftPx = 0, jitter = 0, liftPx = 0): LandmarkFrame {
  const rows: Landmark[] = Array.from({ length: 33 }, () => [0.5, 0.5, 0, 0.3] as const);
  const set = (i: number, x: number, y: number, lift = 0) => {
    rows[i] = [(x + shiftPx) / W, (y + lift) / H, 0, 0.95];
  };
  const hip = [150, 300] as const;
  const half = ((kneeDeg / 2) * Math.PI) / 180;
  const knee = [hip[0] + 170 * Math.cos(half), hip[1] - 170 * Math.sin(half)] as const;
  set(24, hip[0], hip[1]);
  set(26, knee[0] + jitter, knee[1] - jitter, liftPx / 2);
  set(28, knee[0] + 150 * Math.cos(half), knee[1] + 150 * Math.sin(half) + jitter, liftPx);
  return { tMs, landmarks: rows, widthPx: W, heightPx: H };
}

const rep = (startTMs: number, legMoved = false): RepMetrics =>
  ({
    side: 'right',
    index: 1,
    startTMs,
    plantarTMs: startTMs + 1000,
    dorsiTMs: startTMs + 2500,
    legMoved,
    legMovementMeasured: true,
  }) as RepMetrics;

const result = (r: RepMetrics): AnalysisResult =>
  ({
    events: [{ type: 'rep', side: 'right', tMs: r.dorsiTMs + 1000, rep: r }],
    reps: { left: [], right: [r] },
    warnings: [],
  }) as unknown as AnalysisResult;

/** Two reps reported at `atMs` (each rep's event time), with the filtered angle `series` when given. */
const twoReps = (
  first: RepMetrics,
  second: RepMetrics,
  atMs: readonly [number, number],
  series?: readonly { tMs: number; angleDeg: number }[],
): AnalysisResult =>
  ({
    events: [
      { type: 'rep', side: 'right', tMs: atMs[0], rep: first },
      { type: 'rep', side: 'right', tMs: atMs[1], rep: second },
    ],
    reps: { left: [], right: [first, second] },
    warnings: [],
    ...(series ? { series: { left: [], right: series } } : {}),
  }) as unknown as AnalysisResult;

const at15 = (s: number, f: (tMs: number) => LandmarkFrame) =>
  Array.from({ length: Math.round(s * 15) }, (_, i) => f((i * 1000) / 15));

describe('withVideoLegMovement', () => {
  it('flags a rep during which the knee bent 20 degrees, and says so', () => {
    const frames = at15(5, (t) => frame(t, t > 1000 && t < 3000 ? 20 : 0));
    const out = withVideoLegMovement(result(rep(0)), frames);
    expect(out.reps.right[0]!.legMoved).toBe(true);
    const w = out.events.find((e) => e.type === 'warning');
    expect(w).toMatchObject({ code: 'leg-moved', side: 'right' });
    expect(w && 'message' in w ? w.message : '').toMatch(/knee bent by about 20 deg/);
    expect(out.warnings).toHaveLength(1);
  });

  it('flags a leg sliding a fifth of a shin length without bending', () => {
    const frames = at15(5, (t) => frame(t, 0, t > 1000 && t < 3000 ? 32 : 0));
    expect(withVideoLegMovement(result(rep(0)), frames).reps.right[0]!.legMoved).toBe(true);
  });

  it('blames a knee bend on the rep it happened in, not on the rep before it', () => {
    // Rep 1 ends with its toes-up peak at 2.5 s; rep 2 sets off at 3.2 s, within the 1.5 s a rep's
    // hold and return may take, and the knee bends during rep 2 only.
    const first = { ...rep(0), index: 1 };
    const second = { ...rep(3200), index: 2 };
    const two = twoReps(first, second, [3100, 6700]);
    const frames = at15(8, (t) => frame(t, t > 3300 && t < 6000 ? 20 : 0));
    const out = withVideoLegMovement(two, frames);
    expect(out.reps.right.map((r) => r.legMoved)).toEqual([false, true]);
    expect(out.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^rep 2: the knee bent/)]);
  });

  it('does not blame the leg the rep before lowered on the next rep, which set off after it', () => {
    // Rep 1 lifts the leg (knee and ankle up a third of a shin) and lowers it between its toes-up
    // peak (2.5 s) and 4.0 s; rep 2's window, as the engine gives it, starts at rep 1's toes-up
    // peak, but the foot rests at neutral until 4.3 s and only then sets off for its toes-down
    // peak at 4.8 s (the filtered angle says so).
    const first = { ...rep(0), index: 1, rangeDeg: 40 };
    const second = { ...rep(2500), plantarTMs: 4800, dorsiTMs: 6300, index: 2, rangeDeg: 40 };
    const angleAt = (t: number) =>
      t < 500 ? 0 : t < 2500 ? -30 : t < 3200 ? 10 : t < 4300 ? 0 : t < 5500 ? -30 : 10;
    const series = Array.from({ length: 8 * 15 }, (_, i) => ({
      tMs: (i * 1000) / 15,
      angleDeg: angleAt((i * 1000) / 15),
    }));
    const two = twoReps(first, second, [3300, 7000], series);
    const liftPx = (t: number) =>
      t < 600
        ? 0
        : t < 1200
          ? -55 * ((t - 600) / 600)
          : t < 3000
            ? -55
            : t < 4000
              ? -55 * ((4000 - t) / 1000)
              : 0;
    const frames = at15(8, (t) => frame(t, 0, 0, 0, liftPx(t)));
    const out = withVideoLegMovement(two, frames);
    expect(out.reps.right.map((r) => r.legMoved)).toEqual([true, false]);
    expect(out.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^rep 1: the leg moved by about/),
    ]);
  });

  it('leaves a still leg alone, even with a few pixels of pose-model jitter', () => {
    const frames = at15(5, (t) => frame(t, 0, 0, 3 * Math.sin(t / 70)));
    const r = result(rep(0));
    const out = withVideoLegMovement(r, frames);
    expect(out.reps.right[0]!.legMoved).toBe(false);
    expect(out).toBe(r);
  });

  it("judges a rep whose leg the engine did not see, where the pose model's own points show it", () => {
    const frames = at15(5, (t) => frame(t, 0, 0, 3 * Math.sin(t / 70)));
    const unseen = { ...rep(0), legMovementMeasured: false };
    const out = withVideoLegMovement(result(unseen), frames);
    expect(out.reps.right[0]).toMatchObject({ legMoved: false, legMovementMeasured: true });
    expect(out.warnings).toHaveLength(0);
  });

  it('does not judge a leg the pose model is unsure of', () => {
    const frames = at15(5, (t) => {
      const f = frame(t, t > 1000 && t < 3000 ? 30 : 0);
      return { ...f, landmarks: f.landmarks!.map((l) => [l[0], l[1], l[2], 0.5] as const) };
    });
    expect(withVideoLegMovement(result(rep(0)), frames).reps.right[0]!.legMoved).toBe(false);
  });

  describe("replacing the engine's flags (frames the pixel stage refined)", () => {
    /** The engine flagged the rep and said so, as it does: the warning right after the rep. */
    const engineFlagged = (r: RepMetrics): AnalysisResult => {
      const warning = {
        type: 'warning',
        side: 'right',
        tMs: r.dorsiTMs + 1000,
        code: 'leg-moved',
        message: 'rep 1: the leg moved',
      };
      return {
        events: [{ type: 'rep', side: 'right', tMs: r.dorsiTMs + 1000, rep: r }, warning],
        reps: { left: [], right: [r] },
        warnings: [warning],
      } as unknown as AnalysisResult;
    };

    it("unflags a rep the pose model's own landmarks show still, and drops the engine's warning", () => {
      const frames = at15(5, (t) => frame(t, 0, 0, 3 * Math.sin(t / 70)));
      const out = withVideoLegMovement(engineFlagged(rep(0, true)), frames, 'replace');
      expect(out.reps.right[0]!.legMoved).toBe(false);
      expect(out.warnings).toEqual([]);
      expect(out.events.map((e) => e.type)).toEqual(['rep']);
      expect(out.events[0]).toMatchObject({ rep: { legMoved: false } });
      // Kept, the engine's flag and word stand.
      expect(withVideoLegMovement(engineFlagged(rep(0, true)), frames, 'keep').warnings).toHaveLength(1);
    });

    it("says what the pose model saw instead of the engine's words for a rep both flag", () => {
      const frames = at15(5, (t) => frame(t, t > 1000 && t < 3000 ? 20 : 0));
      const out = withVideoLegMovement(engineFlagged(rep(0, true)), frames, 'replace');
      expect(out.reps.right[0]!.legMoved).toBe(true);
      expect(out.warnings).toHaveLength(1);
      expect(out.warnings[0]!.message).toMatch(/knee bent by about 20 deg/);
    });

    it('keeps the engine flag where the pose model is unsure of the leg', () => {
      const frames = at15(5, (t) => {
        const f = frame(t, 0);
        return { ...f, landmarks: f.landmarks!.map((l) => [l[0], l[1], l[2], 0.5] as const) };
      });
      const out = withVideoLegMovement(engineFlagged(rep(0, true)), frames, 'replace');
      expect(out.reps.right[0]!.legMoved).toBe(true);
      expect(out.warnings).toHaveLength(1);
    });
  });
});
