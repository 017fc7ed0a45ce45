// The motion benchmark's leg-moved tables: the flag's precision and recall as a table cell, which
// movements it catches by what moved and how far, and how it fares by the order the reps were
// paired in (bench/motion.bench.ts writes them into bench/results/motion.md).

import type { SetScore, StressOutcome } from '../tools/synth/src/index.ts';

export const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);

/**
 * Leg-moved precision / recall over the reps the engine judged in `out`, with the moved among them
 * and the reps it left unjudged because the leg was held unseen through most of the rep (and how
 * many of those moved): they are in neither precision nor recall. `none` when no rep was judged
 * moved or flagged.
 */
export function legCell(out: readonly { readonly score: SetScore }[], none: string): string {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let unseen = 0;
  let unseenMoved = 0;
  for (const { score } of out) {
    tp += score.legTp;
    fp += score.legFp;
    fn += score.legFn;
    unseen += score.legUnseen;
    unseenMoved += score.legUnseenMoved;
  }
  if (tp + fp + fn === 0) return none;
  const notSeen = unseen > 0 ? `; leg not seen in ${unseen} more, ${unseenMoved} of them moved` : '';
  return `${pct(tp, tp + fp)} / ${pct(tp, tp + fn)} (${tp + fn} moved${notSeen})`;
}

/** What moved the leg, binned as a clinician would say it: [label, kind, from, to) (the stress set draws up to 30 deg and 10 cm). */
const LEG_MOVE_BINS: readonly [string, 'slide' | 'knee-bend', number, number][] = [
  ['knee bent 10-15 deg', 'knee-bend', 10, 15],
  ['knee bent 15-20 deg', 'knee-bend', 15, 20],
  ['knee bent 20-30 deg', 'knee-bend', 20, Number.POSITIVE_INFINITY],
  ['leg slid 3-5 cm', 'slide', 3, 5],
  ['leg slid 5-7 cm', 'slide', 5, 7],
  ['leg slid 7-10 cm', 'slide', 7, Number.POSITIVE_INFINITY],
];

/**
 * The camera's leg-moved flag on matched reps during which the leg moved, by what moved and how
 * far, held-out and tuning seeds side by side; then the movements issue 9 names (a knee bent 15 deg
 * or more, a slide of several cm, taken as 5 cm or more).
 */
export function legMoveTable(heldOut: readonly StressOutcome[], tuning: readonly StressOutcome[]): string {
  const moves = (out: readonly StressOutcome[]) => out.flatMap((o) => o.score.legMoves);
  const cell = (out: readonly StressOutcome[], keep: (m: { kind: string; size: number }) => boolean) => {
    const ms = moves(out).filter((m) => keep(m.move));
    const flagged = ms.filter((m) => m.flagged).length;
    return `${ms.length} | ${pct(flagged, ms.length)}`;
  };
  const rows = LEG_MOVE_BINS.map(([label, kind, lo, hi]) => {
    const keep = (m: { kind: string; size: number }) => m.kind === kind && m.size >= lo && m.size < hi;
    return `| ${label} | ${cell(heldOut, keep)} | ${cell(tuning, keep)} |`;
  });
  const named = (m: { kind: string; size: number }) => (m.kind === 'knee-bend' ? m.size >= 15 : m.size >= 5);
  return [
    '| what moved during the rep | reps, held out | flagged | reps, tuning seeds | flagged |',
    '| --- | --: | --: | --: | --: |',
    ...rows,
    `| **knee bent 15 deg or more, or slid 5 cm or more** | ${cell(heldOut, named)} | ${cell(tuning, named)} |`,
    `| **all** | ${cell(heldOut, () => true)} | ${cell(tuning, () => true)} |`,
  ].join('\n');
}

/**
 * The camera's leg-moved flag over the sets whose reps were paired in the person's own order and
 * over those paired the other way (a rep's toes-up end taken from the rep after: its leg window
 * then covers the wrong stretch), held out and tuning seeds.
 */
export function legByOrderTable(heldOut: readonly StressOutcome[], tuning: readonly StressOutcome[]): string {
  const cell = (out: readonly StressOutcome[]) => `${out.length} | ${legCell(out, 'n/a')}`;
  const rowOf = (label: string, wrong: boolean) =>
    `| ${label} | ${cell(heldOut.filter((o) => o.score.pairedWrongWay === wrong))} | ${cell(tuning.filter((o) => o.score.pairedWrongWay === wrong))} |`;
  return [
    '| camera sets | sets, held out | leg-moved precision / recall | sets, tuning seeds | leg-moved precision / recall |',
    '| --- | --: | --: | --: | --: |',
    rowOf("reps paired in the person's own order", false),
    rowOf('reps paired in the other order', true),
  ].join('\n');
}
