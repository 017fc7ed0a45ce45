// A live session's last pump: a rep whose toes-up end is barely above neutral is completed by the
// rest after it (`restEndsRepS`), not left waiting for a pump that never comes.
import { describe, expect, it } from 'vitest';
import { createImuAnalyzer } from './imu-analyzer.ts';
import { imuSamples } from './imu-samples.test-util.ts';
import { createLandmarkAnalyzer } from './landmark-analyzer.ts';
import { appendKeys, appendPumps, endOf, framesOf, program, repsOf } from './leg-frames.test-util.ts';

/** 2 s at rest, 3 pumps to -30 deg and only +3 deg toes up (1 s holds), then 6 s at rest. */
function smallToesUpKeys(): [number, number][] {
  const keys: [number, number][] = [
    [0, 0],
    [2, 0],
  ];
  appendPumps(keys, 3, -30, 3);
  return appendKeys(keys, [[6, 0]]);
}

/** When the last pump reached its toes-up end, seconds (then 1 s held, 0.6 s back, 0.4 s, the rest). */
const lastToesUpS = (keys: readonly (readonly [number, number])[]) => endOf(keys) - 6 - 0.4 - 0.6 - 1;

describe('a live rest completes a rep waiting at a small toes-up end', () => {
  const keys = smallToesUpKeys();
  const frames = framesOf(program(keys), endOf(keys), 30);

  it('counts the last of three camera pumps while the foot rests, with its range', () => {
    const live = createLandmarkAnalyzer({ sides: ['left'], restEndsRepS: 1.5 });
    const reps = frames.flatMap((f) => repsOf(live.push(f)));
    expect(reps).toHaveLength(3);
    const last = reps[2]!;
    // The +3 deg hold is already near neutral (the still moment begins on the way up to it):
    // counted about 1.5 s after the toes-up end was reached, seconds before the recording's end.
    expect(last.tMs / 1000).toBeGreaterThan(lastToesUpS(keys) + 1);
    expect(last.tMs / 1000).toBeLessThan(lastToesUpS(keys) + 2.5);
    expect(last.rangeDeg).toBeGreaterThan(25);
    expect(last.rangeDeg).toBeLessThan(38);
    expect(repsOf(live.end())).toHaveLength(0);
  });

  it('without it, the last pump waits for the end of the recording (as `analyze` counts it)', () => {
    const recording = createLandmarkAnalyzer({ sides: ['left'] });
    const streamed = frames.flatMap((f) => repsOf(recording.push(f)));
    expect(streamed).toHaveLength(2);
    expect(repsOf(recording.end())).toHaveLength(1);
  });

  it('does the same for a phone on the foot', () => {
    const samples = imuSamples({ ankleDeg: program(keys) }, endOf(keys), 50);
    const live = createImuAnalyzer({ side: 'left', restEndsRepS: 1.5 });
    expect(samples.flatMap((s) => repsOf(live.push(s)))).toHaveLength(3);
    const recording = createImuAnalyzer({ side: 'left' });
    expect(samples.flatMap((s) => repsOf(recording.push(s)))).toHaveLength(2);
  });

  it('is refused outside 0.5-10 s', () => {
    expect(() => createLandmarkAnalyzer({ restEndsRepS: 0.2 })).toThrow(/restEndsRepS/);
    expect(() => createImuAnalyzer({ restEndsRepS: 11 })).toThrow(/restEndsRepS/);
  });
});

describe('a camera foot back at rest after its toes-up end', () => {
  /** The reps a camera counts of `keys` at 30 fps, live and at the end. */
  const cameraReps = (keys: readonly (readonly [number, number])[]) => {
    const a = createLandmarkAnalyzer({ sides: ['left'] });
    const frames = framesOf(program(keys), endOf(keys), 30);
    return [...frames.flatMap((f) => repsOf(a.push(f))), ...repsOf(a.end())];
  };
  const rested = (): [number, number][] => [
    [0, 0],
    [2, 0],
  ];

  it('makes no rep of a small lift 2 s after the last pump', () => {
    // Ten pumps of -20 / +10, the foot at rest at neutral, then a lift of 8 deg, lowered to +0.5
    // (a fidget). Waiting there as a toes-down swing, the rest was the toes-down end of an 8-deg
    // eleventh rep.
    const keys = appendPumps(rested(), 10, -20, 10);
    appendKeys(keys, [
      [2, 0],
      [0.35, 8],
      [0.2, 8],
      [0.4, 0.5],
      [3, 0.5],
    ]);
    expect(cameraReps(keys)).toHaveLength(10);
  });

  it('still counts a partial pump after a pause at neutral in the middle of the set', () => {
    // Five 60-deg pumps, 3 s at neutral, a 15-deg pump (-10 / +5), four more: a rest left by the
    // whole hysteresis (a share of the person's range) never let the small pump start.
    const keys = appendPumps(rested(), 5, -40, 20);
    appendKeys(keys, [[3, 0]]);
    appendPumps(keys, 1, -10, 5, 0.8, 0.4);
    appendPumps(keys, 4, -40, 20);
    appendKeys(keys, [[3, 0]]);
    const ranges = cameraReps(keys).map((r) => Math.round(r.rangeDeg / 5) * 5);
    expect(ranges).toEqual([60, 60, 60, 60, 60, 15, 60, 60, 60, 60]);
  });
});
