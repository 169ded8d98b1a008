import { alphaSpentAtLook, type SpendingFunction } from './alpha-spent-at-look.ts';

/**
 * The nominal level of the test at look `look` of at most `maxLooks`: the alpha that the spending
 * function releases at this look, α(t_k) − α(t_{k−1}). If each look's test has a false-alarm
 * probability of at most its nominal level, the chance of a false alarm at any look is at most
 * their sum, α (Bonferroni's inequality), whatever the dependence between looks and whenever the
 * sampling stops; so repeated looks with a stop rule keep the error rate at `alpha`. The same
 * function gives each look's interval level: 1 − lookAlpha(look, maxLooks, 1 − confidence), which
 * makes every interval of the sequence cover at once with probability ≥ confidence. This is more
 * conservative than group-sequential boundaries computed from the joint normal distribution of
 * the looks, but needs no such model, so it holds for rank tests and drifting noise.
 * Source: Lan & DeMets, Biometrika 70 (1983) 659–663 (spending functions); Jennison & Turnbull,
 * Group Sequential Methods with Applications to Clinical Trials (2000), §7.2 and §9.1
 * (repeated confidence intervals); Bonferroni's inequality.
 * @param look the look, 1 … maxLooks
 * @param maxLooks the most looks there will be, fixed before the first
 * @param alpha the error rate spent over all looks, in (0, 1)
 * @param spending the spending function (see `alphaSpentAtLook`)
 * @returns the nominal level of this look's test, > 0
 * @throws RangeError when a look count or alpha is out of range
 * @example
 * lookAlpha(1, 1, 0.01); // => 0.01
 * lookAlpha(2, 4, 0.01); // => 0.002627404874494891
 */
export function lookAlpha(look: number, maxLooks: number, alpha: number, spending: SpendingFunction = 'pocock'): number {
  if (!(Number.isInteger(look) && look >= 1)) throw new RangeError(`look must be a whole number ≥ 1, got ${look}`);
  return alphaSpentAtLook(look, maxLooks, alpha, spending) - alphaSpentAtLook(look - 1, maxLooks, alpha, spending);
}
