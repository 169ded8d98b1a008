import { gammaln } from 'simple-statistics';
import { regularizedGammaQ } from './regularized-gamma-q.ts';

const EPSILON = 1e-16;
const MAX_ITERATIONS = 10_000;

/**
 * The regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a), by its power series,
 * which converges fast and keeps full relative precision for x < a + 1; above that it is 1 − Q.
 * Source: Press et al., Numerical Recipes, 3rd ed., §6.2 (gser).
 * @param a shape, > 0
 * @param x ≥ 0
 * @returns P(a, x) in [0, 1]
 * @example
 * regularizedGammaP(0.5, 0.125); // => 0.3829249225480262 (= erf(0.5))
 */
export function regularizedGammaP(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) return Number.NaN;
  if (x === 0) return 0;
  if (x >= a + 1) return 1 - regularizedGammaQ(a, x);
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_ITERATIONS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
  }
  return sum * Math.exp(a * Math.log(x) - x - gammaln(a));
}
