import type { Benchmark, Metric, Results } from '../results/schema.ts';
import { buildResults, fileText, makeAggregateMetric, makeMetric } from './build-results.ts';
import { FormatError } from './format-error.ts';
import type { FormatInput } from './format-input.ts';
import {
  arrayField,
  asObject,
  childPath,
  numberArrayField,
  objectField,
  optionalStringField,
  parseJsonText,
  reportedNumberField,
  stringField,
  type JsonObject,
} from './json.ts';

/** Whether text is Vitest 5's JSON reporter output (`--reporter=json`) holding benchmark results. */
export function detectVitest5(input: FormatInput): boolean {
  return (
    input.kind === 'file' &&
    /"testResults"\s*:/.test(input.text) &&
    /"assertionResults"\s*:/.test(input.text) &&
    /"benchmarks"\s*:/.test(input.text) &&
    /"latency"\s*:/.test(input.text)
  );
}

function latencyMetric(task: JsonObject, file: string, path: string): Metric {
  const latencyPath = childPath(path, 'latency');
  const latency = objectField(task, 'latency', file, path);
  if (latency.samples !== undefined && latency.samples !== null) {
    const samples = numberArrayField(latency, 'samples', file, latencyPath);
    if (samples.length > 0) {
      const negative = samples.findIndex((ms) => ms < 0);
      if (negative >= 0) throw new FormatError(file, `a latency must be ≥ 0, got ${samples[negative]}`, childPath(childPath(latencyPath, 'samples'), negative));
      return makeMetric(
        'time',
        'ns',
        samples.map((ms) => ms * 1e6),
        { direction: 'smaller', gate: true, observation: 'sample' },
        file,
        childPath(latencyPath, 'samples'),
      );
    }
  }
  return makeAggregateMetric(
    'time',
    'ns',
    reportedNumberField(latency, 'mean', file, latencyPath, 1e6),
    reportedNumberField(latency, 'sd', file, latencyPath, 1e6),
    reportedNumberField(latency, 'samplesCount', file, latencyPath),
    true,
    file,
  );
}

/**
 * Parses the benchmarks in Vitest 5's JSON reporter output (`vitest bench --run --reporter=json
 * --outputFile=bench.json`). Vitest 5 removed `vitest bench --outputJson` and the top-level
 * `bench`; benchmarks are registered with the `bench` test-context fixture inside `test()`, and
 * each test's results are listed under `testResults[].assertionResults[].benchmarks[].tasks[]`.
 * A task's `latency.samples` (ms per call, kept only with `benchmark: { retainSamples: true }`)
 * become `sample` observations in ns; without samples its `mean`, `sd` and `samplesCount` become
 * an `aggregate`. Tasks restored from a stored baseline (`bench.from()`, `fromStore`) are skipped:
 * they were not measured in this run. Ids are `<benchmark name> > <task name>`, where the
 * benchmark name is the test's full name (`describe > test`) or the `name` given to
 * `bench.compare`. A benchmark of a failed test is `errored`, with the test's first failure.
 * @throws FormatError naming the file and JSON path at fault
 */
export function parseVitest5(input: FormatInput): Results {
  const file = input.path;
  const root = asObject(parseJsonText(fileText(input, 'vitest'), file), file, '$');
  const benchmarks: Benchmark[] = [];
  arrayField(root, 'testResults', file, '$').forEach((moduleValue, moduleIndex) => {
    const modulePath = childPath('testResults', moduleIndex);
    const testModule = asObject(moduleValue, file, modulePath);
    arrayField(testModule, 'assertionResults', file, modulePath).forEach((testValue, testIndex) => {
      const testPath = childPath(childPath(modulePath, 'assertionResults'), testIndex);
      const testCase = asObject(testValue, file, testPath);
      if (testCase.benchmarks === undefined || testCase.benchmarks === null) return;
      const status = optionalStringField(testCase, 'status', file, testPath);
      const failures = Array.isArray(testCase.failureMessages) ? testCase.failureMessages.filter((m): m is string => typeof m === 'string') : [];
      arrayField(testCase, 'benchmarks', file, testPath).forEach((benchValue, benchIndex) => {
        const benchPath = childPath(childPath(testPath, 'benchmarks'), benchIndex);
        const bench = asObject(benchValue, file, benchPath);
        const benchName = stringField(bench, 'name', file, benchPath);
        arrayField(bench, 'tasks', file, benchPath).forEach((taskValue, taskIndex) => {
          const path = childPath(childPath(benchPath, 'tasks'), taskIndex);
          const task = asObject(taskValue, file, path);
          if (task.fromStore === true) return;
          const id = `${benchName} > ${stringField(task, 'name', file, path)}`;
          const metrics = [latencyMetric(task, file, path)];
          if (status === 'failed') {
            const first = (failures[0] ?? 'the test failed').split('\n')[0]!;
            benchmarks.push({ id, state: 'errored', error: first, metrics });
          } else benchmarks.push({ id, state: 'completed', metrics });
        });
      });
    });
  });
  if (benchmarks.length === 0) {
    throw new FormatError(file, 'no benchmark results (is this `vitest bench --reporter=json` output?)', 'testResults');
  }
  const start = root.startTime;
  const createdAt = typeof start === 'number' && Number.isFinite(start) && start > 0 && start < 8.64e15 ? new Date(start).toISOString() : undefined;
  return buildResults('vitest', input, benchmarks, { createdAt });
}
