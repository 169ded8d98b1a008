const cache = new Map<string, Float64Array>();

/**
 * The exact null distribution of the Mann–Whitney U statistic for sample sizes m and n without
 * ties: P(U = u) for u = 0 … m·n. Counts follow the recurrence
 * c(m, n, u) = c(m − 1, n, u − n) + c(m, n − 1, u), divided by C(m + n, m).
 * Results are cached per (m, n); m = n = 50 takes a few milliseconds.
 * Source: Mann & Whitney, Ann. Math. Statist. 18 (1947), eq. (2.1); R's `dwilcox`.
 * @param m size of the first sample
 * @param n size of the second sample
 * @returns probabilities indexed by u
 * @example
 * Array.from(mannWhitneyDistribution(2, 2)); // => [1/6, 1/6, 2/6, 1/6, 1/6]
 */
export function mannWhitneyDistribution(m: number, n: number): Float64Array {
  const key = `${m},${n}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const max = m * n;
  // counts[j][u] for the current i (first-sample size), j = 0 … n.
  let previous = Array.from({ length: n + 1 }, () => {
    const row = new Float64Array(max + 1);
    row[0] = 1;
    return row;
  });
  for (let i = 1; i <= m; i++) {
    const current = [Float64Array.from({ length: max + 1 }, (_, u) => (u === 0 ? 1 : 0))];
    for (let j = 1; j <= n; j++) {
      const row = new Float64Array(max + 1);
      const fromPrevious = previous[j]!;
      const fromLeft = current[j - 1]!;
      for (let u = 0; u <= i * j; u++) row[u] = (u >= j ? fromPrevious[u - j]! : 0) + fromLeft[u]!;
      current.push(row);
    }
    previous = current;
  }
  const counts = previous[n]!;
  let total = 0;
  for (const c of counts) total += c;
  const probabilities = counts.map((c) => c / total);
  cache.set(key, probabilities);
  return probabilities;
}
