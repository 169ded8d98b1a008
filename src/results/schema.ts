import { z } from 'zod';

/** The schema tag every results file carries; a reader refuses any other. */
export const RESULTS_SCHEMA = 'benchgate/results@1';

/** Which way a metric improves. */
export const DirectionSchema = z.enum(['smaller', 'bigger']);
export type Direction = z.infer<typeof DirectionSchema>;

/**
 * What one entry of `runs` is.
 * - `process`: one fresh process run of the suite (an independent observation of the machine).
 * - `sample`: one within-process sample of a tool that reports many per process (criterion, hyperfine).
 *   These are not independent runs: compare treats the whole set as one job (see README).
 * - `single`: the tool reported one value for the whole job; no test is possible without history.
 * - `aggregate`: only summary statistics were reported (`aggregate` holds them).
 */
export const ObservationSchema = z.enum(['process', 'sample', 'single', 'aggregate']);
export type Observation = z.infer<typeof ObservationSchema>;

const finite = z.number().finite();

/** Summary statistics a tool reports when it keeps no per-run values. */
export const AggregateSchema = z.object({
  mean: finite,
  stddev: finite.nonnegative(),
  count: z.number().int().positive(),
});
export type Aggregate = z.infer<typeof AggregateSchema>;

/** One measured quantity of one benchmark, with one value per observation. */
export const MetricSchema = z.object({
  name: z.string().min(1),
  unit: z.string().min(1),
  direction: DirectionSchema,
  /** Whether this metric takes part in the gate unless the config says otherwise. */
  gate: z.boolean(),
  observation: ObservationSchema,
  runs: z.array(finite),
  /** Iterations measured in each run, when the producer counts them. */
  iterations: z.array(z.number().int().nonnegative()).optional(),
  /** Raw per-iteration samples, one array per run, when the producer kept them. */
  samples: z.array(z.array(finite)).optional(),
  aggregate: AggregateSchema.optional(),
});
export type Metric = z.infer<typeof MetricSchema>;

const benchmarkBase = {
  /** `<suite>/<task>`, stable across variants and runs. */
  id: z.string().min(1),
};

/** A benchmark whose every run completed. */
export const CompletedBenchmarkSchema = z.object({
  ...benchmarkBase,
  state: z.literal('completed'),
  metrics: z.array(MetricSchema),
});

/** A benchmark that threw or did not complete in at least one run; its metrics are not compared. */
export const ErroredBenchmarkSchema = z.object({
  ...benchmarkBase,
  state: z.literal('errored'),
  error: z.string(),
  metrics: z.array(MetricSchema),
});

export const BenchmarkSchema = z.discriminatedUnion('state', [CompletedBenchmarkSchema, ErroredBenchmarkSchema]);
export type Benchmark = z.infer<typeof BenchmarkSchema>;

/** The machine a set of results was measured on; compare warns when two differ. */
export const EnvironmentSchema = z.object({
  cpuModel: z.string(),
  cores: z.number().int().nonnegative(),
  os: z.string(),
  arch: z.string(),
  node: z.string(),
  /** `ImageOS`/`ImageVersion` on GitHub-hosted runners, else null. */
  runnerImage: z.string().nullable(),
});
export type Environment = z.infer<typeof EnvironmentSchema>;

/** One side's results without the shard identity: the header and the benchmarks. */
export const ResultsCoreSchema = z.object({
  schema: z.literal(RESULTS_SCHEMA),
  /** The producer: `benchgate` for our runner, else the adapter's tool name. */
  tool: z.string().min(1),
  commit: z.string().nullable(),
  ref: z.string().nullable(),
  createdAt: z.iso.datetime(),
  /** The seed the runner shuffled task order with, so a run can be reproduced. */
  seed: z.number().int().nullable(),
  environment: EnvironmentSchema,
  benchmarks: z.array(BenchmarkSchema),
});
export type ResultsCore = z.infer<typeof ResultsCoreSchema>;

/** A settings value recorded with a shard: what every shard of one run must share. */
export const ShardSettingSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * Which part of a sharded run (`shard: i/n`) a results file holds. `benchgate merge` checks that
 * every shard of one run is there exactly once, with the same count, commits and settings.
 */
export const ShardSchema = z.object({
  /** 1-based. */
  index: z.number().int().positive(),
  count: z.number().int().positive(),
  /** The workflow run (`GITHUB_RUN_ID`) that measured it, or null outside GitHub Actions. */
  runId: z.string().nullable(),
  /** `stored`: compared with a stored baseline after the merge; `same-runner`: `base` holds the base side, measured on the same runner in the same rounds. */
  design: z.enum(['stored', 'same-runner']),
  /** The measuring settings (suites, filter, time, runs, tool, …) every shard of the run must share. */
  settings: z.record(z.string(), ShardSettingSchema),
  /** Every benchmark id this shard was assigned (its slice of the suite), sorted. */
  assigned: z.array(z.string()),
  /** The same-runner design: the base side, round-aligned with the head (this file's benchmarks). */
  base: ResultsCoreSchema.optional(),
});
export type Shard = z.infer<typeof ShardSchema>;

/**
 * The one results shape that runner, adapters, compare, baseline and report share. `shard` is
 * present only in the output of a shard job (`shard: i/n`); files without it are whole runs.
 */
export const ResultsSchema = ResultsCoreSchema.extend({
  shard: ShardSchema.optional(),
});
export type Results = z.infer<typeof ResultsSchema>;
