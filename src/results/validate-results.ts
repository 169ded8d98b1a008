import { FormatError } from './format-error.ts';
import type { Metric, Results } from './schema.ts';

/**
 * The largest magnitude any value may have. Far beyond any measurement (1e30 ns is 3e13 years),
 * and small enough that ratios, squares and sums of values cannot overflow to Infinity.
 */
export const MAX_MAGNITUDE = 1e30;

/**
 * The most benchmarks one results file (or one tool output) may hold. A comparison of more
 * cannot be written: the report of 1.3 million comparisons is longer than the longest string
 * JavaScript can hold, and its objects take several GB. Far above any real suite; split a larger
 * one into benchmark sets.
 */
export const MAX_BENCHMARKS = 100_000;

/**
 * Refuses a benchmark count above `MAX_BENCHMARKS` before any more work is done.
 * @param count benchmarks (or entries that each make one) found so far
 * @param file the file, for the message
 * @throws FormatError with reason `too-large`
 */
export function checkBenchmarkCount(count: number, file: string): void {
  if (count > MAX_BENCHMARKS) {
    throw new FormatError(
      file,
      `holds ${count.toLocaleString('en-US')} benchmarks, more than the ${MAX_BENCHMARKS.toLocaleString('en-US')} benchgate compares from one file; split the suite into benchmark sets or filter it`,
      'benchmarks',
      'too-large',
    );
  }
}

/** The smallest magnitude a value other than zero may have, for the same reason (no ratio of two values overflows). */
export const MIN_MAGNITUDE = 1e-30;

/**
 * What a unit measures, which decides the values it allows:
 * - `time` (`ns`, `ms/op`, …) and `rate` (`ops/s`, `B/s`, `MB/s`): > 0 when the metric takes part
 *   in the gate (a zero time or rate has no ratio); ≥ 0 otherwise, where zero is a real reading
 *   (GC time, allocation rate, CPU time of a task that only waits).
 * - `amount` (bytes, allocations, counts, cores): ≥ 0 (zero allocations is a real reading).
 * - `other`: any sign, since the unit does not say what the number is (a score, a difference).
 */
export type UnitKind = 'time' | 'rate' | 'amount' | 'other';

const TIME_UNITS = new Set([
  'ns',
  'nanoseconds',
  'us',
  'µs',
  'μs',
  'microseconds',
  'ms',
  'milliseconds',
  's',
  'sec',
  'secs',
  'second',
  'seconds',
  'min',
  'minutes',
]);
const AMOUNT_UNITS = new Set([
  'b',
  'byte',
  'bytes',
  'kb',
  'kib',
  'mb',
  'mib',
  'gb',
  'gib',
  'allocs',
  'allocations',
  'alloc',
  'count',
  'counts',
  'cores',
  'items',
  'elements',
  'objects',
  'collections',
  'gcs',
]);

/**
 * Classifies a unit as benchgate writes it (after an adapter's conversion).
 * @param unit the metric's unit
 * @returns its kind
 * @example
 * classifyUnit('ns') // => 'time'
 * classifyUnit('ops/s') // => 'rate'
 * classifyUnit('B/op') // => 'amount'
 * classifyUnit('score') // => 'other'
 */
export function classifyUnit(unit: string): UnitKind {
  const trimmed = unit.trim();
  const lower = trimmed.toLowerCase();
  const slash = lower.lastIndexOf('/');
  if (slash < 0) {
    if (TIME_UNITS.has(trimmed) || TIME_UNITS.has(lower)) return 'time';
    return AMOUNT_UNITS.has(lower) ? 'amount' : 'other';
  }
  const head = lower.slice(0, slash).trim();
  const tail = lower.slice(slash + 1).trim();
  if (TIME_UNITS.has(tail)) return 'rate';
  if (TIME_UNITS.has(head) || TIME_UNITS.has(trimmed.slice(0, slash).trim())) return 'time';
  return AMOUNT_UNITS.has(head) ? 'amount' : 'other';
}

/** The rule one value of a metric must meet, in words for messages. */
function ruleFor(metric: Pick<Metric, 'unit' | 'gate'>): { allowsZero: boolean; allowsNegative: boolean; says: string } {
  const kind = classifyUnit(metric.unit);
  if (kind === 'other') return { allowsZero: true, allowsNegative: true, says: '' };
  if (kind === 'amount') return { allowsZero: true, allowsNegative: false, says: `must be ≥ 0 (an amount in ${metric.unit})` };
  const what = kind === 'time' ? 'a time' : 'a rate';
  return metric.gate
    ? { allowsZero: false, allowsNegative: false, says: `must be > 0 (${what} that takes part in the gate)` }
    : { allowsZero: true, allowsNegative: false, says: `must be ≥ 0 (${what})` };
}

/**
 * Why a value breaks its metric's rule, or null when it is fine.
 * @param value the value
 * @param metric the metric's unit and gate flag
 * @returns a short reason, e.g. `-5 must be > 0 (a time that takes part in the gate)`
 */
export function checkValue(value: number, metric: Pick<Metric, 'unit' | 'gate'>): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${String(value)} is not a finite number`;
  const magnitude = Math.abs(value);
  if (magnitude > MAX_MAGNITUDE) return `${value} is out of range (the largest magnitude accepted is ${MAX_MAGNITUDE})`;
  if (magnitude !== 0 && magnitude < MIN_MAGNITUDE) return `${value} is out of range (the smallest magnitude accepted besides 0 is ${MIN_MAGNITUDE})`;
  const rule = ruleFor(metric);
  if (value === 0 && !rule.allowsZero) return `0 ${rule.says}`;
  if (value < 0 && !rule.allowsNegative) return `${value} ${rule.says}`;
  return null;
}

/** One problem found in a results object: where, and what. */
export interface ResultsProblem {
  /** A path into the results, such as `benchmarks[3].metrics[0].runs[2]`. */
  location: string;
  /** What is wrong, naming the benchmark and metric. */
  message: string;
}

/**
 * Finds the first value in a results object that no measurement can have. The checks, the same
 * for our runner's files, stored runs and every adapter's output:
 * - at least one benchmark; ids unique; metric names unique within a benchmark;
 * - a completed benchmark has at least one metric, and every metric at least one run;
 * - every value finite, with a magnitude of at most `MAX_MAGNITUDE` and, unless zero, at least
 *   `MIN_MAGNITUDE`, and of the sign its unit allows (see `UnitKind`);
 * - `iterations`, when present, has one positive integer per run; `samples`, when present, one
 *   non-empty array per run, each value meeting the rule of a metric outside the gate (a raw
 *   sample of a time may be 0, below the clock's resolution, but never negative);
 * - an aggregate's mean meets the rule, its standard deviation is ≥ 0 and its count ≥ 1.
 * Assumes the object already has the results schema's shape.
 * @param results the results
 * @returns the first problem, or null
 */
export function findResultsProblem(results: Results): ResultsProblem | null {
  // A shard's slice may be empty (more shards than benchmarks); a whole run with none is a mistake.
  if (results.benchmarks.length === 0 && results.shard === undefined) return { location: 'benchmarks', message: 'holds no benchmarks' };
  const ids = new Map<string, number>();
  for (let b = 0; b < results.benchmarks.length; b++) {
    const benchmark = results.benchmarks[b]!;
    const at = `benchmarks[${b}]`;
    const first = ids.get(benchmark.id);
    if (first !== undefined) {
      return { location: `${at}.id`, message: `benchmark '${benchmark.id}' appears twice (also benchmarks[${first}]); ids must be unique` };
    }
    ids.set(benchmark.id, b);
    if (benchmark.state === 'completed' && benchmark.metrics.length === 0) {
      return { location: `${at}.metrics`, message: `benchmark '${benchmark.id}' is completed but has no metrics` };
    }
    const names = new Set<string>();
    for (let m = 0; m < benchmark.metrics.length; m++) {
      const metric = benchmark.metrics[m]!;
      const where = `${at}.metrics[${m}]`;
      const named = `benchmark '${benchmark.id}', metric '${metric.name}'`;
      if (names.has(metric.name)) return { location: `${where}.name`, message: `${named} appears twice in the benchmark` };
      names.add(metric.name);
      const problem = findMetricProblem(metric, where, named);
      if (problem) return problem;
    }
  }
  return null;
}

function findMetricProblem(metric: Metric, where: string, named: string): ResultsProblem | null {
  const { runs } = metric;
  if (runs.length === 0) return { location: `${where}.runs`, message: `${named} has no runs` };
  for (let i = 0; i < runs.length; i++) {
    const reason = checkValue(runs[i]!, metric);
    if (reason) return { location: `${where}.runs[${i}]`, message: `${named}, run ${i + 1}: ${reason}` };
  }
  if (metric.iterations !== undefined) {
    if (metric.iterations.length !== runs.length) {
      return {
        location: `${where}.iterations`,
        message: `${named} has ${metric.iterations.length} iteration counts for ${runs.length} runs`,
      };
    }
    for (let i = 0; i < metric.iterations.length; i++) {
      const n = metric.iterations[i]!;
      if (!Number.isSafeInteger(n) || n < 1) {
        return { location: `${where}.iterations[${i}]`, message: `${named}, run ${i + 1}: iteration count must be a positive integer, got ${n}` };
      }
    }
  }
  if (metric.samples !== undefined) {
    if (metric.samples.length !== runs.length) {
      return { location: `${where}.samples`, message: `${named} has ${metric.samples.length} sample arrays for ${runs.length} runs` };
    }
    for (let i = 0; i < metric.samples.length; i++) {
      const samples = metric.samples[i]!;
      if (samples.length === 0) return { location: `${where}.samples[${i}]`, message: `${named}, run ${i + 1}: no samples` };
      for (let j = 0; j < samples.length; j++) {
        // A raw sample of a time may be 0: two clock readings within the clock's resolution.
        const reason = checkValue(samples[j]!, { unit: metric.unit, gate: false });
        if (reason) return { location: `${where}.samples[${i}][${j}]`, message: `${named}, run ${i + 1}, sample ${j + 1}: ${reason}` };
      }
    }
  }
  if (metric.observation === 'aggregate' && metric.aggregate === undefined) {
    return { location: `${where}.aggregate`, message: `${named} is an aggregate but gives no mean, stddev and count` };
  }
  if (metric.aggregate !== undefined) {
    const { mean, stddev, count } = metric.aggregate;
    const reason = checkValue(mean, metric);
    if (reason) return { location: `${where}.aggregate.mean`, message: `${named}, mean: ${reason}` };
    if (!Number.isFinite(stddev) || stddev < 0 || stddev > MAX_MAGNITUDE) {
      return { location: `${where}.aggregate.stddev`, message: `${named}: standard deviation must be a finite number ≥ 0, got ${stddev}` };
    }
    if (!Number.isSafeInteger(count) || count < 1) {
      return { location: `${where}.aggregate.count`, message: `${named}: count must be a positive integer, got ${count}` };
    }
  }
  return null;
}

/**
 * Throws a `FormatError` naming the file, the benchmark, the metric and the field of the first
 * problem `findResultsProblem` finds, after refusing more than `MAX_BENCHMARKS` benchmarks.
 * @param results the results
 * @param file the file they came from
 * @param suffix words added to the message, e.g. `after conversion` for an adapter's output
 * @throws FormatError when a value is impossible
 */
export function validateResults(results: Results, file: string, suffix = ''): void {
  checkBenchmarkCount(results.benchmarks.length, file);
  const problem = findResultsProblem(results);
  if (problem) throw new FormatError(file, suffix ? `${problem.message} ${suffix}` : problem.message, problem.location);
}
