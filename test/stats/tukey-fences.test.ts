import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { tukeyFences } from '../../src/stats/index.ts';
import { expectRelative, reference } from './reference/load-reference.ts';

describe('tukeyFences', () => {
  test.each(reference.fences.map((row) => ({ ...row, n: row.x.length })))(
    "agrees with R's type-7 quartiles for $n values",
    ({ x, low, high, farLow, farHigh }) => {
      const fences = tukeyFences(x);
      expectRelative(fences.low, low, 1e-12);
      expectRelative(fences.high, high, 1e-12);
      expect(fences.outliers).toEqual(x.filter((v) => v < low || v > high));
      const far = tukeyFences(x, 3);
      expectRelative(far.low, farLow, 1e-12);
      expectRelative(far.high, farHigh, 1e-12);
    },
  );

  test('a constant sample flags nothing', () => {
    expect(tukeyFences([5, 5, 5, 5])).toEqual({ low: 5, high: 5, outliers: [] });
  });

  test('a single value flags nothing', () => {
    expect(tukeyFences([3])).toEqual({ low: 3, high: 3, outliers: [] });
  });

  test('no values: refuses', () => {
    expect(() => tukeyFences([])).toThrow(new RangeError('tukeyFences needs at least 1 value'));
  });

  test('outliers keep the input order and lie outside the fences', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }), (values) => {
        const { low, high, outliers } = tukeyFences(values);
        expect(low).toBeLessThanOrEqual(high);
        expect(outliers).toEqual(values.filter((v) => v < low || v > high));
      }),
      { seed: 81, numRuns: 200 },
    );
  });
});
