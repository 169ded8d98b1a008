import type { Environment } from '../results/schema.ts';
import type { MetricSeries, StoredRun } from './types.ts';

/**
 * Turns the stored runs of one branch of one benchmark set into one series per benchmark metric:
 * each job (stored file) becomes one point, oldest first (by `createdAt`, then path), with its
 * center (median of its runs, or the tool's mean when it kept no runs), its lowest and highest
 * run, and its runner environment. Errored benchmarks and metrics without a value are left out
 * of that job only, so a series has a gap rather than a made-up value.
 * @param runs the stored runs of one `<set>/<branch>` folder, in any order
 * @param benchmarkSet the set's name
 * @param branch the branch's name
 * @returns the series, ordered by benchmark id, then metric name
 */
export function buildSeries(runs: readonly StoredRun[], benchmarkSet: string, branch: string): MetricSeries[] {
  const ordered = [...runs].sort((a, b) =>
    a.results.createdAt === b.results.createdAt ? a.path.localeCompare(b.path) : a.results.createdAt.localeCompare(b.results.createdAt),
  );
  const byKey = new Map<string, MetricSeries & { environmentKeys: Map<string, number> }>();
  for (const run of ordered) {
    const environmentKey = JSON.stringify(run.results.environment);
    for (const benchmark of run.results.benchmarks) {
      if (benchmark.state !== 'completed') continue;
      for (const metric of benchmark.metrics) {
        const values = metric.runs.length > 0 ? metric.runs : metric.aggregate ? [metric.aggregate.mean] : [];
        if (values.length === 0) continue;
        const key = `${benchmark.id}\u0000${metric.name}`;
        let series = byKey.get(key);
        if (!series) {
          series = {
            benchmarkSet,
            branch,
            benchmark: benchmark.id,
            metric: metric.name,
            unit: metric.unit,
            direction: metric.direction,
            points: [],
            environments: [],
            environmentKeys: new Map(),
          };
          byKey.set(key, series);
        }
        let environment = series.environmentKeys.get(environmentKey);
        if (environment === undefined) {
          environment = series.environments.length;
          series.environments.push(run.results.environment as Environment);
          series.environmentKeys.set(environmentKey, environment);
        }
        const sorted = [...values].sort((a, b) => a - b);
        const middle = sorted.length >> 1;
        const center = metric.runs.length === 0 ? values[0]! : sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
        series.points.push({
          commit: run.commit,
          createdAt: run.results.createdAt,
          center,
          low: sorted[0]!,
          high: sorted[sorted.length - 1]!,
          runs: values.length,
          environment,
        });
      }
    }
  }
  return [...byKey.values()]
    .map(({ environmentKeys: _, ...series }) => series)
    .sort((a, b) => (a.benchmark === b.benchmark ? a.metric.localeCompare(b.metric) : a.benchmark.localeCompare(b.benchmark)));
}
