/**
 * A seeded pseudo-random source (mulberry32: a 32-bit state advanced by the Weyl constant
 * 0x6D2B79F5 and mixed by two multiply-xorshift rounds). Small, fast and reproducible across
 * platforms, which is all the runner's task shuffle and the bootstrap need; not for cryptography.
 * Source: Tommy Ettinger's mulberry32 (public domain), as widely reproduced.
 * @param seed any integer; the same seed gives the same sequence
 * @returns a function returning uniform numbers in [0, 1)
 * @example
 * const random = createRandom(42);
 * random(); // => 0.6011037519201636
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
