const cache = new Map<number, Float64Array>();

/**
 * The exact null distribution of the Wilcoxon signed-rank statistic V (the sum of the ranks of the
 * positive values) for n values without ties or zeros: P(V = v) for v = 0 … n(n + 1)/2. Under the
 * null hypothesis each rank is positive with probability ½, independently, so the count of
 * v is the number of subsets of {1, …, n} that sum to v: c(k, v) = c(k − 1, v) + c(k − 1, v − k),
 * divided by 2ⁿ. The counts are whole numbers below 2⁵³ for n ≤ 50, so they are exact in doubles.
 * The cost is about n³/4 additions; results are cached per n.
 * Source: Wilcoxon, Biometrics Bulletin 1 (1945); Hollander, Wolfe & Chicken, Nonparametric
 * Statistical Methods, 3rd ed., §3.1; R's `dsignrank`.
 * @param n number of non-zero values, a whole number ≥ 0
 * @returns probabilities indexed by v
 * @throws RangeError when n is not a whole number ≥ 0
 * @example
 * Array.from(signedRankDistribution(3)); // => [0.125, 0.125, 0.125, 0.25, 0.125, 0.125, 0.125]
 */
export function signedRankDistribution(n: number): Float64Array {
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`signedRankDistribution needs a whole number n ≥ 0, got ${n}`);
  const cached = cache.get(n);
  if (cached) return cached;
  const max = (n * (n + 1)) / 2;
  const counts = new Float64Array(max + 1);
  counts[0] = 1;
  // Adding rank k: v descending, so counts[v − k] still holds c(k − 1, v − k).
  for (let k = 1; k <= n; k++) {
    const top = (k * (k + 1)) / 2;
    for (let v = top; v >= k; v--) counts[v]! += counts[v - k]!;
  }
  const total = 2 ** n;
  const probabilities = counts.map((c) => c / total);
  cache.set(n, probabilities);
  return probabilities;
}
