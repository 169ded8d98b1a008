import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createRandom, lookAlpha, wilcoxonSignedRank } from '../../src/stats/index.ts';
import { expectRelative, spendingReference } from './reference/load-reference.ts';

describe('lookAlpha', () => {
  test.each(spendingReference.spending)("is the increment of R's spending function: $spending, $maxLooks looks, alpha $alpha", (row) => {
    row.formula.forEach((spent, i) => expectRelative(lookAlpha(i + 1, row.maxLooks, row.alpha, row.spending), spent - (i > 0 ? row.formula[i - 1]! : 0), 1e-9));
  });

  test('one look: the whole alpha', () => {
    expect(lookAlpha(1, 1, 0.01)).toBe(0.01);
  });

  test('the levels of all looks add up to alpha, each above 0', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 1e-4, max: 0.5, noNaN: true }), fc.boolean(), (maxLooks, alpha, pocock) => {
        let sum = 0;
        for (let look = 1; look <= maxLooks; look++) {
          const level = lookAlpha(look, maxLooks, alpha, pocock ? 'pocock' : 'obrien-fleming');
          expect(level).toBeGreaterThan(0);
          sum += level;
        }
        expect(sum).toBeCloseTo(alpha, 12);
      }),
      { seed: 72, numRuns: 100 },
    );
  });

  test('repeated signed-rank tests at the spent levels keep the chance of any false alarm at most alpha; at alpha every look, they do not', () => {
    // 2,000 seeded A/A sequences of up to 10 looks, 8 rounds each, stopping at the first rejection.
    const random = createRandom(20261202);
    const alpha = 0.1;
    const maxLooks = 10;
    let spent = 0;
    let naive = 0;
    for (let sequence = 0; sequence < 2000; sequence++) {
      const x: number[] = [];
      let spentAlarm = false;
      let naiveAlarm = false;
      for (let look = 1; look <= maxLooks; look++) {
        for (let round = 0; round < 8; round++) x.push(random() - 0.5);
        const p = wilcoxonSignedRank(x).pGreater;
        if (p < lookAlpha(look, maxLooks, alpha)) spentAlarm = true;
        if (p < alpha) naiveAlarm = true;
      }
      if (spentAlarm) spent++;
      if (naiveAlarm) naive++;
    }
    // Binomial(2000, 0.1) has sd 13.4: 230 is more than 2 sd above alpha.
    expect(spent).toBeLessThan(230);
    expect(naive).toBeGreaterThan(300);
  });

  test('refuses look 0', () => {
    expect(() => lookAlpha(0, 5, 0.01)).toThrow(new RangeError('look must be a whole number ≥ 1, got 0'));
  });
});
