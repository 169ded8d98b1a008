import { z } from 'zod';
import { ShardProblemSchema } from '../results/merge-shards.ts';
import { DirectionSchema, EnvironmentSchema, ObservationSchema } from '../results/schema.ts';
import { FINGERPRINT_FIELDS } from './fingerprint.ts';

/**
 * The schema tag of the report JSON that `benchgate compare` and the action write. `@2` made
 * comparisons a union on `verdict` with structured reasons and flags, and the gate structured.
 */
export const REPORT_SCHEMA = 'benchgate/report@2';

/** Report schema tags this benchgate recognises but no longer reads (named in the error). */
export const OLD_REPORT_SCHEMAS: readonly string[] = ['benchgate/report@1'];

/**
 * One environment field that differs between the two sides in a way that affects timings.
 * `baseline` and `current` are the two values as text (the Node major version for `node`).
 */
export const FingerprintDifferenceSchema = z.object({
  field: z.enum(['cpuModel', 'cores', 'node']),
  baseline: z.string(),
  current: z.string(),
});
export type FingerprintDifference = z.infer<typeof FingerprintDifferenceSchema>;

/**
 * What a comparison concluded.
 * - `regressed` / `improved`: significant after Holm adjustment and the change passes `threshold`.
 * - `unchanged`: no significant change, or a significant one whose interval lies inside ±threshold.
 * - `inconclusive`: cannot tell (too few runs, or significant but the interval straddles the threshold).
 * - `new` / `missing`: only the current / only the baseline side has the benchmark.
 * - `errored`: either side's benchmark errored.
 */
export const VerdictSchema = z.enum(['regressed', 'improved', 'unchanged', 'inconclusive', 'new', 'missing', 'errored']);
export type Verdict = z.infer<typeof VerdictSchema>;

/** Which side of a comparison a quality flag or an error concerns. */
export const SideNameSchema = z.enum(['baseline', 'current', 'both']);
export type SideName = z.infer<typeof SideNameSchema>;

/**
 * Quality concerns that do not change the verdict by themselves but are shown to the reader.
 * Data only: the report writes the words.
 * - `high-cv`: a side's coefficient of variation (in its `SideSummary`) exceeds the threshold.
 * - `outliers`: process runs outside Tukey's fences with multiplier `fence`, counted per side.
 * - `few-runs`: `below-two` (fewer than 2 runs on `side`), or `rank-floor` (with these run counts
 *   the rank test's smallest p is not below alpha).
 * - `fingerprint-mismatch`: the machines differ in `differences`.
 * - `not-independent`: within-process samples, compared as one job per side.
 * - `single-value`: the tool reported one value (or only summary statistics) per job.
 */
export const QualityFlagSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('high-cv'), side: SideNameSchema }),
  z.object({
    kind: z.literal('outliers'),
    side: SideNameSchema,
    baseline: z.number().int().nonnegative(),
    current: z.number().int().nonnegative(),
    fence: z.number(),
  }),
  z.object({ kind: z.literal('few-runs'), side: SideNameSchema, cause: z.enum(['below-two', 'rank-floor']) }),
  z.object({ kind: z.literal('fingerprint-mismatch'), side: SideNameSchema, differences: z.array(FingerprintDifferenceSchema) }),
  z.object({ kind: z.literal('not-independent'), side: SideNameSchema }),
  z.object({ kind: z.literal('single-value'), side: SideNameSchema }),
]);
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
   * `mann-whitney`: the rank test on the runs alone (both sides from one job, or values ≤ 0);
   * `mann-whitney-and-history`: the larger of the rank test's p on the runs and the p of the
   * combined test t = shift / √(se_w² + 2·σ_job²) with σ_job from stored jobs (both must reject);
   * `mann-whitney-and-noise-floor`: the same with σ_job the prior floor and a normal reference;
   * `history`: the combined test alone (within-process samples, or one value per job: centers only);
   * `noise-floor`: the combined test alone with the prior floor (within-process samples);
   * `exact-permutation`: both sides constant, the exact Mann–Whitney tail of complete separation
   * (paired rounds: the exact sign-flip tail 2⁻ⁿ);
   * `signed-rank`: paired rounds, the Wilcoxon signed-rank test of the per-round log ratios.
   */
  test: z.enum([
    'mann-whitney',
    'welch',
    'mann-whitney-and-history',
    'mann-whitney-and-noise-floor',
    'history',
    'noise-floor',
    'exact-permutation',
    'signed-rank',
  ]),
  twoSided: z.number(),
  worse: z.number(),
  better: z.number(),
  worseAdjusted: z.number(),
  betterAdjusted: z.number(),
  /** `signed-rank`: paired rounds whose two values were equal, left out of the test (R's rule for zeros). */
  droppedRounds: z.number().int().nonnegative().optional(),
});
export type PValues = z.infer<typeof PValuesSchema>;

/**
 * The noise model that decided a tested comparison (README "Across jobs: the job-to-job noise
 * term"): `within-job` (both sides from one job, a deterministic metric, or values ≤ 0),
 * `history` (σ_job, log scale, estimated robustly from `jobs` stored jobs; `df`: the degrees of
 * freedom of that estimate, which the t reference combines with the runs', Welch–Satterthwaite)
 * or `prior-floor` (σ_job assumed, `CompareOptions.jobNoiseFloor`). `baselineSd`: the baseline
 * was an odd job, this far (log scale) from the history's median, and that was taken as its own σ
 * on the side it could fake (a fast baseline: the regression side). `limitedByJobNoise`: the interval straddles the threshold and the job term alone
 * reaches it, so more runs per job cannot settle it and the same-runner design
 * (`compare-with: base`) can. `precedent` (absent in older reports): how many stored jobs lay at
 * least as far from the history's median as the current job, in the change's direction; from
 * `MIN_PRECEDENT_JOBS` (2) on, the p value is at least (precedent + 1) / (jobs + 1).
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
    precedent: z.number().int().nonnegative().optional(),
  }),
  z.object({ model: z.literal('prior-floor'), sd: z.number().nonnegative(), limitedByJobNoise: z.boolean() }),
]);
export type NoiseModel = z.infer<typeof NoiseModelSchema>;

/** Which one-sided test was significant, for reasons that depend on it. */
export const SignificantSchema = z.enum(['worse', 'better']);

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

/** The fields every comparison has. */
const comparisonFields = {
  id: z.string(),
  metric: z.string(),
  unit: z.string(),
  direction: DirectionSchema,
  /** Whether this comparison counts toward the gate (config overrides applied). */
  gate: z.boolean(),
  /** The relative worsening that counts as a regression, e.g. 0.05. */
  threshold: z.number(),
  alpha: z.number(),
  flags: z.array(QualityFlagSchema),
  /**
   * How the two sides were measured: `independent` (a stored baseline from another job; absent
   * means this) or `paired` (base and head measured in interleaved rounds of one job, compared
   * round by round).
   */
  design: z.enum(['independent', 'paired']).optional(),
  /** Paired rounds with adaptive sampling: which look this is and the levels spent on it (see `lookAlpha`). */
  sequential: SequentialLookSchema.optional(),
};

/** The fields of a comparison whose both sides were measured and tested. */
const testedFields = {
  ...comparisonFields,
  baseline: SideSummarySchema,
  current: SideSummarySchema,
  /** Null when a relative change is undefined (a side ≤ 0). */
  change: ChangeSchema.nullable(),
  interval: IntervalSchema.nullable(),
  p: PValuesSchema,
  noise: NoiseModelSchema,
};

/**
 * Significantly worse (or better) and the whole interval beyond the threshold (`beyond-threshold`),
 * or a constant 0 baseline against a higher current side (`from-zero`: no ratio exists, and any rise
 * exceeds any threshold).
 */
export const RegressedSchema = z.object({
  ...testedFields,
  verdict: z.literal('regressed'),
  reason: z.object({ cause: z.enum(['beyond-threshold', 'from-zero']) }),
});
/** The mirror of `RegressedSchema`. */
export const ImprovedSchema = z.object({
  ...testedFields,
  verdict: z.literal('improved'),
  reason: z.object({ cause: z.enum(['beyond-threshold', 'from-zero']) }),
});
/**
 * `not-significant`: neither one-sided test rejects; `within-threshold`: one does (`significant`),
 * but the whole interval lies inside ±threshold.
 */
export const UnchangedSchema = z.object({
  ...testedFields,
  verdict: z.literal('unchanged'),
  reason: z.discriminatedUnion('cause', [
    z.object({ cause: z.literal('not-significant') }),
    z.object({ cause: z.literal('within-threshold'), significant: SignificantSchema }),
  ]),
});

/**
 * Why a comparison could not be decided.
 * - `straddles-threshold`: significant, but the interval reaches both sides of the threshold;
 *   `runsNeeded` runs per side would likely settle it (null: more runs per job will not).
 * - `underpowered`: the whole interval is beyond ±threshold but the test cannot reach alpha with
 *   these runs; `runsNeeded` is the run count per side at which complete separation would.
 * - `no-relative-change`: significant, but values ≤ 0 give no ratio to hold against the threshold.
 * - `untestable`: fewer than 2 runs on a side, or one value per job (`oneValuePerJob`), and fewer
 *   than `minHistoryJobs` stored jobs of history: no test is possible.
 * - `incomparable`: the unit or direction changed between the sides (the baseline's are given).
 */
export const InconclusiveReasonSchema = z.discriminatedUnion('cause', [
  z.object({ cause: z.literal('straddles-threshold'), significant: SignificantSchema, runsNeeded: z.number().int().positive().nullable() }),
  z.object({ cause: z.literal('underpowered'), fromZero: z.boolean(), runsNeeded: z.number().int().positive().nullable() }),
  z.object({ cause: z.literal('no-relative-change'), significant: SignificantSchema }),
  z.object({ cause: z.literal('untestable'), oneValuePerJob: z.boolean(), minHistoryJobs: z.number().int().positive() }),
  z.object({ cause: z.literal('incomparable'), baselineUnit: z.string(), baselineDirection: DirectionSchema }),
]);
export type InconclusiveReason = z.infer<typeof InconclusiveReasonSchema>;

/** Cannot tell; `reason` says why. `p` and `noise` are null when no test ran. */
export const InconclusiveSchema = z.object({
  ...comparisonFields,
  verdict: z.literal('inconclusive'),
  reason: InconclusiveReasonSchema,
  baseline: SideSummarySchema,
  current: SideSummarySchema,
  change: ChangeSchema.nullable(),
  interval: IntervalSchema.nullable(),
  p: PValuesSchema.nullable(),
  noise: NoiseModelSchema.nullable(),
});
/** Only the current side has it: `no-baseline` (nothing is stored yet) or `added` (new benchmark metric). */
export const NewSchema = z.object({
  ...comparisonFields,
  verdict: z.literal('new'),
  reason: z.object({ cause: z.enum(['no-baseline', 'added']) }),
  baseline: z.null(),
  current: SideSummarySchema,
});
/** Only the baseline has it (removed, renamed or filtered out). */
export const MissingSchema = z.object({
  ...comparisonFields,
  verdict: z.literal('missing'),
  reason: z.object({ cause: z.literal('not-in-current') }),
  baseline: SideSummarySchema,
  current: z.null(),
});
/** The benchmark errored on `side`; `message` is the benchmark's own error text (joined when both). */
export const ErroredSchema = z.object({
  ...comparisonFields,
  verdict: z.literal('errored'),
  reason: z.object({ cause: z.literal('errored'), side: SideNameSchema, message: z.string() }),
  baseline: SideSummarySchema.nullable(),
  current: SideSummarySchema.nullable(),
});

/**
 * One benchmark metric compared across the two sides: a union on `verdict`, each with its
 * structured `reason` (numbers and enums; the report writes the sentences).
 */
export const ComparisonSchema = z.discriminatedUnion('verdict', [
  RegressedSchema,
  ImprovedSchema,
  UnchangedSchema,
  InconclusiveSchema,
  NewSchema,
  MissingSchema,
  ErroredSchema,
]);
export type Comparison = z.infer<typeof ComparisonSchema>;
/** A comparison of one verdict, e.g. `ComparisonOf<'regressed'>`. */
export type ComparisonOf<V extends Verdict> = Extract<Comparison, { verdict: V }>;
/** A comparison that ran a test: regressed, improved, unchanged. */
export type TestedComparison = ComparisonOf<'regressed' | 'improved' | 'unchanged'>;

/**
 * The change of a comparison, when it has one (errored, new and missing have none).
 * @param comparison any comparison
 * @returns its `change`, or null
 */
export function changeOf(comparison: Comparison): Change | null {
  return 'change' in comparison ? comparison.change : null;
}

/**
 * The interval of a comparison's change, when it has one.
 * @param comparison any comparison
 * @returns its `interval`, or null
 */
export function intervalOf(comparison: Comparison): Interval | null {
  return 'interval' in comparison ? comparison.interval : null;
}

/**
 * The p values of a comparison, when a test ran.
 * @param comparison any comparison
 * @returns its `p`, or null
 */
export function pValuesOf(comparison: Comparison): PValues | null {
  return 'p' in comparison ? comparison.p : null;
}

/**
 * The noise model that decided a comparison, when a test ran.
 * @param comparison any comparison
 * @returns its `noise`, or null
 */
export function noiseOf(comparison: Comparison): NoiseModel | null {
  return 'noise' in comparison ? comparison.noise : null;
}

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

/** The options that produced a report, recorded so it can be reproduced and stated in the footer. */
export const CompareSettingsSchema = z.object({
  threshold: z.number(),
  alpha: z.number(),
  interval: z.enum(['hodges-lehmann', 'bootstrap']),
  confidence: z.number(),
  seed: z.number().int(),
  /** Bootstrap resamples, when `interval` is `bootstrap`. */
  resamples: z.number().int().positive().optional(),
  /** Assumed job-to-job noise (log-scale standard deviation) when history is too short. */
  jobNoiseFloor: z.number().nonnegative(),
  /** Stored jobs needed before history gives the job-to-job noise. */
  minHistoryJobs: z.number().int().positive(),
  failOn: z.enum(['regression', 'inconclusive', 'never']),
  fingerprintMismatch: z.enum(['warn', 'ignore', 'advisory']),
});
export type CompareSettings = z.infer<typeof CompareSettingsSchema>;

/** Counts per verdict; every verdict is present. */
export const VerdictCountsSchema = z.record(VerdictSchema, z.number().int().nonnegative());
export type VerdictCounts = z.infer<typeof VerdictCountsSchema>;

/**
 * Counts per verdict. `gated` counts only the comparisons that can fail the gate: the headline,
 * the `regressions` / `improvements` outputs and the gate read these. `notGated` counts the
 * diagnostics (metrics with `gate: false`), shown as such and never in the headline.
 */
export const SummarySchema = z.object({ gated: VerdictCountsSchema, notGated: VerdictCountsSchema });
export type Summary = z.infer<typeof SummarySchema>;

/** Names one comparison of the report. */
export const ComparisonRefSchema = z.object({ id: z.string(), metric: z.string() });
export type ComparisonRef = z.infer<typeof ComparisonRefSchema>;

/**
 * Whether the gate fails, and which comparisons decided it (the report writes the words).
 * - `blocking`: gated comparisons that fail it (regressed; errored in the current run; inconclusive
 *   under `fail-on: inconclusive`), unless listed in `advisory` or `ignored`.
 * - `advisory`: would fail, but measured on a different machine under `fingerprint-mismatch: advisory`.
 * - `ignored`: would fail, but `fail-on` is `never`.
 */
export const GateSchema = z.object({
  failed: z.boolean(),
  failOn: z.enum(['regression', 'inconclusive', 'never']),
  fingerprintMismatch: z.enum(['warn', 'ignore', 'advisory']),
  blocking: z.array(ComparisonRefSchema),
  advisory: z.array(ComparisonRefSchema),
  ignored: z.array(ComparisonRefSchema),
  /** The `fail-threshold` (a throughput loss), when one was set. */
  failThreshold: z.number().positive().optional(),
  /** Gated regressions whose interval does not lie wholly beyond `failThreshold`: reported, not failing. */
  belowFailThreshold: z.array(ComparisonRefSchema).optional(),
});
export type Gate = z.infer<typeof GateSchema>;

/** The `benchgate/report@2` file: everything the comment, the outputs and the gate read. */
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
      environments: z.array(
        z.object({
          index: z.number().int().positive(),
          differences: z.array(z.object({ field: z.enum(FINGERPRINT_FIELDS), baseline: z.string(), current: z.string() })),
        }),
      ),
    })
    .optional(),
});
export type Report = z.infer<typeof ReportSchema>;
