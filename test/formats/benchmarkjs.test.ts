import { describe, expect, test } from 'vitest';
import { parseBenchmarkjs } from '../../src/formats/benchmarkjs.ts';
import type { FormatInput } from '../../src/formats/format-input.ts';
import { detectTool, parseToolOutput } from '../../src/formats/index.ts';
import { benchmark, fixture, fixtureJson, fixtureText, metric, formatError } from './helpers.ts';

const file = (path: string, text: string): FormatInput => ({ kind: 'file', path, text });

describe('Benchmark.js', () => {
  test.each(['benchmarkjs/base.json', 'benchmarkjs/base.txt', 'benchmarkjs/slow.txt', 'benchmarkjs/history/1.txt'])(
    'auto-detection reads %s as benchmarkjs',
    async (relative) => {
      expect(detectTool(file(relative, fixtureText(relative)))).toBe('benchmarkjs');
      expect((await parseToolOutput(fixture(relative), 'auto')).tool).toBe('benchmarkjs');
    },
  );

  test('the JSON suite keeps every stats.sample, seconds → ns, and its time stamp', () => {
    const json = fixtureJson('benchmarkjs/base.json');
    const results = parseBenchmarkjs(file('base.json', fixtureText('benchmarkjs/base.json')));
    expect(results.benchmarks.map((b) => b.id)).toEqual(['fib 500', 'fib 1000', 'split <em>words</em>']);
    const time = metric(results, 'fib 1000', 'time');
    expect(time).toMatchObject({ unit: 'ns', direction: 'smaller', gate: true, observation: 'sample' });
    expect(time.runs).toEqual(json[1].stats.sample.map((s: number) => s * 1e9));
    expect(results.createdAt).toBe(new Date(Math.max(...json.map((b: any) => b.times.timeStamp))).toISOString());
  });

  test('a printed line becomes an aggregate whose deviation matches the JSON of the same run', () => {
    // base.txt and base.json come from one measurement, so the deviation recovered from the
    // printed ±rme must equal Benchmark.js's own stats.deviation (up to the printed rounding)
    const json = fixtureJson('benchmarkjs/base.json');
    const results = parseBenchmarkjs(file('base.txt', fixtureText('benchmarkjs/base.txt')));
    json.forEach((bench: any) => {
      const time = metric(results, bench.name, 'time');
      expect(time.observation).toBe('aggregate');
      expect(time.aggregate!.count).toBe(bench.stats.sample.length);
      expect(time.aggregate!.mean / (bench.stats.mean * 1e9)).toBeCloseTo(1, 4);
      expect(time.aggregate!.stddev / (bench.stats.deviation * 1e9)).toBeCloseTo(1, 2);
    });
  });

  test('a name printed by several runs gives one process value per line', () => {
    const text = `${fixtureText('benchmarkjs/base.txt')}Fastest is split\n${fixtureText('benchmarkjs/same.txt')}`;
    const results = parseBenchmarkjs(file('two-runs.txt', text));
    const time = metric(results, 'fib 500', 'time');
    expect(time.observation).toBe('process');
    expect(time.runs).toHaveLength(2);
  });

  test('a benchmark that threw is errored; Benchmark.js keeps no message in JSON, and that is said', () => {
    const json = fixtureJson('benchmarkjs/base.json');
    json[0] = { ...json[0], error: {}, aborted: true };
    const results = parseBenchmarkjs(file('err.json', JSON.stringify(json)));
    expect(benchmark(results, 'fib 500')).toMatchObject({ state: 'errored', metrics: [] });
  });

  test.each([
    ['x.txt', 'fib x 1,2,3 ops/sec ±nan% (3 runs sampled)', /cannot read Benchmark\.js line/, 'line 1'],
    ['x.txt', 'fib x 0 ops/sec ±1.00% (3 runs sampled)', /ops\/sec must be a number > 0/, 'line 1'],
    ['x.txt', 'fib x 10 ops/sec ±1.00% (0 runs sampled)', /runs sampled must be a positive integer/, 'line 1'],
    ['x.txt', 'nothing here', /no 'NAME x N ops\/sec/, undefined],
    ['x.json', '[{"name":"a","stats":{"sample":[]}}]', /no samples/, '[0].stats.sample'],
    ['x.json', '[{"name":"a","stats":{"sample":[1e-6,0]}}]', /must be > 0/, '[0].stats.sample[1]'],
    ['x.json', '[{"stats":{"sample":[1]}}]', /non-empty string/, '[0].name'],
  ])('%s %j is a FormatError naming the place', (name, text, message, location) => {
    const error = formatError(() => parseBenchmarkjs(file(name, text)));
    expect(error.message).toMatch(message);
    expect(error.location).toBe(location);
  });
});
