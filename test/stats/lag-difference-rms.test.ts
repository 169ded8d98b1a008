import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createRandom, lagDifferenceRms, lagDifferenceScale } from '../../src/stats/index.ts';

interface Case {
  name: string;
  maxLag: number;
  rejectAt: number;
  x: number[];
  scale: number;
}
const reference: { cases: Case[]; simulated: { n: number; meanSquare: number; dfPerValue: number }[] } = JSON.parse(
  readFileSync(path.join(import.meta.dirname, 'reference', 'lag-difference-rms.json'), 'utf8'),
);

function normals(n: number, seed: number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12))) * Math.cos(2 * Math.PI * random()));
}

describe('lagDifferenceRms', () => {
  test.each(reference.cases)('agrees with numpy (make-lag-difference-rms-reference.py): $name', ({ x, maxLag, rejectAt, scale }) => {
    expect(lagDifferenceRms(x, maxLag, rejectAt)).toBeCloseTo(scale, 12);
  });

  test('the reference simulation backs the degrees of freedom per job (0.75) and the consistency (within 1%)', () => {
    for (const row of reference.simulated) {
      expect(row.dfPerValue).toBeGreaterThan(0.72);
      expect(row.dfPerValue).toBeLessThan(0.8);
      expect(Math.abs(row.meanSquare - 1)).toBeLessThan(0.01);
    }
  });

  test('n < 2: NaN; a constant series and ties: 0', () => {
    expect(lagDifferenceRms([])).toBeNaN();
    expect(lagDifferenceRms([3])).toBeNaN();
    expect(lagDifferenceRms([2, 2, 2, 2])).toBe(0);
    expect(lagDifferenceRms([1, 1, 1, 1, 1, 5])).toBe(0);
  });

  test('bad maxLag or rejectAt is refused, naming it', () => {
    expect(() => lagDifferenceRms([1, 2, 3], 0)).toThrow(/maxLag/);
    expect(() => lagDifferenceRms([1, 2, 3], 2, 0)).toThrow(/rejectAt must be above 0, got 0/);
  });

  test('estimates σ of normal values, and varies less than the MAD of the differences (400 seeded series of 8)', () => {
    const rms: number[] = [];
    const mad: number[] = [];
    for (let seed = 1; seed <= 400; seed++) {
      const x = normals(8, seed).map((v) => 0.05 * v);
      rms.push(lagDifferenceRms(x) ** 2);
      mad.push(lagDifferenceScale(x) ** 2);
    }
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    const variance = (v: number[]) => mean(v.map((x) => (x - mean(v)) ** 2));
    expect(Math.sqrt(mean(rms))).toBeGreaterThan(0.047);
    expect(Math.sqrt(mean(rms))).toBeLessThan(0.053);
    // χ-equivalent degrees of freedom 2·E²/Var: about 0.75·7 against 0.45·7
    expect((2 * mean(rms) ** 2) / variance(rms)).toBeGreaterThan(1.3 * ((2 * mean(mad) ** 2) / variance(mad)));
  });

  test('a level shift halfway moves it little; the sample standard deviation triples', () => {
    const x = normals(16, 7).map((v, i) => 0.02 * v + (i < 8 ? 0 : 0.1));
    expect(lagDifferenceRms(x)).toBeLessThan(0.03);
  });

  test('one odd value barely moves it: its differences are left out', () => {
    const x = normals(12, 9).map((v) => 0.02 * v);
    const clean = lagDifferenceRms(x);
    x[5] = 1;
    expect(lagDifferenceRms(x)).toBeLessThan(clean * 1.5);
  });
});
