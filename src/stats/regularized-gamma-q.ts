import { gammaln } from 'simple-statistics';
import { regularizedGammaP } from './regularized-gamma-p.ts';

const EPSILON = 1e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 10_000;

/**
 * The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a), by its series
 * (x < a + 1, as 1 − P) or its continued fraction evaluated with the modified Lentz method
 * (x ≥ a + 1), so the upper tail keeps full relative precision far out.
 * Source: Press et al., Numerical Recipes, 3rd ed., §6.2 (gser, gcf).
 * @param a shape, > 0
 * @param x ≥ 0
 * @returns Q(a, x) in [0, 1]
 * @example
 * regularizedGammaQ(0.5, 2); // => 0.04550026389635842 (= erfc(√2))
 */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) return Number.NaN;
  if (x === 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  if (x < a + 1) return 1 - regularizedGammaP(a, x);
  const logFront = a * Math.log(x) - x - gammaln(a);
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.exp(logFront) * h;
}
