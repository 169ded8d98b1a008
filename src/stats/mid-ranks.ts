/**
 * Ranks values 1 … N, giving tied values the mean of the ranks they span (mid-ranks), and
 * returns the sizes of the tie groups, which the tie correction of rank tests needs.
 * Source: Hollander, Wolfe & Chicken, Nonparametric Statistical Methods, 3rd ed., §4.1.
 * @param values any numbers
 * @returns ranks in the input's order, and the size of every group of equal values
 * @example
 * midRanks([10, 20, 20, 30]); // => { ranks: [1, 2.5, 2.5, 4], ties: [1, 2, 1] }
 */
export function midRanks(values: readonly number[]): { ranks: number[]; ties: number[] } {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length);
  const ties: number[] = [];
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!.index] = rank;
    ties.push(end - start + 1);
    start = end + 1;
  }
  return { ranks, ties };
}
