import type { Benchmark, Metric, Observation, Results } from '../results/schema.ts';
import { buildResults, fileText, groupBy, makeAggregateMetric, makeMetric } from './build-results.ts';
import { FormatError } from './format-error.ts';
import type { FormatInput } from './format-input.ts';
import { arrayField, asObject, childPath, numberField, optionalStringField, parseJsonText, reportedNumberField, stringField, type JsonObject } from './json.ts';
import { secondsPerUnit } from './units.ts';

/** Whether text is Google Benchmark JSON: an object with `context` and `benchmarks`. */
export function detectGooglecpp(input: FormatInput): boolean {
  if (input.kind !== 'file') return false;
  return /^\s*\{/.test(input.text) && /"context"\s*:/.test(input.text) && /"benchmarks"\s*:/.test(input.text) && /"(real_time|cpu_time)"/.test(input.text);
}

interface Row {
  entry: JsonObject;
  path: string;
}

const RATE_COUNTERS = [
  ['bytes_per_second', 'throughput', 'B/s'],
  ['items_per_second', 'items-rate', 'items/s'],
] as const;

function timeScale(row: Row, file: string): number {
  const unit = optionalStringField(row.entry, 'time_unit', file, row.path) ?? 'ns';
  const seconds = secondsPerUnit(unit);
  if (seconds === null) throw new FormatError(file, `unknown time unit '${unit}'`, childPath(row.path, 'time_unit'));
  return seconds * 1e9;
}

function iterationMetrics(rows: Row[], file: string): Metric[] {
  const observation: Observation = rows.length > 1 ? 'process' : 'single';
  const first = rows[0]!;
  const metricOf = (key: 'real_time' | 'cpu_time', name: string, gate: boolean) =>
    makeMetric(
      name,
      'ns',
      rows.map((row) => numberField(row.entry, key, file, row.path) * timeScale(row, file)),
      { direction: 'smaller', gate, observation },
      file,
      childPath(first.path, key),
    );
  const real = metricOf('real_time', 'real-time', true);
  real.iterations = rows.map((row) => {
    const n = numberField(row.entry, 'iterations', file, row.path);
    if (!Number.isSafeInteger(n) || n < 0)
      throw new FormatError(file, `iterations must be a non-negative integer, got ${n}`, childPath(row.path, 'iterations'));
    return n;
  });
  const metrics = [real, metricOf('cpu_time', 'cpu-time', false)];
  for (const [key, name, unit] of RATE_COUNTERS) {
    if (rows.every((row) => row.entry[key] !== undefined)) {
      metrics.push(
        makeMetric(
          name,
          unit,
          rows.map((row) => numberField(row.entry, key, file, row.path)),
          { direction: 'bigger', gate: false, observation },
          file,
          childPath(first.path, key),
        ),
      );
    }
  }
  return metrics;
}

function aggregateMetrics(rows: Row[], file: string, id: string): Metric[] {
  const byName = new Map(rows.map((row) => [optionalStringField(row.entry, 'aggregate_name', file, row.path) ?? '', row]));
  const mean = byName.get('mean');
  const stddev = byName.get('stddev');
  if (!mean || !stddev) {
    throw new FormatError(file, `'${id}' has aggregates but not both 'mean' and 'stddev'; rerun with --benchmark_repetitions=10`, rows[0]!.path);
  }
  const count = reportedNumberField(mean.entry, 'repetitions', file, mean.path);
  return (['real_time', 'cpu_time'] as const).map((key) =>
    makeAggregateMetric(
      key === 'real_time' ? 'real-time' : 'cpu-time',
      'ns',
      reportedNumberField(mean.entry, key, file, mean.path, timeScale(mean, file)),
      reportedNumberField(stddev.entry, key, file, stddev.path, timeScale(stddev, file)),
      count,
      key === 'real_time',
      file,
    ),
  );
}

/**
 * Parses Google Benchmark JSON (`--benchmark_format=json` or `--benchmark_out`). With
 * `--benchmark_repetitions=N` each repetition is one `process` observation (aggregate rows are
 * then ignored; benchgate computes its own); with one repetition the value is `single`; with
 * `--benchmark_report_aggregates_only` the `mean` and `stddev` rows become an `aggregate` metric.
 * Metrics: `real-time` (gated), `cpu-time`, and `bytes_per_second` / `items_per_second` when
 * set. Other user counters are not read. An entry with `error_occurred` makes its benchmark `errored`.
 * @throws FormatError naming the file and JSON path at fault
 */
export function parseGooglecpp(input: FormatInput): Results {
  const file = input.path;
  const root = asObject(parseJsonText(fileText(input, 'googlecpp'), file), file, '$');
  const context = root.context === undefined ? undefined : asObject(root.context, file, 'context');
  const rows: Row[] = arrayField(root, 'benchmarks', file, '$').map((entry, index) => {
    const path = childPath('benchmarks', index);
    return { entry: asObject(entry, file, path), path };
  });
  if (rows.length === 0) throw new FormatError(file, 'no benchmarks', 'benchmarks');
  const groups = groupBy(rows, (row) => optionalStringField(row.entry, 'run_name', file, row.path) ?? stringField(row.entry, 'name', file, row.path));
  const benchmarks: Benchmark[] = [];
  for (const [id, group] of groups) {
    const failed = group.find((row) => row.entry.error_occurred === true);
    if (failed) {
      const message = optionalStringField(failed.entry, 'error_message', file, failed.path) ?? 'error_occurred';
      benchmarks.push({ id, state: 'errored', error: message, metrics: [] });
      continue;
    }
    const iterations = group.filter((row) => (optionalStringField(row.entry, 'run_type', file, row.path) ?? 'iteration') === 'iteration');
    const metrics = iterations.length > 0 ? iterationMetrics(iterations, file) : aggregateMetrics(group, file, id);
    benchmarks.push({ id, state: 'completed', metrics });
  }
  const date = context ? optionalStringField(context, 'date', file, 'context') : undefined;
  return buildResults('googlecpp', input, benchmarks, { createdAt: date });
}
