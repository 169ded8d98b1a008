import type { Metric } from '../results/schema.ts';
import { bootstrapRatioOfMedians, hodgesLehmann, mannWhitneyU } from '../stats/index.ts';
import { testAcrossJobs, type JobTerm } from './job-term.ts';
import type { CompareOptions } from './options.ts';
import { smallestRankP } from './quality-flags.ts';
import type { Interval, PValues } from './schema.ts';
import { centerOf } from './side-summary.ts';

/** A comparison whose change could be tested; p values are not yet adjusted or oriented. */
export interface TestedAnalysis {
  kind: 'tested';
  /** current / baseline of the metric; null when a relative change is undefined (values ≤ 0). */
  ratio: number | null;
  /** The interval of `ratio`, null with `ratio`. */
  interval: [number, number] | null;
  intervalMethod: Interval['method'];
  test: PValues['test'];
  /** One-sided p that the current side tends larger. */
  pUp: number;
  /** One-sided p that the current side tends smaller. */
  pDown: number;
  pTwoSided: number;
  /** Log-scale half-widths of the interval, below and above the estimate, that more runs per job cannot shrink (history or noise floor). */
  jobHalfWidths: [number, number];
  /** The job-to-job term the test and interval admitted; null: within one job only. */
  job: JobTerm | null;
  /** Both sides constant: the change is exact and only the run count limits the test. */
  exact: boolean;
  /** Baseline constant 0 and the current side not: any significant rise exceeds any threshold. */
  fromZero: boolean;
}

/** A comparison that cannot be tested, with why (as data; the report writes the words). */
export interface UntestableAnalysis {
  kind: 'untestable';
  /** One value per job (or summary statistics only) on a side, rather than fewer than 2 runs. */
  oneValuePerJob: boolean;
  /** The ratio of centers when both exist and are positive (shown, never tested). */
  ratio: number | null;
}

export type Analysis = TestedAnalysis | UntestableAnalysis;

type DefaultedField = 'jobHalfWidths' | 'exact' | 'fromZero' | 'job';

/** A tested analysis: unless said otherwise, not exact, not from zero, and within one job's noise. */
function tested(fields: Omit<TestedAnalysis, 'kind' | DefaultedField> & Partial<Pick<TestedAnalysis, DefaultedField>>): TestedAnalysis {
  return { kind: 'tested', jobHalfWidths: [0, 0], exact: false, fromZero: false, job: null, ...fields };
}

/** The two-sided p of a test from its two one-sided p values. */
function twoSided(pUp: number, pDown: number): number {
  return Math.min(1, 2 * Math.min(pUp, pDown));
}

/** Whether every value is the same. */
export function isConstant(values: readonly number[]): boolean {
  return values.every((value) => value === values[0]);
}

function allPositive(values: readonly number[]): boolean {
  return values.every((value) => value > 0);
}

function seedFor(seed: number, key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash ^ seed) >>> 0;
}

/**
 * Both sides constant (a deterministic metric): the change is exact, and the p of a change is the
 * design's smallest one-sided tail, that of complete separation (the rank-sum test's for two
 * samples, the sign-flip test's 2⁻ⁿ for paired rounds).
 * @param base the base side's constant value
 * @param current the current (head) side's constant value
 * @param tail the smallest one-sided p the design's test reaches with these runs
 */
export function analyzeConstant(base: number, current: number, tail: number): TestedAnalysis {
  if (base === current) {
    return tested({
      ratio: base > 0 ? 1 : null,
      interval: base > 0 ? [1, 1] : null,
      intervalMethod: 'exact',
      test: 'exact-permutation',
      pUp: 1,
      pDown: 1,
      pTwoSided: 1,
      exact: true,
    });
  }
  const up = current > base;
  const ratio = base > 0 && current > 0 ? current / base : null;
  return tested({
    ratio,
    interval: ratio === null ? null : [ratio, ratio],
    intervalMethod: 'exact',
    test: 'exact-permutation',
    pUp: up ? tail : 1,
    pDown: up ? 1 : tail,
    pTwoSided: Math.min(1, 2 * tail),
    exact: true,
    fromZero: base === 0 && current > 0,
  });
}

/** Within-job estimate of the change on log values: Hodges–Lehmann (default) or bootstrap. */
function estimateWithin(
  base: readonly number[],
  current: readonly number[],
  options: CompareOptions,
  key: string,
): { ratio: number; interval: [number, number] } {
  if (options.interval === 'bootstrap') {
    const boot = bootstrapRatioOfMedians(base as number[], current as number[], {
      resamples: options.resamples,
      confidence: options.confidence,
      seed: seedFor(options.seed, key),
    });
    return { ratio: boot.ratio, interval: [boot.low, boot.high] };
  }
  const hl = hodgesLehmann(base.map(Math.log), current.map(Math.log), options.confidence);
  return { ratio: Math.exp(hl.shift), interval: [Math.exp(hl.low), Math.exp(hl.high)] };
}

/**
 * Tests one benchmark metric that both sides measured (neither errored).
 * - Two different jobs (`job` given): the change's within-job estimate and interval (Hodges–Lehmann
 *   on log values, or the bootstrap) are combined with the job-to-job term (`testAcrossJobs`):
 *   t (history; Welch–Satterthwaite df of the history's and the runs') or z (prior floor)
 *   = shift / √(se_w² + σ_base² + σ_job²), and the interval widened by the term's half-widths
 *   (an odd baseline's σ_base only on the side it could fake). For process runs the Mann–Whitney test on the runs must also reject
 *   (p = the larger of the two, an intersection–union test).
 * - One job (`job` null, e.g. `sameJob`): Mann–Whitney U and the within-job interval alone, except
 *   for within-process samples, which are one process per side and keep the prior floor.
 * - `single` / `aggregate`, or < 2 runs on a side: the two centers against the job term when it
 *   comes from history, else untestable (the floor says nothing about a job's own noise).
 * - Both sides constant (a deterministic metric): the exact change, with no job term.
 * @param base the baseline's metric
 * @param current the current metric
 * @param job the job-to-job term for two different jobs, or null within one job
 * @param options compare options
 * @param key `historyKey(id, metric)`, for the bootstrap's per-comparison seed
 * @param centers both sides' centers when already computed
 */
export function analyzeMetric(
  base: Metric,
  current: Metric,
  job: JobTerm | null,
  options: CompareOptions,
  key: string,
  centers: { baseline: number | null; current: number | null } = { baseline: centerOf(base), current: centerOf(current) },
): Analysis {
  const kinds = new Set([base.observation, current.observation]);
  const single = kinds.has('single') || kinds.has('aggregate');
  const sample = !single && kinds.has('sample');
  const baseCenter = centers.baseline;
  const currentCenter = centers.current;
  const centersPositive = baseCenter !== null && currentCenter !== null && baseCenter > 0 && currentCenter > 0;
  const centerRatio = centersPositive ? currentCenter / baseCenter : null;

  if (single || base.runs.length < 2 || current.runs.length < 2) {
    if (job?.model === 'history' && centersPositive) return analyzeCentersWithHistory(baseCenter, currentCenter, job, options.confidence);
    return { kind: 'untestable', oneValuePerJob: single, ratio: centerRatio };
  }

  if (isConstant(base.runs) && isConstant(current.runs)) {
    return analyzeConstant(base.runs[0]!, current.runs[0]!, smallestRankP(base.runs.length, current.runs.length));
  }

  const rank = mannWhitneyU(base.runs as number[], current.runs as number[]);
  const positive = allPositive(base.runs) && allPositive(current.runs);
  if (!positive) {
    return tested({
      ratio: null,
      interval: null,
      intervalMethod: 'hodges-lehmann',
      test: 'mann-whitney',
      pUp: rank.pLess,
      pDown: rank.pGreater,
      pTwoSided: rank.pTwoSided,
    });
  }

  const within = estimateWithin(base.runs, current.runs, options, key);
  const intervalMethod = options.interval === 'bootstrap' ? 'bootstrap' : 'hodges-lehmann';
  // Each side's within-process samples come from one process: even within one job they are one
  // observation per side, so they always get a process-to-process term (the floor at least).
  const term: JobTerm | null =
    job ??
    (sample
      ? {
          model: 'prior-floor',
          sd: options.jobNoiseFloor,
          baselineSd: null,
          jobs: 0,
          df: null,
          deviations: [],
          baselineDeviation: null,
          oddJobLimit: options.oddJobLimit,
        }
      : null);
  if (term === null) {
    return tested({
      ratio: within.ratio,
      interval: within.interval,
      intervalMethod,
      test: 'mann-whitney',
      pUp: rank.pLess,
      pDown: rank.pGreater,
      pTwoSided: rank.pTwoSided,
    });
  }

  const shift = Math.log(within.ratio);
  const across = testAcrossJobs(
    shift,
    [Math.log(within.interval[0]), Math.log(within.interval[1])],
    term,
    options.confidence,
    Math.min(base.runs.length, current.runs.length) - 1,
  );
  // Within-process samples are not independent runs: only the combined test speaks for them.
  const pUp = sample ? across.pUp : Math.max(rank.pLess, across.pUp);
  const pDown = sample ? across.pDown : Math.max(rank.pGreater, across.pDown);
  const history = term.model === 'history';
  return tested({
    ratio: within.ratio,
    interval: [Math.exp(across.interval[0]), Math.exp(across.interval[1])],
    intervalMethod: history ? 'history' : 'noise-floor',
    test: sample ? (history ? 'history' : 'noise-floor') : history ? 'mann-whitney-and-history' : 'mann-whitney-and-noise-floor',
    pUp,
    pDown,
    pTwoSided: twoSided(pUp, pDown),
    jobHalfWidths: across.jobHalfWidths,
    job: term,
  });
}

function analyzeCentersWithHistory(baseCenter: number, currentCenter: number, job: JobTerm, confidence: number): Analysis {
  const logChange = Math.log(currentCenter / baseCenter);
  const across = testAcrossJobs(logChange, null, job, confidence);
  return tested({
    ratio: currentCenter / baseCenter,
    interval: [Math.exp(across.interval[0]), Math.exp(across.interval[1])],
    intervalMethod: 'history',
    test: 'history',
    pUp: across.pUp,
    pDown: across.pDown,
    pTwoSided: twoSided(across.pUp, across.pDown),
    jobHalfWidths: across.jobHalfWidths,
    job,
  });
}
