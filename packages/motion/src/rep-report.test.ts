// The "too shallow" warning's words: the numbers it shows must read as the rep falling short.
import { describe, expect, it } from 'vitest';
import { shallowMessage } from './rep-report.ts';

describe('the too-shallow warning', () => {
  it('shows whole degrees when they differ', () => {
    expect(shallowMessage(2, 12.2, 24)).toBe('rep 2: range 12 deg is below 24 deg');
  });

  it('never reads "24 deg is below 24 deg": a rep just short of the bar gets the decimals that show it', () => {
    // Seen on `anklepump analyze` of a quick pumper's landmark file: range 23.6 against a bar of 24.
    expect(shallowMessage(1, 23.6, 24)).toBe('rep 1: range 23.6 deg is below 24.0 deg');
    expect(shallowMessage(3, 23.96, 24.01)).toBe('rep 3: range 23.96 deg is below 24.01 deg');
  });
});
