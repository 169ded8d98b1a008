import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { midRanks } from '../../src/stats/index.ts';

describe('midRanks', () => {
  test.each([
    { name: 'no ties', values: [30, 10, 20], ranks: [3, 1, 2], ties: [1, 1, 1] },
    { name: 'a pair tied', values: [10, 20, 20, 30], ranks: [1, 2.5, 2.5, 4], ties: [1, 2, 1] },
    { name: 'all tied', values: [7, 7, 7], ranks: [2, 2, 2], ties: [3] },
    { name: 'empty', values: [], ranks: [], ties: [] },
  ])('$name', ({ values, ranks, ties }) => {
    expect(midRanks(values)).toEqual({ ranks, ties });
  });

  test('ranks sum to N(N + 1)/2 and tie groups sum to N', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 40 }), (values) => {
        const { ranks, ties } = midRanks(values);
        const n = values.length;
        expect(ranks.reduce((a, b) => a + b, 0)).toBe((n * (n + 1)) / 2);
        expect(ties.reduce((a, b) => a + b, 0)).toBe(n);
      }),
      { seed: 34, numRuns: 200 },
    );
  });
});
