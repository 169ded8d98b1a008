import type { Comparison } from '../compare/schema.ts';
import { formatFraction } from './format-value.ts';

/** Options for the mermaid chart of changes. */
export interface ChartOptions {
  /**
   * The most bars drawn; the largest changes are kept. A chart of hundreds of bars says nothing.
   * @default 20
   */
  maxPoints: number;
  /**
   * The longest axis label, in characters; longer ones keep their start and end.
   * @default 40
   */
  maxLabelLength: number;
}

/** Defaults for {@link ChartOptions}. */
export const DEFAULT_CHART_OPTIONS: ChartOptions = { maxPoints: 20, maxLabelLength: 40 };

/**
 * Reduces a benchmark name to characters that are safe inside a quoted mermaid label:
 * no quotes, brackets, commas, semicolons, `%`, `#`, `<`, `>` or line breaks.
 */
function toLabel(text: string, max: number): string {
  const safe = text.replace(/[^A-Za-z0-9 _./+=-]/g, '_').trim() || '_';
  if (safe.length <= max) return safe;
  const half = Math.floor((max - 2) / 2);
  return `${safe.slice(0, half)}..${safe.slice(safe.length - (max - 2 - half))}`;
}

/** A number mermaid parses: plain decimal with ASCII minus, one decimal. */
function toNumber(fraction: number): string {
  const value = Math.max(-1e6, Math.min(1e6, fraction * 100));
  const text = value.toFixed(1);
  return text === '-0.0' ? '0.0' : text;
}

/**
 * Picks the comparisons the chart draws: those with a finite change and interval, the largest
 * `maxPoints` changes, kept in their given order.
 * @param comparisons candidates, in display order
 * @param maxPoints the most to keep
 * @returns the comparisons to draw
 */
export function selectChartPoints(comparisons: readonly Comparison[], maxPoints: number): Comparison[] {
  const drawable = comparisons.filter(
    (comparison) =>
      comparison.change !== null &&
      comparison.interval !== null &&
      Number.isFinite(comparison.change.throughput) &&
      comparison.interval.throughput.every(Number.isFinite),
  );
  const kept = new Set(
    [...drawable]
      .sort((a, b) => Math.abs(b.change!.throughput) - Math.abs(a.change!.throughput))
      .slice(0, maxPoints),
  );
  return drawable.filter((comparison) => kept.has(comparison));
}

/**
 * Renders the throughput changes as a mermaid `xychart-beta` block (GitHub draws it in
 * comments): one bar per comparison for the estimate, and two lines through the low and high
 * ends of the intervals. Names (with the metric when a benchmark has several bars) are reduced
 * to safe label characters; the table beside it keeps the exact names.
 * @param comparisons the comparisons to draw, in display order
 * @param level the interval's confidence level, for the title
 * @param options limits
 * @returns a fenced `mermaid` block, or `''` when nothing can be drawn
 */
export function renderChart(
  comparisons: readonly Comparison[],
  level: number,
  options: Partial<ChartOptions> = {},
): string {
  const { maxPoints, maxLabelLength } = { ...DEFAULT_CHART_OPTIONS, ...options };
  const points = selectChartPoints(comparisons, maxPoints);
  if (points.length === 0) return '';
  const metrics = new Map<string, number>();
  for (const comparison of points) metrics.set(comparison.id, (metrics.get(comparison.id) ?? 0) + 1);
  const labels = points.map((comparison) => {
    const name = metrics.get(comparison.id)! > 1 ? `${comparison.id} ${comparison.metric}` : comparison.id;
    return `"${toLabel(name, maxLabelLength)}"`;
  });
  const estimates = points.map((comparison) => toNumber(comparison.change!.throughput));
  const lows = points.map((comparison) => toNumber(comparison.interval!.throughput[0]));
  const highs = points.map((comparison) => toNumber(comparison.interval!.throughput[1]));
  const values = [...estimates, ...lows, ...highs, '0'].map(Number);
  const least = values.reduce((a, b) => Math.min(a, b), Infinity);
  const most = values.reduce((a, b) => Math.max(a, b), -Infinity);
  const span = most - least || 1;
  const low = Math.floor(least - span * 0.1);
  const high = Math.ceil(most + span * 0.1);
  return [
    '```mermaid',
    'xychart-beta',
    `  title "Throughput change in pct (bar = estimate, lines = ${formatFraction(level).replace('%', ' pct')} interval)"`,
    `  x-axis [${labels.join(', ')}]`,
    `  y-axis "throughput change (pct)" ${low} --> ${high}`,
    `  bar [${estimates.join(', ')}]`,
    `  line [${lows.join(', ')}]`,
    `  line [${highs.join(', ')}]`,
    '```',
  ].join('\n');
}
