import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { benjaminiHochberg, holm } from '../../src/stats/index.ts';
import { expectRelative, reference } from './reference/load-reference.ts';

const pValues = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 });

describe('benjaminiHochberg', () => {
  test.each(reference.adjust.map((row) => ({ ...row, n: row.p.length })))("agrees with R's p.adjust(p, 'BH') for $n p values", ({ p, bh }) => {
    benjaminiHochberg(p).forEach((value, i) => expectRelative(value, bh[i]!, 1e-12));
  });

  test('no p values: none adjusted', () => {
    expect(benjaminiHochberg([])).toEqual([]);
  });

  test('adjusts up, caps at 1, keeps the raw order, and never exceeds Holm', () => {
    fc.assert(
      fc.property(pValues, (p) => {
        const adjusted = benjaminiHochberg(p);
        const strict = holm(p);
        p.forEach((raw, i) => {
          expect(adjusted[i]).toBeGreaterThanOrEqual(raw);
          expect(adjusted[i]).toBeLessThanOrEqual(1);
          expect(adjusted[i]).toBeLessThanOrEqual(strict[i]! + 1e-15);
          p.forEach((other, j) => {
            if (raw <= other) expect(adjusted[i]).toBeLessThanOrEqual(adjusted[j]!);
          });
        });
      }),
      { seed: 72, numRuns: 200 },
    );
  });
});
