import { gammaln } from 'simple-statistics';
import { normalQuantile } from './normal-quantile.ts';
import { tCdf } from './t-cdf.ts';

function tDensity(t: number, df: number): number {
  const z = Math.abs(t) / Math.sqrt(df);
  const logKernel = z > 1e100 ? 2 * Math.log(z) : Math.log1p(z * z);
  return Math.exp(gammaln((df + 1) / 2) - gammaln(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * logKernel);
}

/**
 * The quantile function of Student's t distribution: the t with `tCdf(t, df) = p`. Newton's
 * method from the normal quantile (on ln F against ln |t| beyond |t| = 1), guarded by
 * (geometric, in far tails) bisection on a bracket,
 * to ~1e-12 relative; ±Infinity when the quantile lies beyond the largest double.
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
  // Bracket by squaring (10 steps reach the end of the double range), then bisect geometrically
  // while the bracket spans orders of magnitude, so far tails converge as fast as the center.
  let low = -2;
  while (tCdf(low, df) > target) {
    if (low === -Number.MAX_VALUE) return lower ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    low = Math.max(-(low * low), -Number.MAX_VALUE);
  }
  let high = 0;
  let t = Math.max(low, Math.min(high, normalQuantile(target)));
  for (let i = 0; i < 200; i++) {
    const cdf = tCdf(t, df);
    if (cdf > target) high = t;
    else low = t;
    const density = tDensity(t, df);
    // In the tail the CDF falls like a power of |t| (small df) or like exp(−t²/2) (large df), where
    // Newton on the CDF itself crawls; Newton on ln F against ln |t| converges in a few steps.
    let next = t < -1 && cdf > 0 ? t * Math.exp((-(Math.log(cdf) - Math.log(target)) * cdf) / (density * t)) : t - (cdf - target) / density;
    if (!(next > low && next < high)) {
      next = high < 0 && low / high > 4 ? -Math.exp((Math.log(-low) + Math.log(-high)) / 2) : (low + high) / 2;
    }
    if (Math.abs(next - t) <= 1e-14 * Math.max(1, Math.abs(next))) {
      t = next;
      break;
    }
    t = next;
  }
  return lower ? t : -t;
}
