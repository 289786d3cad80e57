/**
 * How a card shows its match score (a calibrated probability): a whole percent, or one decimal where
 * whole percents would make different scores of the same ranking look tied ("73.4% match" above
 * "73.2% match" rather than two "73% match").
 */

/** The whole percents that more than one distinct score of a ranking rounds to. */
export function crowdedPercents(scores: Iterable<number>): Set<number> {
  const first = new Map<number, number>();
  const crowded = new Set<number>();
  for (const score of scores) {
    if (!(score >= 0 && score <= 1)) {
      continue;
    }
    const pct = Math.round(score * 100);
    const seen = first.get(pct);
    if (seen === undefined) {
      first.set(pct, score);
    } else if (seen !== score) {
      crowded.add(pct);
    }
  }
  return crowded;
}

/**
 * "87% match" for a calibrated score, "73.4% match" when its whole percent is in `crowded`;
 * null for scores on another scale.
 */
export function scoreText(
  score: number,
  crowded?: ReadonlySet<number>
): string | null {
  if (!(score >= 0 && score <= 1)) {
    return null;
  }
  const pct = Math.round(score * 100);
  if (crowded?.has(pct)) {
    const tenths = Math.round(score * 1000);
    return tenths >= 1000
      ? '>99.9% match'
      : tenths < 1
        ? '<0.1% match'
        : `${(tenths / 10).toFixed(1)}% match`;
  }
  return pct >= 100 ? '>99% match' : pct < 1 ? '<1% match' : `${pct}% match`;
}
