import type { Benchmark, Metric, Results } from '../results/schema.ts';
import { buildResults, makeMetric } from './build-results.ts';
import { FormatError } from './format-error.ts';
import type { FolderFile, FormatInput } from './format-input.ts';
import { asObject, childPath, numberArrayField, parseJsonText, stringField, type JsonObject } from './json.ts';

const BENCHMARK_FILE = /(^|\/)new\/benchmark\.json$/;

/**
 * Whether a folder looks like criterion output: it has some `new/benchmark.json`.
 * @param input the folder's files
 */
export function detectCriterion(input: FormatInput): boolean {
  return input.kind === 'folder' && input.files.some((file) => BENCHMARK_FILE.test(file.path));
}

function readJson(folder: string, file: FolderFile): JsonObject {
  const name = `${folder}/${file.path}`;
  return asObject(parseJsonText(file.text, name), name, '$');
}

function parseOne(folder: string, dir: string, files: Map<string, FolderFile>): Benchmark {
  const benchmarkFile = files.get(`${dir}new/benchmark.json`)!;
  const sampleFile = files.get(`${dir}new/sample.json`);
  const benchmarkName = `${folder}/${benchmarkFile.path}`;
  if (!sampleFile) throw new FormatError(`${folder}/${dir}new`, 'has benchmark.json but no sample.json');
  const info = readJson(folder, benchmarkFile);
  const id = stringField(info, 'full_id', benchmarkName, '$');
  const sampleName = `${folder}/${sampleFile.path}`;
  const sample = readJson(folder, sampleFile);
  const iters = numberArrayField(sample, 'iters', sampleName, '$');
  const times = numberArrayField(sample, 'times', sampleName, '$');
  if (iters.length !== times.length) {
    throw new FormatError(sampleName, `iters has ${iters.length} entries but times has ${times.length}`, 'times');
  }
  if (iters.length === 0) throw new FormatError(sampleName, 'no samples', 'iters');
  const bad = iters.findIndex((n) => !(n >= 1) || !Number.isSafeInteger(Math.round(n)));
  if (bad >= 0) throw new FormatError(sampleName, `iteration count must be a positive integer, got ${iters[bad]}`, `iters[${bad}]`);
  const perIteration = times.map((time, index) => time / iters[index]!);
  const time = makeMetric('time', 'ns', perIteration, { direction: 'smaller', gate: true, observation: 'sample' }, sampleName, 'times');
  time.iterations = iters.map((n) => Math.round(n));
  const metrics: Metric[] = [time];
  const throughput = info.throughput;
  if (throughput !== null && throughput !== undefined) {
    const amounts = asObject(throughput, benchmarkName, 'throughput');
    for (const [kind, unit] of [
      ['Bytes', 'B/s'],
      ['BytesDecimal', 'B/s'],
      ['Elements', 'elements/s'],
    ] as const) {
      const amount = amounts[kind];
      if (amount === undefined) continue;
      if (typeof amount !== 'number' || !(amount > 0) || !Number.isFinite(amount)) {
        throw new FormatError(benchmarkName, `expected a positive number, got ${String(amount)}`, childPath('throughput', kind));
      }
      const rates = perIteration.map((ns) => (amount * 1e9) / ns);
      metrics.push(makeMetric('throughput', unit, rates, { direction: 'bigger', gate: false, observation: 'sample' }, benchmarkName, `throughput.${kind}`));
    }
  }
  return { id, state: 'completed', metrics };
}

/**
 * Parses a criterion output folder (`target/criterion`, or one benchmark's folder). Each
 * benchmark's `new/sample.json` gives per-sample totals; the kept observations are the
 * per-sample times per iteration (`times[i] / iters[i]`, in ns), marked `sample` because
 * criterion takes them all in one process. `new/benchmark.json` gives the id (`full_id`).
 * @param input a folder input holding at least the `new/benchmark.json` and `new/sample.json` files
 * @throws FormatError naming the file and JSON path at fault
 */
export function parseCriterion(input: FormatInput): Results {
  if (input.kind !== 'folder') {
    throw new FormatError(input.path, "the 'criterion' format reads a folder (target/criterion), but a file was given");
  }
  const files = new Map(input.files.map((file) => [file.path, file]));
  const dirs = input.files
    .filter((file) => BENCHMARK_FILE.test(file.path))
    .map((file) => file.path.slice(0, file.path.length - 'new/benchmark.json'.length))
    .sort();
  if (dirs.length === 0) {
    throw new FormatError(input.path, 'no criterion benchmarks found (expected <benchmark>/new/benchmark.json and new/sample.json)');
  }
  const benchmarks = dirs.map((dir) => parseOne(input.path, dir, files));
  return buildResults('criterion', input, benchmarks);
}
