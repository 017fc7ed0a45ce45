// The camera families' counts by how far the person's pumps stand above the landmarks' noise
// (tools/synth/src/pump-over-noise.ts, from the generator's truth): the condition that decides
// whether a set can be counted at all, whatever family drew it.

import {
  inPumpOverNoiseBand,
  PUMP_OVER_NOISE_BANDS,
  pumpOverNoiseBandName,
  type StressOutcome,
} from '../tools/synth/src/index.ts';
import { pct } from './motion-leg-tables.ts';

/** The engine's total is within what must and may count (as the naive counter is scored). */
export const totalRight = (o: StressOutcome) =>
  o.score.counted >= o.score.expected && o.score.counted <= o.score.expectedMax;

/**
 * The user heard why a count came out short: the noise hides pumps that small, the foot kept moving
 * with no pump counted (quick flicks), or it moved before its first rest, where counting starts.
 */
export const toldWhy = (o: StressOutcome) =>
  o.result.warnings.some(
    (w) => w.code === 'noisy' || w.code === 'uncounted' || w.code === 'moved-before-rest',
  );

function bandRow(name: string, out: readonly StressOutcome[]): string {
  if (out.length === 0) return `| ${name} | 0 | - | - | - | - | - |`;
  const exact = out.filter((o) => o.score.countExact).length;
  const total = out.filter(totalRight).length;
  const naive = out.filter((o) => o.baselineExact).length;
  const short = out.filter((o) => o.score.counted < o.score.expected);
  const told = short.filter(toldWhy).length;
  const none = out.filter((o) => o.score.counted === 0 && o.score.expected > 0);
  return `| ${name} | ${out.length} | ${pct(exact, out.length)} | ${pct(total, out.length)} | ${pct(naive, out.length)} | ${told} of ${short.length} | ${none.length} (${none.filter(toldWhy).length} told why) |`;
}

/** One row per band, then all: held-out `heldOut` and tuning `tuning` camera sets side by side. */
export function noiseBandTable(heldOut: readonly StressOutcome[], tuning: readonly StressOutcome[]): string {
  const rows: string[] = [];
  for (const [label, out] of [
    ['held out', heldOut],
    ['tuning', tuning],
  ] as const) {
    for (const band of PUMP_OVER_NOISE_BANDS) {
      const inBand = out.filter(
        (o) => o.pumpOverNoise !== null && inPumpOverNoiseBand(o.pumpOverNoise, band),
      );
      rows.push(bandRow(`${label}: pump ${pumpOverNoiseBandName(band)} x the noise`, inBand));
    }
    // NaN (no pump read) falls in no band; it is in the total.
    rows.push(bandRow(`**${label}: all camera sets**`, out));
  }
  return [
    '| seeds: median pump / angle noise SD, in the picture | sets | exact count | count right, total only | naive baseline exact | sets counted short: told why | sets counted 0 |',
    '| --- | --: | --: | --: | --: | --: | --: |',
    ...rows,
  ].join('\n');
}
