import { diffFingerprints } from '../compare/fingerprint.ts';
import type { Comparison, Report } from '../compare/schema.ts';
import { describeChange } from './describe-change.ts';
import { describeHeadline, nameComparison } from './describe-headline.ts';
import { describeDifference, describeFlagShort, describeGate, describeReason, isUnresolvedAcrossJobs } from './describe-reason.ts';
import { sanitizeText, truncateText } from './escape-markdown.ts';
import { formatFraction, formatValue } from './format-value.ts';
import { describeEnvironment, describeNoiseModels } from './render-footer.ts';
import { renderForestPlot } from './render-forest-plot.ts';
import { sortForDisplay } from './sort-comparisons.ts';

function text(value: string, max = 80): string {
  return sanitizeText(truncateText(value, max));
}

function center(side: Comparison['baseline'], unit: string): string {
  return side === null || side.center === null ? '-' : text(formatValue(side.center, unit));
}

function verdictText(comparison: Comparison): string {
  if (comparison.gate) return comparison.verdict;
  if (comparison.verdict === 'regressed' || comparison.verdict === 'improved') {
    const higher = 'change' in comparison && comparison.change !== null ? comparison.change.ratio >= 1 : true;
    return `${higher ? 'higher' : 'lower'} (not gated)`;
  }
  return `${comparison.verdict} (not gated)`;
}

/**
 * Renders the report for a terminal (`benchgate compare`): the decision line (the same words as
 * the comment's headline), one aligned row per comparison (benchmark, baseline → current, change
 * in its own terms, interval, verdict; diagnostics marked "not gated"), the forest plot, the
 * reasons of inconclusive and errored comparisons, data-quality notes one line per benchmark,
 * the baseline, noise model and thresholds, and the gate line last. Plain text: no markdown,
 * and control characters in names are replaced so they cannot move the cursor.
 * @param report the report
 * @returns lines of text
 */
export function renderTextTable(report: Report): string {
  const plain = (value: string) => text(value);
  const headline = describeHeadline(report, plain);
  const level = formatFraction(report.settings.confidence);
  const header = ['benchmark', 'baseline → current', 'change', `${level} CI`, 'verdict'];
  const rows = sortForDisplay(report.comparisons).map((comparison) => {
    const words = describeChange(comparison);
    return [
      nameComparison(comparison, report, plain),
      comparison.baseline === null && comparison.current === null
        ? '-'
        : `${center(comparison.baseline, comparison.unit)} → ${center(comparison.current, comparison.unit)}`,
      words === null ? '-' : `${words.value} ${text(words.subject, 40)}`,
      words?.interval ?? '-',
      verdictText(comparison),
    ];
  });
  const right = new Set([1, 3]);
  const widths = header.map((_, column) => [header, ...rows].reduce((most, row) => Math.max(most, Array.from(row[column]!).length), 0));
  const pad = (cell: string, column: number) => {
    const fill = ' '.repeat(widths[column]! - Array.from(cell).length);
    return right.has(column) ? fill + cell : cell + fill;
  };
  const line = (row: string[]) => row.map(pad).join('  ').trimEnd();
  const lines = [`benchgate · ${text(report.benchmarkSet)}: ${headline.text}`, ''];
  lines.push(line(header), line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) lines.push(line(row));
  lines.push('');
  const plot = renderForestPlot(
    report.comparisons.filter((comparison) => comparison.gate),
    report.settings.threshold,
    { level: report.settings.confidence },
  );
  if (plot !== '') lines.push(plot, '');
  for (const comparison of sortForDisplay(report.comparisons)) {
    if (comparison.verdict === 'inconclusive' || comparison.verdict === 'errored' || (comparison.gate && isUnresolvedAcrossJobs(comparison))) {
      lines.push(
        `${verdictText(comparison)}: ${nameComparison(comparison, report, plain)}: ${text(describeReason(comparison, { tool: report.current.tool }), 400)}`,
      );
    }
  }
  const notes = new Map<string, string[]>();
  for (const comparison of report.comparisons) {
    for (const flag of comparison.flags) {
      const list = notes.get(comparison.id) ?? [];
      const note = text(describeFlagShort(flag, comparison), 200);
      if (!list.includes(note)) list.push(note);
      notes.set(comparison.id, list);
    }
  }
  for (const [id, list] of notes) lines.push(`note: ${text(id)}: ${list.join('; ')}`);
  if (report.baseline === null) {
    lines.push('baseline: none yet (it is stored on the first push to the default branch); nothing was compared');
  } else {
    const how = report.baselineChoice === null ? 'given on the command line' : text(report.baselineChoice.description, 300);
    lines.push(`baseline: ${text(report.baseline.commit ?? 'unknown commit')} (${how})`);
    const differ = diffFingerprints(report.baseline.environment, report.current.environment, report.settings.fingerprintMismatch);
    if (differ.length > 0) {
      lines.push(
        `warning: measured on different machines (${differ.map((d) => text(describeDifference(d), 200)).join(', ')}): ${text(describeEnvironment(report.baseline.environment), 200)} vs ${text(describeEnvironment(report.current.environment), 200)}`,
      );
    }
    lines.push(`noise model: ${describeNoiseModels(report)}`);
  }
  lines.push(
    `thresholds: regression = throughput loss ≥ ${formatFraction(report.settings.threshold)}, alpha ${report.settings.alpha} (Holm-adjusted), ${level} ${report.settings.interval} intervals, seed ${report.settings.seed}`,
  );
  const gate = describeGate(report, plain);
  for (const warning of gate.warnings) lines.push(`warning: ${text(warning, 300)}`);
  const reasons = gate.reasons.map((reason) => text(reason, 300));
  lines.push(report.gate.failed ? `gate: FAILED${reasons.length > 0 ? `: ${reasons.join('; ')}` : ''}` : 'gate: passed');
  return lines.join('\n');
}
