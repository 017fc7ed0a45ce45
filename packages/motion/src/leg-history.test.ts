import { describe, expect, it } from 'vitest';
import { program } from './leg-frames.test-util.ts';
import { createLegHistory } from './leg-history.ts';
import { LEG_READING, LEG_SEEN } from './rep-evidence.ts';
import { createSampleRing } from './sample-ring.ts';
import { rng } from './seeded-rng.test-util.ts';

/** A history of `n` samples 1/30 s apart whose channel `ch` reads `at(i)` (the others 0). */
function history(n: number, ch: number, at: (i: number) => number) {
  const h = createLegHistory(64);
  const leg = new Float64Array(LEG_READING);
  for (let i = 0; i < n; i++) {
    leg.fill(0);
    leg[ch] = at(i);
    h.record(i, leg);
  }
  return h;
}
const tMs = (seq: number) => (seq * 1000) / 30;

describe('leg history: did the leg stay away from where the rep began', () => {
  it('flags 0.7 thresholds held over 200 ms (7 samples), not over 133 ms (5)', () => {
    const held = history(40, 2, (i) => (i >= 10 && i < 17 ? 0.7 : 0));
    expect(held.movedOver(0, 39, tMs)).toBe(true);
    const brief = history(40, 2, (i) => (i >= 10 && i < 15 ? 0.7 : 0));
    expect(brief.movedOver(0, 39, tMs)).toBe(false);
  });

  it("measures from the rep's first sample, and only within the rep", () => {
    // The leg moved before the rep began and stayed: where the rep began is where it was then.
    const before = history(40, 0, (i) => (i >= 5 ? 1 : 0));
    expect(before.movedOver(10, 39, tMs)).toBe(false);
    expect(before.movedOver(0, 39, tMs)).toBe(true);
    // Away only after the rep's last sample.
    const after = history(40, 4, (i) => (i >= 30 ? 1 : 0));
    expect(after.movedOver(0, 29, tMs)).toBe(false);
  });

  it('takes where the leg was from the readings just before the rep, not from one noisy reading', () => {
    // The leg rests at 0; the pose model's landmarks put it 0.7 thresholds off in the rep's first
    // sample alone. Against that one reading the still leg "stayed away" all rep long.
    const noisy = history(40, 0, (i) => (i === 10 ? -0.7 : 0));
    expect(noisy.movedOver(10, 39, tMs)).toBe(false);
    // A real move after the rep began is still seen against the same noisy start.
    const moved = history(40, 0, (i) => (i === 10 ? -0.7 : i >= 20 && i < 30 ? 0.8 : 0));
    expect(moved.movedOver(10, 39, tMs)).toBe(true);
    // Readings older than 150 ms before the rep (or not held) are not part of where it began.
    const earlier = history(40, 0, (i) => (i < 5 ? 5 : 0));
    expect(earlier.movedOver(10, 39, tMs)).toBe(false);
  });

  it('ignores a channel not measured (a knee without a hip seen, a phone without a shin sensor)', () => {
    const h = history(40, 4, (i) => (i < 10 ? Number.NaN : 2));
    expect(h.movedOver(0, 39, tMs)).toBe(false);
  });

  it('keeps the samples its ring holds, by sequence number', () => {
    expect(() => createLegHistory(100)).toThrow(/power of two/);
    const h = history(100, 1, (i) => (i >= 80 && i < 90 ? -0.8 : 0));
    expect(h.movedOver(70, 99, tMs)).toBe(true);
  });

  it('does not take a noisy still leg for a moved one, and still sees a slide through the same noise', () => {
    // The pose model's jitter on a noisy stream (6-10 px), smoothed as the landmark analyzer smooths
    // the leg's position (2 Hz at 30 fps), in units of the threshold: a still leg wanders about
    // half a unit, and at 0.6 of a unit alone it was "away" for 200 ms in most reps.
    const noisyLeg = (seed: number, slideUnits: number) => {
      const r = rng(seed);
      let smoothed = 0;
      return history(60, 2, (i) => {
        const slide = slideUnits * Math.min(1, Math.max(0, (i - 25) / 18));
        smoothed += 0.29 * (slide + 1.2 * r.normal() - smoothed);
        return smoothed;
      });
    };
    let stillFlagged = 0;
    let slidesSeen = 0;
    for (let seed = 1; seed <= 20; seed++) {
      if (noisyLeg(seed, 0).movedOver(10, 59, tMs)) stillFlagged++;
      if (noisyLeg(seed, 3).movedOver(10, 59, tMs)) slidesSeen++;
    }
    expect(stillFlagged).toBeLessThanOrEqual(1);
    expect(slidesSeen).toBeGreaterThanOrEqual(18);
  });

  it('sees a knee bend that lasts most of a quick rep at 10 frames a second', () => {
    // A second of the leg at rest (its jitter: 0.01 units), then a rep of 1.2 s through which the
    // knee bends and straightens again (0.9 units at the top, twice the bar). Read over the rep
    // alone, the bend's own sample-to-sample changes were the "jitter", and 8 times their median
    // (about 1 unit) hid it.
    const tMs10 = (seq: number) => seq * 100;
    const bent = (i: number) => (i > 20 && i < 30 ? 0.9 * Math.sin((Math.PI * (i - 20)) / 10) : 0);
    const jitter = (i: number) => (i % 2 ? 0.01 : -0.01);
    const knee = history(40, 4, (i) => bent(i) + jitter(i));
    expect(knee.movedOver(20, 32, tMs10)).toBe(true);
    // The same rest and rep with the knee still: not moved.
    expect(history(40, 4, jitter).movedOver(20, 32, tMs10)).toBe(false);
    // With no rest seen before the rep (the history starts with it), the rep's own changes set the bar.
    const fresh = history(40, 4, (i) => bent(i + 20) + jitter(i));
    expect(fresh.movedOver(0, 12, tMs10)).toBe(false);
  });

  it('flags a slide of 0.4 of a unit (2.5 cm on a 42-cm shin) that stays', () => {
    // The bar was 0.45 of a unit until the rep's window ended earlier (movedInRep, below).
    const slide = history(40, 3, (i) => (i >= 12 ? 0.4 : (i - 5) * (i > 5 ? 0.057 : 0)));
    expect(slide.movedOver(0, 39, tMs)).toBe(true);
    expect(history(40, 3, (i) => (i >= 12 ? 0.3 : 0)).movedOver(0, 39, tMs)).toBe(false);
  });

  it('flags a clean slide of half a unit (a few cm) held 200 ms', () => {
    const slide = history(40, 3, (i) => (i >= 12 ? 0.5 : (i - 5) * (i > 5 ? 0.07 : 0)));
    expect(slide.movedOver(0, 39, tMs)).toBe(true);
  });

  it('sees a slide that settled early in the rep though noise takes a sample back under the bar every 133 ms', () => {
    // A second at rest, then the rep: the leg slides 0.7 of a unit and stays, but every fourth
    // reading falls back to 0.3, so it is never away for 200 ms in a row; over the rep's last
    // 250 ms it is 0.6 away on the mean.
    const slid = (i: number) => (i < 34 ? 0 : i % 4 === 0 ? 0.3 : 0.7);
    expect(history(60, 2, slid).movedOver(30, 59, tMs)).toBe(true);
    // The same dips with the leg back at rest by the end: not a slide that stayed.
    const back = (i: number) => (i < 34 || i > 50 ? 0 : i % 4 === 0 ? 0.3 : 0.7);
    expect(history(60, 2, back).movedOver(30, 59, tMs)).toBe(false);
  });

  it('reads the leg against where the hip rests, and takes the hip and leg shifting together for no movement', () => {
    // `off` is the hip's offset from its rest (x) and `seen` the ankle against the hip as seen.
    const h = (seen: (i: number) => number, off: (i: number) => number) => {
      const hist = createLegHistory(64);
      const leg = new Float64Array(LEG_READING);
      for (let i = 0; i < 40; i++) {
        leg.fill(0);
        leg[2] = seen(i);
        leg[5] = off(i);
        hist.record(i, leg);
      }
      return hist;
    };
    // The hip point jumps by a unit every other frame while the leg rests: against the hip as seen
    // the ankle jumps the other way, against the rested hip it stays put.
    const jumpy = (i: number) => (i % 2 ? 1 : 0);
    expect(h((i) => -jumpy(i), jumpy).movedOver(0, 39, tMs)).toBe(false);
    // The whole person shifts a unit (hip and leg together): against the rested hip the ankle
    // moved for as long as the rest lags, against the hip as seen it did not.
    const shifted = (i: number) => (i >= 10 ? 1 : 0);
    expect(h(() => 0, shifted).movedOver(0, 39, tMs)).toBe(false);
    // The leg alone slides a unit: both see it.
    expect(h(shifted, () => 0).movedOver(0, 39, tMs)).toBe(true);
  });

  describe('a rep judged whole (movedInRep)', () => {
    /**
     * A down-first rep at 30 frames a second: a second at rest, toes down to -30 (at 1.47 s),
     * held, up through neutral (between samples 58 and 59) to +15 (at 2.17 s), held until 2.5 s, and the
     * next rep's swing down from there (the foot leaves the toes-up peak after sample 78). The
     * leg's channel 2 reads `leg(i)`. Returns the verdict.
     */
    const judge = (leg: (i: number) => number) => {
      const angles = createSampleRing(128);
      const h = createLegHistory(128);
      const reading = new Float64Array(LEG_READING);
      const deg = program([
        [0, 0],
        [1, 0],
        [1.47, -30],
        [1.67, -30],
        [2.17, 15],
        [2.5, 15],
        [3, -30],
      ]);
      for (let i = 0; i < 90; i++) {
        const seq = angles.push(tMs(i), deg(i / 30));
        reading.fill(0);
        reading[2] = leg(i);
        reading[LEG_SEEN] = 1;
        h.record(seq, reading);
      }
      // The rep began at the rest (sample 29), its first peak at 44, its second at 65, and it was
      // complete at sample 85 (the next swing down confirmed).
      return h.movedInRep(angles, 29, 44, 65, 85, 45, 1, false);
    };
    it("flags a slide during the rep's own swings", () => {
      expect(judge((i) => (i < 36 ? 0 : Math.min(1, (i - 36) / 8)))).toBe('moved');
      expect(judge(() => 0)).toBe('still');
    });
    it('leaves a slide that begins with the next rep to that rep', () => {
      // The next rep's swing sets off at sample 75; the leg slides a unit from sample 70 to 76 (a
      // pose model's points lag the foot less than the filtered angle the window's end is read on).
      // Read up to where the foot left the toes-up peak (sample 78), its slide was this rep's on
      // the mean of the window's last 250 ms; read to three quarters of the way there from where
      // the angle crossed neutral (sample 73), it is not.
      expect(judge((i) => (i < 70 ? 0 : Math.min(1, (i - 70) / 6)))).toBe('still');
    });
  });
});
