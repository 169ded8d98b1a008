import { changeOf, intervalOf, type Comparison } from '../compare/schema.ts';
import { describeChange } from './describe-change.ts';
import { sanitizeText, truncateText } from './escape-markdown.ts';
import { formatCount, formatFraction, formatPercent } from './format-value.ts';
import { logThreshold } from '../compare/parse-threshold.ts';

/** Options for {@link renderForestPlot}. */
export interface ForestPlotOptions {
  /** Characters of the plotted axis. @default 41 */
  width: number;
  /** The longest row label, in characters; longer ones keep their start and end. @default 28 */
  labelWidth: number;
  /** The most rows; when there are more, regressions are kept first, then inconclusive and improved comparisons, then the largest changes, and the rest counted. @default 40 */
  maxRows: number;
  /** The interval's confidence level, for the legend. @default 0.95 */
  level: number;
}

/** Defaults for {@link ForestPlotOptions}. */
export const DEFAULT_FOREST_PLOT_OPTIONS: Readonly<ForestPlotOptions> = Object.freeze({ width: 41, labelWidth: 28, maxRows: 40, level: 0.95 });

/** Which rows a capped plot keeps first: regressions, then inconclusive, improved, the rest; the largest change first within each. */
const PLOT_PRIORITY: Record<Comparison['verdict'], number> = { regressed: 0, errored: 1, inconclusive: 1, improved: 2, missing: 3, new: 3, unchanged: 3 };

/** The widest axis: throughput halved to doubled; anything beyond is drawn as an arrow at the edge. */
const MAX_SPAN = Math.log(2);

function label(text: string, max: number): string {
  const clean = sanitizeText(text);
  const chars = Array.from(clean);
  if (chars.length <= max) return clean;
  const head = Math.ceil((max - 1) / 2);
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (max - 1 - head)).join('')}`;
}

function pad(text: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - Array.from(text).length));
  return right ? fill + text : text + fill;
}

/** What one row draws, on the log scale of the throughput factor (+ is better). */
interface Row {
  comparison: Comparison;
  estimate: number;
  low: number;
  high: number;
}

function rowOf(comparison: Comparison): Row | null {
  const change = changeOf(comparison);
  if (change === null || !Number.isFinite(change.throughput) || change.throughput <= -1) return null;
  const interval = intervalOf(comparison);
  const estimate = Math.log1p(change.throughput);
  if (interval === null || interval.throughput.some((end) => !Number.isFinite(end) || end <= -1))
    return { comparison, estimate, low: estimate, high: estimate };
  return { comparison, estimate, low: Math.log1p(interval.throughput[0]), high: Math.log1p(interval.throughput[1]) };
}

/**
 * Draws a forest plot of the gated comparisons in plain text (Unicode box characters), so it looks
 * the same in a code block of a pull-request comment, a job summary and a terminal: one row per
 * comparison with its estimate (●) and interval (━) against the ±threshold band (┆) around no
 * change (│; ╋ and ┿ where an interval crosses them), on the log scale of throughput (left is worse, right is better), sorted from the
 * worst change to the best, each row labelled with the benchmark and its change in its own terms.
 * Changes beyond throughput ×½ … ×2 end in an arrow at the edge. Names are sanitised; the caller
 * wraps the text in a code block for markdown.
 * @param comparisons the comparisons to draw (those without a change are left out)
 * @param threshold the regression threshold (a throughput loss, e.g. 0.05)
 * @param options sizes and the confidence level
 * @returns the plot's lines joined by newlines, or '' when nothing can be drawn
 */
export function renderForestPlot(comparisons: readonly Comparison[], threshold: number, options: Partial<ForestPlotOptions> = {}): string {
  const { width, labelWidth, maxRows, level } = { ...DEFAULT_FOREST_PLOT_OPTIONS, ...options };
  const all = comparisons.flatMap((comparison) => rowOf(comparison) ?? []);
  if (all.length === 0) return '';
  const priority = (row: Row) => PLOT_PRIORITY[row.comparison.verdict];
  const kept = new Set([...all].sort((a, b) => priority(a) - priority(b) || Math.abs(b.estimate) - Math.abs(a.estimate)).slice(0, maxRows));
  const rows = all.filter((row) => kept.has(row)).sort((a, b) => a.estimate - b.estimate || (a.comparison.id < b.comparison.id ? -1 : 1));

  const limit = logThreshold(threshold);
  const reach = rows.reduce((most, row) => Math.max(most, Math.abs(row.low), Math.abs(row.high)), 2 * limit);
  const span = Math.min(MAX_SPAN, reach * 1.1);
  const middle = (width - 1) / 2;
  const column = (value: number) => Math.round(middle + (Math.max(-span, Math.min(span, value)) / span) * middle);
  const zero = column(0);
  const band = [column(-limit), column(limit)];

  const ids = new Map<string, number>();
  for (const row of rows) ids.set(row.comparison.id, (ids.get(row.comparison.id) ?? 0) + 1);
  const names = rows.map((row) => label(ids.get(row.comparison.id)! > 1 ? `${row.comparison.id} · ${row.comparison.metric}` : row.comparison.id, labelWidth));
  const nameWidth = names.reduce((most, name) => Math.max(most, Array.from(name).length), 0);
  const values = rows.map((row) => {
    const words = describeChange(row.comparison);
    return words === null ? '' : words.value;
  });
  const valueWidth = values.reduce((most, value) => Math.max(most, Array.from(value).length), 0);
  const lead = (name: string, value: string) => `${pad(name, nameWidth)}  ${pad(value, valueWidth, true)}  `;

  const axis = (): string[] => {
    const cells = Array.from({ length: width }, () => ' ');
    for (const at of band) cells[at] = '┆';
    cells[zero] = '│';
    return cells;
  };
  const lines: string[] = [];
  const ticks = Array.from({ length: width }, () => ' ');
  const place = (text: string, center: number) => {
    const start = Math.max(0, Math.min(width - text.length, Math.round(center - (text.length - 1) / 2)));
    if (ticks.slice(Math.max(0, start - 1), start + text.length + 1).some((cell) => cell !== ' ')) return;
    for (let index = 0; index < text.length; index++) ticks[start + index] = text[index]!;
  };
  place('0', zero);
  place(formatPercent(-threshold), band[0]!);
  place(formatPercent(Math.exp(limit) - 1), band[1]!);
  place(formatPercent(Math.exp(-span) - 1), 0);
  place(formatPercent(Math.exp(span) - 1), width - 1);
  lines.push(`${lead('', '')}${ticks.join('').trimEnd()}`);
  rows.forEach((row, index) => {
    const cells = axis();
    const from = column(row.low);
    const to = column(row.high);
    for (let at = from; at <= to; at++) cells[at] = at === zero ? '╋' : band.includes(at) ? '┿' : '━';
    if (row.low < -span) cells[0] = '◀';
    if (row.high > span) cells[width - 1] = '▶';
    cells[column(row.estimate)] = row.estimate < -span ? '◀' : row.estimate > span ? '▶' : '●';
    lines.push(`${lead(names[index]!, values[index]!)}${cells.join('').trimEnd()}`);
  });
  const hidden = all.length - rows.length;
  if (hidden > 0) lines.push(`${lead(`… ${formatCount(hidden)} more, smaller`, '')}`.trimEnd());
  const worse = '◀ worse';
  const better = 'better ▶';
  lines.push(`${lead('', '')}${worse}${' '.repeat(Math.max(1, width - worse.length - better.length))}${better}`);
  lines.push(`● estimate  ━ ${formatFraction(level)} interval  ┆ ±${formatFraction(threshold)} threshold  │ no change`);
  return lines.join('\n');
}

/** Truncates a label for callers that show the plot's names elsewhere. */
export function plotLabel(text: string, max = DEFAULT_FOREST_PLOT_OPTIONS.labelWidth): string {
  return label(truncateText(text, 1000), max);
}
