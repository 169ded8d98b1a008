import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { welchTTest } from '../../src/stats/index.ts';
import { expectProbability, expectRelative, reference, scipyReference } from './reference/load-reference.ts';

const sample = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true }), { minLength: 2, maxLength: 25 });

describe('welchTTest', () => {
  test.each(reference.welch)("agrees with R's t.test: $name", ({ x, y, t, df, pTwoSided, pLess, pGreater }) => {
    const result = welchTTest(x, y);
    expectRelative(result.t, t, 1e-9);
    expectRelative(result.df, df, 1e-9);
    expectProbability(result.pTwoSided, pTwoSided);
    expectProbability(result.pLess, pLess);
    expectProbability(result.pGreater, pGreater);
  });

  test.each(scipyReference.welch)("agrees with SciPy's ttest_ind(equal_var=False): $name", ({ x, y, t, pTwoSided, pLess, pGreater }) => {
    const result = welchTTest(x, y);
    expectRelative(result.t, t, 1e-9);
    expectProbability(result.pTwoSided, pTwoSided);
    expectProbability(result.pLess, pLess);
    expectProbability(result.pGreater, pGreater);
  });

  test('n < 2 on a side: refuses with a clear message', () => {
    expect(() => welchTTest([1], [1, 2, 3])).toThrow(new RangeError('welchTTest needs at least 2 values per sample, got 1 and 3'));
    expect(() => welchTTest([1, 2], [])).toThrow(RangeError);
  });

  test('identical samples: t = 0 and no evidence either way', () => {
    const x = [5.1, 5.3, 5.2, 5.4, 5.0];
    expect(welchTTest(x, [...x])).toMatchObject({ t: 0, meanDifference: 0, pTwoSided: 1, pLess: 0.5, pGreater: 0.5 });
  });

  test('both samples constant and equal: t and df are NaN, every p is 1', () => {
    const result = welchTTest([3, 3, 3], [3, 3]);
    expect(result.t).toBeNaN();
    expect(result.df).toBeNaN();
    expect(result).toMatchObject({ pTwoSided: 1, pLess: 1, pGreater: 1, meanDifference: 0 });
  });

  test('both samples constant and different: the difference is certain', () => {
    expect(welchTTest([2, 2, 2], [3, 3, 3])).toMatchObject({ t: Number.NEGATIVE_INFINITY, pLess: 0, pGreater: 1, pTwoSided: 0, meanDifference: -1 });
    expect(welchTTest([3, 3], [2, 2, 2])).toMatchObject({ t: Number.POSITIVE_INFINITY, pLess: 1, pGreater: 0, pTwoSided: 0, meanDifference: 1 });
  });

  test('a constant sample against a varying one: df is the varying side’s n − 1', () => {
    const result = welchTTest([7, 7, 7, 7], [6.5, 7.2, 7.9, 8.1, 7.4]);
    expect(result.df).toBeCloseTo(4, 12);
  });

  test('tiny variances do not underflow the degrees of freedom: t and df are scale-invariant', () => {
    const x = [1, 2, 3.5, 2.2];
    const y = [2, 4.1, 3, 5, 4.4];
    const plain = welchTTest(x, y);
    const tiny = welchTTest(
      x.map((v) => v * 1e-150),
      y.map((v) => v * 1e-150),
    );
    expect(tiny.df).toBeCloseTo(plain.df, 10);
    expect(tiny.t).toBeCloseTo(plain.t, 10);
  });

  test('swapping the samples negates t and mirrors the one-sided p values', () => {
    fc.assert(
      fc.property(sample, sample, (x, y) => {
        const forward = welchTTest(x, y);
        const backward = welchTTest(y, x);
        if (Number.isNaN(forward.t)) return;
        expect(backward.t).toBeCloseTo(-forward.t, 8);
        expect(backward.pLess).toBeCloseTo(forward.pGreater, 10);
        expect(backward.pGreater).toBeCloseTo(forward.pLess, 10);
        expect(backward.pTwoSided).toBeCloseTo(forward.pTwoSided, 10);
      }),
      { seed: 21, numRuns: 200 },
    );
  });

  test('p values are probabilities and the one-sided ones sum to 1', () => {
    fc.assert(
      fc.property(sample, sample, (x, y) => {
        const { pLess, pGreater, pTwoSided, t } = welchTTest(x, y);
        for (const p of [pLess, pGreater, pTwoSided]) expect(p >= 0 && p <= 1).toBe(true);
        if (Number.isFinite(t)) expect(pLess + pGreater).toBeCloseTo(1, 12);
      }),
      { seed: 22, numRuns: 200 },
    );
  });
});
