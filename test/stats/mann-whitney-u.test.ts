import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { mannWhitneyU } from '../../src/stats/index.ts';
import { expectProbability, reference, scipyReference } from './reference/load-reference.ts';

const sample = fc.array(
  fc.integer({ min: -30, max: 30 }).map((v) => v / 2),
  { minLength: 1, maxLength: 25 },
);
const distinctSample = fc.uniqueArray(fc.integer({ min: -500, max: 500 }), { minLength: 1, maxLength: 20 });

function expectAgreement(result: ReturnType<typeof mannWhitneyU>, expected: { exact: boolean; u: number; pTwoSided: number; pLess: number; pGreater: number }) {
  expect(result.exact).toBe(expected.exact);
  expect(result.u).toBe(expected.u);
  expectProbability(result.pTwoSided, expected.pTwoSided);
  expectProbability(result.pLess, expected.pLess);
  expectProbability(result.pGreater, expected.pGreater);
}

describe('mannWhitneyU', () => {
  test.each(reference.mannWhitney)("agrees with R's wilcox.test: $name", (row) => expectAgreement(mannWhitneyU(row.x, row.y), row));

  test.each(reference.randomRank.map((row, i) => ({ ...row, i, m: row.x.length, n: row.y.length })))(
    "agrees with R's wilcox.test on random case $i ($m vs $n, exact: $exact)",
    (row) => expectAgreement(mannWhitneyU(row.x, row.y), row),
  );

  test.each(scipyReference.mannWhitneyAsymptotic)("agrees with SciPy's mannwhitneyu(method='asymptotic', use_continuity=True): $name", (row) => {
    const result = mannWhitneyU(row.x, row.y);
    expect(result.u).toBe(row.u);
    expectProbability(result.pTwoSided, row.pTwoSided);
    expectProbability(result.pLess, row.pLess);
    expectProbability(result.pGreater, row.pGreater);
  });

  test('n < 1 on a side: refuses with a clear message', () => {
    expect(() => mannWhitneyU([], [1])).toThrow(new RangeError('mannWhitneyU needs at least 1 value per sample, got 0 and 1'));
  });

  test('identical samples: U is m·n/2 and p = 1 two-sided', () => {
    const x = [5.1, 5.3, 5.2, 5.4, 5.0];
    const result = mannWhitneyU(x, [...x]);
    expect(result).toMatchObject({ u: 12.5, exact: false, pTwoSided: 1 });
  });

  test('every value tied: all p values are 1', () => {
    expect(mannWhitneyU([3, 3, 3], [3, 3])).toEqual({ u: 3, exact: false, z: 0, pTwoSided: 1, pLess: 1, pGreater: 1 });
  });

  test('ties switch to the normal approximation and report z', () => {
    const result = mannWhitneyU([1, 2, 2], [2, 3, 4]);
    expect(result.exact).toBe(false);
    expect(result.z).not.toBeNull();
    expect(mannWhitneyU([1, 2, 3], [4, 5, 6]).z).toBeNull();
  });

  test('more than 50 on a side uses the normal approximation; 50 is still exact', () => {
    const range = (n: number, offset: number) => Array.from({ length: n }, (_, i) => i + offset);
    expect(mannWhitneyU(range(51, 0), range(10, 0.5)).exact).toBe(false);
    expect(mannWhitneyU(range(50, 0), range(50, 0.5)).exact).toBe(true);
  });

  test('U counts pairs with x > y, ties as ½', () => {
    expect(mannWhitneyU([1, 5], [2, 5]).u).toBe(1.5);
  });

  test('swapping the samples mirrors the one-sided p values and keeps the two-sided one', () => {
    fc.assert(
      fc.property(sample, sample, (x, y) => {
        const forward = mannWhitneyU(x, y);
        const backward = mannWhitneyU(y, x);
        expect(backward.u).toBe(x.length * y.length - forward.u);
        expect(backward.pLess).toBeCloseTo(forward.pGreater, 12);
        expect(backward.pGreater).toBeCloseTo(forward.pLess, 12);
        expect(backward.pTwoSided).toBeCloseTo(forward.pTwoSided, 12);
      }),
      { seed: 31, numRuns: 300 },
    );
  });

  test('exact p values: the one-sided ones overlap at U itself, so they sum to 1 + P(U = u)', () => {
    fc.assert(
      fc.property(distinctSample, distinctSample, (x, y) => {
        if (new Set([...x, ...y]).size !== x.length + y.length) return;
        const result = mannWhitneyU(x, y);
        expect(result.exact).toBe(true);
        expect(result.pLess + result.pGreater).toBeGreaterThanOrEqual(1 - 1e-12);
        expect(result.pTwoSided).toBeLessThanOrEqual(1);
      }),
      { seed: 32, numRuns: 200 },
    );
  });
});
