import { z } from 'zod';
import { ShardProblemSchema } from '../results/merge-shards.ts';
import { DirectionSchema, EnvironmentSchema, ObservationSchema } from '../results/schema.ts';
import { FINGERPRINT_FIELDS } from './fingerprint.ts';

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
   * `exact-permutation`: both sides constant, the exact Mann–Whitney tail of complete separation
   * (paired rounds: the exact sign-flip tail 2⁻ⁿ);
   * `signed-rank`: paired rounds, the Wilcoxon signed-rank test of the per-round log ratios.
   */
  test: z.enum(['mann-whitney', 'welch', 'history', 'noise-floor', 'exact-permutation', 'signed-rank']),
  twoSided: z.number(),
  worse: z.number(),
  better: z.number(),
  worseAdjusted: z.number(),
  betterAdjusted: z.number(),
});
export type PValues = z.infer<typeof PValuesSchema>;

/**
 * One look of a sequential (adaptive) comparison. `alpha` and `confidence` are this look's
 * nominal test level and interval level, spent from the comparison's `alpha` and the interval
 * level over at most `maxLooks` looks, so that stopping at any look keeps the error rates.
 */
export const SequentialLookSchema = z.object({
  look: z.number().int().positive(),
  maxLooks: z.number().int().positive(),
  spending: z.enum(['pocock', 'obrien-fleming']),
  alpha: z.number(),
  confidence: z.number(),
});
export type SequentialLook = z.infer<typeof SequentialLookSchema>;

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
  /**
   * How the two sides were measured: `independent` (a stored baseline from another job; absent
   * means this) or `paired` (base and head measured in interleaved rounds of one job, compared
   * round by round).
   */
  design: z.enum(['independent', 'paired']).optional(),
  /** Paired rounds with adaptive sampling: which look this is and the levels spent on it (see `lookAlpha`). */
  sequential: SequentialLookSchema.optional(),
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

/**
 * How the baseline was chosen; filled by the baseline store, `null` when given on the command line.
 * `same-runner`: the base commit was measured in this job, interleaved with the current one
 * (`compare-with: base`); `commit` is that base commit.
 */
export const BaselineChoiceSchema = z.object({
  method: z.enum(['merge-base', 'ancestor', 'latest-on-branch', 'file', 'explicit', 'same-runner']),
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
  /** Present when the current side was merged from shard jobs (`mode: merge`). */
  shards: z
    .object({
      count: z.number().int().positive(),
      /** The shard indexes merged, ascending; fewer than `count` when some are missing or refused. */
      merged: z.array(z.number().int().positive()),
      /** What kept shards out of the merge; empty when it is complete. */
      problems: z.array(ShardProblemSchema),
      /** Shards whose machine differs from the first merged shard's (stored design), as `diffFingerprints` sees it. */
      environments: z.array(z.object({ index: z.number().int().positive(), differences: z.array(z.object({ field: z.enum(FINGERPRINT_FIELDS), baseline: z.string(), current: z.string() })) })),
    })
    .optional(),
});
export type Report = z.infer<typeof ReportSchema>;
