import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { coefficientOfVariation } from '../../src/stats/index.ts';
import { expectRelative, reference } from './reference/load-reference.ts';

describe('coefficientOfVariation', () => {
  test.each(reference.fences.filter(({ cv }) => Number.isFinite(cv) && cv > 0).map((row) => ({ ...row, n: row.x.length })))(
    'agrees with R: sd(x) / abs(mean(x)) for $n values',
    ({ x, cv }) => expectRelative(coefficientOfVariation(x), cv, 1e-12),
  );

  test('a constant sample: exactly 0, even where the mean rounds', () => {
    expect(coefficientOfVariation([3, 3, 3])).toBe(0);
    expect(coefficientOfVariation([0.1, 0.1, 0.1])).toBe(0);
  });

  test('n < 2: NaN', () => {
    expect(coefficientOfVariation([4])).toBeNaN();
    expect(coefficientOfVariation([])).toBeNaN();
  });

  test('a mean of 0: NaN', () => {
    expect(coefficientOfVariation([-1, 1])).toBeNaN();
    expect(coefficientOfVariation([0, 0])).toBeNaN();
  });

  test('a negative mean uses its absolute value', () => {
    expect(coefficientOfVariation([-9, -10, -11])).toBeCloseTo(0.1, 14);
  });

  test('is scale-invariant', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 30 }), fc.integer({ min: 2, max: 1000 }), (values, c) => {
        expect(coefficientOfVariation(values.map((v) => v * c))).toBeCloseTo(coefficientOfVariation(values), 10);
      }),
      { seed: 82, numRuns: 200 },
    );
  });
});
