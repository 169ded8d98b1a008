import type { Benchmark, Metric, Results } from '../results/schema.ts';
import { buildResults, fileText, makeMetric } from './build-results.ts';
import type { FormatInput } from './format-input.ts';
import { arrayField, asObject, childPath, numberArrayField, numberField, parseJsonText, stringField } from './json.ts';
import { FormatError } from './format-error.ts';

/** Whether text is hyperfine `--export-json` output. */
export function detectHyperfine(input: FormatInput): boolean {
  return input.kind === 'file' && /^\s*\{/.test(input.text) && /"results"\s*:/.test(input.text) && /"command"\s*:/.test(input.text);
}

/**
 * Parses hyperfine `--export-json` output. Each command's `times` (seconds, one per execution of
 * the command) become `sample` observations in ns: hyperfine starts a fresh process per
 * execution, but all of them run back to back in one job on one machine, so they show the
 * within-job spread, not job-to-job noise. Without `times` the mean is kept as `single`.
 * A command with a non-zero exit code is `errored`. Ids are the command, or its `--command-name`.
 * @throws FormatError naming the file and JSON path at fault
 */
export function parseHyperfine(input: FormatInput): Results {
  const file = input.path;
  const root = asObject(parseJsonText(fileText(input, 'hyperfine'), file), file, '$');
  const results = arrayField(root, 'results', file, '$');
  if (results.length === 0) throw new FormatError(file, 'no results', 'results');
  const benchmarks: Benchmark[] = results.map((value, index) => {
    const path = childPath('results', index);
    const result = asObject(value, file, path);
    const id = stringField(result, 'command', file, path);
    let metric: Metric;
    if (result.times === undefined || result.times === null) {
      metric = makeMetric(
        'time',
        'ns',
        [numberField(result, 'mean', file, path) * 1e9],
        { direction: 'smaller', gate: true, observation: 'single' },
        file,
        childPath(path, 'mean'),
      );
    } else {
      const times = numberArrayField(result, 'times', file, path);
      if (times.length === 0) throw new FormatError(file, 'no times', childPath(path, 'times'));
      metric = makeMetric(
        'time',
        'ns',
        times.map((t) => t * 1e9),
        { direction: 'smaller', gate: true, observation: 'sample' },
        file,
        childPath(path, 'times'),
      );
    }
    const codes = result.exit_codes === undefined || result.exit_codes === null ? [] : numberArrayField(result, 'exit_codes', file, path);
    const failed = codes.findIndex((code) => code !== 0);
    if (failed >= 0) {
      return { id, state: 'errored', error: `exit code ${codes[failed]} in execution ${failed + 1}`, metrics: [metric] };
    }
    return { id, state: 'completed', metrics: [metric] };
  });
  return buildResults('hyperfine', input, benchmarks);
}
