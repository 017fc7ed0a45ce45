import { describe, expect, it } from 'vitest';
import { createImuAngle } from './imu-angle.ts';
import { createSwingAxis, createSwingTeacher } from './swing-axis.ts';

const D2R = Math.PI / 180;
const HZ = 100;
const DT = 1 / HZ;

/** Gyro samples of a smooth swing of `deg` about unit `axis` over `s` seconds (a raised-cosine rate). */
function swing(deg: number, axis: readonly number[], s: number): number[][] {
  const n = Math.round(s * HZ);
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const rate = ((deg * D2R) / s) * (1 - Math.cos((2 * Math.PI * (i + 0.5)) / n));
    out.push(axis.map((a) => a * rate));
  }
  return out;
}
const still = (s: number) => Array.from({ length: Math.round(s * HZ) }, () => [0, 0, 0]);
const plus = (a: number[][], b: readonly number[]) => a.map((g) => g.map((x, i) => x + b[i]!));
const angleDeg = (a: ArrayLike<number>, b: readonly number[]) =>
  Math.acos(Math.min(1, Math.abs(a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!))) / D2R;

/** Feeds gyro samples; returns the swings that ended (axis, turn). */
function swingsOf(gyro: number[][]) {
  const s = createSwingAxis();
  const ended: { axis: number[]; turnDeg: number }[] = [];
  for (const [x, y, z] of gyro)
    if (s.push(x!, y!, z!, DT)) ended.push({ axis: [...s.axis], turnDeg: s.turnDeg });
  return ended;
}

describe('swing axis', () => {
  it("reads a pump's own axis while the leg rolls slowly about another", () => {
    // A 20-deg pump about x in 0.5 s, the leg rolling about y at 3 deg/s throughout: over the 2 s
    // before the pump the roll alone has turned the foot 6 deg about y.
    const roll = [0, 3 * D2R, 0];
    const gyro = plus([...still(2), ...swing(20, [1, 0, 0], 0.5), ...still(0.5)], roll);
    const ended = swingsOf(gyro).filter((e) => e.turnDeg > 8);
    expect(ended).toHaveLength(1);
    expect(angleDeg(ended[0]!.axis, [1, 0, 0])).toBeLessThan(6);
    expect(ended[0]!.turnDeg).toBeGreaterThan(17);
  });

  it('ends a swing where the foot turns back: toes down, then up, two swings of opposite turn', () => {
    const ended = swingsOf([
      ...still(0.5),
      ...swing(30, [0, 0, 1], 0.6),
      ...swing(-30, [0, 0, 1], 0.6),
      ...still(0.5),
    ]);
    const big = ended.filter((e) => e.turnDeg > 20);
    expect(big).toHaveLength(2);
    expect(big[0]!.axis[2]! * big[1]!.axis[2]!).toBeLessThan(0);
  });

  it('learns nothing from a turn slower than 6 deg/s, one that lasts longer than a pump, or across a gap', () => {
    // 15 deg over 6 s (at most 5 deg/s), 60 deg over 8 s (above 6 deg/s for 4.6 s).
    expect(swingsOf([...swing(15, [0, 1, 0], 6), ...still(0.5)])).toHaveLength(0);
    expect(swingsOf([...swing(60, [0, 1, 0], 8), ...still(0.5)])).toHaveLength(0);
    const s = createSwingAxis();
    for (const [x, y, z] of swing(20, [1, 0, 0], 0.4).slice(0, 20)) s.push(x!, y!, z!, DT);
    expect(s.push(0, 0, 0, 0)).toBe(false);
  });
});

describe('swing teacher', () => {
  it('leaves the axis alone while the leg only rolls slowly at the hip, before the first pump', () => {
    const angle = createImuAngle();
    angle.seedAxis(1, 0, 0);
    const teacher = createSwingTeacher();
    // 16 deg each way over 3 s about z: the largest swing yet, but at a roll's pace, not a pump's.
    for (let i = 0; i < 4; i++)
      for (const [x, y, z] of [...swing(16, [0, 0, 1], 3), ...swing(-16, [0, 0, 1], 3)])
        teacher.push(x!, y!, z!, DT, angle);
    expect(angleDeg(angle.axis!, [1, 0, 0])).toBeLessThan(0.001);
  });

  it("moves an axis seeded 60 deg off onto the pumps; fidgets and a leg's roll after the set do not move it", () => {
    const angle = createImuAngle();
    const truth = [1, 0, 0];
    angle.seedAxis(Math.cos(60 * D2R), Math.sin(60 * D2R), 0);
    const teacher = createSwingTeacher();
    const feed = (gyro: number[][]) => {
      for (const [x, y, z] of gyro) teacher.push(x!, y!, z!, DT, angle);
    };
    // Swings of 4 deg (a fidget) teach nothing.
    feed([...swing(4, truth, 0.3), ...still(0.3), ...swing(-4, truth, 0.3), ...still(0.3)]);
    expect(angleDeg(angle.axis!, truth)).toBeCloseTo(60, 5);
    // Pumps of 25 deg, down and up: each draws the axis part of the way.
    for (let i = 0; i < 8; i++)
      feed([...swing(-25, truth, 0.5), ...still(0.4), ...swing(25, truth, 0.5), ...still(0.4)]);
    expect(angleDeg(angle.axis!, truth)).toBeLessThan(3);
    // After the set, the leg rolls 15 deg back and forth at the hip, about an axis square to the
    // pumps': over half the pumps' size but far from their axis, it leaves the axis where it was.
    const before = [...angle.axis!];
    for (let i = 0; i < 6; i++)
      feed([...swing(15, [0, 0, 1], 1.2), ...still(0.3), ...swing(-15, [0, 0, 1], 1.2)]);
    expect(angleDeg(angle.axis!, before)).toBeLessThan(0.001);
  });
});
