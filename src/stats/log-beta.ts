import { gammaln } from 'simple-statistics';

const HALF_LOG_TWO_PI = 0.9189385332046728;

/**
 * lnΓ(x) − [(x − ½) ln x − x + ½ ln 2π], the remainder of Stirling's formula, by its asymptotic
 * series in Bernoulli numbers; for x ≥ 10 eight terms reach full double precision.
 */
function stirlingRemainder(x: number): number {
  const r = 1 / (x * x);
  return (1 / x) * (1 / 12 + r * (-1 / 360 + r * (1 / 1260 + r * (-1 / 1680 + r * (1 / 1188 + r * (-691 / 360360 + r * (1 / 156 + r * (-3617 / 122400))))))));
}

/**
 * The logarithm of the beta function, ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). When an
 * argument is 10 or more the three log-gammas are large and nearly cancel, so Stirling's formula
 * is expanded analytically and only the small remainders are subtracted; this keeps the result
 * accurate to ~1e-15 relative where the plain sum loses a digit per decade of a + b (the t
 * distribution with large df needs that).
 * Source: R's nmath `lbeta.c` (the same split into the three cases); Abramowitz & Stegun 6.1.40.
 * @param a > 0
 * @param b > 0
 * @returns ln B(a, b)
 * @example
 * logBeta(2, 3); // => -2.4849066497880004 (= ln(1/12))
 */
export function logBeta(a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) return Number.NaN;
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (p >= 10) {
    const correction = stirlingRemainder(p) + stirlingRemainder(q) - stirlingRemainder(p + q);
    return -0.5 * Math.log(q) + HALF_LOG_TWO_PI + correction + (p - 0.5) * Math.log(p / (p + q)) + q * Math.log1p(-p / (p + q));
  }
  if (q >= 10) {
    const correction = stirlingRemainder(q) - stirlingRemainder(p + q);
    return gammaln(p) + correction + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
  }
  return gammaln(p) + gammaln(q) - gammaln(p + q);
}
