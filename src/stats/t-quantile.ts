import { gammaln } from 'simple-statistics';
import { normalQuantile } from './normal-quantile.ts';
import { tCdf } from './t-cdf.ts';

function tDensity(t: number, df: number): number {
  return Math.exp(gammaln((df + 1) / 2) - gammaln(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/**
 * The quantile function of Student's t distribution: the t with `tCdf(t, df) = p`. Newton's
 * method from the normal quantile, guarded by bisection on a bracket, to ~1e-12 relative.
 * Source: inversion of `tCdf`; Newton–bisection hybrid as in Press et al., Numerical Recipes §9.4 (rtsafe).
 * @param p probability in (0, 1)
 * @param df degrees of freedom, > 0 (need not be whole)
 * @returns the quantile
 * @example
 * tQuantile(0.975, 10); // => 2.228138851986274
 */
export function tQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1) || !(df > 0)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  if (df === Number.POSITIVE_INFINITY) return normalQuantile(p);
  // Solve in the lower tail, where p keeps relative precision, and mirror.
  const lower = p < 0.5;
  const target = lower ? p : 1 - p;
  let low = -1;
  while (tCdf(low, df) > target) low *= 2;
  let high = 0;
  let t = Math.max(low, Math.min(high, normalQuantile(target)));
  for (let i = 0; i < 200; i++) {
    const f = tCdf(t, df) - target;
    if (f > 0) high = t;
    else low = t;
    const step = f / tDensity(t, df);
    let next = t - step;
    if (!(next > low && next < high)) next = (low + high) / 2;
    if (Math.abs(next - t) <= 1e-14 * Math.max(1, Math.abs(next))) {
      t = next;
      break;
    }
    t = next;
  }
  return lower ? t : -t;
}
