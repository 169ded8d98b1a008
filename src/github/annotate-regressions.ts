import type { Comparison, Report } from '../compare/schema.ts';
import { describeChangePhrase } from '../report/describe-change.ts';
import { describeReason } from '../report/describe-reason.ts';
import { formatFraction, formatP } from '../report/format-value.ts';
import type { ActionsCore } from './actions-core.ts';

/**
 * Turns every gated regression into an error annotation. The details stay in the comment and
 * the summary; an annotation says what moved, by how much, and how sure we are, in the same words
 * and number formats as the comment. Metrics that are not gated are diagnostics whose better
 * direction is not asserted, so they get no annotation (the comment lists them as higher or lower).
 * @param core `@actions/core` or a fake
 * @param report the report
 * @returns how many annotations were made
 */
export function annotateRegressions(core: Pick<ActionsCore, 'error'>, report: Report): number {
  const regressed = report.comparisons.filter((comparison) => comparison.gate && comparison.verdict === 'regressed');
  for (const comparison of regressed) {
    core.error(describeRegression(comparison, report.current.tool), { title: `benchgate: ${comparison.id} regressed` });
  }
  return regressed.length;
}

/**
 * One line on a regression, e.g.
 * `throughput −21.3% (95% CI −23.0% … −19.4%) on latency-p50 (ns): Holm-adjusted p 4.9e-4, threshold 5%. worse beyond …`.
 * @param comparison a comparison (regressed, normally)
 * @param tool the producing tool, for the hint in the reason
 */
export function describeRegression(comparison: Comparison, tool: string | null = null): string {
  const change = describeChangePhrase(comparison);
  const parts = [...(change === null ? [] : [change]), `on ${comparison.metric}${comparison.unit === '' ? '' : ` (${comparison.unit})`}`];
  const details = [`threshold ${formatFraction(comparison.threshold)}`];
  if ('p' in comparison && comparison.p !== null) details.unshift(`Holm-adjusted p ${formatP(comparison.p.worseAdjusted)}`);
  return `${parts.join(' ')}: ${details.join(', ')}. ${describeReason(comparison, { tool })}`;
}
