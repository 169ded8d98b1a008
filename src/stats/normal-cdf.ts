import { regularizedGammaP } from './regularized-gamma-p.ts';
import { regularizedGammaQ } from './regularized-gamma-q.ts';

/**
 * The standard normal CDF Φ(z) = ½ (1 + erf(z/√2)), with erf(t) = P(½, t²) near the center and
 * erfc(t) = Q(½, t²) beyond |z| = 1, so tail probabilities down to 1e-300 keep full relative
 * precision. simple-statistics' `errorFunction` is a Numerical Recipes approximation with an
 * error near 1.2e-7, which the t and normal quantiles (refined on this CDF) would inherit, so the
 * error function is evaluated here through the incomplete gamma function instead. (Never
 * simple-statistics' `cumulativeStdNormalProbability`: a table that saturates at |z| ≈ 3.1.)
 * Source: Abramowitz & Stegun 7.1.2 and 6.5.17 (erfc as an incomplete gamma function).
 * @param z any number
 * @returns P(Z ≤ z)
 * @example
 * normalCdf(1.959963984540054); // => 0.975
 * normalCdf(-8); // => 6.220960574271784e-16
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z === 0) return 0.5;
  if (Math.abs(z) < 1) return 0.5 + Math.sign(z) * 0.5 * regularizedGammaP(0.5, (z * z) / 2);
  const tail = 0.5 * regularizedGammaQ(0.5, (z * z) / 2);
  return z < 0 ? tail : 1 - tail;
}
