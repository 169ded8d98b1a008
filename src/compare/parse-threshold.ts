/**
 * Parses a regression threshold: `"5%"`, `"0.05"` or `0.05` all mean a 5% throughput loss.
 * @param value the threshold as written in a config file, flag or input
 * @param name what to call it in the error message
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
      `${name} must be a percentage like 5% or a fraction like 0.05, above 0 and below 100% (it is a throughput loss: a 2× slowdown is 50%), got ${JSON.stringify(value)}`,
    );
  }
  return fraction;
}
