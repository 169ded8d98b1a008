import type { Benchmark, Metric, Results } from '../results/schema.ts';
import { FormatError } from './format-error.ts';
import { median } from '../stats/median.ts';

/** The one value a file contributes as a run: the mean of an aggregate, the median of samples, else each value. */
function runsOf(metric: Metric): number[] {
  if (metric.observation === 'aggregate') return [metric.aggregate?.mean ?? median(metric.runs)];
  if (metric.observation === 'sample') return [median(metric.runs)];
  return metric.runs;
}

/**
 * Merges the results of several output files of one tool, each from a separate run of the
 * suite, into one results object whose metrics have one `process` value per file: a file's
 * samples count as one run (their median, with the samples kept in `samples`), an aggregate as
 * one run (its mean), a single value as one run. This is how several `--outputJson` or
 * `--export-json` files give compare independent runs.
 * @param parts the results of each file, in file order
 * @param folder the folder, for messages
 * @throws FormatError when the files come from different tools or disagree on a metric's unit
 */
export function mergeRuns(parts: { file: string; results: Results }[], folder: string): Results {
  const first = parts[0];
  if (!first) throw new FormatError(folder, 'the folder holds no files');
  if (parts.length === 1) return first.results;
  const other = parts.find((part) => part.results.tool !== first.results.tool);
  if (other) throw new FormatError(other.file, `is '${other.results.tool}' output but ${first.file} is '${first.results.tool}'`);
  const order: string[] = [];
  const byId = new Map<string, { file: string; benchmark: Benchmark }[]>();
  for (const part of parts) {
    for (const benchmark of part.results.benchmarks) {
      const list = byId.get(benchmark.id);
      if (list) list.push({ file: part.file, benchmark });
      else {
        order.push(benchmark.id);
        byId.set(benchmark.id, [{ file: part.file, benchmark }]);
      }
    }
  }
  const benchmarks = order.map((id): Benchmark => {
    const entries = byId.get(id)!;
    const names = [...new Set(entries.flatMap((entry) => entry.benchmark.metrics.map((m) => m.name)))];
    const metrics = names.map((name): Metric => {
      const found = entries.flatMap((entry) => entry.benchmark.metrics.filter((m) => m.name === name).map((metric) => ({ file: entry.file, metric })));
      const head = found[0]!.metric;
      const odd = found.find(({ metric }) => metric.unit !== head.unit || metric.direction !== head.direction);
      if (odd)
        throw new FormatError(
          odd.file,
          `'${id}' metric '${name}' is in ${odd.metric.unit} (${odd.metric.direction}) here but ${head.unit} (${head.direction}) in ${found[0]!.file}`,
        );
      const merged: Metric = {
        name,
        unit: head.unit,
        direction: head.direction,
        gate: head.gate,
        observation: 'process',
        runs: found.flatMap(({ metric }) => runsOf(metric)),
      };
      if (found.every(({ metric }) => metric.observation === 'sample')) merged.samples = found.map(({ metric }) => metric.runs);
      return merged;
    });
    const errored = entries.find((entry) => entry.benchmark.state === 'errored');
    if (errored && errored.benchmark.state === 'errored') return { id, state: 'errored', error: `${errored.file}: ${errored.benchmark.error}`, metrics };
    return { id, state: 'completed', metrics };
  });
  const latest = parts
    .map((part) => part.results.createdAt)
    .sort()
    .at(-1)!;
  return { ...first.results, createdAt: latest, benchmarks };
}
