import type { Benchmark, Metric, Results } from '../results/schema.ts';
import { buildResults, groupBy, makeMetric, repeatedObservation } from './build-results.ts';
import { FormatError } from './format-error.ts';
import type { FormatInput } from './format-input.ts';
import { parsePrintedNumber, textRuns } from './text-runs.ts';
import { secondsPerUnit } from './units.ts';

const HEADER = /^(\S.*?)\s+fastest\s+│\s*slowest\s+│\s*median\s+│\s*mean\s+│\s*samples\s+│\s*iters\s*$/;
const TREE_ROW = /^((?:│ {2}| {3})*)(├─|╰─) (.*)$/;
const INDENT = /^(?:│ {2}| {3})*/;

/** Whether text holds a divan results table (its `fastest │ slowest │ median │ mean │ samples │ iters` header). */
export function detectDivan(input: FormatInput): boolean {
  const test = (text: string) => /^\S.*?\s+fastest\s+│\s*slowest\s+│\s*median\s+│\s*mean\s+│\s*samples\s+│\s*iters\s*$/m.test(text);
  return input.kind === 'file' ? test(input.text) : input.files.some((file) => test(file.text));
}

/** A throughput divan printed under a benchmark, per second, in its base unit (bytes, items, chars). */
interface Rate {
  name: string;
  unit: string;
  value: number;
}

interface DivanRow {
  id: string;
  /** The median time per iteration, ns. */
  median: number;
  iters: number | null;
  rates: Rate[];
  file: string;
  line: number;
}

const PREFIXES: Record<string, number> = { '': 1, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50 };

/** `1.541 µs` → ns, or null. divan prints ps below a nanosecond. */
function parseTime(cell: string): number | null {
  const match = /^(\S+) (\S+)$/.exec(cell.trim());
  if (!match) return null;
  const value = parsePrintedNumber(match[1]!);
  const seconds = match[2] === 'ps' ? 1e-12 : secondsPerUnit(match[2]!);
  if (value === null || seconds === null || value < 0) return null;
  return value * seconds * 1e9;
}

/** `1.614 GB/s`, `812 Kitem/s` → a rate per second in the base unit, or null. */
function parseRate(cell: string): Rate | null {
  const match = /^(\S+) (Ki|Mi|Gi|Ti|Pi|K|M|G|T|P)?([A-Za-z]+)\/s$/.exec(cell.trim());
  if (!match) return null;
  const value = parsePrintedNumber(match[1]!);
  if (value === null || value < 0) return null;
  const base = match[3]!;
  return { name: base === 'B' ? 'throughput' : `throughput-${base}`, unit: `${base}/s`, value: value * PREFIXES[match[2] ?? '']! };
}

function parseRun(file: string, text: string, rows: DivanRow[]): void {
  let binary: string | null = null;
  const path: string[] = [];
  let last: DivanRow | null = null;
  text.split(/\r?\n/).forEach((raw, index) => {
    const where = `line ${index + 1}`;
    const header = HEADER.exec(raw);
    if (header) {
      binary = header[1]!.trim();
      path.length = 0;
      last = null;
      return;
    }
    if (binary === null) return;
    if (raw.trim() === '') {
      binary = null;
      last = null;
      return;
    }
    const tree = TREE_ROW.exec(raw);
    if (!tree) {
      // a row under a benchmark: a throughput counter (every cell a rate), or allocation counts, which are not read
      const cells = raw
        .replace(INDENT, '')
        .split('│')
        .map((cell) => cell.trim())
        .filter((cell) => cell !== '');
      const median = cells[2];
      if (last && cells.length >= 4 && cells.every((cell) => /\/s$/.test(cell))) {
        const rate = parseRate(median!);
        if (!rate) throw new FormatError(file, `cannot read throughput ${JSON.stringify(median)}`, where);
        last.rates.push(rate);
      }
      return;
    }
    const depth = tree[1]!.length / 3;
    const cells = tree[3]!.split('│');
    if (cells.length !== 6) throw new FormatError(file, `expected 6 columns split by '│', got ${cells.length}: ${JSON.stringify(raw.slice(0, 120))}`, where);
    const medianCell = cells[2]!.trim();
    const first = cells[0]!.trim();
    const leaf = medianCell !== '';
    const name = leaf ? /^(.*?)\s+\S+ \S+$/.exec(first)?.[1]?.trim() : first;
    if (!name) throw new FormatError(file, `cannot read the benchmark name in ${JSON.stringify(first.slice(0, 80))}`, where);
    path.length = depth;
    path.push(name);
    if (!leaf) {
      last = null;
      return;
    }
    const median = parseTime(medianCell);
    if (median === null) throw new FormatError(file, `cannot read median time ${JSON.stringify(medianCell.slice(0, 40))}`, where);
    const itersCell = cells[5]!.trim();
    const iters = itersCell === '' ? null : parsePrintedNumber(itersCell);
    if (iters !== null && (!Number.isSafeInteger(iters) || iters < 0))
      throw new FormatError(file, `iters must be a whole number, got ${JSON.stringify(itersCell)}`, where);
    last = { id: [binary, ...path].join('/'), median, iters, rates: [], file, line: index + 1 };
    rows.push(last);
  });
}

/**
 * Parses divan's text output (the table `cargo bench` prints for a divan bench target: a tree of
 * benchmarks with fastest, slowest, median and mean time per iteration, samples and iters).
 * divan does not print its samples, so each benchmark gives one value per run: its median time
 * (ns), a `single` value for one run. Several runs, as several tables in one file or one file per
 * run in a folder, give one `process` value each. A throughput row under a benchmark (from
 * `counters`) adds a `throughput` metric (B/s, or `throughput-item`, … for other counters) from
 * its median column, not gated. Allocation rows (`AllocProfiler`) are not read. Ids are
 * `<bench target>/<module or function>/…/<arg>` along the tree, e.g. `fib/fib_n/500`.
 * @param input a file, or a folder of files (one per run)
 * @throws FormatError naming the file and line of a row it cannot read
 */
export function parseDivan(input: FormatInput): Results {
  const rows: DivanRow[] = [];
  for (const run of textRuns(input)) parseRun(run.file, run.text, rows);
  if (rows.length === 0)
    throw new FormatError(input.path, "no divan table found (a 'fastest │ slowest │ median │ mean │ samples │ iters' header and its rows)");
  const benchmarks: Benchmark[] = [];
  for (const [id, group] of groupBy(rows, (row) => row.id)) {
    const first = group[0]!;
    const where = `line ${first.line}`;
    const observation = repeatedObservation(group.length);
    const time = makeMetric(
      'time',
      'ns',
      group.map((row) => row.median),
      { direction: 'smaller', gate: true, observation },
      first.file,
      where,
    );
    if (group.every((row) => row.iters !== null)) time.iterations = group.map((row) => row.iters!);
    const metrics: Metric[] = [time];
    for (const rate of first.rates) {
      const values = group.map((row) => row.rates.find((r) => r.name === rate.name && r.unit === rate.unit)?.value);
      if (values.some((value) => value === undefined)) continue;
      metrics.push(makeMetric(rate.name, rate.unit, values as number[], { direction: 'bigger', gate: false, observation }, first.file, where));
    }
    benchmarks.push({ id, state: 'completed', metrics });
  }
  return buildResults('divan', input, benchmarks);
}
