import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { assignShard } from '../../src/results/assign-shard.ts';
import { ResultsSchema } from '../../src/results/schema.ts';
import { runSeed, runSuites, suiteName, type RunOptions } from '../../src/runner/run-suites.ts';
import { RunnerError } from '../../src/runner/runner-error.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures');
const environment = { cpuModel: 'test', cores: 2, os: 'linux', arch: 'x64', node: 'v24.0.0', runnerImage: null };
const meta = { commit: 'abc123', ref: 'refs/heads/main', environment };

function options(suites: string, overrides: Partial<RunOptions> = {}): RunOptions {
  return {
    suites,
    runs: 2,
    time: 10,
    warmupTime: 0,
    retainSamples: false,
    filter: null,
    runTimeout: 30_000,
    seed: 7,
    cwd: fixtures,
    env: { ...process.env },
    ...overrides,
  };
}

const lines: string[] = [];
const log = { info: (message: string) => lines.push(message) };

describe('runSuites on real child processes', () => {
  test('a good suite gives one value per process run for every metric', async () => {
    const results = await runSuites(options('good.bench.ts'), meta, log);
    expect(ResultsSchema.parse(results)).toEqual(results);
    expect(results.seed).toBe(7);
    expect(results.commit).toBe('abc123');
    expect(results.benchmarks.map((b) => b.id).sort()).toEqual(['good/join', 'good/sum']);
    for (const benchmark of results.benchmarks) {
      expect(benchmark.state).toBe('completed');
      const p50 = benchmark.metrics.find((m) => m.name === 'latency-p50')!;
      // the suite's timingGates export turns join's latency gate off; sum keeps the default
      const gate = benchmark.id !== 'good/join';
      expect(p50).toMatchObject({ unit: 'ns', direction: 'smaller', gate, observation: 'process' });
      expect(p50.runs).toHaveLength(2);
      expect(p50.runs.every((v) => v > 0)).toBe(true);
      expect(p50.iterations!.every((n) => n > 0)).toBe(true);
      const cores = benchmark.metrics.find((m) => m.name === 'cpu-cores')!;
      expect(cores.runs.every((v) => v > 0 && v < 4)).toBe(true);
      expect(benchmark.metrics.find((m) => m.name === 'heap-per-iteration')!.runs).toHaveLength(2);
    }
    const sum = results.benchmarks.find((b) => b.id === 'good/sum')!;
    expect(sum.metrics.find((m) => m.name === 'answer')).toMatchObject({ runs: [42, 42], direction: 'bigger', gate: true });
    expect(lines.some((line) => /^run 2\/2 · good\.bench\.ts · 2 tasks · \d+\.\d s$/.test(line))).toBe(true);
    expect(lines.some((line) => line.startsWith('seed 7'))).toBe(true);
  });

  test('raw samples are kept only when asked', async () => {
    const kept = await runSuites(options('good.bench.ts', { runs: 1, retainSamples: true }), meta, log);
    const samples = kept.benchmarks[0]!.metrics.find((m) => m.name === 'latency-p50')!.samples!;
    expect(samples).toHaveLength(1);
    expect(samples[0]!.length).toBeGreaterThan(1);
    const dropped = await runSuites(options('good.bench.ts', { runs: 1 }), meta, log);
    expect(dropped.benchmarks[0]!.metrics.find((m) => m.name === 'latency-p50')!.samples).toBeUndefined();
  });

  test('a throwing task is errored with its message and the other task still runs', async () => {
    const results = await runSuites(options('throwing.bench.ts'), meta, log);
    const broken = results.benchmarks.find((b) => b.id === 'throwing/broken')!;
    expect(broken.state).toBe('errored');
    expect(broken.state === 'errored' && broken.error).toMatch(/^run 1: .*the deserializer exploded/);
    expect(results.benchmarks.find((b) => b.id === 'throwing/fine')!.state).toBe('completed');
  });

  test('a custom metric no measurement can have errors its task, naming metric, unit and rule; real zeros pass', async () => {
    const results = await runSuites(options('impossible.bench.ts', { runs: 1 }), meta, log);
    const byId = (id: string) => results.benchmarks.find((b) => b.id === `impossible/${id}`)!;
    const negative = byId('negative-bytes');
    expect(negative.state).toBe('errored');
    expect(negative.state === 'errored' && negative.error).toMatch(/custom metric 'bytes-copied' \(B\/req\) of task 'negative-bytes': -48 must be ≥ 0/);
    const zero = byId('zero-gated-time');
    expect(zero.state === 'errored' && zero.error).toMatch(
      /custom metric 'predicted-time' \(ns\) of task 'zero-gated-time': 0 must be > 0 \(a time that takes part in the gate\)/,
    );
    const fine = byId('zero-allocations');
    expect(fine.state).toBe('completed');
    expect(fine.metrics.find((m) => m.name === 'allocations')!.runs).toEqual([0]);
  });

  test('a suite that does not export a Bench is refused, naming the file', async () => {
    await expect(runSuites(options('bad-export.bench.ts'), meta, log)).rejects.toThrow(/bad-export\.bench\.ts.*default export must be a tinybench Bench/);
  });

  test('a suite whose timingGates export is not task → boolean is refused, naming the file', async () => {
    await expect(runSuites(options('bad-timing-gates.bench.ts'), meta, log)).rejects.toThrow(
      /bad-timing-gates\.bench\.ts.*'timingGates' export must be an object of task name → true or false/,
    );
  });

  test('a suite that fails to import is refused, naming the file and the reason', async () => {
    const error = await runSuites(options('import-fails.bench.ts'), meta, log).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunnerError);
    expect((error as Error).message).toMatch(/import-fails\.bench\.ts.*failed to import.*cannot load configuration/);
  });

  test('a missing suite file is refused, naming the pattern', async () => {
    await expect(runSuites(options('nowhere/*.bench.ts'), meta, log)).rejects.toThrow(/no suite file matches 'nowhere\/\*\.bench\.ts'/);
  });

  test('a run over its time limit is killed and reported as errored', async () => {
    const started = Date.now();
    const results = await runSuites(options('slow.bench.ts', { runs: 1, runTimeout: 1500 }), meta, log);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(results.benchmarks).toHaveLength(1);
    const [only] = results.benchmarks;
    expect(only!.state).toBe('errored');
    expect(only!.state === 'errored' && only!.error).toMatch(/timed out after 1500 ms and was killed/);
  });

  test('a filter selects benchmark ids by regular expression', async () => {
    const results = await runSuites(options('good.bench.ts', { runs: 1, filter: '^good/su' }), meta, log);
    expect(results.benchmarks.map((b) => b.id)).toEqual(['good/sum']);
  });

  test('shards i/3 run disjoint slices, chosen by assignShard, that together are the whole suite', async () => {
    const all = Array.from({ length: 12 }, (_, i) => `many/task-${i + 1}`);
    const slices: string[][] = [];
    for (const index of [1, 2, 3]) {
      const results = await runSuites(options('many.bench.ts', { runs: 1, time: 1, shard: { index, count: 3 } }), meta, log);
      const ids = results.benchmarks.map((b) => b.id).sort();
      expect(ids).toEqual(all.filter((id) => assignShard(id, 3) === index).sort());
      slices.push(ids);
    }
    expect(slices.flat().sort()).toEqual([...all].sort());
    expect(slices.every((slice) => slice.length > 0 && slice.length < 12)).toBe(true);
  });

  test('a shard with an empty slice is not an error; a filter that matches nothing at all still is', async () => {
    // good/join and good/sum: with 50 shards, most shards get neither.
    const empty = [...Array(50).keys()].map((i) => i + 1).find((index) => !['good/join', 'good/sum'].some((id) => assignShard(id, 50) === index))!;
    const results = await runSuites(options('good.bench.ts', { runs: 1, shard: { index: empty, count: 50 } }), meta, log);
    expect(results.benchmarks).toEqual([]);
    await expect(runSuites(options('good.bench.ts', { runs: 1, filter: '^nothing', shard: { index: 1, count: 2 } }), meta, log)).rejects.toThrow(
      /filter '\^nothing' matches none of the 2 benchmark\(s\)/,
    );
  });

  test('the child processes get the given environment', async () => {
    const results = await runSuites(options('env.bench.ts', { runs: 1, env: { ...process.env, FIXTURE_VALUE: '5' } }), meta, log);
    expect(results.benchmarks[0]!.metrics.find((m) => m.name === 'from-env')!.runs).toEqual([5]);
  });
});

describe('runner helpers', () => {
  test('suite names drop the .bench suffix', () => {
    expect(suiteName('/x/benchmarks/layout.bench.ts')).toBe('layout');
    expect(suiteName('/x/a/executor.bench.mjs')).toBe('executor');
    expect(suiteName('/x/plain.js')).toBe('plain');
  });

  test('each run gets its own seed derived from the printed one', () => {
    const seeds = [1, 2, 3, 4].map((run) => runSeed(7, run));
    expect(new Set(seeds).size).toBe(4);
    expect(runSeed(7, 1)).toBe(runSeed(7, 1));
  });
});
