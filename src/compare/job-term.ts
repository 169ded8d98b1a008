import { normalCdf, normalQuantile, tCdf, tQuantile } from '../stats/index.ts';
import { estimateJobNoise, type HistoryJob } from './history.ts';
import { logThreshold } from './parse-threshold.ts';

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

/**
 * Variance of the two jobs' offset difference, b_cur − b_base, for a test or interval end that
 * looks toward `toward` (+1: the current side larger, −1: smaller; 0: both, the larger of the
 * two): σ_base² + σ_job², where σ_base is `baselineSd` when the baseline is an odd job whose
 * deviation could fake a change that way, and σ_job otherwise. A baseline that ran fast
 * (deviation < 0) makes a typical current job look slower, so it widens only the test that the
 * current side is larger, and the low end of the interval; a slow one only the other side. In the
 * safe direction the odd baseline can only hide part of a change, never make one up, so σ_job
 * is already conservative there. With an unknown deviation both sides are widened.
 * @param term the job term
 * @param toward the direction of the test: +1, −1, or 0 for both
 * @example
 * jobVariance({ ...term, sd: 0.02, baselineSd: 0.1, baselineDeviation: -0.1 }, 1); // => 0.1² + 0.02²
 * jobVariance({ ...term, sd: 0.02, baselineSd: 0.1, baselineDeviation: -0.1 }, -1); // => 2·0.02²
 */
export function jobVariance(term: JobTerm, toward: 1 | -1 | 0 = 0): number {
  return (oddToward(term, toward) ? term.baselineSd! : term.sd) ** 2 + term.sd ** 2;
}

/** Whether the baseline's own σ (`baselineSd`) stands for σ_base in the direction `toward` (see `jobVariance`). */
function oddToward(term: JobTerm, toward: 1 | -1 | 0): boolean {
  return term.baselineSd !== null && (toward === 0 || term.baselineDeviation === null || Math.sign(term.baselineDeviation) === -toward);
}

/**
 * Welch–Satterthwaite degrees of freedom of se² = se_w² + σ_base² + σ_job² when σ_job² comes from
 * the history (`historyDf`) and se_w² from the runs (`withinDf`): (se²)² / Σ (partᵢ²)² / dfᵢ. The
 * history's σ_job² counts twice when the baseline's σ is σ_job too (one estimate, two jobs); an
 * odd baseline's own σ is its measured distance, not an estimate, and adds no term. With no
 * within-job part (or `withinDf` null) this is the history's df when σ_base is σ_job; a
 * variance that is mostly the runs' gets about the runs' df, fewer than a long history's.
 * @param parts the variance's parts: σ_job² and how many times it counts (1 or 2), σ_base² when
 *   it is an odd baseline's, and se_w²
 * @param historyDf the history's degrees of freedom
 * @param withinDf the runs' degrees of freedom, or null (no within-job part)
 * @example
 * combinedDf({ job: 0.02 ** 2, jobCount: 2, fixed: 0, within: 0.02 ** 2 * 2 }, 5.25, 9); // => ≈ 13.3
 */
export function combinedDf(parts: { job: number; jobCount: 1 | 2; fixed: number; within: number }, historyDf: number, withinDf: number | null): number {
  const total = parts.jobCount * parts.job + parts.fixed + parts.within;
  const denominator = (parts.jobCount * parts.job) ** 2 / historyDf + (withinDf === null || parts.within === 0 ? 0 : parts.within ** 2 / withinDf);
  return denominator === 0 ? historyDf : total ** 2 / denominator;
}

/** The result of `testAcrossJobs`, on the log scale. */
export interface AcrossJobsTest {
  /** One-sided p that the current side is larger. */
  pUp: number;
  /** One-sided p that the current side is smaller. */
  pDown: number;
  /** The interval of the log change, the within-job half-widths and the job term's combined. */
  interval: [number, number];
  /** The half-widths the job term alone contributes below and above the estimate: q·√(σ_base² + σ_job²) for that side. */
  jobHalfWidths: [number, number];
}

/**
 * Tests a log change between two jobs with the job term: z (or t) = shift / √(se_w² + σ_base² + σ_job²),
 * against Student's t or, for the prior floor, the normal. With history the t's degrees of freedom
 * combine the history's and the runs' (`combinedDf`, Welch–Satterthwaite), so that a comparison
 * whose variance is mostly the runs' is not held to the few stored jobs' df. An odd baseline
 * widens only the direction it could fake (`jobVariance`). With history, the p in the change's
 * direction is at least the precedent's (`precedentFloor`). The interval's ends are
 * shift ± √(h² + (q·√(σ_base² + σ_job²))²) with h the within-job half-width on that side (the
 * within interval may be asymmetric), q the reference's quantile and σ_base the one for that side.
 * The history spread already holds the within-job error of a center, so adding se_w counts it
 * twice: a little conservative, on purpose.
 * @param shift the estimated log change (current / baseline)
 * @param within the within-job interval of the log change at `confidence`, or null (single values: no within-job part)
 * @param term the job term
 * @param confidence the interval level, e.g. 0.95
 * @param withinDf degrees of freedom of the within-job part (the smaller side's runs − 1), or null
 * @returns one-sided p values, the interval and the job term's half-widths
 */
export function testAcrossJobs(
  shift: number,
  within: [number, number] | null,
  term: JobTerm,
  confidence: number,
  withinDf: number | null = null,
): AcrossJobsTest {
  const z = normalQuantile((1 + confidence) / 2);
  const withinSe = within === null ? 0 : (within[1] - within[0]) / (2 * z);
  // toward +1: the test that the current side is larger, and the interval's low end
  const side = (toward: 1 | -1) => {
    const jobSd = Math.sqrt(jobVariance(term, toward));
    const se = Math.hypot(withinSe, jobSd);
    const oddBaseline = oddToward(term, toward);
    const df =
      term.df === null
        ? null
        : combinedDf(
            { job: term.sd ** 2, jobCount: oddBaseline ? 1 : 2, fixed: oddBaseline ? term.baselineSd! ** 2 : 0, within: withinSe ** 2 },
            term.df,
            withinDf,
          );
    const cdf = (x: number) => (df === null ? normalCdf(x) : tCdf(x, df));
    const q = df === null ? z : tQuantile((1 + confidence) / 2, df);
    return { se, cdf, halfWidth: q * jobSd };
  };
  const up = side(1);
  const down = side(-1);
  let pUp: number;
  let pDown: number;
  if (up.se === 0 || down.se === 0) {
    pUp = shift > 0 ? 0 : 1;
    pDown = shift < 0 ? 0 : 1;
  } else {
    pUp = up.cdf(-shift / up.se);
    pDown = down.cdf(shift / down.se);
  }
  if (shift > 0) pUp = Math.max(pUp, precedentFloor(term, shift));
  if (shift < 0) pDown = Math.max(pDown, precedentFloor(term, shift));
  const low = within === null ? 0 : shift - within[0];
  const high = within === null ? 0 : within[1] - shift;
  return {
    pUp,
    pDown,
    interval: [shift - Math.hypot(low, up.halfWidth), shift + Math.hypot(high, down.halfWidth)],
    jobHalfWidths: [up.halfWidth, down.halfWidth],
  };
}

/**
 * Whether only the job term keeps a comparison from settling against the threshold: its interval
 * straddles +L or −L (L = −log(1 − threshold)) and the job term's half-width on that side alone
 * reaches from the estimate to that bound, so more runs per job cannot settle it while a comparison within one
 * job (the same-runner design, `compare-with: base`) has no job term and can.
 * @param logRatio the estimated log change (current / baseline of the metric)
 * @param interval its interval, log scale
 * @param jobHalfWidths the job term's half-widths below and above the estimate ([0, 0] without one)
 * @param threshold the comparison's threshold, e.g. 0.05
 * @example
 * jobNoiseLimits(Math.log(1.03), [Math.log(0.95), Math.log(1.12)], [0.08, 0.08], 0.05); // => true
 */
export function jobNoiseLimits(logRatio: number, interval: [number, number], jobHalfWidths: [number, number], threshold: number): boolean {
  const limit = logThreshold(threshold);
  return [limit, -limit].some((bound) => {
    const halfWidth = bound < logRatio ? jobHalfWidths[0] : jobHalfWidths[1];
    return halfWidth > 0 && interval[0] < bound && bound < interval[1] && halfWidth >= Math.abs(logRatio - bound);
  });
}
