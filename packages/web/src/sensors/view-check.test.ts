import { BLAZEPOSE, type Landmark, type LandmarkFrame } from '@anklepump/motion';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkView, createViewJudge, VIEW_LIMITS } from './view-check.ts';

type P = [number, number, number];
/** A frame with the right leg at the given knee, ankle, heel, toe (x, y, visibility); left leg hidden. */
function frame(knee: P, ankle: P, heel: P, toe: P): LandmarkFrame {
  const lm: Landmark[] = Array.from({ length: 33 }, () => [0.5, 0.5, 0, 0.1] as const);
  const set = (i: number, p: P) => {
    lm[i] = [p[0], p[1], 0, p[2]];
  };
  set(BLAZEPOSE.rightKnee, knee);
  set(BLAZEPOSE.rightAnkle, ankle);
  set(BLAZEPOSE.rightHeel, heel);
  set(BLAZEPOSE.rightFootIndex, toe);
  return { tMs: 0, landmarks: lm, widthPx: 640, heightPx: 480 };
}
// A side view of a leg lying along x: knee left, ankle right, foot pointing up.
const side = frame([0.3, 0.6, 0.9], [0.7, 0.6, 0.9], [0.72, 0.66, 0.9], [0.74, 0.45, 0.9]);

describe('camera view check', () => {
  it('accepts a lit side view with knee, ankle, heel and toes in the picture', () => {
    expect(checkView(side, 120)).toBe('good');
  });
  it('asks for light before anything else when the picture is dark', () => {
    expect(checkView(side, VIEW_LIMITS.minLuma - 1)).toBe('light');
  });
  it('says when no person is found', () => {
    expect(checkView({ ...side, landmarks: null }, 120)).toBe('no-person');
  });
  it('asks to uncover the foot when heel or toes are not seen', () => {
    expect(
      checkView(frame([0.3, 0.6, 0.9], [0.7, 0.6, 0.9], [0.72, 0.66, 0.2], [0.74, 0.45, 0.9]), 120),
    ).toBe('foot');
  });
  it('asks to move back when the leg runs off the picture', () => {
    expect(
      checkView(frame([0.0, 0.6, 0.9], [0.7, 0.6, 0.9], [0.72, 0.66, 0.9], [0.74, 0.45, 0.9]), 120),
    ).toBe('back');
  });
  it('asks to turn the camera when the foot is seen end-on (short in the picture)', () => {
    expect(checkView(frame([0.3, 0.6, 0.9], [0.7, 0.6, 0.9], [0.71, 0.61, 0.9], [0.72, 0.6, 0.9]), 120)).toBe(
      'turn',
    );
  });
  it('never calls a view good when any of the four landmarks is unsure', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.double({ min: 0, max: 0.49, noNaN: true }),
        (which, vis) => {
          const pts: P[] = [
            [0.3, 0.6, 0.9],
            [0.7, 0.6, 0.9],
            [0.72, 0.66, 0.9],
            [0.74, 0.45, 0.9],
          ];
          pts[which]![2] = vis;
          return checkView(frame(pts[0]!, pts[1]!, pts[2]!, pts[3]!), 120) !== 'good';
        },
      ),
    );
  });
  it('the judge needs a run of good frames and reports the commonest recent problem', () => {
    const judge = createViewJudge(3, 5);
    expect(judge('foot')).toBe('foot');
    expect(judge('back')).toBe('foot');
    expect(judge('back')).toBe('back');
    expect(judge('good')).toBe('back');
    expect(judge('good')).toBe('back');
    expect(judge('good')).toBe('good');
    expect(() => createViewJudge(0)).toThrow(/needGood/);
  });
});
