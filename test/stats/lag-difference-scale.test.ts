import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createRandom, lagDifferenceScale } from '../../src/stats/index.ts';

interface Case {
  name: string;
  maxLag: number;
  x: number[];
  scale: number;
}
const reference: { cases: Case[] } = JSON.parse(readFileSync(path.join(import.meta.dirname, 'reference', 'lag-difference-scale.json'), 'utf8'));

function normals(n: number, seed: number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12))) * Math.cos(2 * Math.PI * random()));
}

describe('lagDifferenceScale', () => {
  test.each(reference.cases)('agrees with R (mad of lagged differences / √2): $name', ({ x, maxLag, scale }) => {
    expect(lagDifferenceScale(x, maxLag)).toBeCloseTo(scale, 12);
  });

  test('n < 2: NaN', () => {
    expect(lagDifferenceScale([])).toBeNaN();
    expect(lagDifferenceScale([3])).toBeNaN();
  });

  test('a constant series and ties: 0', () => {
    expect(lagDifferenceScale([2, 2, 2, 2])).toBe(0);
    expect(lagDifferenceScale([1, 1, 1, 1, 1, 5])).toBe(0);
  });

  test('maxLag must be a whole number ≥ 1', () => {
    expect(() => lagDifferenceScale([1, 2, 3], 0)).toThrow(/maxLag must be a whole number ≥ 1, got 0/);
    expect(() => lagDifferenceScale([1, 2, 3], 1.5)).toThrow(RangeError);
  });

  test('estimates σ of normal values (averaged over 400 seeded series of 30)', () => {
    let sum = 0;
    for (let seed = 1; seed <= 400; seed++) sum += lagDifferenceScale(normals(30, seed).map((v) => 0.05 * v));
    expect(sum / 400).toBeGreaterThan(0.048);
    expect(sum / 400).toBeLessThan(0.053);
  });

  test('a level shift halfway barely moves it; the sample standard deviation triples', () => {
    const x = normals(16, 7).map((v, i) => 0.02 * v + (i < 8 ? 0 : 0.1));
    expect(lagDifferenceScale(x)).toBeLessThan(0.03);
    const mean = x.reduce((s, v) => s + v, 0) / x.length;
    const sd = Math.sqrt(x.reduce((s, v) => s + (v - mean) ** 2, 0) / (x.length - 1));
    expect(sd).toBeGreaterThan(0.05);
  });

  test('one odd value barely moves it', () => {
    const x = normals(12, 9).map((v) => 0.02 * v);
    const clean = lagDifferenceScale(x);
    x[5] = 1;
    expect(lagDifferenceScale(x)).toBeLessThan(clean * 1.5);
  });
});
