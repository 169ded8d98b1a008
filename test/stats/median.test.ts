import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { median } from '../../src/stats/median.ts';

/** Made by test/stats/reference/make-median-reference.R with R's median(). */
const reference = JSON.parse(readFileSync(path.join(import.meta.dirname, 'reference', 'median-reference.json'), 'utf8')) as {
  cases: { x: number[]; median: number }[];
};

describe('median', () => {
  test.each(reference.cases.map((c) => [c.x.length, c] as const))("matches R's median() for n = %i", (_n, { x, median: expected }) => {
    expect(median(x)).toBe(expected);
  });

  test('a single value is its own median', () => {
    expect(median([42])).toBe(42);
  });

  test('ties and a constant sample', () => {
    expect(median([2, 2, 1, 3, 3])).toBe(2);
    expect(median([7, 7, 7, 7])).toBe(7);
  });

  test('sorts numerically, not as text, and leaves the input alone', () => {
    const values = [10, 9, 100, 1];
    expect(median(values)).toBe(9.5);
    expect(values).toEqual([10, 9, 100, 1]);
  });

  test('an empty sample is refused', () => {
    expect(() => median([])).toThrow(RangeError);
  });
});
