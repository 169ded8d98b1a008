import { describe, expect, test } from 'vitest';
import { chooseJobTerm, combinedDf, jobNoiseLimits, jobVariance, precedent, testAcrossJobs, type JobTerm } from '../../src/compare/job-term.ts';
import { normalCdf, normalQuantile, tCdf, tQuantile } from '../../src/stats/index.ts';

const floor: JobTerm = { model: 'prior-floor', sd: 0.03, baselineSd: null, jobs: 0, df: null, deviations: [], baselineDeviation: null, oddJobLimit: 3 };
const z975 = normalQuantile(0.975);

describe('testAcrossJobs', () => {
  test('prior floor: z = shift / √(se_w² + 2σ²), normal p, interval widened by z·σ·√2', () => {
    const within: [number, number] = [0.05, 0.11];
    const seW = 0.03 / z975;
    const se = Math.sqrt(seW ** 2 + 2 * 0.03 ** 2);
    const result = testAcrossJobs(0.08, within, floor, 0.95);
    expect(result.pUp).toBeCloseTo(normalCdf(-0.08 / se), 14);
    expect(result.pDown).toBeCloseTo(normalCdf(0.08 / se), 14);
    expect(result.jobHalfWidths[0]).toBeCloseTo(z975 * 0.03 * Math.SQRT2, 14);
    expect(result.jobHalfWidths[1]).toBe(result.jobHalfWidths[0]);
    expect(result.interval[0]).toBeCloseTo(0.08 - Math.hypot(0.03, result.jobHalfWidths[0]), 14);
    expect(result.interval[1]).toBeCloseTo(0.08 + Math.hypot(0.03, result.jobHalfWidths[1]), 14);
  });

  test('history: Student t with the history df when the runs add nothing', () => {
    const term: JobTerm = { model: 'history', sd: 0.02, baselineSd: null, jobs: 8, df: 5.25, deviations: [], baselineDeviation: 0, oddJobLimit: 3 };
    const result = testAcrossJobs(0.1, null, term, 0.95);
    const se = 0.02 * Math.SQRT2;
    expect(result.pUp).toBeCloseTo(tCdf(-0.1 / se, 5.25), 14);
    expect(result.pDown).toBeCloseTo(tCdf(0.1 / se, 5.25), 14);
    expect(result.jobHalfWidths[0]).toBeCloseTo(tQuantile(0.975, 5.25) * se, 14);
    expect(result.interval).toEqual([0.1 - result.jobHalfWidths[0], 0.1 + result.jobHalfWidths[1]]);
  });

  test('history with runs: the t reference takes the Welch–Satterthwaite df of the history and the runs', () => {
    const term: JobTerm = { model: 'history', sd: 0.02, baselineSd: null, jobs: 8, df: 5.25, deviations: [], baselineDeviation: 0, oddJobLimit: 3 };
    const within: [number, number] = [0.1 - z975 * 0.02 * Math.SQRT2, 0.1 + z975 * 0.02 * Math.SQRT2]; // se_w² = 2·0.02²
    const df = combinedDf({ job: 0.02 ** 2, jobCount: 2, fixed: 0, within: 2 * 0.02 ** 2 }, 5.25, 9);
    expect(df).toBeCloseTo(0.0016 ** 2 / (0.0008 ** 2 / 5.25 + 0.0008 ** 2 / 9), 10);
    expect(df).toBeGreaterThan(13);
    const result = testAcrossJobs(0.1, within, term, 0.95, 9);
    expect(result.pUp).toBeCloseTo(tCdf(-0.1 / 0.04, df), 12);
    // in the tail where alpha / 3 lies, the history's 5.25 df alone (as before) was far less significant
    const tail = testAcrossJobs(0.2, within.map((end) => end + 0.1) as [number, number], term, 0.95, 9);
    expect(tail.pUp).toBeCloseTo(tCdf(-0.2 / 0.04, df), 12);
    expect(tCdf(-0.2 / 0.04, 5.25)).toBeGreaterThan(5 * tail.pUp);
  });

  test("combinedDf: the history df without runs, the runs' df when they dominate, never more than the sum", () => {
    expect(combinedDf({ job: 0.01, jobCount: 2, fixed: 0, within: 0 }, 5.25, 9)).toBeCloseTo(5.25, 12);
    expect(combinedDf({ job: 1e-6, jobCount: 2, fixed: 0, within: 0.01 }, 21.75, 9)).toBeCloseTo(9, 1);
    expect(combinedDf({ job: 0.01, jobCount: 2, fixed: 0, within: 0.02 }, 5.25, 9)).toBeLessThan(5.25 + 9);
    // an odd baseline's measured distance is not an estimate: it adds variance, not uncertainty
    expect(combinedDf({ job: 0.0004, jobCount: 1, fixed: 0.01, within: 0 }, 4.95, null)).toBeGreaterThan(1000);
  });

  test('an odd baseline widens only the direction it could fake', () => {
    // The baseline ran 10% fast (log −0.1): a typical current job looks 10% slower than it.
    const fast: JobTerm = { model: 'history', sd: 0.02, baselineSd: 0.1, jobs: 12, df: 8.25, deviations: [], baselineDeviation: -0.1, oddJobLimit: 3 };
    expect(jobVariance(fast, 1)).toBeCloseTo(0.1 ** 2 + 0.02 ** 2, 15);
    expect(jobVariance(fast, -1)).toBeCloseTo(2 * 0.02 ** 2, 15);
    expect(jobVariance(fast)).toBeCloseTo(0.1 ** 2 + 0.02 ** 2, 15);
    // a typical current job, 10% above the fast baseline, is no regression
    const typical = testAcrossJobs(0.1, null, fast, 0.95);
    expect(typical.pUp).toBeGreaterThan(0.1);
    expect(typical.jobHalfWidths[0]).toBeGreaterThan(0.15);
    expect(typical.interval[0]).toBeLessThan(0);
    // a current job 10% below it is a real improvement: the fast baseline only hid part of it
    const faster = testAcrossJobs(-0.1, null, fast, 0.95);
    expect(faster.pDown).toBeCloseTo(tCdf(-0.1 / (0.02 * Math.SQRT2), 8.25), 14);
    expect(faster.interval[1]).toBeCloseTo(-0.1 + tQuantile(0.975, 8.25) * 0.02 * Math.SQRT2, 14);
    // the mirror: a slow baseline widens the other side
    const slow = { ...fast, baselineDeviation: 0.1 };
    expect(jobVariance(slow, -1)).toBeCloseTo(0.1 ** 2 + 0.02 ** 2, 15);
    expect(testAcrossJobs(-0.1, null, slow, 0.95).pDown).toBeGreaterThan(0.1);
    expect(testAcrossJobs(0.1, null, slow, 0.95).pUp).toBeCloseTo(tCdf(-0.1 / (0.02 * Math.SQRT2), 8.25), 14);
    // an unknown deviation widens both
    const unknown = testAcrossJobs(0.3, null, { ...fast, baselineDeviation: null }, 0.95);
    expect(unknown.jobHalfWidths[0]).toBe(unknown.jobHalfWidths[1]);
    expect(unknown.pUp).toBeCloseTo(tCdf(-0.3 / Math.hypot(0.1, 0.02), combinedDf({ job: 0.0004, jobCount: 1, fixed: 0.01, within: 0 }, 8.25, null)), 14);
  });

  test('precedent: two or more stored jobs like the current one make it no rarer than that', () => {
    // 8 jobs: 6 quiet, 2 that ran about 4× slow (a machine with a habit)
    const deviations = [0, 0.01, -0.01, 0.02, -0.02, 0.005, 1.4, 1.3];
    const term: JobTerm = { model: 'history', sd: 0.015, baselineSd: null, jobs: 8, df: 5.25, deviations, baselineDeviation: 0, oddJobLimit: 3 };
    expect(precedent(term, 1.2)).toBe(2);
    const slowJob = testAcrossJobs(1.2, [1.19, 1.21], term, 0.95);
    expect(slowJob.pUp).toBeCloseTo(3 / 9, 14);
    expect(slowJob.pDown).toBeGreaterThan(0.99);
    // without the precedent the t test alone would have been overwhelming
    expect(testAcrossJobs(1.2, [1.19, 1.21], { ...term, deviations: deviations.slice(0, 6) }, 0.95).pUp).toBeLessThan(1e-4);
    // a 25% loss looks like none of them: no precedent, the t test stands
    expect(precedent(term, Math.log(1.25))).toBe(0);
    expect(testAcrossJobs(Math.log(1.25), [0.21, 0.24], term, 0.95).pUp).toBeLessThan(1e-3);
    // nor does a job 10× slow (more than twice as far out as any)
    expect(precedent(term, 3)).toBe(0);
  });

  test('precedent: one odd stored job is an accident, not a habit', () => {
    const term: JobTerm = {
      model: 'history',
      sd: 0.015,
      baselineSd: null,
      jobs: 8,
      df: 5.25,
      deviations: [0, 0.01, -0.01, 0.02, -0.02, 0.005, 0.01, 1.4],
      baselineDeviation: 0,
      oddJobLimit: 3,
    };
    expect(precedent(term, 1.3)).toBe(1);
    expect(testAcrossJobs(1.3, [1.29, 1.31], term, 0.95).pUp).toBeLessThan(1e-4);
  });

  test('precedent is counted from where the current job lies: the baseline deviation plus the change', () => {
    const term: JobTerm = {
      model: 'history',
      sd: 0.02,
      baselineSd: null,
      jobs: 5,
      df: 3,
      deviations: [-0.1, 0, 0.05, 0.2, 0.35],
      baselineDeviation: -0.1,
      oddJobLimit: 1,
    };
    expect(precedent(term, 0.16)).toBe(1); // the current job lies at +0.06: only +0.05 is within ×½…×2
    expect(precedent(term, 0.3)).toBe(2); // at +0.2: [0.1, 0.4] holds +0.2 and +0.35
    expect(precedent({ ...term, baselineDeviation: null }, 0.16)).toBe(0);
    expect(precedent(term, 0.1)).toBe(0); // at 0: no direction to look in
  });

  test('no variance at all: the sign decides', () => {
    const none: JobTerm = { ...floor, sd: 0 };
    expect(testAcrossJobs(0.1, [0.1, 0.1], none, 0.95)).toMatchObject({ pUp: 0, pDown: 1, jobHalfWidths: [0, 0] });
    expect(testAcrossJobs(0, [0, 0], none, 0.95)).toMatchObject({ pUp: 1, pDown: 1 });
  });
});

describe('chooseJobTerm', () => {
  const key = 's/t::m';
  const jobs = (centers: number[]) => centers.map((center, i) => ({ commit: `${i}`, centers: { [key]: center } }));
  const quiet = [1000, 1008, 994, 1003, 997, 1011, 990, 1005, 999, 1002];
  const input = { key, minHistoryJobs: 8, floor: 0.03, oddJobLimit: 3, baselineCenter: 1000 };

  test('too little history: the prior floor', () => {
    expect(chooseJobTerm({ ...input, history: jobs(quiet.slice(0, 7)) })).toEqual(floor);
    expect(chooseJobTerm({ ...input, history: [] })).toEqual(floor);
  });

  test('enough history: its robust σ and df, and no odd-baseline σ for a typical baseline', () => {
    const term = chooseJobTerm({ ...input, history: jobs(quiet) });
    expect(term).toMatchObject({ model: 'history', jobs: 10, df: expect.closeTo(0.75 * 9, 12), baselineSd: null });
    expect(term.sd).toBeGreaterThan(0.002);
    expect(term.sd).toBeLessThan(0.015);
  });

  test('a baseline far from the history median keeps that distance as its σ', () => {
    const term = chooseJobTerm({ ...input, history: jobs([1200, ...quiet]), baselineCenter: 1200 });
    expect(term.baselineSd).toBeCloseTo(Math.log(1200 / 1002), 12);
  });
});

describe('jobNoiseLimits', () => {
  const L = -Math.log(0.95);
  test('straddling +L with the job term alone reaching it', () => {
    expect(jobNoiseLimits(Math.log(1.03), [Math.log(0.95), Math.log(1.12)], [0.08, 0.08], 0.05)).toBe(true);
    // the bound lies above the estimate: only the upper side's half-width counts
    expect(jobNoiseLimits(Math.log(1.03), [Math.log(0.95), Math.log(1.12)], [0.08, 0.01], 0.05)).toBe(false);
  });
  test('straddling, but the within-job part is what reaches: more runs can settle it', () => {
    expect(jobNoiseLimits(0.02, [-0.05, 0.09], [0.01, 0.01], 0.05)).toBe(false);
  });
  test('not straddling either bound, or no job term', () => {
    expect(jobNoiseLimits(0.2, [L + 0.01, 0.4], [0.1, 0.1], 0.05)).toBe(false);
    expect(jobNoiseLimits(0.01, [-0.02, 0.04], [0.03, 0.03], 0.05)).toBe(false);
    expect(jobNoiseLimits(0.03, [-0.1, 0.1], [0, 0], 0.05)).toBe(false);
  });
  test('the mirror: straddling −L', () => {
    expect(jobNoiseLimits(-0.03, [-0.12, 0.05], [0.08, 0.08], 0.05)).toBe(true);
  });
});
