import type { Benchmark, Metric, Results } from '../results/schema.ts';
import { buildResults, fileText, groupBy, makeAggregateMetric, makeMetric } from './build-results.ts';
import { FormatError } from './format-error.ts';
import type { FormatInput } from './format-input.ts';
import { asArray, asObject, childPath, numberArrayField, objectField, parseJsonText, stringField, type JsonObject } from './json.ts';
import { parsePrintedNumber } from './text-runs.ts';

/** `String(bench)` for a benchmark that finished: `NAME x 1,234 ops/sec ±0.50% (90 runs sampled)`. */
const CYCLE_LINE = /^(.+?) x ([\d,.]+) ops\/sec (?:±|\+\/-|\+-)\s*([\d.]+)% \((\d+) runs? sampled\)\s*$/;
const LOOKS_LIKE_CYCLE = / x \S+ ops\/sec /;

/**
 * Benchmark.js's own two-tailed 95% Student t critical values by degrees of freedom (its
 * `tTable`); above 30 it uses 1.96. Used to undo its margin of error back into a deviation.
 */
const T_TABLE = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069,
  2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

function critical(size: number): number {
  return T_TABLE[Math.max(1, Math.round(size - 1)) - 1] ?? 1.96;
}

/** Whether text is Benchmark.js output: its printed lines, or the suite as JSON with `stats` and `hz`. */
export function detectBenchmarkjs(input: FormatInput): boolean {
  if (input.kind !== 'file') return false;
  if (/^\s*\[/.test(input.text)) return /"stats"\s*:/.test(input.text) && /"hz"\s*:/.test(input.text) && /"sample"\s*:/.test(input.text);
  return /^.+ x [\d,.]+ ops\/sec (±|\+\/-|\+-)\s*[\d.]+% \(\d+ runs? sampled\)\s*$/m.test(input.text);
}

/** The latest `times.timeStamp` (ms since the epoch) of the suite's benchmarks, as an ISO time. */
function latestTimeStamp(list: unknown[]): string | undefined {
  let latest = 0;
  for (const value of list) {
    const times = typeof value === 'object' && value !== null ? (value as JsonObject).times : undefined;
    const stamp = typeof times === 'object' && times !== null ? (times as JsonObject).timeStamp : undefined;
    if (typeof stamp === 'number' && Number.isFinite(stamp) && stamp > latest && stamp < 8.64e15) latest = stamp;
  }
  return latest > 0 ? new Date(latest).toISOString() : undefined;
}

function fromJson(input: FormatInput, list: unknown[]): Benchmark[] {
  const file = input.path;
  return list.map((value, index): Benchmark => {
    const path = `[${index}]`;
    const bench = asObject(value, file, path);
    const id = stringField(bench, 'name', file, path);
    if (bench.error !== undefined && bench.error !== null) {
      const error = bench.error as JsonObject;
      const message =
        typeof error === 'object' && typeof error.message === 'string' && error.message
          ? error.message
          : 'the benchmark threw (Benchmark.js keeps no message in JSON)';
      return { id, state: 'errored', error: message, metrics: [] };
    }
    const statsPath = childPath(path, 'stats');
    const stats = objectField(bench, 'stats', file, path);
    const samples = numberArrayField(stats, 'sample', file, statsPath);
    if (samples.length === 0) throw new FormatError(file, 'no samples', childPath(statsPath, 'sample'));
    const bad = samples.findIndex((seconds) => !(seconds > 0));
    if (bad >= 0) throw new FormatError(file, `a time per operation must be > 0, got ${samples[bad]}`, childPath(childPath(statsPath, 'sample'), bad));
    const time = makeMetric(
      'time',
      'ns',
      samples.map((seconds) => seconds * 1e9),
      { direction: 'smaller', gate: true, observation: 'sample' },
      file,
      childPath(statsPath, 'sample'),
    );
    return { id, state: 'completed', metrics: [time] };
  });
}

interface CycleLine {
  name: string;
  hz: number;
  rme: number;
  size: number;
  line: number;
}

function fromText(input: FormatInput, text: string): Benchmark[] {
  const file = input.path;
  const lines: CycleLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (!LOOKS_LIKE_CYCLE.test(raw)) return;
    const where = `line ${index + 1}`;
    const match = CYCLE_LINE.exec(raw);
    if (!match) throw new FormatError(file, `cannot read Benchmark.js line: ${JSON.stringify(raw.slice(0, 120))}`, where);
    const hz = parsePrintedNumber(match[2]!);
    if (hz === null || !(hz > 0)) throw new FormatError(file, `ops/sec must be a number > 0, got ${JSON.stringify(match[2])}`, where);
    const rme = Number(match[3]);
    if (!Number.isFinite(rme)) throw new FormatError(file, `bad margin of error ${JSON.stringify(match[3])}`, where);
    const size = Number(match[4]);
    if (!Number.isSafeInteger(size) || size < 1) throw new FormatError(file, `runs sampled must be a positive integer, got ${match[4]}`, where);
    lines.push({ name: match[1]!.trim(), hz, rme, size, line: index + 1 });
  });
  if (lines.length === 0) throw new FormatError(file, "no 'NAME x N ops/sec ±R% (S runs sampled)' lines found");
  const benchmarks: Benchmark[] = [];
  for (const [id, group] of groupBy(lines, (line) => line.name)) {
    let metric: Metric;
    if (group.length > 1) {
      // the same benchmark printed by several runs of the suite: each line is one process run
      metric = makeMetric(
        'time',
        'ns',
        group.map((line) => 1e9 / line.hz),
        { direction: 'smaller', gate: true, observation: 'process' },
        file,
        `line ${group[0]!.line}`,
      );
    } else {
      const { hz, rme, size, line } = group[0]!;
      const mean = 1e9 / hz;
      // rme = 100 · t · sd / (√n · mean), so sd = rme/100 · mean · √n / t (Benchmark.js's own t table)
      const stddev = ((rme / 100) * mean * Math.sqrt(size)) / critical(size);
      const where = `line ${line}`;
      metric = makeAggregateMetric(
        'time',
        'ns',
        { value: mean, name: 'ops/sec', location: where },
        { value: stddev, name: 'margin of error', location: where },
        { value: size, name: 'runs sampled', location: where },
        true,
        file,
      );
    }
    benchmarks.push({ id, state: 'completed', metrics: [metric] });
  }
  return benchmarks;
}

/**
 * Parses Benchmark.js (2.x) output, in either of two forms.
 * - The suite as JSON, `JSON.stringify(Array.from(suite))` after it completes: each benchmark's
 *   `stats.sample` (seconds per operation, one per timed cycle) become `sample` observations in
 *   ns; all come from one process, so compare treats them as one job. A benchmark with `error`
 *   is `errored`.
 * - Its printed lines, `String(bench)` on each `cycle` event, as github-action-benchmark's
 *   `benchmarkjs` tool reads them: `NAME x 1,234 ops/sec ±0.50% (90 runs sampled)`. A line keeps
 *   only the mean, so it becomes an `aggregate` time (1e9 / ops/sec ns) whose standard deviation
 *   is recovered from the relative margin of error with Benchmark.js's own t table. A name printed
 *   on several lines (several runs of the suite in one file) gives one `process` value per line.
 * Other lines (a suite's "Fastest is …", errors) are ignored.
 * @throws FormatError naming the file and the JSON path or line at fault
 */
export function parseBenchmarkjs(input: FormatInput): Results {
  const text = fileText(input, 'benchmarkjs');
  if (!/^\s*\[/.test(text)) return buildResults('benchmarkjs', input, fromText(input, text));
  const list = asArray(parseJsonText(text, input.path), input.path, '$');
  if (list.length === 0) throw new FormatError(input.path, 'no benchmarks', '$');
  return buildResults('benchmarkjs', input, fromJson(input, list), { createdAt: latestTimeStamp(list) });
}
