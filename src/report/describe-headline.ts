import type { Comparison, Report, Verdict } from '../compare/schema.ts';
import { changeOf, intervalOf, pValuesOf } from '../compare/schema.ts';
import { formatFraction, formatPercent, formatPercentInterval } from './format-value.ts';

/** The icon each verdict is shown with, in the comment and the chart legend. */
export const VERDICT_ICONS: Record<Verdict, string> = {
  regressed: '❌',
  improved: '✅',
  unchanged: '➖',
  inconclusive: '⚠️',
  new: '🆕',
  missing: '❔',
  errored: '💥',
};

/** One clause of the headline: an icon for markdown and the words, already formatted. */
export interface HeadlinePart {
  icon: string;
  text: string;
}

/** How a headline shows a string from results: escaped for markdown, sanitised for a terminal. */
export type TextFormatter = (text: string) => string;

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Names a comparison for prose: the benchmark id, plus the metric when the benchmark has
 * more than one metric in the report.
 * @param comparison the comparison to name
 * @param report the report it belongs to
 * @param format how strings from results are shown
 * @returns e.g. `layout/ddsplit-replay (latency-p50)`
 */
export function nameComparison(comparison: Comparison, report: Report, format: TextFormatter): string {
  const siblings = report.comparisons.filter((other) => other.id === comparison.id).length;
  return siblings > 1 ? `${format(comparison.id)} (${format(comparison.metric)})` : format(comparison.id);
}

function describeExtreme(comparison: Comparison, report: Report, format: TextFormatter): string {
  const change = changeOf(comparison);
  if (change === null) return nameComparison(comparison, report, format);
  const shown = intervalOf(comparison);
  const interval =
    shown === null || shown.method === 'exact' ? '' : `, ${formatFraction(shown.level)} CI ${formatPercentInterval(shown.throughput)}`;
  return `throughput ${formatPercent(change.throughput)} on ${nameComparison(comparison, report, format)}${interval}`;
}

/**
 * The largest move in one direction, preferring gated timings (time per operation is what
 * "throughput" literally describes), then any gated comparison, then any at all.
 */
function extreme(comparisons: readonly Comparison[], sign: 1 | -1): Comparison | undefined {
  const gated = comparisons.filter((comparison) => comparison.gate);
  const timings = gated.filter((comparison) => comparison.unit === 'ns');
  const pool = timings.length > 0 ? timings : gated.length > 0 ? gated : comparisons;
  let best: Comparison | undefined;
  for (const comparison of pool) {
    const value = sign * (changeOf(comparison)?.throughput ?? 0);
    if (best === undefined || value > sign * (changeOf(best)?.throughput ?? 0)) best = comparison;
  }
  return best;
}

/**
 * Counts the distinct benchmarks among comparisons.
 * @param comparisons any comparisons
 * @returns the number of distinct ids
 */
export function countBenchmarks(comparisons: readonly Comparison[]): number {
  return new Set(comparisons.map((comparison) => comparison.id)).size;
}

/**
 * Builds the one-line verdict a busy reviewer reads first, as clauses: the regressions with the
 * worst one's throughput change and interval, then improvements, inconclusive, errored, new and
 * missing counts; "no significant change in N benchmarks" when nothing moved; a first-run
 * clause when there is no baseline.
 * @param report the report
 * @param format how strings from results are shown (escaping)
 * @returns the clauses, most important first; never empty
 */
export function describeHeadline(report: Report, format: TextFormatter): HeadlinePart[] {
  const byVerdict = (verdict: Verdict) => report.comparisons.filter((comparison) => comparison.verdict === verdict);
  if (report.baseline === null) {
    return [
      {
        icon: '👋',
        text: `No baseline yet: measured ${plural(countBenchmarks(report.comparisons), 'benchmark')}, nothing to compare against (not a failure)`,
      },
    ];
  }
  if (report.comparisons.length === 0) return [{ icon: 'ℹ️', text: 'no benchmarks to compare' }];
  const regressed = byVerdict('regressed');
  const improved = byVerdict('improved');
  const inconclusive = byVerdict('inconclusive');
  const errored = byVerdict('errored');
  const added = byVerdict('new');
  const missing = byVerdict('missing');
  const parts: HeadlinePart[] = [];
  if (regressed.length > 0) {
    parts.push({
      icon: VERDICT_ICONS.regressed,
      text: `${plural(regressed.length, 'regression')} (${describeExtreme(extreme(regressed, -1)!, report, format)})`,
    });
  }
  if (improved.length > 0) {
    const detail = parts.length === 0 ? ` (${describeExtreme(extreme(improved, 1)!, report, format)})` : '';
    parts.push({ icon: VERDICT_ICONS.improved, text: `${plural(improved.length, 'improvement')}${detail}` });
  }
  if (inconclusive.length > 0) parts.push({ icon: VERDICT_ICONS.inconclusive, text: `${inconclusive.length} inconclusive` });
  if (errored.length > 0) parts.push({ icon: VERDICT_ICONS.errored, text: `${errored.length} errored` });
  if (parts.length === 0) {
    const unchanged = byVerdict('unchanged');
    parts.push({
      icon: '✅',
      text:
        unchanged.length > 0
          ? `no significant change in ${plural(countBenchmarks(unchanged), 'benchmark')}`
          : 'nothing to compare on both sides',
    });
  }
  if (added.length > 0) parts.push({ icon: VERDICT_ICONS.new, text: `${added.length} new` });
  if (missing.length > 0) parts.push({ icon: VERDICT_ICONS.missing, text: `${missing.length} missing` });
  return parts;
}
