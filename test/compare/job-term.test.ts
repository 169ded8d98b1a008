import { describe, expect, test } from 'vitest';
import { chooseJobTerm, jobNoiseLimits, jobVariance, testAcrossJobs, type JobTerm } from '../../src/compare/job-term.ts';
import { normalCdf, normalQuantile, tCdf, tQuantile } from '../../src/stats/index.ts';

const floor: JobTerm = { model: 'prior-floor', sd: 0.03, baselineSd: null, jobs: 0, df: null };
const z975 = normalQuantile(0.975);

describe('testAcrossJobs', () => {
  test('prior floor: z = shift / √(se_w² + 2σ²), normal p, interval widened by z·σ·√2', () => {
    const within: [number, number] = [0.05, 0.11];
    const seW = 0.03 / z975;
    const se = Math.sqrt(seW ** 2 + 2 * 0.03 ** 2);
    const result = testAcrossJobs(0.08, within, floor, 0.95);
    expect(result.pUp).toBeCloseTo(normalCdf(-0.08 / se), 14);
    expect(result.pDown).toBeCloseTo(normalCdf(0.08 / se), 14);
    expect(result.jobHalfWidth).toBeCloseTo(z975 * 0.03 * Math.SQRT2, 14);
    expect(result.interval[0]).toBeCloseTo(0.08 - Math.hypot(0.03, result.jobHalfWidth), 14);
    expect(result.interval[1]).toBeCloseTo(0.08 + Math.hypot(0.03, result.jobHalfWidth), 14);
  });

  test('history: Student t with the history df; an odd baseline adds its own σ', () => {
    const term: JobTerm = { model: 'history', sd: 0.02, baselineSd: 0.1, jobs: 12, df: 4.95 };
    expect(jobVariance(term)).toBeCloseTo(0.1 ** 2 + 0.02 ** 2, 15);
    const result = testAcrossJobs(0.3, null, term, 0.95);
    const se = Math.sqrt(0.1 ** 2 + 0.02 ** 2);
    expect(result.pUp).toBeCloseTo(tCdf(-0.3 / se, 4.95), 14);
    expect(result.jobHalfWidth).toBeCloseTo(tQuantile(0.975, 4.95) * se, 14);
    expect(result.interval).toEqual([0.3 - result.jobHalfWidth, 0.3 + result.jobHalfWidth]);
  });

  test('no variance at all: the sign decides', () => {
    const none: JobTerm = { ...floor, sd: 0 };
    expect(testAcrossJobs(0.1, [0.1, 0.1], none, 0.95)).toMatchObject({ pUp: 0, pDown: 1, jobHalfWidth: 0 });
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
    expect(jobNoiseLimits(Math.log(1.03), [Math.log(0.95), Math.log(1.12)], 0.08, 0.05)).toBe(true);
  });
  test('straddling, but the within-job part is what reaches: more runs can settle it', () => {
    expect(jobNoiseLimits(0.02, [-0.05, 0.09], 0.01, 0.05)).toBe(false);
  });
  test('not straddling either bound, or no job term', () => {
    expect(jobNoiseLimits(0.2, [L + 0.01, 0.4], 0.1, 0.05)).toBe(false);
    expect(jobNoiseLimits(0.01, [-0.02, 0.04], 0.03, 0.05)).toBe(false);
    expect(jobNoiseLimits(0.03, [-0.1, 0.1], 0, 0.05)).toBe(false);
  });
  test('the mirror: straddling −L', () => {
    expect(jobNoiseLimits(-0.03, [-0.12, 0.05], 0.08, 0.05)).toBe(true);
  });
});
