export interface ReportedShare {
  km2: number;
  /** Percent of the whole, truncated to two decimals. */
  percent: number;
}

/**
 * The whole areas, in km² to the hundredth, for which every reported percent is the truncated share of its area:
 * `floor(km2 / whole * 10000) = percent * 100`. Integer hundredths keep floating point out of the bounds.
 * Throws when no whole fits them all: the reported figures contradict each other.
 */
export function wholeAreaRange(shares: readonly ReportedShare[]): { min: number; max: number } {
  let low = 0;
  let high = Number.POSITIVE_INFINITY;
  for (const { km2, percent } of shares) {
    const area = Math.round(km2 * 100);
    const basisPoints = Math.round(percent * 100);
    if (basisPoints <= 0) throw new Error(`cannot derive a whole from a share of ${percent}%`);
    low = Math.max(low, Math.floor((area * 10000) / (basisPoints + 1)) + 1);
    high = Math.min(high, Math.floor((area * 10000) / basisPoints));
  }
  if (shares.length === 0 || low > high) throw new Error('the reported areas and percentages fit no single whole area');
  return { min: low / 100, max: high / 100 };
}

/** The middle of `wholeAreaRange`, to the hundredth of a km². */
export function plannedArea(shares: readonly ReportedShare[]): number {
  const { min, max } = wholeAreaRange(shares);
  return Math.round(((min + max) / 2) * 100) / 100;
}
