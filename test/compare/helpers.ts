import { RESULTS_SCHEMA, type Benchmark, type Environment, type Metric, type Results } from '../../src/results/schema.ts';
import { createRandom } from '../../src/stats/create-random.ts';

/** The environment every synthetic result uses unless a test changes it. */
export const ENVIRONMENT: Environment = {
  cpuModel: 'Test CPU @ 3.0GHz',
  cores: 2,
  os: 'linux',
  arch: 'x64',
  node: 'v24.1.0',
  runnerImage: null,
};

/** A seeded generator, so synthetic runs are the same on every test run. */
export const seeded = createRandom;

/**
 * `n` log-normal runs around `center` with coefficient of variation ≈ `cv`.
 * @example
 * noisyRuns(10, 100, 0.02, 1) // 10 values near 100
 */
export function noisyRuns(n: number, center: number, cv: number, seed: number): number[] {
  const random = seeded(seed);
  const runs: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = Math.max(random(), 1e-12);
    const v = random();
    const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    runs.push(center * Math.exp(cv * normal));
  }
  return runs;
}

/** A latency-like metric (ns, smaller is better, gating, process runs) with these runs. */
export function metric(runs: number[], overrides: Partial<Metric> = {}): Metric {
  return { name: 'latency-p50', unit: 'ns', direction: 'smaller', gate: true, observation: 'process', runs, ...overrides };
}

/** A completed benchmark. */
export function bench(id: string, ...metrics: Metric[]): Benchmark {
  return { id, state: 'completed', metrics };
}

/** A results file holding these benchmarks. */
export function results(benchmarks: Benchmark[], overrides: Partial<Results> = {}): Results {
  return {
    schema: RESULTS_SCHEMA,
    tool: 'benchgate',
    commit: 'a'.repeat(40),
    ref: 'refs/heads/main',
    createdAt: '2026-11-22T20:00:00.000Z',
    seed: 1,
    environment: ENVIRONMENT,
    benchmarks,
    ...overrides,
  };
}

/** Baseline and current results with one benchmark `suite/task` and one metric each. */
export function pair(baseRuns: number[], currentRuns: number[], overrides: Partial<Metric> = {}): [Results, Results] {
  return [results([bench('suite/task', metric(baseRuns, overrides))]), results([bench('suite/task', metric(currentRuns, overrides))])];
}
