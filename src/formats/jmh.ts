import type { Benchmark, Direction, Metric, Results } from '../results/schema.ts';
import { buildResults, fileText, groupBy, makeMetric } from './build-results.ts';
import { FormatError } from './format-error.ts';
import type { FormatInput } from './format-input.ts';
import { asArray, asNumber, asObject, childPath, numberField, objectField, parseJsonText, stringField, type JsonObject } from './json.ts';
import { normaliseUnit } from './units.ts';

/** Whether text is JMH's JSON result (`-rf json`). */
export function detectJmh(input: FormatInput): boolean {
  return input.kind === 'file' && /^\s*\[/.test(input.text) && /"primaryMetric"\s*:/.test(input.text) && /"benchmark"\s*:/.test(input.text);
}

const MODE_NAMES: Record<string, string> = {
  thrpt: 'throughput',
  avgt: 'average-time',
  sample: 'sample-time',
  ss: 'single-shot-time',
};

/** The mean of each iteration's `[value, count]` histogram, for `sample` mode's `rawDataHistogram`. */
function histogramMeans(histogram: unknown, file: string, path: string): number[] {
  const means = asArray(histogram, file, path).flatMap((fork, forkIndex) => {
    const forkPath = childPath(path, forkIndex);
    return asArray(fork, file, forkPath).map((iteration, iterationIndex) => {
      const at = childPath(forkPath, iterationIndex);
      let total = 0;
      let count = 0;
      asArray(iteration, file, at).forEach((bin, binIndex) => {
        const binPath = childPath(at, binIndex);
        const pair = asArray(bin, file, binPath);
        const value = asNumber(pair[0], file, childPath(binPath, 0));
        const n = asNumber(pair[1], file, childPath(binPath, 1));
        if (n < 0) throw new FormatError(file, `count must not be negative, got ${n}`, childPath(binPath, 1));
        total += value * n;
        count += n;
      });
      if (!(count > 0)) throw new FormatError(file, 'an iteration with no samples', at);
      return total / count;
    });
  });
  if (means.length === 0) throw new FormatError(file, 'rawDataHistogram holds no iterations', path);
  return means;
}

function readMetric(metric: JsonObject, name: string, direction: Direction | null, gate: boolean, file: string, path: string): Metric {
  const unitText = stringField(metric, 'scoreUnit', file, path);
  const unit = normaliseUnit(unitText);
  const chosen = direction ?? unit.direction ?? 'smaller';
  const raw = metric.rawData;
  if ((raw === undefined || raw === null) && metric.rawDataHistogram !== undefined && metric.rawDataHistogram !== null) {
    const values = histogramMeans(metric.rawDataHistogram, file, childPath(path, 'rawDataHistogram')).map((v) => v * unit.scale);
    return makeMetric(name, unit.unit, values, { direction: chosen, gate, observation: 'sample' }, file, childPath(path, 'rawDataHistogram'));
  }
  if (raw === undefined || raw === null) {
    const score = numberField(metric, 'score', file, path) * unit.scale;
    return makeMetric(name, unit.unit, [score], { direction: chosen, gate, observation: 'single' }, file, childPath(path, 'score'));
  }
  const rawPath = childPath(path, 'rawData');
  const values = asArray(raw, file, rawPath).flatMap((fork, forkIndex) => {
    const forkPath = childPath(rawPath, forkIndex);
    return asArray(fork, file, forkPath).map((value, index) => asNumber(value, file, childPath(forkPath, index)) * unit.scale);
  });
  if (values.length === 0) throw new FormatError(file, 'rawData holds no values', rawPath);
  return makeMetric(name, unit.unit, values, { direction: chosen, gate, observation: 'sample' }, file, rawPath);
}

/**
 * Parses JMH's JSON result file (`-rf json`). Each entry's `primaryMetric.rawData` (one array per
 * fork, one value per measurement iteration; in `sample` mode, the mean of each iteration's
 * `rawDataHistogram`) becomes `sample` observations of a metric named
 * after the mode (`throughput`, `average-time`, …). `thrpt` is bigger-is-better; the other modes
 * smaller. Rates normalise to per second (`ops/ms` → `ops/s`), times to ns. Secondary metrics
 * (e.g. `gc.alloc.rate.norm` from `-prof gc`) are kept, not gated. Ids are the benchmark's
 * method name plus its `@Param` values, so one benchmark run in several modes is one id.
 * @throws FormatError naming the file and JSON path at fault
 */
export function parseJmh(input: FormatInput): Results {
  const file = input.path;
  const entries = asArray(parseJsonText(fileText(input, 'jmh'), file), file, '$').map((value, index) => {
    const path = `$[${index}]`;
    const entry = asObject(value, file, path);
    const name = stringField(entry, 'benchmark', file, path);
    const mode = stringField(entry, 'mode', file, path);
    const params = entry.params === undefined || entry.params === null ? {} : objectField(entry, 'params', file, path);
    const paramText = Object.entries(params)
      .map(([key, v]) => `${key}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(', ');
    return { id: paramText ? `${name}(${paramText})` : name, mode, entry, path };
  });
  if (entries.length === 0) throw new FormatError(file, 'the array is empty', '$');
  const benchmarks: Benchmark[] = [];
  for (const [id, group] of groupBy(entries, (entry) => entry.id)) {
    const metrics: Metric[] = [];
    const names = new Set<string>();
    for (const { mode, entry, path } of group) {
      const modeName = MODE_NAMES[mode] ?? mode;
      if (names.has(modeName)) throw new FormatError(file, `'${id}' has mode '${mode}' twice`, childPath(path, 'mode'));
      names.add(modeName);
      const direction: Direction = mode === 'thrpt' ? 'bigger' : 'smaller';
      metrics.push(readMetric(objectField(entry, 'primaryMetric', file, path), modeName, direction, true, file, childPath(path, 'primaryMetric')));
      const secondaryPath = childPath(path, 'secondaryMetrics');
      const secondary = entry.secondaryMetrics === undefined || entry.secondaryMetrics === null ? {} : asObject(entry.secondaryMetrics, file, secondaryPath);
      for (const [key, value] of Object.entries(secondary)) {
        const name = `${group.length > 1 ? `${modeName}:` : ''}${key.replace(/^\u00b7/, '')}`;
        if (names.has(name) || name.length === 0) continue;
        names.add(name);
        const at = childPath(secondaryPath, key);
        metrics.push(readMetric(asObject(value, file, at), name, null, false, file, at));
      }
    }
    benchmarks.push({ id, state: 'completed', metrics });
  }
  return buildResults('jmh', input, benchmarks);
}
