import { describe, expect, test } from 'vitest';
import { buildConfig, ConfigError, DEFAULT_SUITES, parseThresholdInput } from '../../src/config/config.ts';
import { parseCliArgs } from '../../src/config/parse-cli-args.ts';

const none = () => false;
function config(inputs: Record<string, string>) {
  return buildConfig((name) => inputs[name] ?? '', 99, none);
}

describe('buildConfig', () => {
  test('fills every default when no input is given', () => {
    const c = config({});
    expect(c).toMatchObject({
      mode: 'run',
      suites: DEFAULT_SUITES,
      runs: 10,
      time: 100,
      seed: 99,
      output: 'benchgate-results.json',
      tool: 'benchgate',
      benchmarkSet: 'default',
      baselineStore: 'git-branch',
      dataBranch: 'benchgate-data',
      saveOn: [],
      maxHistory: 100,
      fingerprintMismatch: 'advisory',
      threshold: 0.05,
      alpha: 0.01,
      failOn: 'regression',
      commentOn: 'change',
      configFile: null,
      runTimeout: 300_000,
    });
  });

  test('an output file switches the tool to auto and a baseline file the store to file', () => {
    const c = config({ 'output-file-path': 'out.json', 'baseline-file': 'benchmarks/baseline.json' });
    expect(c.tool).toBe('auto');
    expect(c.baselineStore).toBe('file');
  });

  test('benchgate.config.json is used when it exists', () => {
    const c = buildConfig(() => '', 1, (file) => file === 'benchgate.config.json');
    expect(c.configFile).toBe('benchgate.config.json');
  });

  test.each([
    ['alpha', '2', "input 'alpha' must be in (0, 1), got '2'"],
    ['runs', 'ten', "input 'runs' must be a number"],
    ['runs', '0', "input 'runs' must be at least 1"],
    ['runs', '2.5', "input 'runs' must be a whole number"],
    ['fail-on', 'sometimes', "input 'fail-on' must be one of regression, inconclusive, never, got 'sometimes'"],
    ['threshold', 'a lot', "input 'threshold' must be a percentage like 5% or a fraction like 0.05, got 'a lot'"],
    ['filter', '(', "input 'filter' is not a valid regular expression"],
    ['threshold', '150%', "input 'threshold' must be a throughput loss above 0% and below 100%, got '150%'"],
    ['benchmark-set', 'a/b', "input 'benchmark-set' may hold only letters"],
    ['retain-samples', 'maybe', "input 'retain-samples' must be true or false, got 'maybe'"],
  ])('input %s = %s is refused with a message naming it', (name, value, message) => {
    expect(() => config({ [name]: value })).toThrow(ConfigError);
    expect(() => config({ [name]: value })).toThrow(message);
  });

  test.each([
    ['5%', 0.05],
    ['0.05', 0.05],
    ['12.5 %', 0.125],
  ])('threshold %s is %f', (text, value) => {
    expect(parseThresholdInput('threshold', text)).toBeCloseTo(value, 12);
  });
});

describe('parseCliArgs', () => {
  test('maps flags to input names', () => {
    const invocation = parseCliArgs(['run', '--runs', '3', '--out', 'x.json', '--retain-samples']);
    expect(invocation.command).toBe('run');
    expect(invocation.input('runs')).toBe('3');
    expect(invocation.input('output')).toBe('x.json');
    expect(invocation.input('retain-samples')).toBe('true');
    expect(invocation.input('suites')).toBe('');
  });

  test('compare takes exactly two paths', () => {
    expect(parseCliArgs(['compare', 'a.json', 'b.json', '--threshold', '10%']).positionals).toEqual(['a.json', 'b.json']);
    expect(() => parseCliArgs(['compare', 'a.json'])).toThrow(/takes two paths/);
  });

  test('an unknown flag or command is a usage error naming it', () => {
    expect(() => parseCliArgs(['run', '--fast'])).toThrow(/--fast/);
    expect(() => parseCliArgs(['launch'])).toThrow("unknown command 'launch'");
  });
});
