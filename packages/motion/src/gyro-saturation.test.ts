import { describe, expect, it } from 'vitest';
import { createGyroSaturation, createSaturatedSpells, sensorSaturatedMessage } from './gyro-saturation.ts';

describe('gyro saturation', () => {
  it('finds the flat top of a turn rate clipped at the gyro limit, and only there', () => {
    const sat = createGyroSaturation();
    const limit = 2.5;
    const hits: number[] = [];
    for (let k = 0; k < 200; k++) {
      const t = k / 100;
      // A 5-rad/s swing on x, clipped; y and z carry small changing rates, as a real mounting does.
      const x = Math.max(-limit, Math.min(limit, 5 * Math.sin(2 * Math.PI * t)));
      const r = sat.add(x, 0.1 * Math.cos(7 * t), 0.05 * Math.sin(3 * t) + 0.001 * k);
      if (r !== 0) hits.push(k);
      // Where the swing is under the limit, nothing is said.
      if (Math.abs(5 * Math.sin(2 * Math.PI * t)) < limit) expect(r).toBe(0);
    }
    // The clipped parts of both half-swings (a third of each) are found, from their third sample.
    expect(hits.length).toBeGreaterThan(50);
    expect(hits.some((k) => k < 50)).toBe(true);
    expect(hits.some((k) => k > 50 && k < 100)).toBe(true);
  });

  it('says the rate it reached, with its sign', () => {
    const sat = createGyroSaturation();
    let r = 0;
    for (let k = 0; k < 5; k++) r = sat.add(-4.4, 0.01 * k, 0.2 - 0.01 * k);
    expect(r).toBe(-4.4);
  });

  it('does not take a sample delivered twice, or a still sensor, for saturation', () => {
    const sat = createGyroSaturation();
    // The whole reading repeated (a browser sending one sensor reading in two events).
    for (let k = 0; k < 10; k++) {
      const v = 1.5 + 0.1 * Math.floor(k / 2);
      expect(sat.add(v, -v, 2 * v)).toBe(0);
    }
    // A still sensor repeats its quantised readings, far below any limit.
    for (let k = 0; k < 10; k++) expect(sat.add(0.002, -0.001 * (k % 2), 0.004)).toBe(0);
  });

  it('keeps the saturated spells and tells which a rep overlaps', () => {
    const spells = createSaturatedSpells();
    for (let t = 1000; t <= 1100; t += 20) spells.add(t, 2.5);
    for (let t = 5000; t <= 5040; t += 20) spells.add(t, -4);
    expect(spells.within(0, 900)).toBe(0);
    expect(spells.within(1050, 3000)).toBe(2.5);
    expect(spells.within(900, 6000)).toBe(4);
    expect(spells.within(1101, 4999)).toBe(0);
    spells.reset();
    expect(spells.within(0, 10000)).toBe(0);
  });

  it('words the warning with the rep and the limit in degrees per second', () => {
    expect(sensorSaturatedMessage(4, 2.5)).toBe(
      "rep 4: the sensor's gyroscope reached its limit (143 deg/s), so this rep's degrees may read low; the count is not affected (pump more slowly for degrees you can trust)",
    );
  });
});
