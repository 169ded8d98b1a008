import type { Comparison, Report } from '../compare/schema.ts';
import { changeOf, intervalOf, pValuesOf } from '../compare/schema.ts';
import { describeHeadline } from './describe-headline.ts';
import { describeGate, describeReason } from './describe-reason.ts';
import { sanitizeText, truncateText } from './escape-markdown.ts';
import { formatFraction, formatP, formatPercent, formatPercentInterval, formatValue } from './format-value.ts';
import { diffEnvironments, sortForDisplay } from './render-markdown.ts';

function text(value: string, max = 80): string {
  return sanitizeText(truncateText(value, max));
}

function center(side: Comparison['baseline'], unit: string): string {
  return side === null || side.center === null ? '-' : text(formatValue(side.center, unit));
}

function adjustedP(comparison: Comparison): string {
  const p = pValuesOf(comparison);
  if (p === null) return '-';
  const worse = (changeOf(comparison)?.throughput ?? 0) < 0;
  return formatP(worse ? p.worseAdjusted : p.betterAdjusted);
}

/**
 * Renders the report for a terminal (`benchgate compare`): the headline, one aligned row per
 * comparison (baseline, current, throughput and metric change, interval, Holm-adjusted p,
 * verdict), the baseline and thresholds, and the gate line. Plain text: no markdown, and
 * control characters in names are replaced so they cannot move the cursor.
 * @param report the report
 * @returns lines of text
 */
export function renderTextTable(report: Report): string {
  const headline = describeHeadline(report, (value) => text(value))
    .map((part) => part.text)
    .join('; ');
  const level = formatFraction(report.settings.confidence);
  const header = ['benchmark', 'metric', 'baseline', 'current', 'throughput', 'metric chg', `${level} CI (throughput)`, 'p (Holm)', 'verdict'];
  const rows = sortForDisplay(report.comparisons).map((comparison) => {
    const change = changeOf(comparison);
    const interval = intervalOf(comparison);
    return [
    text(comparison.id),
    text(comparison.metric, 40),
    center(comparison.baseline, comparison.unit),
    center(comparison.current, comparison.unit),
    change ? formatPercent(change.throughput) : '-',
    change ? formatPercent(change.metric) : '-',
    interval ? formatPercentInterval(interval.throughput) : '-',
    adjustedP(comparison),
    `${comparison.verdict}${comparison.gate ? '' : ' (not gated)'}`,
  ];
  });
  const right = new Set([2, 3, 4, 5, 6, 7]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => Array.from(row[column]!).length)));
  const pad = (cell: string, column: number) => {
    const fill = ' '.repeat(widths[column]! - Array.from(cell).length);
    return right.has(column) ? fill + cell : cell + fill;
  };
  const line = (row: string[]) => row.map(pad).join('  ').trimEnd();
  const lines = [`benchgate · ${text(report.benchmarkSet)}: ${headline}`, ''];
  lines.push(line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line), '');
  for (const comparison of report.comparisons) {
    if (comparison.verdict === 'inconclusive' || comparison.verdict === 'errored') {
lines.push(`${comparison.verdict}: ${text(comparison.id)} ${text(comparison.metric, 40)}: ${text(describeReason(comparison, { tool: report.current.tool }), 300)}`);
    }
  }
  if (report.baseline === null) {
    lines.push('baseline: none yet (it is stored on the first push to the default branch); nothing was compared');
  } else {
    const how = report.baselineChoice === null ? 'given on the command line' : text(report.baselineChoice.description, 300);
    lines.push(`baseline: ${text(report.baseline.commit ?? 'unknown commit')} (${how})`);
    const differ = diffEnvironments(report.baseline.environment, report.current.environment);
    if (differ.length > 0) lines.push(`warning: environments differ in ${differ.join(', ')}`);
  }
  lines.push(
    `thresholds: alpha ${report.settings.alpha} (Holm-adjusted), threshold ${formatFraction(report.settings.threshold)}, ${level} ${report.settings.interval} intervals, seed ${report.settings.seed}`,
  );
  const gate = describeGate(report, (value) => text(value));
  const reasons = gate.reasons.map((reason) => text(reason, 300));
  for (const warning of gate.warnings) lines.push(`warning: ${text(warning, 300)}`);
  lines.push(report.gate.failed ? `gate: FAILED${reasons.length > 0 ? `: ${reasons.join('; ')}` : ''}` : 'gate: passed');
  return lines.join('\n');
}
