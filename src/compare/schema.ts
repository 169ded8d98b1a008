import { z } from 'zod';
import { DirectionSchema, EnvironmentSchema, ObservationSchema } from '../results/schema.ts';

/** The schema tag of the report JSON that `benchgate compare` and the action write. */
export const REPORT_SCHEMA = 'benchgate/report@1';

/**
 * What a comparison concluded.
 * - `regressed` / `improved`: significant after Holm adjustment and the change passes `threshold`.
 * - `unchanged`: no significant change, or a significant one whose interval lies inside ±threshold.
 * - `inconclusive`: cannot tell (too few runs, or significant but the interval straddles the threshold).
 * - `new` / `missing`: only the current / only the baseline side has the benchmark.
 * - `errored`: either side's benchmark errored.
 */
export const VerdictSchema = z.enum([
  'regressed',
  'improved',
  'unchanged',
  'inconclusive',
  'new',
  'missing',
  'errored',
]);
export type Verdict = z.infer<typeof VerdictSchema>;

/** Quality concerns that do not change the verdict by themselves but are shown to the reader. */
export const QualityFlagSchema = z.object({
  kind: z.enum(['high-cv', 'outliers', 'fingerprint-mismatch', 'few-runs', 'not-independent', 'single-value']),
  side: z.enum(['baseline', 'current', 'both']),
  message: z.string(),
});
export type QualityFlag = z.infer<typeof QualityFlagSchema>;

/** One side of a comparison. */
export const SideSummarySchema = z.object({
  runs: z.number().int().nonnegative(),
  /** Median of the runs. */
  center: z.number().nullable(),
  /** Coefficient of variation of the runs, null with fewer than 2. */
  cv: z.number().nullable(),
  observation: ObservationSchema,
});
export type SideSummary = z.infer<typeof SideSummarySchema>;

/**
 * The change, as ratios. `ratio` is current / baseline of the metric (the Hodges–Lehmann
 * estimate by default). `metric` is `ratio - 1`. `throughput` is how work per unit time moves:
 * `1 / ratio - 1` for a smaller-is-better metric, `ratio - 1` for a bigger-is-better one.
 * A 25% latency rise is `metric = 0.25`, `throughput = -0.2`.
 */
export const ChangeSchema = z.object({
  ratio: z.number(),
  metric: z.number(),
  throughput: z.number(),
});
export type Change = z.infer<typeof ChangeSchema>;

/** The confidence interval of the change, in the same three forms as `Change`. */
export const IntervalSchema = z.object({
  /**
   * `noise-floor`: within-process samples, whose within-job interval is widened by the assumed
   * job-to-job noise floor (`CompareOptions.jobNoiseFloor`); `history`: widened by the spread of
   * the base branch's stored jobs.
   */
  method: z.enum(['hodges-lehmann', 'bootstrap', 'welch', 'history', 'noise-floor', 'exact']),
  level: z.number(),
  ratio: z.tuple([z.number(), z.number()]),
  metric: z.tuple([z.number(), z.number()]),
  /** Ordered low to high, like the others. */
  throughput: z.tuple([z.number(), z.number()]),
});
export type Interval = z.infer<typeof IntervalSchema>;

/** p values of the one-sided tests ("worse" and "better") and their Holm-adjusted values. */
export const PValuesSchema = z.object({
  /**
   * `history`: the larger of the within-job p and the job-to-job p (both must reject);
   * `noise-floor`: a normal test with the assumed job-to-job noise floor;
   * `exact-permutation`: both sides constant, the exact Mann–Whitney tail of complete separation.
   */
  test: z.enum(['mann-whitney', 'welch', 'history', 'noise-floor', 'exact-permutation']),
  twoSided: z.number(),
  worse: z.number(),
  better: z.number(),
  worseAdjusted: z.number(),
  betterAdjusted: z.number(),
});
export type PValues = z.infer<typeof PValuesSchema>;

/**
 * The noise model that decided a tested comparison (README "Across jobs: the job-to-job noise
 * term"): `within-job` (both sides from one job, a deterministic metric, or values ≤ 0),
 * `history` (σ_job, log scale, estimated robustly from `jobs` stored jobs; `df` of its t
 * reference) or `prior-floor` (σ_job assumed, `CompareOptions.jobNoiseFloor`). `baselineSd`: the
 * baseline was an odd job, this far (log scale) from the history's median, and that was taken as
 * its own σ. `limitedByJobNoise`: the interval straddles the threshold and the job term alone
 * reaches it, so more runs per job cannot settle it and the same-runner design
 * (`compare-with: base`) can.
 */
export const NoiseModelSchema = z.discriminatedUnion('model', [
  z.object({ model: z.literal('within-job') }),
  z.object({
    model: z.literal('history'),
    jobs: z.number().int().positive(),
    sd: z.number().nonnegative(),
    df: z.number().positive(),
    baselineSd: z.number().nonnegative().nullable(),
    limitedByJobNoise: z.boolean(),
  }),
  z.object({ model: z.literal('prior-floor'), sd: z.number().nonnegative(), limitedByJobNoise: z.boolean() }),
]);
export type NoiseModel = z.infer<typeof NoiseModelSchema>;

/** One benchmark metric compared across the two sides. */
export const ComparisonSchema = z.object({
  id: z.string(),
  metric: z.string(),
  unit: z.string(),
  direction: DirectionSchema,
  /** Whether this comparison counts toward the gate (config overrides applied). */
  gate: z.boolean(),
  verdict: VerdictSchema,
  /** One sentence on why the verdict is what it is. */
  reason: z.string(),
  baseline: SideSummarySchema.nullable(),
  current: SideSummarySchema.nullable(),
  change: ChangeSchema.nullable(),
  interval: IntervalSchema.nullable(),
  p: PValuesSchema.nullable(),
  /** The relative worsening that counts as a regression, e.g. 0.05. */
  threshold: z.number(),
  alpha: z.number(),
  flags: z.array(QualityFlagSchema),
  /** For `inconclusive`: the runs per side estimated to settle it, when that can be estimated. */
  runsNeeded: z.number().int().nullable(),
  /** For `errored`: which side errored and its message (optional, added after report@1 was first drafted). */
  error: z
    .object({ side: z.enum(['baseline', 'current', 'both']), message: z.string() })
    .optional(),
  /** Stored base-branch jobs whose spread widened this comparison (0 or absent when none). */
  historyJobs: z.number().int().nonnegative().optional(),
  /** The noise model that decided it, when a test ran. */
  noise: NoiseModelSchema.optional(),
});
export type Comparison = z.infer<typeof ComparisonSchema>;

/** Where a set of results came from, as the report names it. */
export const SideInfoSchema = z.object({
  tool: z.string(),
  commit: z.string().nullable(),
  ref: z.string().nullable(),
  createdAt: z.string(),
  environment: EnvironmentSchema,
  seed: z.number().int().nullable(),
});
export type SideInfo = z.infer<typeof SideInfoSchema>;

/** How the baseline was chosen; filled by the baseline store, `null` when given on the command line. */
export const BaselineChoiceSchema = z.object({
  method: z.enum(['merge-base', 'ancestor', 'latest-on-branch', 'file', 'explicit']),
  commit: z.string().nullable(),
  date: z.string().nullable(),
  branch: z.string().nullable(),
  /** One sentence for the report, e.g. "newest stored run at the merge base a1b2c3d on main". */
  description: z.string(),
  /** Stored runs on the base branch whose spread was used for job-to-job noise (0 when none). */
  historyRuns: z.number().int().nonnegative(),
});
export type BaselineChoice = z.infer<typeof BaselineChoiceSchema>;

/** The options that produced a report, recorded so it can be reproduced. */
export const CompareSettingsSchema = z.object({
  threshold: z.number(),
  alpha: z.number(),
  interval: z.enum(['hodges-lehmann', 'bootstrap']),
  confidence: z.number(),
  seed: z.number().int(),
  /** Bootstrap resamples, when `interval` is `bootstrap`. */
  resamples: z.number().int().positive().optional(),
  /** Assumed job-to-job noise (log-scale standard deviation) for within-process samples without history. */
  jobNoiseFloor: z.number().nonnegative().optional(),
  /** Stored jobs needed before history widens a comparison. */
  minHistoryJobs: z.number().int().positive().optional(),
  failOn: z.enum(['regression', 'inconclusive', 'never']).optional(),
  fingerprintMismatch: z.enum(['warn', 'ignore', 'advisory']).optional(),
});
export type CompareSettings = z.infer<typeof CompareSettingsSchema>;

/** Counts per verdict. */
export const SummarySchema = z.record(VerdictSchema, z.number().int().nonnegative());
export type Summary = z.infer<typeof SummarySchema>;

/** Whether the gate fails, and the one-line reasons. */
export const GateSchema = z.object({
  failed: z.boolean(),
  reasons: z.array(z.string()),
  /** One-line notes that did not fail the gate (e.g. a regression measured on a different machine under `advisory`). */
  warnings: z.array(z.string()).optional(),
});
export type Gate = z.infer<typeof GateSchema>;

/** The `benchgate/report@1` file: everything the comment, the outputs and the gate read. */
export const ReportSchema = z.object({
  schema: z.literal(REPORT_SCHEMA),
  benchmarkSet: z.string(),
  /** `null` with no baseline: then every comparison is `new` and the gate does not fail. */
  baseline: SideInfoSchema.nullable(),
  baselineChoice: BaselineChoiceSchema.nullable(),
  current: SideInfoSchema,
  settings: CompareSettingsSchema,
  comparisons: z.array(ComparisonSchema),
  summary: SummarySchema,
  gate: GateSchema,
  /** The CLI command that reproduces this comparison locally. */
  reproduce: z.string(),
});
export type Report = z.infer<typeof ReportSchema>;
