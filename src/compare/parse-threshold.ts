/**
 * Parses a regression threshold, the one grammar for the `threshold` input, the `--threshold`
 * flag and `benchgate.config.json`: `"5%"`, `"0.05"`, `".05"` or the number `0.05` all mean a 5%
 * throughput loss. Spaces around the number and the `%` are allowed.
 * @param value the threshold as written in a config file, flag or input
 * @param name what to call it at the start of the error message; '' starts the message with "must"
 * @returns the fraction, in (0, 1)
 * @throws RangeError naming `name` and the value when it is not a fraction or percentage in (0, 1)
 * @example
 * parseThreshold('5%') // => 0.05
 * parseThreshold(0.1) // => 0.1
 */
export function parseThreshold(value: string | number, name = 'threshold'): number {
  let fraction: number;
  if (typeof value === 'number') {
    fraction = value;
  } else {
    const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(%?)\s*$/.exec(value);
    fraction = match ? (match[2] ? Number(match[1]) / 100 : Number(match[1])) : Number.NaN;
  }
  if (!(fraction > 0 && fraction < 1)) {
    throw new RangeError(
      `${name ? `${name} ` : ''}must be a percentage like 5% or a fraction like 0.05, above 0 and below 100% (it is a throughput loss: a 2× slowdown is 50%), got ${typeof value === 'number' ? String(value) : `'${value}'`}`,
    );
  }
  return fraction;
}

/**
 * The threshold on the log scale every decision uses: L = −log(1 − threshold), the log ratio of a
 * smaller-is-better metric at a throughput loss of `threshold` (a change beyond ±L is beyond the
 * threshold either way).
 * @param threshold the fraction, in (0, 1)
 * @example
 * logThreshold(0.05) // => 0.0513 (a latency +5.26%)
 */
export function logThreshold(threshold: number): number {
  return -Math.log(1 - threshold);
}

/**
 * Writes a threshold fraction back as the percentage a user would type, without binary noise:
 * `0.07` is `7%`, not `7.000000000000001%`.
 * @param fraction the threshold, e.g. 0.07
 * @returns the percentage text
 * @example
 * formatThreshold(0.07) // => '7%'
 * formatThreshold(0.075) // => '7.5%'
 */
export function formatThreshold(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(12))}%`;
}
