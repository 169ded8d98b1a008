import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { normalCdf, normalQuantile } from '../../src/stats/index.ts';
import { expectRelative, reference } from './reference/load-reference.ts';

describe('normalQuantile', () => {
  test.each(reference.normalQuantile)('agrees with R: qnorm($p)', ({ p, z }) => expectRelative(normalQuantile(p), z, 1e-9));

  test('edges: 0 and 1 give ∓Infinity; outside [0, 1] and NaN give NaN', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(1.1)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });

  test('inverts normalCdf: normalQuantile(normalCdf(z)) ≈ z', () => {
    fc.assert(
      fc.property(fc.double({ min: -37, max: 5, noNaN: true }), (z) => {
        expect(normalQuantile(normalCdf(z))).toBeCloseTo(z, 7);
      }),
      { seed: 12, numRuns: 300 },
    );
  });

  test('is antisymmetric: Φ⁻¹(1 − p) = −Φ⁻¹(p)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-10, max: 0.5, noNaN: true }), (p) => {
        expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 5);
      }),
      { seed: 13, numRuns: 200 },
    );
  });
});
