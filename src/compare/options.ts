import type { CompareOverride, CompareConfig } from './compare-config.ts';
import type { HistoryJob } from './history.ts';

/** The intervals of the change a comparison can report (input `interval`). */
export const INTERVAL_METHODS = ['hodges-lehmann', 'bootstrap'] as const;

/** What to do when the two sides ran on different machines (input `fingerprint-mismatch`). */
export const FINGERPRINT_MISMATCH_MODES = ['warn', 'ignore', 'advisory'] as const;

/** How to compare two results; fill from `DEFAULT_COMPARE_OPTIONS`. */
export interface CompareOptions {
  /**
   * Relative throughput loss that counts as a regression (0.05 = throughput −5%, i.e. the metric
   * worsens by a factor of at least 1/(1 − 0.05)). Improvement is the mirror on the log scale.
   * @default 0.05
   */
  threshold: number;
  /** Significance level for the Holm-adjusted one-sided p. @default 0.01 */
  alpha: number;
  /** Level of the reported interval of the change. @default 0.95 */
  confidence: number;
  /** The interval of the change for process runs. @default 'hodges-lehmann' */
  interval: (typeof INTERVAL_METHODS)[number];
  /** Seed of the bootstrap (recorded in the report settings). @default 0 */
  seed: number;
  /** Bootstrap resamples. @default 2000 */
  resamples: number;
  /** Per-benchmark overrides from the config file; last match wins. @default [] */
  overrides: CompareOverride[];
  /** Stored jobs on the base branch, newest first; their spread is job-to-job noise. @default [] */
  history: HistoryJob[];
  /**
   * Usable stored jobs needed before history replaces the prior floor as the job-to-job term.
   * The robust estimate from n jobs is worth about 0.75·(n − 1) degrees of freedom, so 8 jobs
   * give ≈ 5: fewer than 8 give intervals wider than the floor's.
   * @default 8
   */
  minHistoryJobs: number;
  /**
   * The prior floor: σ_job, the standard deviation of one job's log center, assumed for every
   * comparison of two different jobs (any observation kind) while history is shorter than
   * `minHistoryJobs`. 0.03 ≈ 3% per job, just above the ≈2.7% variation between jobs published for
   * GitHub-hosted runners, the runners most users have: it keeps a 20% loss detectable there. It
   * is a prior for such runners, not for every machine: on this project's shared 2-core machine
   * under changing load (benchmarks/experiments/cross-job.ts) the layout timings' σ_job was 5–8%
   * (robust) with single jobs 2–4× off, which no floor covers (5% and 8% still left 13–27% of
   * unchanged pairs with a false alarm); there history, or the same-runner design, is needed
   * (README "Across jobs: the job-to-job noise term").
   * @default 0.03
   */
  jobNoiseFloor: number;
  /**
   * Both sides were measured in one job (one machine, one time): no job-to-job term is added.
   * The same-runner design compares within one job through `comparePaired`; set this only when
   * two results files really come from one job.
   * @default false
   */
  sameJob: boolean;
  /**
   * With history, a baseline job whose log center lies more than this many σ_job from the
   * history's median is an odd job: that distance becomes its own σ, so it cannot raise alarms.
   * @default 3
   */
  oddJobLimit: number;
  /** The producing tool (for the "how to get repeated runs" hint); null uses the current results' `tool`. @default null */
  tool: string | null;
  /** `ignore` adds no fingerprint-mismatch flag; `warn` and `advisory` do (the gate treats them differently). @default 'advisory' */
  fingerprintMismatch: (typeof FINGERPRINT_MISMATCH_MODES)[number];
  /** Tukey fence multiplier for the outliers flag. @default 1.5 */
  outlierFence: number;
}

/** The defaults every caller starts from. */
export const DEFAULT_COMPARE_OPTIONS: Readonly<CompareOptions> = Object.freeze({
  threshold: 0.05,
  alpha: 0.01,
  confidence: 0.95,
  interval: 'hodges-lehmann',
  seed: 0,
  resamples: 2000,
  overrides: [],
  history: [],
  minHistoryJobs: 8,
  jobNoiseFloor: 0.03,
  sameJob: false,
  oddJobLimit: 3,
  tool: null,
  fingerprintMismatch: 'advisory',
  outlierFence: 1.5,
});

/**
 * Applies a config file on top of options: its top-level `threshold` and `alpha` replace the
 * options' values when present, and its overrides are appended after any already given.
 * @param options the options so far (defaults and flags)
 * @param config from `parseCompareConfig`
 * @returns new options
 */
export function mergeCompareConfig(options: CompareOptions, config: CompareConfig): CompareOptions {
  return {
    ...options,
    threshold: config.threshold ?? options.threshold,
    alpha: config.alpha ?? options.alpha,
    overrides: [...options.overrides, ...config.overrides],
  };
}

/**
 * Fills and checks options.
 * @throws RangeError naming the option when a value is out of range (the config and the config
 *   file have validated user input already, so this is a caller's mistake)
 */
export function resolveCompareOptions(options: Partial<CompareOptions> = {}): CompareOptions {
  const resolved: CompareOptions = { ...DEFAULT_COMPARE_OPTIONS, ...options };
  const check = (name: keyof CompareOptions, ok: boolean, range: string) => {
    if (!ok) throw new RangeError(`compare option '${name}' must be ${range}, got ${String(resolved[name])}`);
  };
  check('threshold', resolved.threshold > 0 && resolved.threshold < 1, 'in (0, 1): a throughput loss below 100% (a 2× slowdown is 0.5)');
  check('alpha', resolved.alpha > 0 && resolved.alpha < 1, 'in (0, 1)');
  check('confidence', resolved.confidence > 0 && resolved.confidence < 1, 'in (0, 1)');
  check('resamples', Number.isInteger(resolved.resamples) && resolved.resamples > 0, 'a positive whole number');
  check('minHistoryJobs', Number.isInteger(resolved.minHistoryJobs) && resolved.minHistoryJobs >= 2, 'a whole number ≥ 2');
  check('jobNoiseFloor', resolved.jobNoiseFloor >= 0 && Number.isFinite(resolved.jobNoiseFloor), 'a finite number ≥ 0');
  check('oddJobLimit', resolved.oddJobLimit > 0 && Number.isFinite(resolved.oddJobLimit), 'a finite number > 0');
  check('seed', Number.isInteger(resolved.seed), 'a whole number');
  return resolved;
}
