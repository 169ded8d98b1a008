import type { Comparison, Report } from '../compare/schema.ts';
import type { ActionsCore } from './actions-core.ts';

/**
 * Turns every regressed comparison into an annotation: `core.error` when it counts toward the
 * gate, `core.warning` when it is advisory only (`gate: false`). The details stay in the comment
 * and the summary; an annotation says what moved, by how much, and how sure we are.
 * @param core `@actions/core` or a fake
 * @param report the report
 * @returns how many annotations were made
 */
export function annotateRegressions(core: Pick<ActionsCore, 'error' | 'warning'>, report: Report): number {
  const regressed = report.comparisons.filter((comparison) => comparison.verdict === 'regressed');
  for (const comparison of regressed) {
    const title = `benchgate: ${comparison.id} regressed`;
    const message = describeRegression(comparison);
    if (comparison.gate) core.error(message, { title });
    else core.warning(message, { title: `${title} (advisory)` });
  }
  return regressed.length;
}

/**
 * One line on a regression, e.g.
 * `throughput -21.3% (95% CI -23.0% … -19.4%) on time (ms): adjusted p 0.0004, threshold 5%`.
 */
export function describeRegression(comparison: Comparison): string {
  const parts: string[] = [];
  if (comparison.change !== null) parts.push(`throughput ${formatPercent(comparison.change.throughput)}`);
  if (comparison.interval !== null) {
    const [low, high] = comparison.interval.throughput;
    parts.push(`(${formatLevel(comparison.interval.level)} CI ${formatPercent(low)} … ${formatPercent(high)})`);
  }
  parts.push(`on ${comparison.metric}${comparison.unit === '' ? '' : ` (${comparison.unit})`}`);
  const details = [`threshold ${formatPercent(comparison.threshold, false)}`];
  if (comparison.p !== null) details.unshift(`adjusted p ${formatP(comparison.p.worseAdjusted)}`);
  return `${parts.join(' ')}: ${details.join(', ')}. ${comparison.reason}`;
}

function formatPercent(fraction: number, signed = true): string {
  const text = `${(fraction * 100).toFixed(1)}%`;
  return signed && fraction > 0 ? `+${text}` : text;
}

function formatLevel(level: number): string {
  return `${Number((level * 100).toFixed(1))}%`;
}

function formatP(p: number): string {
  return p < 0.0001 ? p.toExponential(1) : String(Number(p.toPrecision(2)));
}
