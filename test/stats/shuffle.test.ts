import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createRandom, shuffle } from '../../src/stats/index.ts';

describe('shuffle', () => {
  test('returns a permutation, the same for the same seed, and leaves the input alone', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer(), { maxLength: 40 }), (seed, items) => {
        const copy = [...items];
        const shuffled = shuffle(items, createRandom(seed));
        expect(items).toEqual(copy);
        expect(shuffled).not.toBe(items);
        expect([...shuffled].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
        expect(shuffle(items, createRandom(seed))).toEqual(shuffled);
      }),
      { seed: 62, numRuns: 200 },
    );
  });

  test('empty and single-item lists', () => {
    expect(shuffle([], createRandom(1))).toEqual([]);
    expect(shuffle(['a'], createRandom(1))).toEqual(['a']);
  });

  test('every order of three items is about equally likely', () => {
    const random = createRandom(7);
    const counts = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      const key = shuffle(['a', 'b', 'c'], random).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    const chiSquare = [...counts.values()].reduce((sum, count) => sum + (count - 1000) ** 2 / 1000, 0);
    expect(chiSquare).toBeLessThan(20.52); // qchisq(0.999, 5)
  });
});
