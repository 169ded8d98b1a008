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
} from './json.ts';

/** Whether text is pytest-benchmark JSON (`--benchmark-json` or a saved run). */
export function detectPytest(input: FormatInput): boolean {
  return input.kind === 'file' && /"machine_info"\s*:/.test(input.text) && /"benchmarks"\s*:/.test(input.text) && /"stats"\s*:/.test(input.text);
}

/**
 * Parses pytest-benchmark JSON. With `stats.data` (per-round seconds per iteration) every round
 * is a `sample` observation, in ns; without it, `mean`, `stddev` and `rounds` become an
 * `aggregate` metric. Ids are pytest's node ids (`fullname`, e.g. `test_x.py::test_fib[20]`),
 * which stay the same across runs and are unique within a session.
 * @throws FormatError naming the file and JSON path at fault
 */
export function parsePytest(input: FormatInput): Results {
  const file = input.path;
  const root = asObject(parseJsonText(fileText(input, 'pytest'), file), file, '$');
  const entries = arrayField(root, 'benchmarks', file, '$');
  if (entries.length === 0) throw new FormatError(file, 'no benchmarks', 'benchmarks');
  const benchmarks: Benchmark[] = entries.map((value, index) => {
    const path = childPath('benchmarks', index);
    const entry = asObject(value, file, path);
    const id = stringField(entry, 'fullname', file, path);
    const statsPath = childPath(path, 'stats');
    const stats = objectField(entry, 'stats', file, path);
    let metric: Metric;
    if (stats.data !== undefined && stats.data !== null) {
      const data = numberArrayField(stats, 'data', file, statsPath);
      if (data.length === 0) throw new FormatError(file, 'no data', childPath(statsPath, 'data'));
      metric = makeMetric(
        'time',
        'ns',
        data.map((s) => s * 1e9),
        { direction: 'smaller', gate: true, observation: 'sample' },
        file,
        childPath(statsPath, 'data'),
      );
    } else {
      metric = makeAggregateMetric(
        'time',
        'ns',
        reportedNumberField(stats, 'mean', file, statsPath, 1e9),
        reportedNumberField(stats, 'stddev', file, statsPath, 1e9),
        reportedNumberField(stats, 'rounds', file, statsPath),
        true,
        file,
      );
    }
    return { id, state: 'completed', metrics: [metric] };
  });
  const date = optionalStringField(root, 'datetime', file, '$');
  return buildResults('pytest', input, benchmarks, { createdAt: date });
}
