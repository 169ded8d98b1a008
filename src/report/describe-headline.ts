import { decideOutputVerdict } from '../compare/decide-gate.ts';
import type { Comparison, Report, Verdict } from '../compare/schema.ts';
import { describeChange } from './describe-change.ts';
import { formatCount } from './format-value.ts';

/** The icon each verdict is shown with. */
export const VERDICT_ICONS: Record<Verdict, string> = {
  regressed: '❌',
  improved: '✅',
  unchanged: '➖',
  inconclusive: '⚠️',
  new: '🆕',
  missing: '❔',
  errored: '💥',
};

/** How a headline shows a string from results: escaped for markdown, sanitised for a terminal. */
export type TextFormatter = (text: string) => string;

/** The first line a reviewer reads: an icon for markdown, and the words. */
export interface Headline {
  icon: string;
  text: string;
}

/**
 * `count` and the noun, in the singular for 1.
 * @example plural(2, 'regression') // => '2 regressions'
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/**
 * Names a comparison for prose: the benchmark id, plus the metric when the comparison is a
 * diagnostic (not gated) or its benchmark has more than one gated comparison.
 * @param comparison the comparison to name
 * @param report the report it belongs to
 * @param format how strings from results are shown
 * @returns e.g. `layout/ddsplit-replay · bytes-copied`
 */
export function nameComparison(comparison: Comparison, report: Report, format: TextFormatter): string {
  const siblings = report.comparisons.filter((other) => other.id === comparison.id && other.gate).length;
  return !comparison.gate || siblings > 1 ? `${format(comparison.id)} · ${format(comparison.metric)}` : format(comparison.id);
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
 * One comparison's change for prose: `layout/ddsplit-replay throughput −21.3% (95% CI −23.0% … −19.4%)`.
 * @param comparison any comparison
 * @param report the report it belongs to
 * @param format how strings from results are shown
 */
export function describeMove(comparison: Comparison, report: Report, format: TextFormatter): string {
  const words = describeChange(comparison);
  const name = nameComparison(comparison, report, format);
  if (words === null) return name;
  return `${name} ${words.subject === 'throughput' ? words.subject : format(words.subject)} ${words.value}${words.interval === null ? '' : ` (${words.level} CI ${words.interval})`}`;
}

const LISTED = 3;

/**
 * The decision in one line, in the words of the action's outputs: the `verdict` output (`fail`,
 * `pass`, `no-baseline`), then the `regressions` and `improvements` counts, which count gated
 * comparisons only, then gated inconclusive and errored counts; after a dash the gated
 * regressions (at most 3) with their change and interval, or what else failed the gate.
 * Comparisons with `gate: false` never appear here: they are diagnostics.
 * @param report the report
 * @param format how strings from results are shown (escaping)
 * @returns the icon (❌ fail, ✅ pass, 👋 no baseline) and the words
 */
export function describeHeadline(report: Report, format: TextFormatter): Headline {
  const verdict = decideOutputVerdict(report);
  const gated = report.summary.gated;
  if (verdict === 'no-baseline') {
    return {
      icon: '👋',
      text: `no-baseline: first run of set ${format(report.benchmarkSet)}, ${plural(countBenchmarks(report.comparisons), 'benchmark')} measured, nothing to compare yet (not a failure)`,
    };
  }
  const counts = [plural(gated.regressed, 'regression'), plural(gated.improved, 'improvement')];
  if (gated.inconclusive > 0) counts.push(`${formatCount(gated.inconclusive)} inconclusive`);
  if (gated.errored > 0) counts.push(`${formatCount(gated.errored)} errored`);
  const regressed = report.comparisons.filter((c) => c.gate && c.verdict === 'regressed');
  const worstFirst = [...regressed].sort((a, b) => (describeWorse(a) ?? 0) - (describeWorse(b) ?? 0));
  let detail = '';
  if (worstFirst.length > 0) {
    const listed = worstFirst.slice(0, LISTED).map((c) => describeMove(c, report, format));
    detail = ` — ${listed.join('; ')}${worstFirst.length > LISTED ? `; and ${formatCount(worstFirst.length - LISTED)} more` : ''}`;
  } else if (report.gate.failed) {
    const blocking = report.comparisons.filter((c) => report.gate.blocking.some((ref) => ref.id === c.id && ref.metric === c.metric));
    detail = ` — ${blocking
      .slice(0, LISTED)
      .map((c) => `${nameComparison(c, report, format)} ${c.verdict}`)
      .join('; ')}${blocking.length > LISTED ? `; and ${formatCount(blocking.length - LISTED)} more` : ''}`;
  } else if (report.comparisons.every((c) => !c.gate)) {
    detail = ' — no gated comparisons';
  }
  return { icon: verdict === 'fail' ? '❌' : '✅', text: `${verdict}: ${counts.join(', ')}${detail}` };
}

/** The oriented log change (negative is worse), for ordering regressions worst first. */
function describeWorse(comparison: Comparison): number | null {
  const change = 'change' in comparison ? comparison.change : null;
  return change === null ? Number.NEGATIVE_INFINITY : Math.log1p(change.throughput);
}
