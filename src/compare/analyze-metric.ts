import type { Metric } from '../results/schema.ts';
import {
  bootstrapRatioOfMedians,
  hodgesLehmann,
  mannWhitneyU,
  normalCdf,
  normalQuantile,
  tCdf,
  tQuantile,
} from '../stats/index.ts';
import type { JobNoise } from './history.ts';
import type { CompareOptions } from './options.ts';
import { smallestRankP } from './quality-flags.ts';
import type { Interval, NoiseModel, PValues } from './schema.ts';
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
  /** Log-scale half-width of the interval that more runs per job cannot shrink (history or noise floor). */
  jobHalfWidth: number;
  /** Both sides constant: the change is exact and only the run count limits the test. */
  exact: boolean;
  /** Baseline constant 0 and the current side not: any significant rise exceeds any threshold. */
  fromZero: boolean;
  /** The job-to-job noise the test and interval admitted. */
  noise: NoiseModel;
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

type DefaultedField = 'jobHalfWidth' | 'exact' | 'fromZero' | 'noise';

/** A tested analysis: unless said otherwise, not exact, not from zero, and within one job's noise. */
function tested(fields: Omit<TestedAnalysis, 'kind' | DefaultedField> & Partial<Pick<TestedAnalysis, DefaultedField>>): TestedAnalysis {
  return { kind: 'tested', jobHalfWidth: 0, exact: false, fromZero: false, noise: { model: 'within-job' }, ...fields };
}

/** The two-sided p of a test from its two one-sided p values. */
function twoSided(pUp: number, pDown: number): number {
  return Math.min(1, 2 * Math.min(pUp, pDown));
}

function isConstant(values: readonly number[]): boolean {
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

/** Both sides constant: exact change; the exact rank tail of complete separation is the p. */
function analyzeConstant(base: number, current: number, n1: number, n2: number): Analysis {
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
  const tail = smallestRankP(n1, n2);
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

/** The job-to-job test on centers: t with the history's df, variance 2·sd² (two jobs). */
function historyTest(logChange: number, noise: JobNoise, confidence: number) {
  const df = noise.jobs - 1;
  const se = noise.sd * Math.SQRT2;
  let pUp: number;
  let pDown: number;
  if (se === 0) {
    pUp = logChange > 0 ? 0 : 1;
    pDown = logChange < 0 ? 0 : 1;
  } else {
    const t = logChange / se;
    pUp = tCdf(-t, df);
    pDown = tCdf(t, df);
  }
  return { pUp, pDown, halfWidth: tQuantile((1 + confidence) / 2, df) * se };
}

function widen(ratio: number, interval: [number, number], extra: number): [number, number] {
  const center = Math.log(ratio);
  const low = center - Math.hypot(center - Math.log(interval[0]), extra);
  const high = center + Math.hypot(Math.log(interval[1]) - center, extra);
  return [Math.exp(low), Math.exp(high)];
}

/**
 * Tests one benchmark metric that both sides measured (neither errored).
 * - `process` runs: Mann–Whitney U on the runs and the Hodges–Lehmann interval of the log ratio
 *   (or the bootstrap); with history, the job-to-job t test must also reject (p = the larger) and
 *   the interval is widened by the history's prediction half-width.
 * - `sample` (within-process): with history, the job-to-job test of the two centers; without, the
 *   within-job interval widened by `jobNoiseFloor` on each side, and a normal test on that.
 * - `single` / `aggregate`: the job-to-job test of the two centers with history, else untestable.
 * @param base the baseline's metric
 * @param current the current metric
 * @param noise job-to-job spread from history, or null
 * @param options compare options
 * @param key `historyKey(id, metric)`, for the bootstrap's per-comparison seed
 * @param centers both sides' centers when already computed
 */
export function analyzeMetric(
  base: Metric,
  current: Metric,
  noise: JobNoise | null,
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
    if (noise && centersPositive) return analyzeCentersWithHistory(baseCenter, currentCenter, noise, options.confidence);
    return { kind: 'untestable', oneValuePerJob: single, ratio: centerRatio };
  }

  if (isConstant(base.runs) && isConstant(current.runs)) {
    return analyzeConstant(base.runs[0]!, current.runs[0]!, base.runs.length, current.runs.length);
  }

  if (sample && noise && centersPositive) return analyzeCentersWithHistory(baseCenter, currentCenter, noise, options.confidence);

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
  if (sample) {
    const z = normalQuantile((1 + options.confidence) / 2);
    const logRatio = Math.log(within.ratio);
    const withinSe = (Math.log(within.interval[1]) - Math.log(within.interval[0])) / (2 * z);
    const jobSe = options.jobNoiseFloor * Math.SQRT2;
    const se = Math.hypot(withinSe, jobSe);
    const stat = se === 0 ? (logRatio === 0 ? 0 : Math.sign(logRatio) * Infinity) : logRatio / se;
    const pUp = normalCdf(-stat);
    const pDown = normalCdf(stat);
    return tested({
      ratio: within.ratio,
      interval: [Math.exp(logRatio - z * se), Math.exp(logRatio + z * se)],
      intervalMethod: 'noise-floor',
      test: 'noise-floor',
      pUp,
      pDown,
      pTwoSided: twoSided(pUp, pDown),
      jobHalfWidth: z * jobSe,
      noise: { model: 'prior-floor', sd: options.jobNoiseFloor },
    });
  }

  const intervalMethod = options.interval === 'bootstrap' ? 'bootstrap' : 'hodges-lehmann';
  if (noise && centersPositive) {
    const job = historyTest(Math.log(currentCenter / baseCenter), noise, options.confidence);
    const pUp = Math.max(rank.pLess, job.pUp);
    const pDown = Math.max(rank.pGreater, job.pDown);
    return tested({
      ratio: within.ratio,
      interval: widen(within.ratio, within.interval, job.halfWidth),
      intervalMethod: 'history',
      test: 'mann-whitney-and-history',
      pUp,
      pDown,
      pTwoSided: Math.max(rank.pTwoSided, twoSided(job.pUp, job.pDown)),
      jobHalfWidth: job.halfWidth,
      noise: { model: 'history', jobs: noise.jobs, sd: noise.sd },
    });
  }
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

function analyzeCentersWithHistory(baseCenter: number, currentCenter: number, noise: JobNoise, confidence: number): Analysis {
  const logChange = Math.log(currentCenter / baseCenter);
  const job = historyTest(logChange, noise, confidence);
  return tested({
    ratio: currentCenter / baseCenter,
    interval: [Math.exp(logChange - job.halfWidth), Math.exp(logChange + job.halfWidth)],
    intervalMethod: 'history',
    test: 'history',
    pUp: job.pUp,
    pDown: job.pDown,
    pTwoSided: twoSided(job.pUp, job.pDown),
    jobHalfWidth: job.halfWidth,
    noise: { model: 'history', jobs: noise.jobs, sd: noise.sd },
  });
}
