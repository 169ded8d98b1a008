import { assignShard } from '../../src/results/assign-shard.ts';
import type { Results, Shard } from '../../src/results/schema.ts';
import { bench, metric, noisyRuns, results } from '../compare/helpers.ts';

/** `count` × `perShard`-ish benchmark ids: `s<k>/b<i>`. */
export function suiteIds(total: number): string[] {
  return Array.from({ length: total }, (_, i) => `s${i % 7}/b${i}`);
}

/**
 * The results file shard `index` of `count` writes for these ids: its slice only, with its
 * identity; with `paired`, the base side too (values 100 on the base, `factor` × 100 on the head).
 */
export function shardResults(
  ids: readonly string[],
  index: number,
  count: number,
  options: { paired?: boolean; factor?: number; overrides?: Partial<Shard>; commit?: string; runs?: number } = {},
): Results {
  const slice = ids.filter((id) => assignShard(id, count) === index);
  const factor = options.factor ?? 1;
  const head = results(
    slice.map((id, i) => bench(id, metric(noisyRuns(options.runs ?? 10, 100 * factor, 0.01, index * 1000 + i)))),
    { commit: options.commit ?? 'h'.repeat(40) },
  );
  const base = options.paired
    ? results(
        slice.map((id, i) => bench(id, metric(noisyRuns(options.runs ?? 10, 100, 0.01, index * 5000 + i)))),
        { commit: 'b'.repeat(40) },
      )
    : undefined;
  return {
    ...head,
    shard: {
      index,
      count,
      runId: '1234',
      design: options.paired ? 'same-runner' : 'stored',
      settings: { suites: 'benchmarks/**/*.bench.ts', filter: null, time: 100, runs: 10 },
      assigned: [...slice].sort(),
      ...(base ? { base } : {}),
      ...options.overrides,
    },
  };
}
