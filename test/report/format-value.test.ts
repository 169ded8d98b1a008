import { describe, expect, test } from 'vitest';
import { formatFraction, formatP, formatPercent, formatPercentInterval, formatValue, MINUS } from '../../src/report/format-value.ts';

describe('formatValue', () => {
  test.each([
    [512, 'ns', '512 ns'],
    [1_234, 'ns', '1.23 µs'],
    [1_234_567, 'ns', '1.23 ms'],
    [12_345_678_901, 'ns', '12.3 s'],
    [2.5, 'ms', '2.5 ms'],
    [1500, 'us', '1.5 ms'],
    [0, 'ns', '0 ns'],
    [51_234, 'B/req', '50 KiB/req'],
    [3 * 1024 ** 3, 'bytes', '3 GiB'],
    [900, 'B', '900 B'],
    [2_500_000, 'ops/s', '2.5M ops/s'],
    [48_210, 'ops/s', '48.2k ops/s'],
    [12, 'ops/s', '12 ops/s'],
    [123.456, 'allocs/op', '123 allocs/op'],
    [-0.5, 'widgets', `${MINUS}0.5 widgets`],
    [0.00001234, 'ratio', '1.23e-5 ratio'],
  ])('%d %s → %s', (value, unit, expected) => {
    expect(formatValue(value, unit)).toBe(expected);
  });
});

describe('formatPercent', () => {
  test.each([
    [-0.213, '−21.3%'],
    [0.124, '+12.4%'],
    [0, '0.0%'],
    [-0.00004, '0.0%'],
    [0.00004, '0.0%'],
    [3.1, '+310.0%'],
    [Number.POSITIVE_INFINITY, '+∞%'],
    [Number.NaN, 'n/a'],
  ])('%d → %s', (fraction, expected) => {
    expect(formatPercent(fraction)).toBe(expected);
  });

  test('uses the real minus sign, never a hyphen', () => {
    expect(formatPercent(-0.5)).not.toContain('-');
    expect(formatPercent(-0.5).startsWith('\u2212')).toBe(true);
  });
});

describe('formatPercentInterval', () => {
  test('low … high', () => {
    expect(formatPercentInterval([-0.23, -0.194])).toBe('−23.0% … −19.4%');
  });
});

describe('formatP', () => {
  test.each([
    [0.01234, '0.012'],
    [0.5, '0.5'],
    [1, '1'],
    [0.001, '0.001'],
    [0.0000321, '3.2e-5'],
    [0, '0'],
  ])('%d → %s', (p, expected) => {
    expect(formatP(p)).toBe(expected);
  });
});

describe('formatFraction', () => {
  test.each([
    [0.95, '95%'],
    [0.05, '5%'],
    [0.025, '2.5%'],
    [0.999, '99.9%'],
  ])('%d → %s', (fraction, expected) => {
    expect(formatFraction(fraction)).toBe(expected);
  });
});
