import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { normalQuantile, tCdf, tQuantile } from '../../src/stats/index.ts';
import { expectRelative, reference, scipyReference } from './reference/load-reference.ts';

describe('tQuantile', () => {
  test.each(reference.tQuantile)('agrees with R: qt($p, $df)', ({ p, df, t }) => expectRelative(tQuantile(p, df), t, 1e-9));

  // SciPy's ppf is itself good to ~1e-8 only: its own t.cdf(t.ppf(0.975, 41.2), 41.2) is 0.9749999997,
  // where R's qt agrees with tQuantile to 1e-15.
  test.each(scipyReference.tQuantile)('agrees with SciPy to 1e-8: t.ppf($p, $df)', ({ p, df, t }) => expectRelative(tQuantile(p, df), t, 1e-8));

  test('edges: 0, ½, 1, df = Infinity; invalid arguments give NaN', () => {
    expect(tQuantile(0, 4)).toBe(Number.NEGATIVE_INFINITY);
    expect(tQuantile(1, 4)).toBe(Number.POSITIVE_INFINITY);
    expect(tQuantile(0.5, 4)).toBe(0);
    expect(tQuantile(0.975, Number.POSITIVE_INFINITY)).toBe(normalQuantile(0.975));
    expect(tQuantile(0.5, 0)).toBeNaN();
    expect(tQuantile(1.5, 3)).toBeNaN();
  });

  test.each([0.5, 1, 2.5, 4, 30])('far tail: tCdf(tQuantile(1e-300, %s)) = 1e-300, or −Infinity beyond the doubles', (df) => {
    const t = tQuantile(1e-300, df);
    if (Number.isFinite(t)) expectRelative(tCdf(t, df), 1e-300, 1e-9);
    else expect(tCdf(-Number.MAX_VALUE, df)).toBeGreaterThan(1e-300);
  });

  test('inverts tCdf for non-integer df', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: 0.5, max: 500, noNaN: true }), (t, df) => {
        const p = tCdf(t, df);
        if (p > 1e-10 && p < 1 - 1e-10) expect(tQuantile(p, df)).toBeCloseTo(t, 5);
      }),
      { seed: 18, numRuns: 300 },
    );
  });
});
