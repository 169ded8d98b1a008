/**
 * The E-divisive divergence statistic for every split of a series: for each `tau`, the series is
 * cut into X = values[0, tau) and Y = values[tau, n), and
 * `t(tau) = (|X||Y| / (|X| + |Y|)) · (2·mean|Xi − Yj| − mean|Xi − Xk| − mean|Yj − Yl|)`,
 * the scaled energy distance of Székely and Rizzo with exponent 1, where each within-sample mean
 * runs over all |X|² (|Y|²) ordered pairs, diagonal included. `t(0)` is 0.
 *
 * Computed in O(n log n) instead of O(n²): moving one value from Y to X changes the three sums by
 * its distance to the values already in X, which a Fenwick tree over the values' ranks gives in
 * O(log n), and by its distance to all values, which sorted prefix sums give.
 * Source: D. S. Matteson and N. A. James, "A Nonparametric Approach for Multiple Change Point
 * Analysis of Multivariate Data", JASA 109 (2014), eq. (5) with α = 1; the statistic exactly as
 * MongoDB's signal-processing-algorithms computes it (`_calculate_t_stats`), whose values the
 * tests compare with.
 * @param values the series (finite numbers); for timings pass log values so the statistic does
 *   not depend on the unit
 * @param ranks optional: each value's position 0 … n − 1 in sorted order (ties in any order), when
 *   the caller already has them (a permutation test reuses one sort for every shuffle)
 * @returns `t(tau)` for tau = 0 … n − 1
 * @example
 * eDivisiveStatistics([1, 2, 3, 10, 11, 12])[3]; // => 24.333333333333332 (the largest: the split between 3 and 10)
 */
export function eDivisiveStatistics(values: readonly number[], ranks?: ArrayLike<number>): Float64Array {
  const n = values.length;
  const statistics = new Float64Array(n);
  if (n < 2) return statistics;
  const rank = ranks ?? rankValues(values);
  const sorted = new Float64Array(n);
  for (let index = 0; index < n; index++) sorted[rank[index]!] = values[index]!;
  // distanceToAll at a sorted position = Σ_j |value − values[j]|, from the sorted prefix sums.
  const distanceSorted = new Float64Array(n);
  let total = 0;
  for (let position = 0; position < n; position++) total += sorted[position]!;
  let below = 0;
  for (let position = 0; position < n; position++) {
    const value = sorted[position]!;
    const above = total - below - value;
    distanceSorted[position] = value * position - below + (above - value * (n - 1 - position));
    below += value;
  }
  // Fenwick trees over ranks: how many values of X lie at or below a rank, and their sum.
  const count = new Float64Array(n + 1);
  const sum = new Float64Array(n + 1);
  let within = 0; // Σ over unordered pairs inside X
  let withinY = 0; // Σ over unordered pairs inside Y
  for (let position = 0; position < n; position++) withinY += distanceSorted[position]!;
  withinY /= 2;
  let between = 0; // Σ |Xi − Yj|
  let sumX = 0;
  for (let tau = 0; tau < n; tau++) {
    const sizeX = tau;
    const sizeY = n - tau;
    if (sizeX > 0) {
      const e = (2 * between) / (sizeX * sizeY) - (2 * within) / (sizeX * sizeX) - (2 * withinY) / (sizeY * sizeY);
      statistics[tau] = ((sizeX * sizeY) / n) * e;
    }
    // Move values[tau] from Y to X.
    const value = values[tau]!;
    let belowCount = 0;
    let belowSum = 0;
    for (let position = rank[tau]!; position > 0; position -= position & -position) {
      belowCount += count[position]!;
      belowSum += sum[position]!;
    }
    const toX = value * belowCount - belowSum + (sumX - belowSum - value * (sizeX - belowCount));
    const toY = distanceSorted[rank[tau]!]! - toX;
    between += toY - toX;
    within += toX;
    withinY -= toY;
    sumX += value;
    for (let position = rank[tau]! + 1; position <= n; position += position & -position) {
      count[position]! += 1;
      sum[position]! += value;
    }
  }
  return statistics;
}

function rankValues(values: readonly number[]): Int32Array {
  const order = Array.from({ length: values.length }, (_, index) => index).sort((a, b) => values[a]! - values[b]!);
  const rank = new Int32Array(values.length);
  order.forEach((index, position) => {
    rank[index] = position;
  });
  return rank;
}
