/**
 * Returns a shuffled copy (Fisher–Yates, Knuth TAOCP vol. 2 §3.4.2 Algorithm P).
 * @param items what to shuffle; left unchanged
 * @param random a uniform source in [0, 1), e.g. `createRandom(seed)`
 * @returns a new array with the same items in random order
 * @example
 * shuffle([1, 2, 3, 4], createRandom(1)); // => [4, 2, 1, 3] (the same order for the same seed)
 */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
