import type { Benchmark, Metric, Results } from '../results/schema.ts';
import { buildResults, fileText, makeAggregateMetric, makeMetric } from './build-results.ts';
import { FormatError } from './format-error.ts';
import type { FormatInput } from './format-input.ts';
import { arrayField, asObject, childPath, numberArrayField, parseJsonText, reportedNumberField, stringField } from './json.ts';

/** Whether text is `vitest bench --outputJson` output. */
export function detectVitest(input: FormatInput): boolean {
  return input.kind === 'file' && /"files"\s*:/.test(input.text) && /"groups"\s*:/.test(input.text) && /"fullName"\s*:/.test(input.text);
}

/**
 * Parses `vitest bench --outputJson` output. Vitest empties `samples` when it writes the file, so
 * each benchmark is kept as an `aggregate` metric from `mean`, `sd` and `sampleCount` (ms → ns);
 * if a future version keeps samples they become `sample` observations. Ids are vitest's full
 * names: `<file> > <describe> > <bench>`.
 * @throws FormatError naming the file and JSON path at fault
 */
export function parseVitest(input: FormatInput): Results {
  const file = input.path;
  const root = asObject(parseJsonText(fileText(input, 'vitest'), file), file, '$');
  const benchmarks: Benchmark[] = [];
  arrayField(root, 'files', file, '$').forEach((fileValue, fileIndex) => {
    const filePath = childPath('files', fileIndex);
    const entry = asObject(fileValue, file, filePath);
    arrayField(entry, 'groups', file, filePath).forEach((groupValue, groupIndex) => {
      const groupPath = childPath(childPath(filePath, 'groups'), groupIndex);
      const group = asObject(groupValue, file, groupPath);
      const groupName = stringField(group, 'fullName', file, groupPath);
      arrayField(group, 'benchmarks', file, groupPath).forEach((benchValue, benchIndex) => {
        const path = childPath(childPath(groupPath, 'benchmarks'), benchIndex);
        const bench = asObject(benchValue, file, path);
        const id = `${groupName} > ${stringField(bench, 'name', file, path)}`;
        const samples = bench.samples === undefined ? [] : numberArrayField(bench, 'samples', file, path);
        let metric: Metric;
        if (samples.length > 0) {
          metric = makeMetric(
            'time',
            'ns',
            samples.map((ms) => ms * 1e6),
            { direction: 'smaller', gate: true, observation: 'sample' },
            file,
            childPath(path, 'samples'),
          );
        } else {
          metric = makeAggregateMetric(
            'time',
            'ns',
            reportedNumberField(bench, 'mean', file, path, 1e6),
            reportedNumberField(bench, 'sd', file, path, 1e6),
            reportedNumberField(bench, 'sampleCount', file, path),
            true,
            file,
          );
        }
        benchmarks.push({ id, state: 'completed', metrics: [metric] });
      });
    });
  });
  if (benchmarks.length === 0) throw new FormatError(file, 'no benchmarks', 'files');
  return buildResults('vitest', input, benchmarks);
}
