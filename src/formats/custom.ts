import type { Benchmark, Direction, Results } from '../results/schema.ts';
import { buildResults, fileText, groupBy, makeMetric, repeatedObservation } from './build-results.ts';
import { FormatError } from './format-error.ts';
import type { FormatInput } from './format-input.ts';
import { asArray, asObject, childPath, numberField, parseJsonText, stringField } from './json.ts';
import { checkBenchmarkCount } from '../results/validate-results.ts';
import { normaliseUnit } from './units.ts';

/**
 * Whether text is github-action-benchmark's custom JSON: an array of `{ name, unit, value }`.
 * Auto-detection never picks it, because the file does not say which way is better.
 */
export function detectCustom(input: FormatInput): boolean {
  return input.kind === 'file' && /^\s*\[/.test(input.text) && /"name"\s*:/.test(input.text) && /"unit"\s*:/.test(input.text) && /"value"\s*:/.test(input.text);
}

/**
 * Parses github-action-benchmark's custom JSON (`[{ name, unit, value, range?, extra? }]`) with
 * the direction the tool name gives. Time units become ns and rates per second. One entry per
 * name is a `single` value; a name repeated in the array is one `process` value per entry.
 * `range` and `extra` are informational and not read.
 * @param input the file
 * @param tool `customSmallerIsBetter` or `customBiggerIsBetter`
 * @param direction the direction the tool name implies
 * @throws FormatError naming the file and JSON path at fault
 */
export function parseCustom(input: FormatInput, tool: string, direction: Direction): Results {
  const file = input.path;
  const array = asArray(parseJsonText(fileText(input, tool), file), file, '$');
  checkBenchmarkCount(array.length, file);
  const entries = array.map((value, index) => {
    const path = `$[${index}]`;
    const entry = asObject(value, file, path);
    const name = stringField(entry, 'name', file, path);
    const unit = stringField(entry, 'unit', file, path);
    const measured = numberField(entry, 'value', file, path);
    return { name, unit, value: measured, path };
  });
  if (entries.length === 0) throw new FormatError(file, 'the array is empty', '$');
  const benchmarks: Benchmark[] = [];
  for (const [id, group] of groupBy(entries, (entry) => entry.name)) {
    const first = group[0]!;
    const mixed = group.find((entry) => entry.unit !== first.unit);
    if (mixed) throw new FormatError(file, `'${id}' has unit '${mixed.unit}' here but '${first.unit}' at ${first.path}`, childPath(mixed.path, 'unit'));
    const unit = normaliseUnit(first.unit);
    const metric = makeMetric(
      'value',
      unit.unit,
      group.map((entry) => entry.value * unit.scale),
      { direction, gate: true, observation: repeatedObservation(group.length) },
      file,
      childPath(first.path, 'value'),
    );
    benchmarks.push({ id, state: 'completed', metrics: [metric] });
  }
  return buildResults(tool, input, benchmarks);
}
