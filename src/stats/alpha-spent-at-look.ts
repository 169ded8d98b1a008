import { normalCdf } from './normal-cdf.ts';
import { normalQuantile } from './normal-quantile.ts';

/** The shape of a Lan–DeMets alpha-spending function. */
export type SpendingFunction = 'pocock' | 'obrien-fleming';

/**
 * How much of the error rate `alpha` may have been spent by look `look` of at most `maxLooks`
 * equally spaced looks (information fraction t = look / maxLooks), by a Lan–DeMets spending
 * function:
 * - `pocock` (Pocock-type): α(t) = α · ln(1 + (e − 1) · t), which spends fairly evenly, so a clear
 *   change can stop the sampling early;
 * - `obrien-fleming` (O'Brien–Fleming-type): α(t) = 2 − 2 Φ(z₁₋α/₂ / √t), which spends almost
 *   nothing early and keeps nearly all of α for the last looks.
 * Both are 0 at t = 0 and α at t = 1, and never decrease.
 * Source: Lan & DeMets, Biometrika 70 (1983) 659–663; Jennison & Turnbull, Group Sequential
 * Methods with Applications to Clinical Trials (2000), §7.2, eqs. (7.4)–(7.5).
 * @param look the look, 0 … maxLooks (0: nothing spent)
 * @param maxLooks the most looks there will be, fixed before the first, a whole number ≥ 1
 * @param alpha the error rate to spend over all looks, in (0, 1)
 * @param spending the spending function
 * @returns the cumulative alpha spent by this look
 * @throws RangeError when a look count or alpha is out of range
 * @example
 * alphaSpentAtLook(1, 4, 0.01); // => 0.0035737401950878844
 * alphaSpentAtLook(4, 4, 0.01, 'obrien-fleming'); // => 0.01
 */
export function alphaSpentAtLook(look: number, maxLooks: number, alpha: number, spending: SpendingFunction = 'pocock'): number {
  if (!(Number.isInteger(maxLooks) && maxLooks >= 1)) throw new RangeError(`maxLooks must be a whole number ≥ 1, got ${maxLooks}`);
  if (!(Number.isInteger(look) && look >= 0 && look <= maxLooks)) throw new RangeError(`look must be a whole number in 0 … ${maxLooks}, got ${look}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (look === 0) return 0;
  if (look === maxLooks) return alpha;
  const t = look / maxLooks;
  if (spending === 'pocock') return alpha * Math.log(1 + (Math.E - 1) * t);
  // 2·Φ(−z/√t) rather than 2 − 2·Φ(z/√t): the early looks spend as little as 1e-18, which 1 − Φ would round to 0.
  return 2 * normalCdf(-normalQuantile(1 - alpha / 2) / Math.sqrt(t));
}
