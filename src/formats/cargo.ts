import type { Benchmark, Metric, Results } from '../results/schema.ts';
import { buildResults, groupBy, makeMetric, repeatedObservation } from './build-results.ts';
import { FormatError } from './format-error.ts';
import type { FormatInput } from './format-input.ts';
import { parsePrintedNumber, textRuns } from './text-runs.ts';
import { checkBenchmarkCount } from '../results/validate-results.ts';
import { normaliseUnit } from './units.ts';

const BENCH_LINE = /^test (.+?) \.\.\. bench:\s+(\S+) (\S+)\/iter \(\+\/- (\S+)\)(?: = (\S+) (\S+))?\s*$/;
const LOOKS_LIKE_BENCH = /^test .+ \.\.\. bench:/;

/** Whether text holds libtest / criterion `--output-format bencher` lines. */
export function detectCargo(input: FormatInput): boolean {
  if (input.kind === 'file') return /^test .+ \.\.\. bench:/m.test(input.text);
  return input.files.some((file) => /^test .+ \.\.\. bench:/m.test(file.text)) && !input.files.some((f) => f.path.endsWith('.json'));
}

interface CargoLine {
  name: string;
  time: number;
  unit: string;
  throughput: { value: number; unit: string } | null;
  file: string;
  line: number;
}

/**
 * Parses `cargo bench` output in libtest's bencher format (`test NAME ... bench: 1,234 ns/iter
 * (+/- 56)`), which criterion also prints with `--output-format bencher`. A folder is read as
 * one file per run. A benchmark seen once has one `single` value; seen in several lines or files,
 * each line is one `process` observation. The `(+/- …)` spread is ignored: it is a within-run
 * range, not an independent observation.
 * @param input a file, or a folder of files (one per run)
 * @throws FormatError naming the file and line of a malformed bench line
 */
export function parseCargo(input: FormatInput): Results {
  const lines: CargoLine[] = [];
  // Each distinct name is a benchmark: stop at the limit instead of building millions of lines.
  const names = new Set<string>();
  for (const run of textRuns(input)) {
    run.text.split(/\r?\n/).forEach((text, index) => {
      if (!LOOKS_LIKE_BENCH.test(text)) return;
      const match = BENCH_LINE.exec(text);
      const where = `line ${index + 1}`;
      if (!match) throw new FormatError(run.file, `cannot read bench line: ${JSON.stringify(text.slice(0, 120))}`, where);
      const time = parsePrintedNumber(match[2]!);
      if (time === null) throw new FormatError(run.file, `bad time ${JSON.stringify(match[2])}`, where);
      let throughput: CargoLine['throughput'] = null;
      if (match[5] !== undefined) {
        const value = parsePrintedNumber(match[5]);
        if (value === null) throw new FormatError(run.file, `bad throughput ${JSON.stringify(match[5])}`, where);
        throughput = { value, unit: match[6]! };
      }
      names.add(match[1]!.trim());
      checkBenchmarkCount(names.size, input.path);
      lines.push({ name: match[1]!.trim(), time, unit: match[3]!, throughput, file: run.file, line: index + 1 });
    });
  }
  if (lines.length === 0) {
    throw new FormatError(input.path, "no 'test NAME ... bench: N ns/iter (+/- M)' lines found");
  }
  const benchmarks: Benchmark[] = [];
  for (const [name, group] of groupBy(lines, (line) => line.name)) {
    const first = group[0]!;
    const where = `line ${first.line}`;
    const observation = repeatedObservation(group.length);
    const time = normaliseUnit(first.unit);
    if (time.unit !== 'ns') throw new FormatError(first.file, `unknown time unit '${first.unit}/iter'`, where);
    const mixed = group.find((line) => line.unit !== first.unit);
    if (mixed) throw new FormatError(mixed.file, `'${name}' mixes '${first.unit}' and '${mixed.unit}'`, `line ${mixed.line}`);
    const metrics: Metric[] = [
      makeMetric(
        'time',
        'ns',
        group.map((line) => line.time * time.scale),
        { direction: 'smaller', gate: true, observation },
        first.file,
        where,
      ),
    ];
    if (group.every((line) => line.throughput !== null && line.throughput.unit === first.throughput?.unit)) {
      const rate = normaliseUnit(first.throughput!.unit);
      metrics.push(
        makeMetric(
          'throughput',
          rate.unit,
          group.map((line) => line.throughput!.value * rate.scale),
          { direction: 'bigger', gate: false, observation },
          first.file,
          where,
        ),
      );
    }
    benchmarks.push({ id: name, state: 'completed', metrics });
  }
  return buildResults('cargo', input, benchmarks);
}
