import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { wilcoxonSignedRank } from '../../src/stats/index.ts';
import { expectProbability, reference, scipyReference } from './reference/load-reference.ts';

const rows = [...reference.signedRank, ...reference.randomSignedRank].map((row) => ({ ...row, n: row.x.length }));
const values = fc.array(fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 70 });
const tiedValues = fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 1, maxLength: 70 });

describe('wilcoxonSignedRank', () => {
  test.each(rows)("agrees with R's wilcox.test(x, mu = 0, exact = NULL, correct = TRUE): $name ($n values, exact: $exact)", (row) => {
    const result = wilcoxonSignedRank(row.x);
    expect(result.exact).toBe(row.exact);
    expect(result.v).toBe(row.v);
    expectProbability(result.pTwoSided, row.pTwoSided);
    expectProbability(result.pLess, row.pLess);
    expectProbability(result.pGreater, row.pGreater);
  });

  test.each(scipyReference.signedRank)("agrees with SciPy's wilcoxon(x, zero_method = 'wilcox', correction = True, method = '$method'): $name", (row) => {
    const result = wilcoxonSignedRank(row.x);
    expect(result.exact).toBe(row.method === 'exact');
    expect(result.v).toBe(row.v);
    expectProbability(result.pTwoSided, row.pTwoSided);
    expectProbability(result.pLess, row.pLess);
    expectProbability(result.pGreater, row.pGreater);
  });

  test.each(reference.signedRankPOnly)('agrees with R where R gives no interval: $name', (row) => {
    const result = wilcoxonSignedRank(row.x);
    expect(result.v).toBe(row.v);
    expectProbability(result.pLess, row.pLess);
    expectProbability(result.pGreater, row.pGreater);
    if (row.pTwoSided !== null) expectProbability(result.pTwoSided, row.pTwoSided);
  });

  test('n = 1: one positive value gives p greater ½ (exact)', () => {
    expect(wilcoxonSignedRank([0.3])).toMatchObject({ v: 1, n: 1, zeros: 0, exact: true, pGreater: 0.5, pLess: 1, pTwoSided: 1 });
  });

  test('all zeros (head equal to base in every round): no evidence, every p is 1 (R gives NaN two-sided)', () => {
    expect(wilcoxonSignedRank([0, 0, 0, 0])).toEqual({ v: 0, n: 0, zeros: 4, exact: false, z: 0, pTwoSided: 1, pLess: 1, pGreater: 1 });
  });

  test('zeros are dropped and counted, and force the normal approximation', () => {
    const withZero = wilcoxonSignedRank([0, 0.1, 0.2, 0.3]);
    expect(withZero).toMatchObject({ n: 3, zeros: 1, exact: false, v: 6 });
  });

  test('ties force the normal approximation with the tie-corrected variance', () => {
    expect(wilcoxonSignedRank([0.5, -0.5, 1, 2]).exact).toBe(false);
  });

  test('a constant non-zero sample: every rank tied, the approximation still gives a p', () => {
    const result = wilcoxonSignedRank([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]);
    expect(result.exact).toBe(false);
    expect(result.pGreater).toBeLessThan(0.01);
    expect(result.pLess).toBeGreaterThan(0.99);
  });

  test('every value positive in 10 rounds: exact p greater is 2⁻¹⁰', () => {
    expect(wilcoxonSignedRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((k) => k / 100)).pGreater).toBe(2 ** -10);
  });

  test('negating x swaps the one-sided p values and keeps the two-sided one', () => {
    fc.assert(
      fc.property(fc.oneof(values, tiedValues), (x) => {
        const forward = wilcoxonSignedRank(x);
        const backward = wilcoxonSignedRank(x.map((v) => -v));
        expect(backward.pLess).toBeCloseTo(forward.pGreater, 12);
        expect(backward.pGreater).toBeCloseTo(forward.pLess, 12);
        expect(backward.pTwoSided).toBeCloseTo(forward.pTwoSided, 12);
      }),
      { seed: 52, numRuns: 200 },
    );
  });

  test('p values lie in (0, 1], and the two-sided p is twice the smaller one-sided p, capped at 1, when exact', () => {
    fc.assert(
      fc.property(fc.oneof(values, tiedValues), (x) => {
        const result = wilcoxonSignedRank(x);
        for (const p of [result.pLess, result.pGreater, result.pTwoSided]) {
          expect(p).toBeGreaterThan(0);
          expect(p).toBeLessThanOrEqual(1);
        }
        if (result.exact) expect(result.pTwoSided).toBeCloseTo(Math.min(1, 2 * Math.min(result.pLess, result.pGreater)), 12);
      }),
      { seed: 53, numRuns: 200 },
    );
  });

  test('refuses an empty sample and values that are not finite', () => {
    expect(() => wilcoxonSignedRank([])).toThrow(new RangeError('wilcoxonSignedRank needs at least 1 value, got 0'));
    expect(() => wilcoxonSignedRank([1, Number.NaN])).toThrow(new RangeError('wilcoxonSignedRank needs finite values, got NaN at index 1'));
  });
});
