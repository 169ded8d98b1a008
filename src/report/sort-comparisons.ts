import { changeOf, type Comparison, type Verdict } from '../compare/schema.ts';

const DISPLAY_ORDER: Record<Verdict, number> = {
  regressed: 0,
  errored: 1,
  inconclusive: 2,
  improved: 3,
  missing: 4,
  new: 5,
  unchanged: 6,
};

/**
 * Folding tiers, folded first → folded last: unchanged, then new and missing (no change to
 * show), then improved and inconclusive by size of change, then errored; regressions go last.
 */
const FOLD_TIER: Record<Verdict, number> = {
  unchanged: 0,
  new: 1,
  missing: 1,
  improved: 2,
  inconclusive: 2,
  errored: 3,
  regressed: 4,
};

/**
 * The size of a comparison's change on the decision scale (|log| of the throughput factor), so
 * a halving and a doubling weigh the same; 0 without a change, the largest number when infinite.
 * @param comparison any comparison
 */
export function changeSize(comparison: Comparison): number {
  const change = changeOf(comparison);
  if (change === null) return 0;
  const value = Math.abs(Math.log1p(change.throughput));
  return Number.isFinite(value) ? value : Number.MAX_VALUE;
}

function byName(a: Comparison, b: Comparison): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0;
}

/**
 * Orders comparisons for display: gated ones first; then regressed, errored, inconclusive,
 * improved, missing, new, unchanged; inside a verdict the largest change first, then by name.
 * @param comparisons any comparisons
 */
export function sortForDisplay(comparisons: readonly Comparison[]): Comparison[] {
  return [...comparisons].sort(
    (a, b) => Number(b.gate) - Number(a.gate) || DISPLAY_ORDER[a.verdict] - DISPLAY_ORDER[b.verdict] || changeSize(b) - changeSize(a) || byName(a, b),
  );
}

/**
 * Orders comparisons by how little a reader loses when the row is left out: diagnostics (not
 * gated) before gated ones; within each, unchanged rows first, then the smallest changes (see
 * `FOLD_TIER`); gated regressions last, the largest of all last.
 * @param comparisons any comparisons
 */
export function sortForFolding(comparisons: readonly Comparison[]): Comparison[] {
  return [...comparisons].sort(
    (a, b) => Number(a.gate) - Number(b.gate) || FOLD_TIER[a.verdict] - FOLD_TIER[b.verdict] || changeSize(a) - changeSize(b) || byName(b, a),
  );
}
