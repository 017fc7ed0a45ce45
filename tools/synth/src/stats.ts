// How much a share measured on a few sets can be trusted, and whether a change to the engine won or
// lost more sets than chance would: the bench's held-out intervals and the tuning score's paired
// comparison. Pure functions.

/**
 * The Wilson score interval of `k` successes in `n` trials at `z` standard errors (1.96: 95%), as
 * shares 0..1: [lo, hi]. Unlike k/n +- z x its standard error it stays inside 0..1 and is not empty
 * at 0 or n (16 of 16 exact still says the true rate may be 81%). [NaN, NaN] when n is 0.
 */
export function wilsonInterval(k: number, n: number, z = 1.96): readonly [number, number] {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0 || k > n) {
    throw new RangeError(`wilsonInterval: need whole 0 <= k <= n, got k=${k}, n=${n}`);
  }
  if (n === 0) return [Number.NaN, Number.NaN];
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * McNemar's exact test on two runs over the same sets: `lost` sets exact before and not after,
 * `won` the reverse (the sets both runs got right or both got wrong say nothing of the change).
 * Two-sided: the chance, were the change no better or worse than before, of a split at least this
 * uneven, twice the binomial tail at p = 1/2, at most 1. 1 when no set changed.
 */
export function mcnemarExactP(lost: number, won: number): number {
  if (!Number.isInteger(lost) || !Number.isInteger(won) || lost < 0 || won < 0) {
    throw new RangeError(`mcnemarExactP: need whole counts >= 0, got lost=${lost}, won=${won}`);
  }
  const n = lost + won;
  if (n === 0) return 1;
  const k = Math.min(lost, won);
  // P(X <= k) for X ~ Binomial(n, 1/2), by a running term (no factorials to overflow).
  let term = 0.5 ** n;
  let tail = term;
  for (let i = 1; i <= k; i++) {
    term *= (n - i + 1) / i;
    tail += term;
  }
  return Math.min(1, 2 * tail);
}

/** "57.6% (49.4-65.4%)": `k` of `n` with its 95% Wilson interval, one decimal. */
export function shareWithInterval(k: number, n: number): string {
  if (n === 0) return 'n/a';
  const [lo, hi] = wilsonInterval(k, n);
  return `${((100 * k) / n).toFixed(1)}% (${(100 * lo).toFixed(1)}-${(100 * hi).toFixed(1)}%)`;
}
