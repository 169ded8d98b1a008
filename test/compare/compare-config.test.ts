import { describe, expect, test } from 'vitest';
import { CompareConfigError, parseCompareConfig, resolveOverrides } from '../../src/compare/compare-config.ts';
import { globToRegExp } from '../../src/compare/glob.ts';
import { DEFAULT_COMPARE_OPTIONS, mergeCompareConfig } from '../../src/compare/options.ts';
import { parseThreshold } from '../../src/compare/parse-threshold.ts';

describe('parseThreshold', () => {
  test.each([
    ['5%', 0.05],
    ['0.05', 0.05],
    [0.05, 0.05],
    [' 12.5 % ', 0.125],
    ['.1', 0.1],
  ] as const)('%j → %d', (input, expected) => {
    expect(parseThreshold(input)).toBeCloseTo(expected, 15);
  });

  test.each(['0%', '100%', '5x', '', '-5%', 1.5, Number.NaN])('refuses %j', (input) => {
    expect(() => parseThreshold(input as string | number)).toThrow(/^threshold must be a percentage/);
  });
});

describe('globToRegExp', () => {
  test.each([
    ['layout/*', 'layout/ddsplit', true],
    ['layout/*', 'layout/a/b', false],
    ['layout/**', 'layout/a/b', true],
    ['**/parse', 'executor/http/parse', true],
    ['a/**/b', 'a/b', true],
    ['a/**/b', 'a/x/y/b', true],
    ['task-?', 'task-1', true],
    ['task-?', 'task-12', false],
    ['a.b(c)', 'a.b(c)', true],
    ['a.b', 'axb', false],
  ] as const)('%s matches %s: %s', (glob, id, expected) => {
    expect(globToRegExp(glob).test(id)).toBe(expected);
  });
});

describe('parseCompareConfig', () => {
  test('a full config parses, thresholds as fractions', () => {
    const config = parseCompareConfig(
      {
        threshold: '5%',
        alpha: 0.01,
        overrides: [{ match: 'layout/*', metric: 'latency-p50', threshold: '10%', alpha: 0.05, gate: false }],
      },
      'benchgate.config.json',
    );
    expect(config).toEqual({
      threshold: 0.05,
      alpha: 0.01,
      overrides: [{ match: 'layout/*', metric: 'latency-p50', threshold: 0.1, alpha: 0.05, gate: false }],
    });
  });

  test('an empty object is valid and has no overrides', () => {
    expect(parseCompareConfig({}, 'c.json')).toEqual({ overrides: [] });
  });

  test.each([
    [{ threshold: '5x' }, /^c\.json: 'threshold' must be a percentage/],
    [{ alpha: 2 }, /^c\.json: 'alpha' must be below 1/],
    [{ overrides: [{ match: 'a/*', threshold: '200%' }] }, /^c\.json: 'overrides\[0\]\.threshold'/],
    [{ overrides: [{ threshold: '5%' }] }, /^c\.json: 'overrides\[0\]\.match' must be a glob/],
    [{ overrides: [{ match: 'a', gate: 'no' }] }, /'overrides\[0\]\.gate' must be true or false/],
    [{ overrides: [{ match: 'a', thresold: '5%' }] }, /'overrides\[0\]\.thresold' is not a known setting/],
    [{ treshold: '5%' }, /'treshold' is not a known setting/],
    [{ overrides: [{ match: 'a/{b,c}' }] }, /'overrides\[0\]\.match' supports only/],
    [[1, 2], /^c\.json: must be a JSON object/],
    [null, /^c\.json: must be a JSON object/],
  ])('%j is refused naming the file and field', (json, message) => {
    expect(() => parseCompareConfig(json, 'c.json')).toThrow(message);
    try {
      parseCompareConfig(json, 'c.json');
    } catch (error: unknown) {
      expect(error).toBeInstanceOf(CompareConfigError);
      expect((error as CompareConfigError).file).toBe('c.json');
    }
  });
});

describe('resolveOverrides', () => {
  const defaults = { threshold: 0.05, alpha: 0.01, gate: true };

  test('later matching overrides win field by field; others are left alone', () => {
    const overrides = [
      { match: 'layout/**', threshold: 0.1 },
      { match: 'layout/slow', alpha: 0.05 },
      { match: 'layout/*', metric: 'heap-*', gate: false },
    ];
    expect(resolveOverrides(overrides, 'layout/slow', 'latency-p50', defaults)).toEqual({ threshold: 0.1, alpha: 0.05, gate: true });
    expect(resolveOverrides(overrides, 'layout/slow', 'heap-per-iteration', defaults)).toEqual({ threshold: 0.1, alpha: 0.05, gate: false });
    expect(resolveOverrides(overrides, 'executor/x', 'latency-p50', defaults)).toEqual(defaults);
  });

  test('mergeCompareConfig applies the file on top of the options', () => {
    const config = parseCompareConfig({ threshold: '10%', overrides: [{ match: '*', gate: false }] }, 'c.json');
    const merged = mergeCompareConfig({ ...DEFAULT_COMPARE_OPTIONS }, config);
    expect(merged.threshold).toBe(0.1);
    expect(merged.alpha).toBe(0.01);
    expect(merged.overrides).toHaveLength(1);
  });
});
