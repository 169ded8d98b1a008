import type { Benchmark, Metric, Results } from '../results/schema.ts';
import { buildResults, fileText, makeAggregateMetric, makeMetric } from './build-results.ts';
import { FormatError } from './format-error.ts';
import type { FormatInput } from './format-input.ts';
import {
  arrayField,
  asObject,
  childPath,
  numberField,
  objectField,
  optionalNumberField,
  optionalStringField,
  parseJsonText,
  reportedNumberField,
  stringField,
} from './json.ts';

/** Whether text is a BenchmarkDotNet JSON export. */
export function detectBenchmarkdotnet(input: FormatInput): boolean {
  return input.kind === 'file' && /"Benchmarks"\s*:/.test(input.text) && /"HostEnvironmentInfo"\s*:|"Statistics"\s*:/.test(input.text);
}

/**
 * Parses BenchmarkDotNet's JSON export. With the full exporter (`JsonExporter.Full`), each
 * `Measurements` entry with `IterationMode: Workload` and `IterationStage: Result` (the
 * overhead-corrected actual iterations) becomes one `sample` observation of time per operation
 * (`Nanoseconds / Operations`, in ns). The brief exporter has no measurements: then
 * `Statistics.Mean`, `StandardDeviation` and `N` become an `aggregate`. `Memory.BytesAllocatedPerOperation`
 * (from `[MemoryDiagnoser]`) becomes an `alloc-bytes` metric, not gated. Ids are `FullName`.
 * @throws FormatError naming the file and JSON path at fault
 */
export function parseBenchmarkdotnet(input: FormatInput): Results {
  const file = input.path;
  const root = asObject(parseJsonText(fileText(input, 'benchmarkdotnet'), file), file, '$');
  const entries = arrayField(root, 'Benchmarks', file, '$');
  if (entries.length === 0) throw new FormatError(file, 'no benchmarks', 'Benchmarks');
  const benchmarks: Benchmark[] = entries.map((value, index) => {
    const path = childPath('Benchmarks', index);
    const entry = asObject(value, file, path);
    const id = optionalStringField(entry, 'FullName', file, path) || `${stringField(entry, 'Type', file, path)}.${stringField(entry, 'Method', file, path)}`;
    const metrics: Metric[] = [];
    const measurementsPath = childPath(path, 'Measurements');
    const measurements = entry.Measurements === undefined || entry.Measurements === null ? [] : arrayField(entry, 'Measurements', file, path);
    const perOperation: number[] = [];
    measurements.forEach((measurementValue, measurementIndex) => {
      const at = childPath(measurementsPath, measurementIndex);
      const measurement = asObject(measurementValue, file, at);
      // BenchmarkDotNet before 0.11 had no IterationStage and called the final iterations IterationMode 'Result'
      const result =
        measurement.IterationStage === undefined
          ? measurement.IterationMode === 'Result'
          : measurement.IterationMode === 'Workload' && measurement.IterationStage === 'Result';
      if (!result) return;
      const operations = numberField(measurement, 'Operations', file, at);
      if (!(operations > 0)) throw new FormatError(file, `Operations must be positive, got ${operations}`, childPath(at, 'Operations'));
      perOperation.push(numberField(measurement, 'Nanoseconds', file, at) / operations);
    });
    if (perOperation.length > 0) {
      metrics.push(makeMetric('time', 'ns', perOperation, { direction: 'smaller', gate: true, observation: 'sample' }, file, measurementsPath));
    } else {
      const statsPath = childPath(path, 'Statistics');
      const stats = objectField(entry, 'Statistics', file, path);
      metrics.push(
        makeAggregateMetric(
          'time',
          'ns',
          reportedNumberField(stats, 'Mean', file, statsPath),
          reportedNumberField(stats, 'StandardDeviation', file, statsPath),
          reportedNumberField(stats, 'N', file, statsPath),
          true,
          file,
        ),
      );
    }
    if (entry.Memory !== undefined && entry.Memory !== null) {
      const memoryPath = childPath(path, 'Memory');
      const bytes = optionalNumberField(asObject(entry.Memory, file, memoryPath), 'BytesAllocatedPerOperation', file, memoryPath);
      if (bytes !== undefined) {
        metrics.push(
          makeMetric(
            'alloc-bytes',
            'B/op',
            [bytes],
            { direction: 'smaller', gate: false, observation: 'single' },
            file,
            childPath(memoryPath, 'BytesAllocatedPerOperation'),
          ),
        );
      }
    }
    return { id, state: 'completed', metrics };
  });
  return buildResults('benchmarkdotnet', input, benchmarks);
}
