import type { Benchmark, Metric, Results } from '../results/schema.ts';
import { buildResults, fileText, makeMetric } from './build-results.ts';
import { FormatError } from './format-error.ts';
import type { FormatInput } from './format-input.ts';
import { arrayField, asObject, childPath, numberArrayField, numberField, optionalStringField, parseJsonText, stringField, type JsonObject } from './json.ts';

/** Whether text is mitata's `run({ format: 'json' })` output. */
export function detectMitata(input: FormatInput): boolean {
  return (
    input.kind === 'file' &&
    /^\s*\{/.test(input.text) &&
    /"layout"\s*:/.test(input.text) &&
    /"benchmarks"\s*:/.test(input.text) &&
    /"alias"\s*:/.test(input.text)
  );
}

/** The names of mitata's groups, by index into `layout`; unnamed groups are absent. */
function groupNames(root: JsonObject, file: string): Map<number, string> {
  const names = new Map<number, string>();
  if (root.layout === undefined || root.layout === null) return names;
  arrayField(root, 'layout', file, '$').forEach((value, index) => {
    const name = optionalStringField(asObject(value, file, childPath('layout', index)), 'name', file, childPath('layout', index));
    if (name) names.set(index, name);
  });
  return names;
}

function errorText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && typeof (value as JsonObject).message === 'string') return (value as JsonObject).message as string;
  return 'the benchmark threw';
}

function timeMetric(stats: JsonObject, file: string, path: string): Metric {
  if (stats.samples === undefined || stats.samples === null) {
    // run({ format: { json: { samples: false } } }) leaves only the summary, without a spread
    const avg = numberField(stats, 'avg', file, path);
    if (avg < 0) throw new FormatError(file, `a time must be ≥ 0, got ${avg}`, childPath(path, 'avg'));
    return makeMetric('time', 'ns', [avg], { direction: 'smaller', gate: true, observation: 'single' }, file, childPath(path, 'avg'));
  }
  const samples = numberArrayField(stats, 'samples', file, path);
  if (samples.length === 0) throw new FormatError(file, 'no samples', childPath(path, 'samples'));
  const negative = samples.findIndex((value) => value < 0);
  if (negative >= 0) throw new FormatError(file, `a time must be ≥ 0, got ${samples[negative]}`, childPath(childPath(path, 'samples'), negative));
  return makeMetric('time', 'ns', samples, { direction: 'smaller', gate: true, observation: 'sample' }, file, childPath(path, 'samples'));
}

/**
 * Parses mitata's JSON output (`await run({ format: 'json' })`, mitata 1.x). Each trial's `runs`
 * (one per argument combination) is one benchmark; its `stats.samples` (ns per iteration, each
 * the mean of a batch of calls for fast functions, sorted and trimmed by mitata) become `sample`
 * observations: all come from one process, so compare treats them as one job. Without samples
 * (`samples: false`) the mean `avg` is kept as a `single` value. A run with `error` is `errored`.
 * Ids are `<group>/<run name>` for benchmarks inside a named `group()`, else the run name.
 * mitata's own calibration runs under `context.noop` are not read.
 * @throws FormatError naming the file and JSON path at fault
 */
export function parseMitata(input: FormatInput): Results {
  const file = input.path;
  const root = asObject(parseJsonText(fileText(input, 'mitata'), file), file, '$');
  const groups = groupNames(root, file);
  const benchmarks: Benchmark[] = [];
  arrayField(root, 'benchmarks', file, '$').forEach((trialValue, trialIndex) => {
    const trialPath = childPath('benchmarks', trialIndex);
    const trial = asObject(trialValue, file, trialPath);
    const groupIndex = trial.group;
    const group = typeof groupIndex === 'number' ? groups.get(groupIndex) : undefined;
    arrayField(trial, 'runs', file, trialPath).forEach((runValue, runIndex) => {
      const path = childPath(childPath(trialPath, 'runs'), runIndex);
      const run = asObject(runValue, file, path);
      const name = stringField(run, 'name', file, path);
      const id = group ? `${group}/${name}` : name;
      if (run.error !== undefined && run.error !== null) {
        benchmarks.push({ id, state: 'errored', error: errorText(run.error), metrics: [] });
        return;
      }
      const stats = asObject(run.stats, file, childPath(path, 'stats'));
      benchmarks.push({ id, state: 'completed', metrics: [timeMetric(stats, file, childPath(path, 'stats'))] });
    });
  });
  if (benchmarks.length === 0) throw new FormatError(file, 'no benchmarks', 'benchmarks');
  const context = root.context;
  const now = typeof context === 'object' && context !== null ? (context as JsonObject).now : undefined;
  const createdAt = typeof now === 'number' && Number.isFinite(now) && now > 0 && now < 8.64e15 ? new Date(now).toISOString() : undefined;
  return buildResults('mitata', input, benchmarks, { createdAt });
}
