import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createRandom, eDivisive, eDivisiveStatistics } from '../../src/stats/index.ts';
import { normalQuantile } from '../../src/stats/normal-quantile.ts';

interface ReferenceCase {
  name: string;
  series: number[];
  statistics: number[];
  changePoints: number[];
}
const reference = JSON.parse(readFileSync(path.join(import.meta.dirname, 'reference', 'e-divisive-reference.json'), 'utf8')) as {
  pvalue: number;
  permutations: number;
  cases: ReferenceCase[];
};

/** Lognormal job centers: `jobs` values with a relative spread `sd` and a step of `step` from job `at`. */
function jobs(count: number, sd: number, random: () => number, step = 0, at = count): number[] {
  return Array.from({ length: count }, (_, index) => Math.log(100) + sd * normalQuantile(random()) + (index >= at ? Math.log(1 + step) : 0));
}

describe('eDivisiveStatistics', () => {
  test.each(reference.cases)("agrees with signal-processing-algorithms' _calculate_t_stats: $name", ({ series, statistics }) => {
    const ours = eDivisiveStatistics(series);
    expect(ours.length).toBe(statistics.length);
    statistics.forEach((want, tau) => expect(Math.abs(ours[tau]! - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want))));
  });

  test('agrees with the O(n²) definition on random integers (many ties)', () => {
    const random = createRandom(7);
    const values = Array.from({ length: 41 }, () => Math.floor(random() * 6));
    const direct = values.map((_, tau) => {
      if (tau === 0) return 0;
      const x = values.slice(0, tau);
      const y = values.slice(tau);
      const mean = (a: number[], b: number[]) => a.reduce((sum, u) => sum + b.reduce((inner, v) => inner + Math.abs(u - v), 0), 0) / (a.length * b.length);
      return ((x.length * y.length) / values.length) * (2 * mean(x, y) - mean(x, x) - mean(y, y));
    });
    const ours = eDivisiveStatistics(values);
    direct.forEach((want, tau) => expect(ours[tau]).toBeCloseTo(want, 10));
  });

  test('given ranks give the same statistics as sorting', () => {
    const values = [5, 1, 4, 4, 9, 2];
    expect(eDivisiveStatistics(values, [4, 0, 2, 3, 5, 1])).toEqual(eDivisiveStatistics(values));
  });

  test('n < 2: all zeros', () => {
    expect(Array.from(eDivisiveStatistics([]))).toEqual([]);
    expect(Array.from(eDivisiveStatistics([3]))).toEqual([0]);
  });

  test('a constant series has no divergence anywhere', () => {
    expect(Array.from(eDivisiveStatistics([2, 2, 2, 2, 2]))).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('eDivisive', () => {
  test.each(reference.cases)("finds signal-processing-algorithms' change points (pvalue 0.01, 199 permutations): $name", ({ series, changePoints }) => {
    const found = eDivisive(series, { alpha: reference.pvalue, permutations: reference.permutations, minSize: 1 });
    expect(found.changePoints.map((point) => point.index)).toEqual(changePoints);
  });

  test('every reported p value is at most alpha and counts the observed statistic', () => {
    const two = reference.cases.find((c) => c.name === 'two-steps')!;
    const { changePoints } = eDivisive(two.series, { alpha: 0.01, permutations: 199 });
    for (const point of changePoints) {
      expect(point.pValue).toBeGreaterThanOrEqual(1 / 200);
      expect(point.pValue).toBeLessThanOrEqual(0.01);
    }
  });

  test('the same seed gives the same answer; the result does not depend on the unit (log values)', () => {
    const series = jobs(60, 0.02, createRandom(11), 0.04, 30);
    expect(eDivisive(series, { seed: 5 })).toEqual(eDivisive(series, { seed: 5 }));
    const shifted = series.map((value) => value + Math.log(1000));
    expect(eDivisive(shifted, { seed: 5 }).changePoints.map((p) => p.index)).toEqual(eDivisive(series, { seed: 5 }).changePoints.map((p) => p.index));
  });

  test('stationary noise: a change point in at most alpha of the series (300 series of 60 jobs, 2% noise, alpha 0.05)', () => {
    const random = createRandom(2026);
    let withChange = 0;
    for (let series = 0; series < 300; series++) {
      if (eDivisive(jobs(60, 0.02, random), { alpha: 0.05, permutations: 99, seed: series }).changePoints.length > 0) withChange++;
    }
    // The permutation test is exact, so the rate is at most 5%: 15 expected, and 27 or more has
    // probability below 0.002 under Binomial(300, 0.05).
    expect(withChange).toBeLessThan(27);
  });

  test('a 10% step in 60 jobs of 2% noise is found at the job where it happens', () => {
    const random = createRandom(99);
    const found: number[][] = [];
    for (let series = 0; series < 40; series++) {
      const at = 20 + (series % 21);
      found.push(eDivisive(jobs(60, 0.02, random, 0.1, at), { seed: series }).changePoints.map((point) => point.index - at));
    }
    // Every series: exactly one change point, within one job of the step; at the very job in
    // nearly all (a 5-sigma step still leaves a noise draw at the edge that looks like the other side).
    expect(found.every((offsets) => offsets.length === 1 && Math.abs(offsets[0]!) <= 1)).toBe(true);
    expect(found.filter((offsets) => offsets[0] === 0).length).toBeGreaterThanOrEqual(38);
  });

  test('a step of 1% in 2% noise over 60 jobs is rarely significant (the price of a 1% false-alarm rate)', () => {
    const random = createRandom(5);
    let detected = 0;
    for (let series = 0; series < 40; series++) if (eDivisive(jobs(60, 0.02, random, 0.01, 30), { seed: series }).changePoints.length > 0) detected++;
    expect(detected).toBeLessThan(20);
  });

  test('a constant series, and series shorter than two segments of minSize, have no change point', () => {
    expect(eDivisive([4, 4, 4, 4, 4, 4, 4, 4]).changePoints).toEqual([]);
    expect(eDivisive([1, 1, 9, 9, 9]).changePoints).toEqual([]);
    expect(eDivisive([]).changePoints).toEqual([]);
  });

  test('maxChangePoints bounds the work', () => {
    const staircase = Array.from({ length: 120 }, (_, index) => Math.floor(index / 10) + 0.01 * Math.sin(index));
    expect(eDivisive(staircase, { maxChangePoints: 3 }).changePoints).toHaveLength(3);
  });

  test('bad settings and bad values are refused with a message naming them', () => {
    expect(() => eDivisive([1, 2], { alpha: 0 })).toThrow('eDivisive: alpha must be in (0, 1), got 0');
    expect(() => eDivisive([1, 2], { alpha: 0.01, permutations: 50 })).toThrow(
      'eDivisive: 50 permutations cannot give a p value of 0.01 or less; use at least 99',
    );
    expect(() => eDivisive([1, 2], { minSize: 0 })).toThrow('eDivisive: minSize must be a positive integer, got 0');
    expect(() => eDivisive([1, Number.NaN])).toThrow('eDivisive: every value must be finite, got NaN');
  });
});
