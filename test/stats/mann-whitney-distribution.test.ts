import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { mannWhitneyDistribution } from '../../src/stats/index.ts';
import { expectProbability, reference } from './reference/load-reference.ts';

describe('mannWhitneyDistribution', () => {
  test.each(reference.uDistribution)("agrees with R's dwilcox(0:(m·n), $m, $n)", ({ m, n, p }) => {
    const distribution = mannWhitneyDistribution(m, n);
    expect(distribution.length).toBe(p.length);
    p.forEach((expected, u) => expectProbability(distribution[u]!, expected));
  });

  test('a sample of size 1 gives a uniform distribution', () => {
    expect(Array.from(mannWhitneyDistribution(1, 4))).toEqual([0.2, 0.2, 0.2, 0.2, 0.2]);
  });

  test('sums to 1, is symmetric, and does not depend on the order of m and n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 25 }), fc.integer({ min: 1, max: 25 }), (m, n) => {
        const distribution = mannWhitneyDistribution(m, n);
        const swapped = mannWhitneyDistribution(n, m);
        expect(distribution.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 13);
        for (let u = 0; u <= m * n; u++) {
          expect(distribution[u]).toBeCloseTo(distribution[m * n - u]!, 15);
          expect(distribution[u]).toBeCloseTo(swapped[u]!, 15);
        }
      }),
      { seed: 33, numRuns: 60 },
    );
  });
});
