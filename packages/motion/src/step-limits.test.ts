// What the person's reps teach the rep states' limits, and what a camera and a sensor start with.
import { describe, expect, it } from 'vitest';
import { createStepLimits, forgetReps, learnToesUp, repCounted } from './step-limits.ts';
import { DEFAULT_TRACKER } from './tracker-options.ts';

describe('step limits', () => {
  it('lets a still camera toes-down swing become a rest after 1 s; a sensor never', () => {
    expect(createStepLimits(DEFAULT_TRACKER, 'camera').restEndsSwingMs).toBe(1000);
    expect(createStepLimits(DEFAULT_TRACKER, 'sensor').restEndsSwingMs).toBe(Number.POSITIVE_INFINITY);
    expect(createStepLimits(DEFAULT_TRACKER, 'sensor').firstEndHystereses).toBe(2);
  });

  it('takes a toes-up peak under half the usual one as a rest only for a person whose toes-up end is plain', () => {
    const l = createStepLimits({ ...DEFAULT_TRACKER, stillDeg: 2 }, 'camera');
    learnToesUp(l, 12);
    expect(l.toesUpPeakFromDeg).toBe(6);
    learnToesUp(l, 3.5);
    expect(l.toesUpPeakFromDeg).toBe(Number.NEGATIVE_INFINITY);
  });

  it('lets a live rest complete a rep only after a counted rep, and forgets both on a reset', () => {
    const l = createStepLimits(DEFAULT_TRACKER, 'camera');
    expect(l.restEndsRepMs).toBe(Number.POSITIVE_INFINITY);
    repCounted(l, null);
    expect(l.restEndsRepMs).toBe(Number.POSITIVE_INFINITY);
    repCounted(l, 1.5);
    learnToesUp(l, 20);
    expect(l.restEndsRepMs).toBe(1500);
    forgetReps(l);
    expect(l.restEndsRepMs).toBe(Number.POSITIVE_INFINITY);
    expect(l.toesUpPeakFromDeg).toBe(Number.NEGATIVE_INFINITY);
  });
});
