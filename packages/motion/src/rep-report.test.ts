// The "too shallow" warning's words: the numbers it shows must read as the rep falling short, and
// say what the bar is a share of.
import { describe, expect, it } from 'vitest';
import { analyzeLandmarkRecording } from './landmark-analyzer.ts';
import { endOf, framesOf, program } from './leg-frames.test-util.ts';
import { type FullBar, shallowMessage } from './rep-report.ts';

/** A bar of 60% of the person's recent pumps of `referenceDeg`. */
const learned = (referenceDeg: number): FullBar => ({ share: 0.6, referenceDeg, basis: 'learned' });

describe('the too-shallow warning', () => {
  it('shows whole degrees when they differ', () => {
    expect(shallowMessage(2, 12.2, learned(40))).toBe(
      "rep 2: range 12 deg is below 24 deg, 60% of this person's recent pumps (40 deg)",
    );
  });

  it('never reads "24 deg is below 24 deg": a rep just short of the bar gets the decimals that show it', () => {
    // Seen on `anklepump analyze` of a quick pumper's landmark file: range 23.6 against a bar of 24.
    expect(shallowMessage(1, 23.6, learned(40))).toMatch(/^rep 1: range 23.6 deg is below 24.0 deg, /);
    expect(shallowMessage(3, 23.96, learned(40.02))).toMatch(/^rep 3: range 23.96 deg is below 24.01 deg, /);
  });

  it("says whether the bar is a share of a usual pump, of this person's own pumps, or of a calibration", () => {
    const bar = { share: 0.6, referenceDeg: 40 };
    expect(shallowMessage(1, 10, { ...bar, basis: 'default' })).toBe(
      "rep 1: range 10 deg is below 24 deg, 60% of a usual 40-deg pump, until this person's own pumps are learned",
    );
    expect(shallowMessage(1, 10, { ...bar, basis: 'calibrated' })).toBe(
      'rep 1: range 10 deg is below 24 deg, 60% of the calibrated range (40 deg)',
    );
  });

  it("follows the person's own pumps: an 11-deg pump after 20-deg ones is judged against them, and says so", () => {
    // Five 20-deg pumps, then an 11-deg one: the first is judged against the default 40-deg pump,
    // the last against the person's own recent pumps.
    const pumps: [number, number][] = [
      [0, 0],
      [2, 0],
    ];
    let t = 2;
    const ends: [number, number][] = [
      [-13, 7],
      [-13, 7],
      [-13, 7],
      [-13, 7],
      [-13, 7],
      [-6, 5],
    ];
    for (const [down, up] of ends) {
      pumps.push([t + 0.5, down], [t + 1.5, down], [t + 2, up], [t + 3, up], [t + 3.5, 0], [t + 4.5, 0]);
      t += 4.5;
    }
    pumps.push([t + 3, 0]);
    const r = analyzeLandmarkRecording(framesOf(program(pumps), endOf(pumps)), { sides: ['left'] });
    const shallow = r.warnings.filter((w) => w.code === 'too-shallow').map((w) => w.message);
    expect(r.reps.left).toHaveLength(6);
    expect(shallow[0]).toMatch(/^rep 1: range 20 deg is below 24 deg, 60% of a usual 40-deg pump/);
    expect(shallow.at(-1)).toBe(
      "rep 6: range 11 deg is below 12 deg, 60% of this person's recent pumps (20 deg)",
    );
  });
});
