import type { AnalyzedSeries, DetectOptions, HistoryChangePoint, MetricSeries, NewChangePoint } from '../history/index.ts';
import { escapeMarkdown, sanitizeText } from './escape-markdown.ts';
import { formatFraction, formatP, formatPercent, formatPercentInterval, formatValue } from './format-value.ts';

function short(commit: string): string {
  return commit.slice(0, 7);
}

/** The step of a change point in words: `+10.2% (95% CI +9.1% … +11.3%)` or a difference in the unit. */
function describeStep(point: HistoryChangePoint, unit: string, confidence: number): string {
  if (point.scale === 'ratio') {
    const interval = point.interval ? ` (${formatFraction(confidence)} CI ${formatPercentInterval([point.interval[0] - 1, point.interval[1] - 1])})` : '';
    return `${formatPercent(point.step - 1)}${interval}`;
  }
  const interval = point.interval
    ? ` (${formatFraction(confidence)} CI ${formatValue(point.interval[0], unit)} … ${formatValue(point.interval[1], unit)})`
    : '';
  return `${point.step >= 0 ? '+' : ''}${formatValue(point.step, unit)}${interval}`;
}

/** The detection settings in one phrase, so every report states its thresholds. */
export function describeDetection(options: DetectOptions): string {
  return `E-divisive means on log job centers, permutation test at α ${options.alpha} (${options.permutations} permutations, seed ${options.seed}), at least ${options.minSize} jobs each side; step intervals are Welch ${formatFraction(options.confidence)}`;
}

/**
 * Renders `benchgate history` for a terminal: per benchmark metric, its change points with the
 * commit range, the step with its interval, the p value, and any runner-environment change there.
 * Every string from the data is sanitized (no control characters reach the terminal).
 * @param analyzed the series of one set and branch
 * @param heading what was read, e.g. `set 'default', branch 'main'`
 * @param options the detection settings used
 */
export function renderHistoryText(analyzed: readonly AnalyzedSeries[], heading: string, options: DetectOptions): string {
  const jobs = analyzed.reduce((most, one) => Math.max(most, one.series.points.length), 0);
  const total = analyzed.reduce((sum, one) => sum + one.changePoints.length, 0);
  const lines = [
    sanitizeText(`benchgate history: ${heading}: ${jobs} job(s), ${analyzed.length} metric series, ${total} change point(s)`),
    sanitizeText(describeDetection(options)),
  ];
  for (const { series, changePoints, environmentChanges } of analyzed) {
    lines.push('', sanitizeText(`${series.benchmark} · ${series.metric} (${series.unit}, ${series.direction} is better): ${series.points.length} job(s)`));
    if (changePoints.length === 0) lines.push('  no change point');
    for (const point of changePoints) {
      lines.push(
        sanitizeText(
          `  ${point.change} ${describeStep(point, series.unit, options.confidence)} between ${short(point.lastBefore.commit)} and ${short(point.firstAfter.commit)} (jobs ${point.index} → ${point.index + 1}, ${point.firstAfter.createdAt}), p ${formatP(point.pValue)}, ${point.jobsBefore} job(s) before, ${point.jobsAfter} after`,
        ),
      );
      if (point.environmentChange.length > 0) lines.push(sanitizeText(`    the runner environment changed there: ${point.environmentChange.join('; ')}`));
    }
    const unexplained = environmentChanges.filter((index) => !changePoints.some((point) => point.index === index));
    if (unexplained.length > 0) lines.push(`  runner environment changed at job(s) ${unexplained.map((index) => index + 1).join(', ')} without a change point`);
  }
  return lines.join('\n');
}

/** Options of the markdown renderings of new change points. */
export interface NewChangePointMarkdownOptions {
  /** A commit link template with `{commit}`, or null. */
  commitUrl: string | null;
  /** The dashboard's link for a series, or null when none is published. */
  dashboardLink: ((series: MetricSeries) => string) | null;
  detection: DetectOptions;
}

/**
 * Renders the job-summary section for change points that the newest push revealed (empty string
 * when there are none). Every string from the data is escaped for GitHub markdown.
 * @param found `findNewChangePoints`'s answer
 * @param options links and detection settings
 */
export function renderNewChangePoints(found: readonly NewChangePoint[], options: NewChangePointMarkdownOptions): string {
  if (found.length === 0) return '';
  const link = (commit: string) => (options.commitUrl ? `[\`${short(commit)}\`](${options.commitUrl.replace('{commit}', commit)})` : `\`${short(commit)}\``);
  const lines = [
    `### Change points in the stored history`,
    '',
    `${found.length} new change point(s) on this branch (${escapeMarkdown(describeDetection(options.detection))}).`,
    '',
    '| benchmark | metric | change | step | commits | runner environment |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const { series, changePoint } of found) {
    const name = options.dashboardLink ? `[${escapeMarkdown(series.benchmark)}](${options.dashboardLink(series)})` : escapeMarkdown(series.benchmark);
    const environment = changePoint.environmentChange.length > 0 ? `changed: ${escapeMarkdown(changePoint.environmentChange.join('; '))}` : 'unchanged';
    lines.push(
      `| ${name} | ${escapeMarkdown(series.metric)} | ${changePoint.change === 'regressed' ? '🔴 regressed' : '🟢 improved'} | ${escapeMarkdown(describeStep(changePoint, series.unit, options.detection.confidence))}, p ${formatP(changePoint.pValue)} | ${link(changePoint.lastBefore.commit)}…${link(changePoint.firstAfter.commit)} | ${environment} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Renders the commit comment posted on the first commit after a change point (`comment-on-push`).
 * @param found the new change points whose range ends at that commit
 * @param options links and detection settings
 */
export function renderChangePointComment(found: readonly NewChangePoint[], options: NewChangePointMarkdownOptions): string {
  const first = found[0];
  if (!first) return '';
  const intro = `**benchgate** found a change in the stored benchmark history that shows from this commit on (last commit before it: \`${short(first.changePoint.lastBefore.commit)}\`).`;
  return `${intro}\n\n${renderNewChangePoints(found, options).replace(/^### .*\n\n/, '')}`;
}
