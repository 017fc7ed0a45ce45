import { readFileSync } from 'node:fs';
import { MESSAGES_EN } from '@anklepump/exercise';
import { describe, expect, it } from 'vitest';

// The seed text's sentences belong to someone else: the product must say things in its own words.
const seed = readFileSync(
  new URL('../../../../shared/reference/seed-ankle-pumps.txt', import.meta.url),
  'utf8',
);
const words = (s: string) => s.toLowerCase().match(/[a-z0-9']+/g) ?? [];

function shingles(text: string, n: number): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '));
  return out;
}

describe('product wording', () => {
  it('shares no run of 7 words with the seed text', () => {
    const seedRuns = shingles(seed, 7);
    const copied = Object.entries(MESSAGES_EN).flatMap(([key, text]) =>
      [...shingles(text, 7)].filter((s) => seedRuns.has(s)).map((s) => `${key}: "${s}"`),
    );
    expect(copied).toEqual([]);
  });
});
