import type { Comparison, Report } from '../compare/schema.ts';
import { describeHeadline } from './describe-headline.ts';
import { sanitizeText, truncateText } from './escape-markdown.ts';
import { formatFraction, formatP, formatPercent, formatPercentInterval, formatValue } from './format-value.ts';
import { diffFingerprints } from '../compare/fingerprint.ts';
import { sortForDisplay } from './render-markdown.ts';

function text(value: string, max = 80): string {
  return sanitizeText(truncateText(value, max));
}

function center(side: Comparison['baseline'], unit: string): string {
  return side === null || side.center === null ? '-' : text(formatValue(side.center, unit));
}

function adjustedP(comparison: Comparison): string {
  if (comparison.p === null) return '-';
  const worse = (comparison.change?.throughput ?? 0) < 0;
  return formatP(worse ? comparison.p.worseAdjusted : comparison.p.betterAdjusted);
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
  const rows = sortForDisplay(report.comparisons).map((comparison) => [
    text(comparison.id),
    text(comparison.metric, 40),
    center(comparison.baseline, comparison.unit),
    center(comparison.current, comparison.unit),
    comparison.change ? formatPercent(comparison.change.throughput) : '-',
    comparison.change ? formatPercent(comparison.change.metric) : '-',
    comparison.interval ? formatPercentInterval(comparison.interval.throughput) : '-',
    adjustedP(comparison),
    `${comparison.verdict}${comparison.gate ? '' : ' (not gated)'}`,
  ]);
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
      const { runsNeeded } = comparison;
      const settle =
        runsNeeded === null || comparison.reason.includes(`${runsNeeded} runs`) ? '' : ` (about ${runsNeeded} runs per side would settle it)`;
      const error =
        comparison.error === undefined || comparison.reason.includes(comparison.error.message)
          ? ''
          : ` (${comparison.error.side} side: ${text(comparison.error.message, 300)})`;
      lines.push(`${comparison.verdict}: ${text(comparison.id)} ${text(comparison.metric, 40)}: ${text(comparison.reason, 300)}${settle}${error}`);
    }
  }
  if (report.baseline === null) {
    lines.push('baseline: none yet (it is stored on the first push to the default branch); nothing was compared');
  } else {
    const how = report.baselineChoice === null ? 'given on the command line' : text(report.baselineChoice.description, 300);
    lines.push(`baseline: ${text(report.baseline.commit ?? 'unknown commit')} (${how})`);
    const differ = diffFingerprints(report.baseline.environment, report.current.environment, report.settings.fingerprintMismatch).map((difference) => difference.field);
    if (differ.length > 0) lines.push(`warning: environments differ in ${differ.join(', ')}`);
  }
  lines.push(
    `thresholds: alpha ${report.settings.alpha} (Holm-adjusted), threshold ${formatFraction(report.settings.threshold)}, ${level} ${report.settings.interval} intervals, seed ${report.settings.seed}`,
  );
  const reasons = report.gate.reasons.map((reason) => text(reason, 300));
  for (const warning of report.gate.warnings ?? []) lines.push(`warning: ${text(warning, 300)}`);
  lines.push(report.gate.failed ? `gate: FAILED${reasons.length > 0 ? `: ${reasons.join('; ')}` : ''}` : 'gate: passed');
  return lines.join('\n');
}
