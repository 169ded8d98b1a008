import { describe, expect, test } from 'vitest';
import { RESULTS_SCHEMA, type Benchmark, type Metric, type Results } from '../../src/results/schema.ts';
import { centerOfRound, combineRounds } from '../../src/runner/combine-rounds.ts';

const environment = { cpuModel: 'test', cores: 2, os: 'linux', arch: 'x64', node: 'v24.0.0', runnerImage: null };

function metric(name: string, runs: number[], extra: Partial<Metric> = {}): Metric {
  return { name, unit: 'ns', direction: 'smaller', gate: true, observation: 'process', runs, ...extra };
}

function round(benchmarks: Benchmark[]): Results {
  return { schema: RESULTS_SCHEMA, tool: 'benchgate', commit: 'c', ref: null, createdAt: '2026-12-02T07:00:00.000Z', seed: 1, environment, benchmarks };
}

describe('combineRounds', () => {
  test('stacks each round’s one value so that runs[r] is round r + 1, with iterations and samples', () => {
    const rounds = [1, 2, 3].map((r) =>
      round([{ id: 's/a', state: 'completed', metrics: [metric('latency-p50', [r * 10], { iterations: [r], samples: [[r, r]] }), metric('bytes', [5])] }]),
    );
    const combined = combineRounds(rounds);
    expect(combined.benchmarks).toEqual([
      {
        id: 's/a',
        state: 'completed',
        metrics: [
          metric('latency-p50', [10, 20, 30], {
            iterations: [1, 2, 3],
            samples: [
              [1, 1],
              [2, 2],
              [3, 3],
            ],
          }),
          metric('bytes', [5, 5, 5]),
        ],
      },
    ]);
    expect(combined.commit).toBe('c');
  });

  test('a benchmark that errored in one round is errored, naming the round', () => {
    const combined = combineRounds([
      round([{ id: 's/a', state: 'completed', metrics: [metric('m', [1])] }]),
      round([{ id: 's/a', state: 'errored', error: 'run 2: boom', metrics: [] }]),
    ]);
    expect(combined.benchmarks[0]).toMatchObject({ id: 's/a', state: 'errored', error: 'round 2: run 2: boom' });
  });

  test('a benchmark missing from some rounds is errored, so it is never compared misaligned', () => {
    const combined = combineRounds([
      round([
        { id: 's/a', state: 'completed', metrics: [metric('m', [1])] },
        { id: 's/b', state: 'completed', metrics: [metric('m', [1])] },
      ]),
      round([{ id: 's/a', state: 'completed', metrics: [metric('m', [2])] }]),
      round([{ id: 's/a', state: 'completed', metrics: [metric('m', [3])] }]),
    ]);
    expect(combined.benchmarks.map((b) => b.state)).toEqual(['completed', 'errored']);
    expect(combined.benchmarks[1]).toMatchObject({ error: 'missing from rounds 2, 3 of 3' });
  });

  test('a metric that one round lacks is left out; the others stay', () => {
    const combined = combineRounds([
      round([{ id: 's/a', state: 'completed', metrics: [metric('m', [1]), metric('heap', [7])] }]),
      round([{ id: 's/a', state: 'completed', metrics: [metric('m', [2])] }]),
    ]);
    expect(combined.benchmarks[0]!.metrics.map((m) => m.name)).toEqual(['m']);
  });

  test('no rounds is a programming error', () => {
    expect(() => combineRounds([])).toThrow(/no rounds/);
  });
});

describe('centerOfRound', () => {
  test('a tool run with many values becomes one process observation: their median', () => {
    const reduced = centerOfRound(
      round([{ id: 'work', state: 'completed', metrics: [metric('time', [5, 1, 3, 100], { observation: 'sample', samples: [[1]] })] }]),
    );
    expect(reduced.benchmarks[0]!.metrics).toEqual([metric('time', [4])]);
  });

  test('a single value stays; an aggregate gives its mean', () => {
    const reduced = centerOfRound(
      round([
        { id: 'one', state: 'completed', metrics: [metric('time', [26.04], { observation: 'single', iterations: [100] })] },
        { id: 'agg', state: 'completed', metrics: [metric('time', [12], { observation: 'aggregate', aggregate: { mean: 12, stddev: 1, count: 30 } })] },
      ]),
    );
    expect(reduced.benchmarks.map((b) => b.metrics)).toEqual([[metric('time', [26.04])], [metric('time', [12])]]);
  });
});
