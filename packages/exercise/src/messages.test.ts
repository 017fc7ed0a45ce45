import { describe, expect, it } from 'vitest';
import { formatMessage, MESSAGES_EN } from './messages.ts';
import { CUE_MESSAGE } from './session-phases.ts';

describe('message table', () => {
  it('fills params and reads a side as words', () => {
    expect(formatMessage('session.start', { set: 1, sets: 2, reps: 10, side: 'left' })).toBe(
      'Set 1 of 2: 10 pumps with your left foot.',
    );
    expect(formatMessage('cue.pointToes', { side: 'both' })).toBe(
      'Point the toes of both feet down, away from you.',
    );
  });

  it('leaves a missing param visible rather than inventing a value', () => {
    expect(formatMessage('session.repCount', { count: 3 })).toBe('3 of {target}.');
  });

  it('has text for every cue', () => {
    for (const key of Object.values(CUE_MESSAGE)) expect(MESSAGES_EN[key].length).toBeGreaterThan(5);
  });
});
