import { normalCdf } from './normal-cdf.ts';
import { regularizedIncompleteBeta } from './regularized-incomplete-beta.ts';

/**
 * The CDF of Student's t distribution with `df` degrees of freedom (not necessarily whole):
 * the tail beyond |t| is ½ I_{df/(df+t²)}(df/2, ½), computed directly so small tail
 * probabilities keep their relative precision. `df = Infinity` gives the normal CDF.
 * Source: Abramowitz & Stegun 26.7.1 with 26.5.27.
 * @param t any number
 * @param df degrees of freedom, > 0
 * @returns P(T ≤ t)
 * @example
 * tCdf(2.0, 10); // => 0.963305982614612
 */
export function tCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  if (df === Number.POSITIVE_INFINITY) return normalCdf(t);
  if (t === 0) return 0.5;
  if (!Number.isFinite(t)) return t > 0 ? 1 : 0;
  const tail = 0.5 * regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t < 0 ? tail : 1 - tail;
}
