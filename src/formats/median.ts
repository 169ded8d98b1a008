/**
 * The median of a non-empty list of numbers (the mean of the middle two for an even count).
 * @example median([3, 1, 2]) // => 2
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
