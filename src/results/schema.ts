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

export const BenchmarkSchema = z.discriminatedUnion('state', [
  CompletedBenchmarkSchema,
  ErroredBenchmarkSchema,
]);
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

/** The one results shape that runner, adapters, compare, baseline and report share. */
export const ResultsSchema = z.object({
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
export type Results = z.infer<typeof ResultsSchema>;
