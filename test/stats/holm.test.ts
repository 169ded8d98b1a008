import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { holm } from '../../src/stats/index.ts';
import { expectRelative, reference } from './reference/load-reference.ts';

const pValues = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 });

describe('holm', () => {
  test.each(reference.adjust.map((row) => ({ ...row, n: row.p.length })))("agrees with R's p.adjust(p, 'holm') for $n p values", ({ p, holm: expected }) => {
    holm(p).forEach((value, i) => expectRelative(value, expected[i]!, 1e-12));
  });

  test('no p values: none adjusted', () => {
    expect(holm([])).toEqual([]);
  });

  test('one p value is left as it is', () => {
    expect(holm([0.03])).toEqual([0.03]);
  });

  test('adjusts up, caps at 1, and keeps the order of the raw p values', () => {
    fc.assert(
      fc.property(pValues, (p) => {
        const adjusted = holm(p);
        expect(adjusted).toHaveLength(p.length);
        p.forEach((raw, i) => {
          expect(adjusted[i]).toBeGreaterThanOrEqual(raw);
          expect(adjusted[i]).toBeLessThanOrEqual(1);
          p.forEach((other, j) => {
            if (raw <= other) expect(adjusted[i]).toBeLessThanOrEqual(adjusted[j]!);
          });
        });
      }),
      { seed: 71, numRuns: 200 },
    );
  });
});
