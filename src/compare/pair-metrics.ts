import type { Benchmark, Metric, Results } from '../results/schema.ts';
import { resolveOverrides } from './compare-config.ts';
import type { CompareOptions } from './options.ts';
import type { Comparison, ComparisonOf, QualityFlag } from './schema.ts';
import { summarizeSide } from './side-summary.ts';

/** The fields every comparison has, whatever its verdict. */
export type ComparisonFields = Omit<ComparisonOf<'new'>, 'verdict' | 'reason' | 'baseline' | 'current'>;

/** A benchmark metric both sides measured (neither errored), left to the design to analyze. */
export interface MetricPair<F extends ComparisonFields> {
  id: string;
  name: string;
  baseMetric: Metric;
  headMetric: Metric;
  fields: F;
}

/** Either a finished comparison (`errored`, `new`, `missing`) or a pair for the design's analysis. */
export type PairedMetric<F extends ComparisonFields> = { done: Comparison } | { pair: MetricPair<F> };

/**
 * The common fields of one comparison: the metric's unit and direction (`smaller` when unknown)
 * and its gate, threshold and alpha after the overrides; no flags yet.
 * @param settings the resolved compare options
 * @param id the benchmark id
 * @param metric the metric, when a side has it
 * @param name the metric name
 * @param gate whether the metric gates before the overrides
 */
export function comparisonFields(
  settings: Pick<CompareOptions, 'overrides' | 'threshold' | 'alpha'>,
  id: string,
  metric: Metric | undefined,
  name: string,
  gate: boolean,
) {
  const resolved = resolveOverrides(settings.overrides, id, name, { threshold: settings.threshold, alpha: settings.alpha, gate });
  return {
    id,
    metric: name,
    unit: metric?.unit ?? '',
    direction: metric?.direction ?? ('smaller' as const),
    gate: resolved.gate,
    threshold: resolved.threshold,
    alpha: resolved.alpha,
    flags: [] as QualityFlag[],
  };
}

function metricNames(...benchmarks: (Benchmark | undefined)[]): string[] {
  const names: string[] = [];
  for (const benchmark of benchmarks) for (const metric of benchmark?.metrics ?? []) if (!names.includes(metric.name)) names.push(metric.name);
  return names;
}

/**
 * Walks the benchmarks of two results in display order (the head's order, then those only the
 * base has) and pairs their metrics by name. An errored benchmark on either side makes each of
 * its metrics (or `latency-p50` when it has none) a finished `errored` comparison; a metric only
 * the head has is `new` (reason `newCause`), only the base `missing`. Every other metric is a
 * pair for the design to analyze.
 * @param base the base side's results, or null when none is stored
 * @param head the head side's results
 * @param fieldsOf the design's common fields of one comparison
 * @param newCause the reason of a metric only the head has
 * @returns per benchmark metric, in display order, a finished comparison or a pair
 */
export function pairMetrics<F extends ComparisonFields>(
  base: Results | null,
  head: Results,
  fieldsOf: (id: string, metric: Metric | undefined, name: string, gate: boolean) => F,
  newCause: 'added' | 'no-baseline' = 'added',
): PairedMetric<F>[] {
  const entries: PairedMetric<F>[] = [];
  const baseById = new Map((base?.benchmarks ?? []).map((b) => [b.id, b]));
  const seen = new Set<string>();
  const ordered: [Benchmark | undefined, Benchmark | undefined][] = [];
  for (const benchmark of head.benchmarks) {
    seen.add(benchmark.id);
    ordered.push([baseById.get(benchmark.id), benchmark]);
  }
  for (const benchmark of base?.benchmarks ?? []) if (!seen.has(benchmark.id)) ordered.push([benchmark, undefined]);

  for (const [baseBenchmark, headBenchmark] of ordered) {
    const id = (headBenchmark ?? baseBenchmark)!.id;
    if (baseBenchmark?.state === 'errored' || headBenchmark?.state === 'errored') {
      const both = baseBenchmark?.state === 'errored' && headBenchmark?.state === 'errored';
      const side = both ? 'both' : baseBenchmark?.state === 'errored' ? 'baseline' : 'current';
      const message = [baseBenchmark, headBenchmark].flatMap((b) => (b?.state === 'errored' ? [b.error] : [])).join('; ');
      const names = metricNames(headBenchmark, baseBenchmark);
      for (const name of names.length > 0 ? names : ['latency-p50']) {
        const metric = headBenchmark?.metrics.find((m) => m.name === name) ?? baseBenchmark?.metrics.find((m) => m.name === name);
        const baseMetric = baseBenchmark?.state === 'completed' ? baseBenchmark.metrics.find((m) => m.name === name) : undefined;
        const headMetric = headBenchmark?.state === 'completed' ? headBenchmark.metrics.find((m) => m.name === name) : undefined;
        entries.push({
          done: {
            ...fieldsOf(id, metric, name, metric?.gate ?? true),
            verdict: 'errored',
            reason: { cause: 'errored', side, message },
            baseline: baseMetric ? summarizeSide(baseMetric) : null,
            current: headMetric ? summarizeSide(headMetric) : null,
          },
        });
      }
      continue;
    }
    for (const name of metricNames(headBenchmark, baseBenchmark)) {
      const baseMetric = baseBenchmark?.metrics.find((m) => m.name === name);
      const headMetric = headBenchmark?.metrics.find((m) => m.name === name);
      const metric = headMetric ?? baseMetric!;
      const fields = fieldsOf(id, metric, name, metric.gate);
      if (!baseMetric) {
        entries.push({ done: { ...fields, verdict: 'new', reason: { cause: newCause }, baseline: null, current: summarizeSide(headMetric!) } });
      } else if (!headMetric) {
        entries.push({ done: { ...fields, verdict: 'missing', reason: { cause: 'not-in-current' }, baseline: summarizeSide(baseMetric), current: null } });
      } else {
        entries.push({ pair: { id, name, baseMetric, headMetric, fields } });
      }
    }
  }
  return entries;
}
