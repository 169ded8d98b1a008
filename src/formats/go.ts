import type { Benchmark, Metric, Results } from '../results/schema.ts';
import { buildResults, groupBy, makeMetric, repeatedObservation } from './build-results.ts';
import { FormatError } from './format-error.ts';
import type { FormatInput } from './format-input.ts';
import { parsePrintedNumber, textRuns } from './text-runs.ts';
import { checkBenchmarkCount } from '../results/validate-results.ts';
import { normaliseUnit } from './units.ts';

const RESULT_LINE = /^(Benchmark\S*)\s+(\d+)\s+(.*)$/;
const FAIL_LINE = /^\s*--- FAIL: (Benchmark\S*)/;

/** Whether text looks like `go test -bench` output. */
export function detectGo(input: FormatInput): boolean {
  const test = (text: string) => /^Benchmark\S*\s+\d+\s+[\d.]+ ns\/op/m.test(text);
  return input.kind === 'file' ? test(input.text) : input.files.some((file) => test(file.text));
}

interface GoLine {
  name: string;
  pkg: string;
  iterations: number;
  values: Map<string, number>;
  file: string;
  line: number;
}

/** How each `go test` unit becomes a metric; other units (b.ReportMetric) keep their unit and are not gated. */
function describeUnit(unit: string): { name: string; unit: string; scale: number; direction: 'smaller' | 'bigger'; gate: boolean } {
  if (unit === 'ns/op') return { name: 'time', unit: 'ns', scale: 1, direction: 'smaller', gate: true };
  if (unit === 'B/op') return { name: 'alloc-bytes', unit: 'B/op', scale: 1, direction: 'smaller', gate: false };
  if (unit === 'allocs/op') return { name: 'allocs', unit: 'allocs/op', scale: 1, direction: 'smaller', gate: false };
  if (unit === 'MB/s') return { name: 'throughput', unit: 'MB/s', scale: 1, direction: 'bigger', gate: false };
  const normal = normaliseUnit(unit);
  return { name: unit, unit: normal.unit, scale: normal.scale, direction: normal.direction ?? 'smaller', gate: false };
}

/**
 * Parses `go test -bench` output. Each result line is one observation: with `-count=N` a
 * benchmark has N `process` values, with one line it has a `single` value. `-benchmem` adds
 * `alloc-bytes` (B/op) and `allocs` (allocs/op); `SetBytes` adds `throughput` (MB/s). Ids are
 * `<pkg>/<name>` without the `Benchmark` prefix; the `-GOMAXPROCS` suffix is dropped when every
 * line has the same one. A `--- FAIL: BenchmarkX` line makes that benchmark `errored`.
 * @param input a file, or a folder of files whose lines are all read
 * @throws FormatError naming the file and line of a malformed result line
 */
export function parseGo(input: FormatInput): Results {
  const lines: GoLine[] = [];
  const failed = new Map<string, string>();
  // Each distinct name is a benchmark: stop at the limit instead of building millions of lines.
  const names = new Set<string>();
  for (const run of textRuns(input)) {
    let pkg = '';
    run.text.split(/\r?\n/).forEach((text, index) => {
      const where = `line ${index + 1}`;
      if (text.startsWith('pkg: ')) pkg = text.slice(5).trim();
      const fail = FAIL_LINE.exec(text);
      if (fail) failed.set(`${pkg}\u0000${fail[1]!}`, `${run.file} ${where}: ${text.trim()}`);
      const match = RESULT_LINE.exec(text);
      if (!match) return;
      const fields = match[3]!.trim().split(/\s+/);
      if (fields.length % 2 !== 0) throw new FormatError(run.file, `expected value/unit pairs after the iteration count`, where);
      const values = new Map<string, number>();
      for (let i = 0; i < fields.length; i += 2) {
        const value = parsePrintedNumber(fields[i]!);
        if (value === null) throw new FormatError(run.file, `bad value ${JSON.stringify(fields[i]!.slice(0, 40))}`, where);
        values.set(fields[i + 1]!, value);
      }
      if (!values.has('ns/op')) throw new FormatError(run.file, 'result line has no ns/op', where);
      const iterations = Number(match[2]);
      if (!Number.isSafeInteger(iterations)) throw new FormatError(run.file, `iteration count ${match[2]} is out of range`, where);
      names.add(`${pkg}\u0000${match[1]!}`);
      checkBenchmarkCount(names.size, input.path);
      lines.push({ name: match[1]!, pkg, iterations, values, file: run.file, line: index + 1 });
    });
  }
  if (lines.length === 0) throw new FormatError(input.path, "no 'BenchmarkName  N  T ns/op' result lines found");
  const suffixes = new Set(lines.map((line) => /-\d+$/.exec(line.name)?.[0] ?? ''));
  const strip = suffixes.size === 1 ? [...suffixes][0]! : '';
  const idOf = (pkg: string, name: string) => {
    const bare = (strip && name.endsWith(strip) ? name.slice(0, -strip.length) : name).replace(/^Benchmark/, '') || name;
    return pkg ? `${pkg}/${bare}` : bare;
  };
  const benchmarks: Benchmark[] = [];
  for (const [id, group] of groupBy(lines, (line) => idOf(line.pkg, line.name))) {
    const first = group[0]!;
    const observation = repeatedObservation(group.length);
    const metrics: Metric[] = [];
    for (const unit of first.values.keys()) {
      if (!group.every((line) => line.values.has(unit))) continue;
      const d = describeUnit(unit);
      const metric = makeMetric(
        d.name,
        d.unit,
        group.map((line) => line.values.get(unit)! * d.scale),
        { direction: d.direction, gate: d.gate, observation },
        first.file,
        `line ${first.line}`,
      );
      if (unit === 'ns/op') metric.iterations = group.map((line) => line.iterations);
      metrics.push(metric);
    }
    const failure = failed.get(`${first.pkg}\u0000${first.name}`);
    benchmarks.push(failure ? { id, state: 'errored', error: failure, metrics } : { id, state: 'completed', metrics });
  }
  return buildResults('go', input, benchmarks);
}
