import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { regularizedIncompleteBeta } from '../../src/stats/index.ts';
import { expectProbability, reference } from './reference/load-reference.ts';

describe('regularizedIncompleteBeta', () => {
  test.each(reference.incompleteBeta)('agrees with R: pbeta($x, $a, $b)', ({ x, a, b, p }) => expectProbability(regularizedIncompleteBeta(x, a, b), p));

  test('a precisely known 1 − x is used instead of 1 - x', () => {
    // x = 1 − 1e-20 rounds to 1; only the complement carries the information.
    const exact = regularizedIncompleteBeta(1e-20, 0.5, 3);
    expect(regularizedIncompleteBeta(1, 3, 0.5, 1e-20)).toBeCloseTo(1 - exact, 15);
    expect(1 - regularizedIncompleteBeta(1 - 1e-12, 3, 0.5, 1e-12)).toBeGreaterThan(0);
  });

  test('edges: x = 0 and x = 1; invalid arguments give NaN', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(regularizedIncompleteBeta(-0.1, 2, 3)).toBeNaN();
    expect(regularizedIncompleteBeta(0.5, 0, 3)).toBeNaN();
    expect(regularizedIncompleteBeta(0.5, 2, -1)).toBeNaN();
  });

  test('satisfies I_x(a, b) = 1 − I_{1−x}(b, a)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 0.1, max: 500, noNaN: true }),
        fc.double({ min: 0.1, max: 500, noNaN: true }),
        (x, a, b) => {
          expect(regularizedIncompleteBeta(x, a, b)).toBeCloseTo(1 - regularizedIncompleteBeta(1 - x, b, a, x), 12);
        },
      ),
      { seed: 14, numRuns: 200 },
    );
  });
});
