const cache = new Map<string, Float64Array>();

/**
 * The exact null distribution of the Mann–Whitney U statistic for sample sizes m and n without
 * ties: P(U = u) for u = 0 … m·n. Counts follow the recurrence
 * c(m, n, u) = c(m − 1, n, u − n) + c(m, n − 1, u), divided by C(m + n, m).
 * Rows are updated in place, so the cost is ~m²n²/4 additions in (n + 1)·(m·n + 1) numbers;
 * results are cached per (m, n).
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
  // rows[j][u] holds c(i, j, u) for the current first-sample size i; row 0 is c(i, 0, ·) = [1].
  // Each step i updates the rows in place, u descending, so c(i − 1, j, u − j) is still unread.
  const rows = Array.from({ length: n + 1 }, () => new Float64Array(max + 1));
  for (const row of rows) row[0] = 1;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const row = rows[j]!;
      const left = rows[j - 1]!;
      for (let u = i * j; u >= 1; u--) row[u] = (u >= j ? row[u - j]! : 0) + left[u]!;
    }
  }
  const counts = rows[n]!;
  let total = 0;
  for (const c of counts) total += c;
  const probabilities = counts.map((c) => c / total);
  cache.set(key, probabilities);
  return probabilities;
}
