import { logBeta } from './log-beta.ts';

const EPSILON = 1e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 10_000;

function continuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h;
}

/**
 * The regularized incomplete beta function I_x(a, b), by its continued fraction evaluated with
 * the modified Lentz method, using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction
 * converges faster (x > (a + 1) / (a + b + 2)). The prefactor x^a (1 − x)^b / B(a, b) is formed
 * in logs with `logBeta`. When the caller knows 1 − x more precisely than `1 - x` can give it
 * (x near 1, as in the t distribution with large df or small t), pass it as `complement`.
 * Source: Press et al., Numerical Recipes, 3rd ed., §6.4 (betai, betacf); Abramowitz & Stegun 26.5.8.
 * @param x in [0, 1]
 * @param a > 0
 * @param b > 0
 * @param complement 1 − x, when known more precisely; defaults to `1 - x`
 * @returns I_x(a, b) in [0, 1]
 * @example
 * regularizedIncompleteBeta(0.5, 2, 3); // => 0.6875
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number, complement = 1 - x): number {
  if (!(x >= 0 && x <= 1) || !(complement >= 0 && complement <= 1) || !(a > 0) || !(b > 0)) return Number.NaN;
  if (x === 0) return 0;
  if (complement === 0) return 1;
  const logX = x > 0.5 ? Math.log1p(-complement) : Math.log(x);
  const logComplement = x > 0.5 ? Math.log(complement) : Math.log1p(-x);
  const logFront = a * logX + b * logComplement - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * continuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * continuedFraction(complement, b, a)) / b;
}
