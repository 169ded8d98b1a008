import type { Comparison } from '../compare/schema.ts';
import { formatFraction, formatPercent, formatRatio } from './format-value.ts';

const TIME_UNITS = new Set(['ns', 'us', 'µs', 'μs', 'ms', 's']);

/**
 * Whether a metric measures time per operation or work per time, the only metrics whose change
 * is called a throughput change.
 * @param unit the metric's unit
 * @example isThroughputUnit('ns') // => true
 * @example isThroughputUnit('B/req') // => false
 */
export function isThroughputUnit(unit: string): boolean {
  const trimmed = unit.trim();
  return TIME_UNITS.has(trimmed) || /\/\s*(s|sec|second)$/i.test(trimmed);
}

/** A comparison's change in words and numbers, ready to print (no markdown). */
export interface ChangeWords {
  /** What moved: `throughput` for timings and rates, else the metric's name with spaces (`bytes copied`). */
  subject: string;
  /** The estimate, e.g. `−21.3%` or `×4.1`. */
  value: string;
  /** The interval, e.g. `−23.0% … −19.4%`; null without one (or an exact change). */
  interval: string | null;
  /** The interval's confidence level, e.g. `95%`; null without an interval. */
  level: string | null;
}

/** A factor for changes of ×2 and more, a percentage below. */
function metricChange(ratio: number): string {
  return ratio >= 2 ? formatRatio(ratio) : formatPercent(ratio - 1);
}

/**
 * Says how a comparison's value moved, in its own terms: a throughput change for timings and
 * rates (`throughput −21.3%`); for any other metric its own change, as a factor from ×2 up
 * (`bytes copied ×4.1`) and a percentage below (`heap per iteration −54.0%`).
 * @param comparison any comparison
 * @returns the words, or null when it has no change
 */
export function describeChange(comparison: Comparison): ChangeWords | null {
  const change = 'change' in comparison ? comparison.change : null;
  if (change === null) return null;
  const interval = 'interval' in comparison ? comparison.interval : null;
  const shown = interval !== null && interval.method !== 'exact' ? interval : null;
  if (isThroughputUnit(comparison.unit)) {
    return {
      subject: 'throughput',
      value: formatPercent(change.throughput),
      interval: shown === null ? null : `${formatPercent(shown.throughput[0])} … ${formatPercent(shown.throughput[1])}`,
      level: shown === null ? null : formatFraction(shown.level),
    };
  }
  return {
    subject: comparison.metric.replace(/[-_]+/g, ' '),
    value: metricChange(change.ratio),
    interval: shown === null ? null : `${metricChange(shown.ratio[0])} … ${metricChange(shown.ratio[1])}`,
    level: shown === null ? null : formatFraction(shown.level),
  };
}

/**
 * The change and its interval as one phrase, e.g. `throughput −21.3% (95% CI −23.0% … −19.4%)`.
 * @param comparison any comparison
 * @param format how the subject (a metric name from results) is shown, e.g. escaped for markdown
 * @returns the phrase, or null without a change
 */
export function describeChangePhrase(comparison: Comparison, format: (text: string) => string = (text) => text): string | null {
  const words = describeChange(comparison);
  if (words === null) return null;
  const subject = words.subject === 'throughput' ? words.subject : format(words.subject);
  return `${subject} ${words.value}${words.interval === null ? '' : ` (${words.level} CI ${words.interval})`}`;
}
