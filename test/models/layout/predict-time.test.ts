import { describe, expect, test } from 'vitest';
import { predictRequestNs } from '../../../src/models/layout/predict-time.ts';

describe('predictRequestNs', () => {
  test('compute plus bytes at the copy cost', () => {
    expect(predictRequestNs(1000, 0.05, 100)).toBe(150);
    expect(predictRequestNs(0, 0.05, 100)).toBe(100);
  });

  test('the same compute makes the ratio depend only on the bytes and the copy cost', () => {
    const fast = predictRequestNs(131_728, 0.03, 40_000);
    const slow = predictRequestNs(848_304, 0.03, 40_000);
    expect(slow - fast).toBeCloseTo((848_304 - 131_728) * 0.03, 6);
  });

  test.each([
    [-1, 0.05, 100],
    [1000, 0, 100],
    [1000, 0.05, -1],
    [Number.NaN, 0.05, 100],
  ])('bad input is a RangeError naming the function: %s, %s, %s', (bytes, cost, compute) => {
    expect(() => predictRequestNs(bytes, cost, compute)).toThrow(/predictRequestNs/);
  });
});
