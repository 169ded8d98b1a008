import { normalCdf, normalQuantile, tCdf, tQuantile } from '../stats/index.ts';
import { estimateJobNoise, type HistoryJob } from './history.ts';

/**
 * The job-to-job variance term of a comparison of two different jobs (README "Across jobs: the
 * job-to-job noise term"). Model, on the log scale: a job's center is c = μ + b + e, with b the
 * job's own offset (its machine, its neighbours, its CPU frequency), b ~ N(0, σ_job²), independent
 * between jobs, and e the within-job error of the center. The two jobs' log-center difference is
 * then d = δ + (b_cur − b_base) + (e_cur − e_base) ~ N(δ, 2·σ_job² + se_w²), where δ is the real
 * change and se_w² the within-job variance the runs estimate. More runs per job shrink se_w, never
 * the 2·σ_job² part.
 */
export interface JobTerm {
  /** Where σ_job comes from: the base branch's stored jobs, or the stated prior floor. */
  model: 'history' | 'prior-floor';
  /** σ_job, the standard deviation of one job's log center. */
  sd: number;
  /**
   * The baseline job's own σ when it is an odd job: its log center lies more than
   * `oddJobLimit`·σ_job from the history's median, so that distance is taken as its offset
   * (null otherwise, and always for the prior floor).
   */
  baselineSd: number | null;
  /** Stored jobs behind `sd`; 0 for the prior floor. */
  jobs: number;
  /** Degrees of freedom of the t reference (history); null: normal (the floor is taken as known). */
  df: number | null;
  /** The stored jobs' log centers minus their median (history only; empty for the prior floor). */
  deviations: readonly number[];
  /** The baseline's log center minus the history's median; null for the prior floor or an unknown baseline center. */
  baselineDeviation: number | null;
  /** A job this many σ_job from the history's median is an odd job (`JobTermInput.oddJobLimit`). */
  oddJobLimit: number;
}

/** What `chooseJobTerm` needs. */
export interface JobTermInput {
  /** Stored jobs, newest first. */
  history: readonly HistoryJob[];
  /** `historyKey(id, metric)`. */
  key: string;
  /** Usable stored jobs needed before history replaces the floor. */
  minHistoryJobs: number;
  /** σ_job assumed without enough history. */
  floor: number;
  /** A baseline this many σ_job from the history's median is an odd job. */
  oddJobLimit: number;
  /** The baseline's center, for the odd-job guard; null when unknown. */
  baselineCenter: number | null;
}

/**
 * Chooses the job-to-job term of one comparison of two different jobs: σ_job estimated from
 * history (`estimateJobNoise`, robust) when at least `minHistoryJobs` stored jobs have the
 * metric, else the prior floor. With history, a baseline job whose log center lies more than
 * `oddJobLimit`·σ_job from the history's median keeps that distance as its own σ, so one odd
 * stored baseline job cannot raise an alarm on every pull request compared with it.
 * @param input history, key, minimum, floor, odd-job limit and the baseline's center
 * @returns the term
 */
export function chooseJobTerm(input: JobTermInput): JobTerm {
  const noise = input.history.length > 0 ? estimateJobNoise(input.history, input.key, input.minHistoryJobs) : null;
  if (noise === null) {
    return {
      model: 'prior-floor',
      sd: input.floor,
      baselineSd: null,
      jobs: 0,
      df: null,
      deviations: [],
      baselineDeviation: null,
      oddJobLimit: input.oddJobLimit,
    };
  }
  let baselineSd: number | null = null;
  let baselineDeviation: number | null = null;
  if (input.baselineCenter !== null && input.baselineCenter > 0) {
    baselineDeviation = Math.log(input.baselineCenter) - noise.logCenter;
    if (Math.abs(baselineDeviation) > input.oddJobLimit * noise.sd) baselineSd = Math.abs(baselineDeviation);
  }
  return {
    model: 'history',
    sd: noise.sd,
    baselineSd,
    jobs: noise.jobs,
    df: noise.df,
    deviations: noise.deviations,
    baselineDeviation,
    oddJobLimit: input.oddJobLimit,
  };
}

/** Stored jobs that must look like the current job before they count as precedent: one odd job is an accident, two a habit. */
export const MIN_PRECEDENT_JOBS = 2;

/**
 * How many stored jobs look like the current job, when the current job is an odd one (more than
 * `oddJobLimit`·σ_job from the history's median, in the change's direction): off from the median
 * by between half and twice as much as the current job is (log scale; the current job's
 * deviation is the baseline's plus the change). A typical current job has no precedent to find.
 * Such jobs are the precedent the base branch already holds for the current job without a code
 * change: a machine that now and then runs a whole job 4× slower holds precedent for the next 4×
 * slow job, not for a 25% loss.
 * @param term the job term (the prior floor, or an unknown baseline center: 0)
 * @param shift the log change, current / baseline
 * @returns the count
 * @example
 * precedent({ ...term, deviations: [0, 0.01, -0.01, 1.4, 1.3], baselineDeviation: 0 }, 1.2); // => 2
 */
export function precedent(term: JobTerm, shift: number): number {
  if (term.baselineDeviation === null) return 0;
  const current = term.baselineDeviation + shift;
  if (Math.abs(current) <= term.oddJobLimit * term.sd || Math.sign(current) !== Math.sign(shift)) return 0;
  const [low, high] = current > 0 ? [current / 2, current * 2] : [current * 2, current / 2];
  return term.deviations.filter((deviation) => deviation >= low && deviation <= high).length;
}

/**
 * The p value the precedent allows. When at least `MIN_PRECEDENT_JOBS` (k) of the n stored jobs
 * look like the current job (`precedent`), a job like it is no rarer on this branch than
 * (k + 1) / (n + 1), so the test's p is raised to that; otherwise the t test stands alone. Taking
 * the larger p only makes the test more conservative, so it keeps its level. This keeps a machine that sometimes
 * runs a whole job several times slower (a habit that the robust σ_job leaves out, on purpose)
 * from calling its next slow job a regression, while a single odd stored job hides nothing.
 * @param term the job term
 * @param shift the log change, current / baseline
 * @returns the lowest p the precedent allows in the change's direction (0: no precedent)
 */
function precedentFloor(term: JobTerm, shift: number): number {
  const count = precedent(term, shift);
  return count < MIN_PRECEDENT_JOBS ? 0 : (count + 1) / (term.deviations.length + 1);
}

/** Variance of the two jobs' offset difference, b_cur − b_base: σ_base² + σ_job². */
export function jobVariance(term: JobTerm): number {
  return (term.baselineSd ?? term.sd) ** 2 + term.sd ** 2;
}

/** The result of `testAcrossJobs`, on the log scale. */
export interface AcrossJobsTest {
  /** One-sided p that the current side is larger. */
  pUp: number;
  /** One-sided p that the current side is smaller. */
  pDown: number;
  /** The interval of the log change, the within-job half-widths and the job term's combined. */
  interval: [number, number];
  /** The half-width the job term alone contributes: q·√(σ_base² + σ_job²). */
  jobHalfWidth: number;
}

/**
 * Tests a log change between two jobs with the job term: z (or t) = shift / √(se_w² + σ_base² + σ_job²),
 * against Student's t with the history's degrees of freedom or, for the prior floor, the normal.
 * With history, the p in the change's direction is at least the precedent's (`precedentFloor`).
 * The interval's ends are shift ± √(h² + (q·√(σ_base² + σ_job²))²) with h the within-job
 * half-width on that side (the within interval may be asymmetric) and q the reference's quantile.
 * The history spread already holds the within-job error of a center, so adding se_w counts it
 * twice: a little conservative, on purpose.
 * @param shift the estimated log change (current / baseline)
 * @param within the within-job interval of the log change at `confidence`, or null (single values: no within-job part)
 * @param term the job term
 * @param confidence the interval level, e.g. 0.95
 * @returns one-sided p values, the interval and the job term's half-width
 */
export function testAcrossJobs(shift: number, within: [number, number] | null, term: JobTerm, confidence: number): AcrossJobsTest {
  const z = normalQuantile((1 + confidence) / 2);
  const q = term.df === null ? z : tQuantile((1 + confidence) / 2, term.df);
  const withinSe = within === null ? 0 : (within[1] - within[0]) / (2 * z);
  const jobSd = Math.sqrt(jobVariance(term));
  const se = Math.hypot(withinSe, jobSd);
  let pUp: number;
  let pDown: number;
  if (se === 0) {
    pUp = shift > 0 ? 0 : 1;
    pDown = shift < 0 ? 0 : 1;
  } else {
    const stat = shift / se;
    const cdf = (x: number) => (term.df === null ? normalCdf(x) : tCdf(x, term.df));
    pUp = cdf(-stat);
    pDown = cdf(stat);
  }
  if (shift > 0) pUp = Math.max(pUp, precedentFloor(term, shift));
  if (shift < 0) pDown = Math.max(pDown, precedentFloor(term, shift));
  const jobHalfWidth = q * jobSd;
  const low = within === null ? 0 : shift - within[0];
  const high = within === null ? 0 : within[1] - shift;
  return { pUp, pDown, interval: [shift - Math.hypot(low, jobHalfWidth), shift + Math.hypot(high, jobHalfWidth)], jobHalfWidth };
}

/**
 * Whether only the job term keeps a comparison from settling against the threshold: its interval
 * straddles +L or −L (L = −log(1 − threshold)) and the job term's half-width alone reaches from
 * the estimate to that bound, so more runs per job cannot settle it while a comparison within one
 * job (the same-runner design, `compare-with: base`) has no job term and can.
 * @param logRatio the estimated log change (current / baseline of the metric)
 * @param interval its interval, log scale
 * @param jobHalfWidth the job term's half-width (0 without one)
 * @param threshold the comparison's threshold, e.g. 0.05
 * @example
 * jobNoiseLimits(Math.log(1.03), [Math.log(0.95), Math.log(1.12)], 0.08, 0.05); // => true
 */
export function jobNoiseLimits(logRatio: number, interval: [number, number], jobHalfWidth: number, threshold: number): boolean {
  if (!(jobHalfWidth > 0)) return false;
  const limit = -Math.log(1 - threshold);
  return [limit, -limit].some((bound) => interval[0] < bound && bound < interval[1] && jobHalfWidth >= Math.abs(logRatio - bound));
}
