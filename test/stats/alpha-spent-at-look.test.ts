import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { alphaSpentAtLook } from '../../src/stats/index.ts';
import { expectRelative, spendingReference } from './reference/load-reference.ts';

describe('alphaSpentAtLook', () => {
  test.each(spendingReference.spending)('agrees with R and rpact: $spending, $maxLooks looks, alpha $alpha', (row) => {
    row.formula.forEach((expected, i) => {
      const spent = alphaSpentAtLook(i + 1, row.maxLooks, row.alpha, row.spending);
      expectRelative(spent, expected, 1e-9);
      // rpact spends alpha − 1e-8 at the last look and rounds its smallest early values.
      expect(Math.abs(spent - row.rpact[i]!)).toBeLessThan(1.1e-8);
    });
  });

  test('look 0 has spent nothing, the last look all of alpha', () => {
    expect(alphaSpentAtLook(0, 5, 0.01)).toBe(0);
    expect(alphaSpentAtLook(5, 5, 0.01)).toBe(0.01);
    expect(alphaSpentAtLook(5, 5, 0.01, 'obrien-fleming')).toBe(0.01);
  });

  test("O'Brien–Fleming-type keeps full relative precision for the tiny early values", () => {
    // 2·Φ(−2.5758/√(1/20)) = 2·Φ(−11.52) ≈ 1.0e-30, which 2 − 2·Φ would give as 0.
    expect(alphaSpentAtLook(1, 20, 0.01, 'obrien-fleming')).toBeGreaterThan(0);
    expect(alphaSpentAtLook(1, 20, 0.01, 'obrien-fleming')).toBeLessThan(1e-25);
  });

  test("never decreases, and at the usual alphas Pocock-type spends more before the end than O'Brien–Fleming-type", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 1e-4, max: 0.2, noNaN: true }), (maxLooks, alpha) => {
        let previous = 0;
        for (let look = 1; look <= maxLooks; look++) {
          const spent = alphaSpentAtLook(look, maxLooks, alpha);
          expect(spent).toBeGreaterThan(previous);
          expect(spent).toBeLessThanOrEqual(alpha);
          if (look < maxLooks) expect(spent).toBeGreaterThan(alphaSpentAtLook(look, maxLooks, alpha, 'obrien-fleming'));
          previous = spent;
        }
      }),
      { seed: 71, numRuns: 100 },
    );
  });

  test('refuses looks and alphas out of range', () => {
    expect(() => alphaSpentAtLook(1, 0, 0.01)).toThrow(new RangeError('maxLooks must be a whole number ≥ 1, got 0'));
    expect(() => alphaSpentAtLook(6, 5, 0.01)).toThrow(new RangeError('look must be a whole number in 0 … 5, got 6'));
    expect(() => alphaSpentAtLook(1, 5, 1)).toThrow(new RangeError('alpha must be in (0, 1), got 1'));
  });
});
