/** The real minus sign, which lines up with `+` and does not break a line like a hyphen. */
export const MINUS = '−';

const NANOSECONDS_PER_UNIT: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, μs: 1e3, ms: 1e6, s: 1e9 };
const TIME_STEPS: readonly [number, string][] = [
  [1e9, 's'],
  [1e6, 'ms'],
  [1e3, 'µs'],
  [1, 'ns'],
];
const BYTE_STEPS: readonly [number, string][] = [
  [1024 ** 3, 'GiB'],
  [1024 ** 2, 'MiB'],
  [1024, 'KiB'],
  [1, 'B'],
];
const SI_STEPS: readonly [number, string][] = [
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
];

function signed(text: string): string {
  return text.startsWith('-') ? MINUS + text.slice(1) : text;
}

/**
 * The one number formatter: three significant digits without exponent notation for ordinary
 * magnitudes (1.23, 12.3, 123, 1234), exponent notation below 0.001, a real minus sign.
 * @param value any number
 * @example formatNumber(0.07000000000000001) // => '0.07'
 * @example formatNumber(-1234.5) // => '−1235'
 */
export function formatNumber(value: number): string {
  return significant(value);
}

/**
 * Formats a count with thousands separators.
 * @param value a whole number
 * @example formatCount(12345) // => '12,345'
 */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

function significant(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return signed(value.toFixed(0));
  if (magnitude === 0) return '0';
  if (magnitude < 1e-3) return signed(value.toExponential(2));
  return signed(String(Number(value.toPrecision(3))));
}

function scaled(value: number, steps: readonly [number, string][], base: string): string {
  const magnitude = Math.abs(value);
  const step = steps.find(([size]) => magnitude >= size) ?? steps[steps.length - 1]!;
  return `${significant(value / step[0])} ${step[1]}${base}`;
}

/**
 * Formats a metric value in human units: nanoseconds (and other times) as ns/µs/ms/s, bytes
 * (`B`, `B/op`, `bytes/req`) as B/KiB/MiB/GiB, rates (`ops/s`, `MB/s`) with k/M/G prefixes on
 * the number, anything else as three significant digits and its unit.
 * @param value the value in `unit`
 * @param unit the metric's unit
 * @example formatValue(1_234_567, 'ns') // => '1.23 ms'
 * @example formatValue(2_500_000, 'ops/s') // => '2.5M ops/s'
 */
export function formatValue(value: number, unit: string): string {
  const trimmed = unit.trim();
  const perTime = NANOSECONDS_PER_UNIT[trimmed];
  if (perTime !== undefined) return scaled(value * perTime, TIME_STEPS, '');
  const bytes = /^(B|bytes?)(\/.+)?$/i.exec(trimmed);
  if (bytes) return scaled(value, BYTE_STEPS, bytes[2] ?? '');
  if (/\/s$/.test(trimmed)) {
    const step = SI_STEPS.find(([size]) => Math.abs(value) >= size);
    return step ? `${significant(value / step[0])}${step[1]} ${trimmed}` : `${significant(value)} ${trimmed}`;
  }
  return `${significant(value)} ${trimmed}`;
}

/**
 * Formats a relative change as a percentage with one decimal, an explicit sign and a real
 * minus sign; a change that rounds to zero shows as `0.0%`, never `−0.0%`.
 * @param fraction e.g. `-0.213`
 * @example formatPercent(-0.213) // => '−21.3%'
 */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return fraction > 0 ? '+∞%' : fraction < 0 ? `${MINUS}∞%` : 'n/a';
  const text = (fraction * 100).toFixed(1);
  if (Number(text) === 0) return '0.0%';
  return text.startsWith('-') ? `${MINUS}${text.slice(1)}%` : `+${text}%`;
}

/**
 * Formats a ratio as a factor with two significant digits, e.g. for a metric that grew fourfold.
 * @param ratio current / baseline
 * @example formatRatio(4.1) // => '×4.1'
 * @example formatRatio(12.34) // => '×12'
 */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return '×∞';
  return `×${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1)}`;
}

/**
 * Formats an interval of relative changes, low to high.
 * @param bounds `[low, high]` as fractions
 * @example formatPercentInterval([-0.23, -0.194]) // => '−23.0% … −19.4%'
 */
export function formatPercentInterval(bounds: readonly [number, number]): string {
  return `${formatPercent(bounds[0])} … ${formatPercent(bounds[1])}`;
}

/**
 * Formats a p value: two significant digits, and scientific notation below 0.001 so a tiny
 * value keeps its size instead of collapsing to "0.000".
 * @param p in [0, 1]
 * @example formatP(0.01234) // => '0.012'
 * @example formatP(0.0000321) // => '3.2e-5'
 */
export function formatP(p: number): string {
  if (!Number.isFinite(p)) return 'n/a';
  if (p === 0) return '0';
  if (p < 1e-3) return p.toExponential(1);
  return String(Number(p.toPrecision(2)));
}

/**
 * Formats a share (a confidence level, a threshold) as an unsigned percentage.
 * @param fraction e.g. `0.95`
 * @example formatFraction(0.95) // => '95%'
 */
export function formatFraction(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(4))}%`;
}
