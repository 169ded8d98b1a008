import { VerdictSchema, type Comparison, type Summary } from './schema.ts';

/**
 * Counts comparisons per verdict; every verdict is present, 0 when none.
 * @example
 * summarizeVerdicts([{ verdict: 'regressed', ... }]).regressed // => 1
 */
export function summarizeVerdicts(comparisons: readonly Comparison[]): Summary {
  const summary = Object.fromEntries(VerdictSchema.options.map((verdict) => [verdict, 0])) as Summary;
  for (const comparison of comparisons) summary[comparison.verdict] += 1;
  return summary;
}
