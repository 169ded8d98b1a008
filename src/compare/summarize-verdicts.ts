import { VerdictSchema, type Comparison, type Summary, type VerdictCounts } from './schema.ts';

function emptyCounts(): VerdictCounts {
  return Object.fromEntries(VerdictSchema.options.map((verdict) => [verdict, 0])) as VerdictCounts;
}

/**
 * Counts comparisons per verdict, gated and not gated apart; every verdict is present, 0 when
 * none. Only `gated` decides the headline and the `regressions` / `improvements` outputs.
 * @param comparisons any comparisons
 * @example
 * summarizeVerdicts([{ verdict: 'regressed', gate: true, ... }]).gated.regressed // => 1
 */
export function summarizeVerdicts(comparisons: readonly Comparison[]): Summary {
  const summary: Summary = { gated: emptyCounts(), notGated: emptyCounts() };
  for (const comparison of comparisons) summary[comparison.gate ? 'gated' : 'notGated'][comparison.verdict] += 1;
  return summary;
}
