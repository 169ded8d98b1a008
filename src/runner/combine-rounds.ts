import { median } from '../stats/median.ts';
import type { Benchmark, Metric, Results } from '../results/schema.ts';

/**
 * Stacks the results of successive rounds of one side (each metric holding that round's one
 * value) into one results object whose `metric.runs[r]` comes from round r + 1. This is the
 * pairing contract of the same-runner design: for a benchmark completed on both sides,
 * `base.runs[r]` and `head.runs[r]` were measured in the same round.
 *
 * A benchmark that errored in a round, or is missing from one, is `errored` (naming the round),
 * so it is never compared with misaligned values. A metric that some round lacks is left out.
 * @param rounds one results object per round, in round order (at least one)
 * @returns the side's results; the first round's header (tool, commit, environment)
 */
export function combineRounds(rounds: readonly Results[]): Results {
  const first = rounds[0];
  if (!first) throw new Error('combineRounds: no rounds to combine');
  const ids: string[] = [];
  const seen = new Set<string>();
  const byRound = rounds.map((round) => {
    const map = new Map<string, Benchmark>();
    for (const benchmark of round.benchmarks) {
      if (!seen.has(benchmark.id)) {
        seen.add(benchmark.id);
        ids.push(benchmark.id);
      }
      map.set(benchmark.id, benchmark);
    }
    return map;
  });
  const benchmarks = ids.map((id): Benchmark => {
    const present = byRound.map((map) => map.get(id));
    const missing = present.flatMap((benchmark, index) => (benchmark ? [] : [index + 1]));
    const erroredAt = present.findIndex((benchmark) => benchmark?.state === 'errored');
    const completed = present.filter((benchmark): benchmark is Benchmark => benchmark?.state === 'completed');
    if (erroredAt >= 0) {
      const failed = present[erroredAt]!;
      const error = failed.state === 'errored' ? failed.error : '';
      return { id, state: 'errored', error: `round ${erroredAt + 1}: ${error}`, metrics: stackMetrics(completed) };
    }
    if (missing.length > 0) {
      return { id, state: 'errored', error: `missing from round${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${rounds.length}`, metrics: [] };
    }
    return { id, state: 'completed', metrics: stackMetrics(completed) };
  });
  return { ...first, benchmarks };
}

/** The metrics every benchmark has, with their values concatenated in round order. */
function stackMetrics(benchmarks: readonly Benchmark[]): Metric[] {
  if (benchmarks.length === 0) return [];
  const names = benchmarks[0]!.metrics.map((metric) => metric.name);
  const metrics: Metric[] = [];
  for (const name of names) {
    const parts = benchmarks.map((benchmark) => benchmark.metrics.find((metric) => metric.name === name));
    if (parts.some((metric) => metric === undefined)) continue;
    const all = parts as Metric[];
    const stacked: Metric = { ...all[0]!, runs: all.flatMap((metric) => metric.runs) };
    delete stacked.aggregate;
    if (all.every((metric) => metric.iterations)) stacked.iterations = all.flatMap((metric) => metric.iterations!);
    else delete stacked.iterations;
    if (all.every((metric) => metric.samples)) stacked.samples = all.flatMap((metric) => metric.samples!);
    else delete stacked.samples;
    metrics.push(stacked);
  }
  return metrics;
}

/**
 * Reduces one run of another tool (one round of `command` mode) to one observation per metric:
 * the median of the values it reported (hyperfine's runs, criterion's samples), its single value,
 * or the mean of an aggregate-only report. Every metric becomes a `process` observation.
 * @param results the adapter's results for that one run
 * @returns the same benchmarks with exactly one value per metric
 * @example
 * centerOfRound(hyperfineResults).benchmarks[0].metrics[0].runs // => [0.0123] (the median of its 10 runs)
 */
export function centerOfRound(results: Results): Results {
  return {
    ...results,
    benchmarks: results.benchmarks.map((benchmark) => ({
      ...benchmark,
      metrics: benchmark.metrics.flatMap((metric): Metric[] => {
        const value = metric.runs.length > 0 ? median(metric.runs) : metric.aggregate?.mean;
        if (value === undefined) return [];
        return [{ name: metric.name, unit: metric.unit, direction: metric.direction, gate: metric.gate, observation: 'process', runs: [value] }];
      }),
    })),
  };
}
