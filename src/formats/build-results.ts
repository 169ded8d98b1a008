import { formatPath } from '../results/parse-results.ts';
import type { Benchmark, Direction, Environment, Metric, Observation, Results } from '../results/schema.ts';
import { RESULTS_SCHEMA, ResultsSchema } from '../results/schema.ts';
import { checkBenchmarkCount, validateResults } from '../results/validate-results.ts';
import { FormatError } from './format-error.ts';
import { UNKNOWN_ENVIRONMENT, UNKNOWN_TIME, type FormatInput } from './format-input.ts';

/** What a tool's own output says about when and where it ran, used when the caller does not say. */
export interface ToolFacts {
  createdAt?: string | undefined;
  environment?: Environment | undefined;
}

function toIsoTime(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

/**
 * Wraps parsed benchmarks into a validated `benchgate/results@1` object. Validation here is the
 * last line of defence, and the same one `parseResults` applies to benchgate's own files: the
 * schema, then `validateResults` (unique ids, non-empty runs, iterations consistent with runs,
 * every value finite, in range and of the sign its unit allows). Anything a parser let through
 * that these refuse becomes a `FormatError` naming the benchmark, metric and field.
 * @param tool the adapter's tool name
 * @param input what was parsed (its path and caller-supplied meta)
 * @param benchmarks the parsed benchmarks
 * @param facts the tool's own date and machine description, when it has them
 */
export function buildResults(tool: string, input: FormatInput, benchmarks: Benchmark[], facts: ToolFacts = {}): Results {
  checkBenchmarkCount(benchmarks.length, input.path);
  const meta = input.meta ?? {};
  const results = {
    schema: RESULTS_SCHEMA,
    tool,
    commit: meta.commit ?? null,
    ref: meta.ref ?? null,
    createdAt: toIsoTime(meta.createdAt) ?? toIsoTime(facts.createdAt) ?? UNKNOWN_TIME,
    seed: null,
    environment: meta.environment ?? facts.environment ?? UNKNOWN_ENVIRONMENT,
    benchmarks,
  };
  const parsed = ResultsSchema.safeParse(results);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new FormatError(input.path, `${issue.message} after conversion`, formatPath(issue.path));
  }
  validateResults(parsed.data, input.path);
  return parsed.data;
}

/** Fields of a metric other than its name, unit and values. */
export interface MetricOptions {
  direction: Direction;
  gate: boolean;
  observation: Observation;
}

/**
 * Makes a metric, refusing values that are not finite after unit conversion.
 * @param file for messages
 * @param location where the values came from, for messages
 */
export function makeMetric(name: string, unit: string, runs: number[], options: MetricOptions, file: string, location: string): Metric {
  const bad = runs.findIndex((value) => !Number.isFinite(value));
  if (bad >= 0) throw new FormatError(file, `value ${runs[bad]} of '${name}' is out of range after conversion to ${unit}`, location);
  return { name, unit, direction: options.direction, gate: options.gate, observation: options.observation, runs };
}

/** One number a tool reported, with its name and where it stands, for messages. */
export interface ReportedNumber {
  value: number;
  name: string;
  location: string;
}

/**
 * Makes a smaller-is-better time metric from the only summary a tool gave: its mean, standard
 * deviation and count. Refuses a count that is not a positive integer and a standard deviation
 * that is negative or not finite, naming the field.
 * @param file for messages
 */
export function makeAggregateMetric(
  name: string,
  unit: string,
  mean: ReportedNumber,
  stddev: ReportedNumber,
  count: ReportedNumber,
  gate: boolean,
  file: string,
): Metric {
  if (!Number.isSafeInteger(count.value) || count.value < 1) {
    throw new FormatError(file, `${count.name} must be a positive integer, got ${count.value}`, count.location);
  }
  if (!Number.isFinite(stddev.value) || stddev.value < 0) {
    throw new FormatError(file, `${stddev.name} must be a finite number ≥ 0, got ${stddev.value}`, stddev.location);
  }
  const metric = makeMetric(name, unit, [mean.value], { direction: 'smaller', gate, observation: 'aggregate' }, file, mean.location);
  metric.aggregate = { mean: mean.value, stddev: stddev.value, count: count.value };
  return metric;
}

/** `process` when a benchmark was seen in several runs, `single` when once. */
export function repeatedObservation(count: number): Observation {
  return count > 1 ? 'process' : 'single';
}

/** Groups items by a key, keeping first-seen order of keys and the order of items. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The text of a file input, or a `FormatError` when a folder was given to a file format. */
export function fileText(input: FormatInput, tool: string): string {
  if (input.kind === 'folder') {
    throw new FormatError(input.path, `the '${tool}' format reads one file, but a folder was given`);
  }
  return input.text;
}
