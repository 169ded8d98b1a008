import { describe, expect, test } from 'vitest';
import { buildConfig, ConfigError, DEFAULT_SUITES, resolveComparisonMode, storedModeRuns } from '../../src/config/config.ts';

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
      runs: 'auto',
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
      compareWith: 'auto',
      setup: null,
      command: null,
      maxTime: 600_000,
      commentOnPush: 'regression',
      passEnv: [],
      history: [],
    });
  });

  test('the new inputs parse: compare-with, setup, command, runs auto or N, max-time, comment-on-push, pass-env', () => {
    const c = config({
      'compare-with': 'base',
      setup: 'npm ci',
      command: 'cargo bench',
      runs: '7',
      'max-time': '90',
      'comment-on-push': 'always',
      'pass-env': 'HOME, MY_FLAG\nOTHER',
    });
    expect(c).toMatchObject({ compareWith: 'base', setup: 'npm ci', command: 'cargo bench', runs: 7, maxTime: 90_000, commentOnPush: 'always' });
    expect(c.passEnv).toEqual(['HOME', 'MY_FLAG', 'OTHER']);
    expect(config({ runs: 'auto' }).runs).toBe('auto');
  });

  test('runs auto means 10 when comparing with a stored run', () => {
    expect(storedModeRuns(config({}))).toBe(10);
    expect(storedModeRuns(config({ runs: '3' }))).toBe(3);
  });

  test.each([
    ['auto', 'pull_request', 'base'],
    ['auto', 'pull_request_target', 'stored'],
    ['auto', 'push', 'stored'],
    ['auto', 'workflow_dispatch', 'stored'],
    ['stored', 'pull_request', 'stored'],
    ['base', 'push', 'base'],
  ] as const)('compare-with %s on %s compares with %s', (compareWith, event, mode) => {
    expect(resolveComparisonMode({ compareWith }, event)).toBe(mode);
  });

  test('an explicit baseline-store wins over the baseline-file implication', () => {
    expect(config({ 'baseline-file': 'b.json', 'baseline-store': 'git-branch' }).baselineStore).toBe('git-branch');
  });

  test('an output file switches the tool to auto and a baseline file the store to file', () => {
    const c = config({ 'output-file-path': 'out.json', 'baseline-file': 'benchmarks/baseline.json' });
    expect(c.tool).toBe('auto');
    expect(c.baselineStore).toBe('file');
  });

  test('benchgate.config.json is used when it exists', () => {
    const c = buildConfig(
      () => '',
      1,
      (file) => file === 'benchgate.config.json',
    );
    expect(c.configFile).toBe('benchgate.config.json');
  });

  test.each([
    ['alpha', '2', "input 'alpha' must be in (0, 1), got '2'"],
    ['runs', 'ten', "input 'runs' must be a whole number ≥ 1 or 'auto', got 'ten'"],
    ['runs', '0', "input 'runs' must be a whole number ≥ 1 or 'auto', got '0'"],
    ['time', '2.5', "input 'time' must be a whole number, got '2.5'"],
    ['time', '0', "input 'time' must be at least 1, got '0'"],
    ['max-history', 'lots', "input 'max-history' must be a number, got 'lots'"],
    ['compare-with', 'head', "input 'compare-with' must be one of stored, base, auto, got 'head'"],
    ['comment-on-push', 'sometimes', "input 'comment-on-push' must be one of never, regression, always, got 'sometimes'"],
    ['pass-env', 'HOME,BAD-NAME', "input 'pass-env' must list environment variable names, got 'BAD-NAME'"],
    ['max-time', '-1', "input 'max-time' must be a positive number of seconds, got '-1'"],
    ['seed', '-3', "input 'seed' must be a whole number ≥ 0 and < 2^32, got '-3'"],
    ['fail-on', 'sometimes', "input 'fail-on' must be one of regression, inconclusive, never, got 'sometimes'"],
    [
      'threshold',
      'a lot',
      "input 'threshold' must be a percentage like 5% or a fraction like 0.05, above 0 and below 100% (it is a throughput loss: a 2× slowdown is 50%), got 'a lot'",
    ],
    ['filter', '(', "input 'filter' is not a valid regular expression"],
    [
      'threshold',
      '150%',
      "input 'threshold' must be a percentage like 5% or a fraction like 0.05, above 0 and below 100% (it is a throughput loss: a 2× slowdown is 50%), got '150%'",
    ],
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
    ['.1', 0.1],
  ])('threshold %s is %f (the same grammar as benchgate.config.json)', (text, value) => {
    expect(config({ threshold: text }).threshold).toBeCloseTo(value, 12);
  });
});
