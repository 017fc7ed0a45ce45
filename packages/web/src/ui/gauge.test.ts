import { describe, expect, it } from 'vitest';
import { en } from '../i18n/messages-en.ts';
import { angleText } from './gauge.ts';

const words = {
  down: (deg: number) => en['session.angleDown'].replace('{deg}', String(deg)),
  up: (deg: number) => en['session.angleUp'].replace('{deg}', String(deg)),
};

describe('gauge angle text', () => {
  it('says the size and the direction of the angle instead of a minus sign', () => {
    expect(angleText(-23.6, words)).toBe('24° toes down');
    expect(angleText(11.2, words)).toBe('11° toes up');
    expect(angleText(0.4, words)).toBe('0°');
    expect(angleText(-0.4, words)).toBe('0°');
  });
});
