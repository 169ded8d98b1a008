import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareResults } from '../../src/compare/compare-results.ts';
import { historyKey, type HistoryJob } from '../../src/compare/history.ts';
import type { CompareOptions } from '../../src/compare/options.ts';
import { ComparisonSchema, type Change, type Comparison, type Interval, type NoiseModel, type PValues } from '../../src/compare/schema.ts';
import { describeReason } from '../../src/report/describe-reason.ts';
import type { Results } from '../../src/results/schema.ts';
import { normalCdf } from '../../src/stats/index.ts';
import { bench, ENVIRONMENT, metric, noisyRuns, pair, results } from './helpers.ts';

/** A comparison whose verdict-specific fields can be read without narrowing (absent ones are undefined). */
type Loose = Comparison & { change?: Change | null; interval?: Interval | null; p?: PValues | null; noise?: NoiseModel | null };

function loose(comparison: Comparison): Loose {
  ComparisonSchema.parse(comparison);
  return comparison;
}

/** Both sides from one job: no job-to-job term. */
function compareWithinJob(baseline: Results, current: Results, options: Partial<CompareOptions> = {}): Comparison[] {
  return compareResults(baseline, current, { sameJob: true, ...options });
}

function only(comparisons: Comparison[]): Loose {
  expect(comparisons).toHaveLength(1);
  return loose(comparisons[0]!);
}

/** The runs per side that would settle an inconclusive comparison, from its structured reason. */
function runsNeeded(comparison: Comparison): number | null | undefined {
  return 'runsNeeded' in comparison.reason ? comparison.reason.runsNeeded : undefined;
}

function words(comparison: Comparison, tool: string | null = 'benchgate'): string {
  return describeReason(comparison, { tool });
}

// Within one job (`sameJob`): the within-job statistics alone, no job-to-job term.
describe('process runs within one job', () => {
  test('a 20% slowdown is regressed, with its change, interval and p values', () => {
    const [base, cur] = pair(noisyRuns(10, 1000, 0.02, 1), noisyRuns(10, 1200, 0.02, 2));
    const c = only(compareWithinJob(base, cur));
    expect(c.verdict).toBe('regressed');
    expect(c.change!.metric).toBeGreaterThan(0.15);
    expect(c.change!.metric).toBeLessThan(0.25);
    expect(c.change!.throughput).toBeCloseTo(1 / c.change!.ratio - 1, 12);
    expect(c.interval!.method).toBe('hodges-lehmann');
    expect(c.interval!.ratio[0]).toBeLessThanOrEqual(c.change!.ratio);
    expect(c.interval!.ratio[1]).toBeGreaterThanOrEqual(c.change!.ratio);
    expect(c.interval!.throughput[0]).toBeLessThan(c.interval!.throughput[1]);
    expect(c.p!.test).toBe('mann-whitney');
    expect(c.p!.worseAdjusted).toBeLessThan(0.01);
    expect(c.p!.better).toBeGreaterThan(0.9);
    expect(c.baseline).toMatchObject({ runs: 10, observation: 'process' });
    expect(c.reason).toEqual({ cause: 'beyond-threshold' });
    expect(c.noise).toEqual({ model: 'within-job' });
    expect(words(c)).toMatch(/^worse beyond the 5% threshold \(Holm-adjusted p = .*; Mann–Whitney U on 10 and 10 runs\)$/);
  });

  test('a 25% latency rise reads as a 20% throughput loss', () => {
    const base = [100, 100, 100, 100, 100, 100];
    const c = only(
      compareWithinJob(
        ...pair(
          base,
          base.map((v) => v * 1.25),
        ),
      ),
    );
    expect(c.change!.metric).toBeCloseTo(0.25, 12);
    expect(c.change!.throughput).toBeCloseTo(-0.2, 12);
  });

  test.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('unchanged noisy code (seed %i) is unchanged', (seed) => {
    const c = only(compareWithinJob(...pair(noisyRuns(10, 500, 0.04, seed), noisyRuns(10, 500, 0.04, seed + 100))));
    expect(c.verdict).toBe('unchanged');
  });

  test('significant but straddling the threshold is inconclusive with the runs that would settle it', () => {
    // 5.9% slower with 2% noise: significant, but the interval reaches both sides of 1/(1 − 5%).
    const base = noisyRuns(10, 1000, 0.02, 7);
    const cur = noisyRuns(10, 1059, 0.02, 8);
    const c = only(compareWithinJob(...pair(base, cur)));
    expect(c.p!.worseAdjusted).toBeLessThan(0.01);
    expect(c.interval!.ratio[0]).toBeLessThan(1 / 0.95);
    expect(c.interval!.ratio[1]).toBeGreaterThan(1 / 0.95);
    expect(c.verdict).toBe('inconclusive');
    expect(c.reason).toMatchObject({ cause: 'straddles-threshold', significant: 'worse' });
    expect(runsNeeded(c)).toBeGreaterThan(10);
    expect(words(c)).toMatch(/straddles the 5% threshold; about \d+ runs per side would settle it/);
  });

  test('significant but inside the threshold is unchanged', () => {
    const c = only(compareWithinJob(...pair(noisyRuns(20, 1000, 0.002, 3), noisyRuns(20, 1010, 0.002, 4))));
    expect(c.p!.worseAdjusted).toBeLessThan(0.01);
    expect(c.verdict).toBe('unchanged');
    expect(c.reason).toEqual({ cause: 'within-threshold', significant: 'worse' });
    expect(words(c)).toMatch(/within the 5% threshold/);
  });

  test('bigger-is-better: a 20% throughput drop is regressed and a rise is improved', () => {
    const ops = { name: 'ops', unit: 'ops/s', direction: 'bigger' as const };
    const base = noisyRuns(10, 5000, 0.02, 11);
    const down = only(compareWithinJob(...pair(base, noisyRuns(10, 4000, 0.02, 12), ops)));
    expect(down.verdict).toBe('regressed');
    expect(down.change!.throughput).toBeCloseTo(down.change!.metric, 12);
    expect(down.change!.throughput).toBeLessThan(-0.15);
    const up = only(compareWithinJob(...pair(base, noisyRuns(10, 6000, 0.02, 13), ops)));
    expect(up.verdict).toBe('improved');
  });

  test('a 20% speed-up of a latency is improved', () => {
    const c = only(compareWithinJob(...pair(noisyRuns(10, 1000, 0.02, 21), noisyRuns(10, 800, 0.02, 22))));
    expect(c.verdict).toBe('improved');
    expect(c.change!.throughput).toBeGreaterThan(0.2);
  });

  test('fewer than 2 runs on a side is inconclusive with the reason, and no runs are invented', () => {
    const c = only(compareWithinJob(...pair([100], [130, 131, 129])));
    expect(c.verdict).toBe('inconclusive');
    expect(c.reason).toEqual({ cause: 'untestable', oneValuePerJob: false, minHistoryJobs: 8 });
    expect(words(c)).toMatch(/the baseline has 1 run; a test needs at least 2 per side/);
    expect(c.p).toBeNull();
    expect(c.interval).toBeNull();
    expect(c.baseline!.runs).toBe(1);
    expect(c.flags.map((f) => f.kind)).toContain('few-runs');
  });

  test('the bootstrap interval is seeded and recorded as such', () => {
    const [base, cur] = pair(noisyRuns(10, 1000, 0.02, 31), noisyRuns(10, 1200, 0.02, 32));
    const first = only(compareWithinJob(base, cur, { interval: 'bootstrap', seed: 42, resamples: 500 }));
    const second = only(compareWithinJob(base, cur, { interval: 'bootstrap', seed: 42, resamples: 500 }));
    expect(first.interval!.method).toBe('bootstrap');
    expect(first.interval).toEqual(second.interval);
    expect(first.verdict).toBe('regressed');
  });

  test('values ≤ 0 get a rank test but no relative change', () => {
    const c = only(compareWithinJob(...pair([-5, -4, 3, 2, -1, 0], [-6, -4, 2, 3, -2, 1], { name: 'heap', unit: 'B' })));
    expect(c.change).toBeNull();
    expect(c.verdict).toBe('unchanged');
    expect(c.p).not.toBeNull();
  });
});

describe('deterministic metrics (variance 0)', () => {
  test('equal on both sides is unchanged without dividing by zero', () => {
    const c = only(compareResults(...pair(Array(10).fill(4096), Array(10).fill(4096))));
    expect(c.verdict).toBe('unchanged');
    expect(c.change).toEqual({ ratio: 1, metric: 0, throughput: 0 });
    expect(c.interval!.ratio).toEqual([1, 1]);
    expect(c.p!.worse).toBe(1);
  });

  test('different: the change is exact and the exact rank test decides', () => {
    const c = only(compareResults(...pair(Array(10).fill(100), Array(10).fill(120))));
    expect(c.verdict).toBe('regressed');
    expect(c.change!.ratio).toBeCloseTo(1.2, 12);
    expect(c.interval!.ratio).toEqual([c.change!.ratio, c.change!.ratio]);
    expect(c.interval!.method).toBe('exact');
    expect(c.p!.test).toBe('exact-permutation');
    expect(c.p!.worse).toBeCloseTo(1 / 184756, 15);
  });

  test('different but too few runs to reach alpha is inconclusive with the exact runs needed', () => {
    const c = only(compareResults(...pair([100, 100], [120, 120])));
    expect(c.verdict).toBe('inconclusive');
    expect(runsNeeded(c)).toBe(5); // 1 / C(10, 5) = 0.004 < 0.01; 1 / C(8, 4) = 0.014
  });

  test('from a constant 0 (no allocations) to some is regressed', () => {
    const c = only(compareResults(...pair(Array(10).fill(0), Array(10).fill(3), { name: 'allocs', unit: 'allocs/op' })));
    expect(c.verdict).toBe('regressed');
    expect(c.reason).toEqual({ cause: 'from-zero' });
    expect(c.change).toBeNull();
  });
});

describe('pairing', () => {
  test('new, missing and errored benchmarks', () => {
    const base = results([bench('s/kept', metric([1, 2, 3])), bench('s/removed', metric([1, 2, 3])), bench('s/broken', metric([1, 2, 3]))]);
    const cur = results([
      bench('s/kept', metric([1, 2, 3])),
      bench('s/added', metric([1, 2, 3])),
      { id: 's/broken', state: 'errored', error: 'TypeError: boom', metrics: [] },
    ]);
    const byId = Object.fromEntries(compareResults(base, cur).map((c) => [c.id, c]));
    expect(byId['s/added']!.verdict).toBe('new');
    expect(byId['s/removed']!.verdict).toBe('missing');
    expect(byId['s/broken']!.verdict).toBe('errored');
    expect(byId['s/broken']!.reason).toEqual({ cause: 'errored', side: 'current', message: 'TypeError: boom' });
    expect(byId['s/added']!.reason).toEqual({ cause: 'added' });
    expect(byId['s/kept']!.verdict).not.toBe('new');
    expect(Object.keys(byId)).toEqual(['s/kept', 's/added', 's/broken', 's/removed']);
  });

  test('with no baseline every comparison is new', () => {
    const comparisons = compareResults(null, results([bench('a/x', metric([1, 2])), bench('a/y', metric([1, 2]))]));
    expect(comparisons.map((c) => c.verdict)).toEqual(['new', 'new']);
    expect(comparisons.map((c) => c.reason)).toEqual([{ cause: 'no-baseline' }, { cause: 'no-baseline' }]);
  });

  test('a metric only one side has is new or missing', () => {
    const base = results([bench('s/t', metric([1, 2, 3]), metric([1, 1], { name: 'old' }))]);
    const cur = results([bench('s/t', metric([1, 2, 3]), metric([1, 1], { name: 'fresh' }))]);
    const verdicts = Object.fromEntries(compareResults(base, cur).map((c) => [c.metric, c.verdict]));
    expect(verdicts).toMatchObject({ fresh: 'new', old: 'missing' });
  });
});

describe('Holm over the gated family, and overrides', () => {
  // 5 runs per side, completely separated: raw one-sided p = 1/252 ≈ 0.004 < 0.01.
  const slow = metric([100, 101, 102, 103, 104]);
  const slower = metric([130, 131, 132, 133, 134]);
  const flat = () => metric([100, 102, 101, 103, 104]);
  const flat2 = () => metric([101, 100, 104, 102, 103]);

  test('alone it is regressed', () => {
    expect(only(compareResults(results([bench('a/one', slow)]), results([bench('a/one', slower)]))).verdict).toBe('regressed');
  });

  test('in a gated family of 3 the Holm-adjusted p (3/252) misses alpha', () => {
    const base = results([bench('a/one', slow), bench('b/two', flat()), bench('b/three', flat())]);
    const cur = results([bench('a/one', slower), bench('b/two', flat2()), bench('b/three', flat2())]);
    const first = loose(compareResults(base, cur)[0]!);
    expect(first.p!.worse).toBeCloseTo(1 / 252, 10);
    expect(first.p!.worseAdjusted).toBeCloseTo(3 / 252, 10);
    expect(first.verdict).toBe('inconclusive');
    expect(runsNeeded(first)).toBeGreaterThan(5);
  });

  test('an override taking the others out of the gate shrinks the family', () => {
    const base = results([bench('a/one', slow), bench('b/two', flat()), bench('b/three', flat())]);
    const cur = results([bench('a/one', slower), bench('b/two', flat2()), bench('b/three', flat2())]);
    const comparisons = compareResults(base, cur, { overrides: [{ match: 'b/*', gate: false }] });
    expect(comparisons.map((c) => c.gate)).toEqual([true, false, false]);
    expect(comparisons[0]!.verdict).toBe('regressed');
  });

  test('deterministic metrics equal on both sides take no share of alpha: the family is the tested ones', () => {
    // a gated count that every run repeats exactly (bytes copied by a model) cannot be a false alarm
    const count = (value: number, name: string) => metric([value, value, value, value, value], { name, unit: 'B' });
    const base = results([bench('a/one', slow), bench('b/two', count(51_176, 'bytes-copied'), count(3, 'allocations'))]);
    const cur = results([bench('a/one', slower), bench('b/two', count(51_176, 'bytes-copied'), count(3, 'allocations'))]);
    const comparisons = compareResults(base, cur);
    const first = loose(comparisons[0]!);
    expect(first.p!.worseAdjusted).toBeCloseTo(1 / 252, 10);
    expect(first.verdict).toBe('regressed');
    expect(comparisons.slice(1).map((c) => c.verdict)).toEqual(['unchanged', 'unchanged']);
    expect(comparisons.slice(1).map((c) => loose(c).p!.worseAdjusted)).toEqual([1, 1]);
  });

  test('a deterministic metric that changed stays in the family', () => {
    const count = (value: number) => metric([value, value, value, value, value], { name: 'bytes-copied', unit: 'B' });
    const base = results([bench('a/one', slow), bench('b/two', count(51_176))]);
    const cur = results([bench('a/one', slower), bench('b/two', count(204_728))]);
    const first = loose(compareResults(base, cur)[0]!);
    expect(first.p!.worseAdjusted).toBeCloseTo(2 / 252, 10);
  });

  test('a per-metric threshold override turns a 30% slowdown into a sub-threshold change', () => {
    const c = only(
      compareResults(results([bench('a/one', slow)]), results([bench('a/one', slower)]), {
        overrides: [{ match: 'a/**', metric: 'latency-*', threshold: 0.5, alpha: 0.05 }],
      }),
    );
    expect(c.threshold).toBe(0.5);
    expect(c.alpha).toBe(0.05);
    expect(c.verdict).toBe('unchanged');
  });
});

describe('across jobs: the job-to-job term', () => {
  const key = historyKey('suite/task', 'latency-p50');
  function historyOf(centers: number[]): HistoryJob[] {
    return centers.map((center, i) => ({ commit: `c${i}`, centers: { [key]: center } }));
  }
  // Stored jobs on main: their centers spread by about ±5% from runner to runner.
  const history = historyOf([1000, 1050, 960, 1030, 990, 1060, 950, 1010]);
  // A quiet base branch: 12 jobs within about ±1%.
  const quiet = [1000, 1008, 994, 1003, 997, 1011, 990, 1005, 999, 1002, 993, 1006];
  const slowRunner = () => pair(noisyRuns(10, 1000, 0.004, 41), noisyRuns(10, 1080, 0.004, 42));

  test('within one job a uniform +8% with tight runs is a regression; between two jobs, on the prior floor, it is not', () => {
    expect(only(compareWithinJob(...slowRunner())).verdict).toBe('regressed');
    const c = only(compareResults(...slowRunner()));
    expect(c.verdict).not.toBe('regressed');
    expect(c.p!.test).toBe('mann-whitney-and-noise-floor');
    expect(c.interval!.method).toBe('noise-floor');
    expect(c.noise).toEqual({ model: 'prior-floor', sd: 0.03, limitedByJobNoise: true });
    // +8% is beyond the threshold but within the floor's job-to-job noise: the words say it is unresolved, not absent
    expect(words(c)).toMatch(/within the job-to-job noise \(an assumed 3(\.0)?% per job\)/);
  });

  test('the prior floor admits process runs too: z = shift / √(se_w² + 2·floor²)', () => {
    const [base, cur] = slowRunner();
    const within = only(compareWithinJob(base, cur));
    const across = only(compareResults(base, cur, { jobNoiseFloor: 0.02 }));
    const logShift = Math.log(across.change!.ratio);
    const withinSe = (Math.log(within.interval!.ratio[1]) - Math.log(within.interval!.ratio[0])) / (2 * 1.959963984540054);
    const z = logShift / Math.sqrt(withinSe ** 2 + 2 * 0.02 ** 2);
    expect(across.change!.ratio).toBe(within.change!.ratio);
    // The rank test's p is far smaller here, so the combined p is the larger, the job term's.
    expect(across.p!.worse).toBeCloseTo(normalCdf(-z), 12);
  });

  test('with history, the same slow runner is not a regression', () => {
    const c = only(compareResults(...slowRunner(), { history }));
    expect(c.verdict).not.toBe('regressed');
    expect(c.p!.test).toBe('mann-whitney-and-history');
    expect(c.interval!.method).toBe('history');
    expect(c.noise).toMatchObject({ model: 'history', jobs: 8, df: expect.closeTo(0.75 * 7, 12), baselineSd: null });
    expect(words(c)).toMatch(/within the job-to-job noise \([^)]*% per job, from 8 stored jobs\)/);
  });

  test('with history, a 40% slowdown is still regressed', () => {
    const c = only(compareResults(...pair(noisyRuns(10, 1000, 0.004, 41), noisyRuns(10, 1400, 0.004, 42)), { history }));
    expect(c.verdict).toBe('regressed');
  });

  test('fewer than minHistoryJobs (8) stored jobs: the prior floor decides', () => {
    const c = only(compareResults(...slowRunner(), { history: history.slice(0, 7) }));
    expect(c.noise).toMatchObject({ model: 'prior-floor', sd: 0.03 });
    expect(c.p!.test).toBe('mann-whitney-and-noise-floor');
  });

  test('a machine that often runs a whole job several times slower: its next slow job has precedent, a 25% loss has none', () => {
    // 8 stored jobs, 3 of them in the machine's slow mode (about 4×)
    const habit = historyOf([1000, 4100, 1010, 990, 3900, 1005, 995, 4300]);
    const slowJob = only(compareResults(...pair(noisyRuns(10, 1000, 0.004, 61), noisyRuns(10, 4000, 0.004, 62)), { history: habit }));
    expect(slowJob.verdict).not.toBe('regressed');
    expect((slowJob.noise as { precedent: number }).precedent).toBe(3);
    expect(words(slowJob)).toMatch(/3 of the 8 stored jobs/);
    const loss = only(compareResults(...pair(noisyRuns(10, 1000, 0.004, 63), noisyRuns(10, 1250, 0.004, 64)), { history: habit }));
    expect((loss.noise as { precedent: number }).precedent).toBe(0);
    expect(loss.verdict).toBe('regressed');
  });

  test('one odd stored job does not hide a regression', () => {
    // 12 quiet jobs and one that ran 60% slow: a sample standard deviation would be ≈ 14%.
    const odd = historyOf([...quiet.slice(0, 6), 1600, ...quiet.slice(6)]);
    const [base, cur] = pair(noisyRuns(10, 1000, 0.004, 71), noisyRuns(10, 1150, 0.004, 72));
    const c = only(compareResults(base, cur, { history: odd }));
    expect(c.noise).toMatchObject({ model: 'history', jobs: 13 });
    expect((c.noise as { sd: number }).sd).toBeLessThan(0.02);
    expect(c.verdict).toBe('regressed');
  });

  test('one odd stored baseline job does not raise an alarm', () => {
    // The baseline job ran 15% slow; the current job is a typical one.
    const odd = historyOf([1150, ...quiet]);
    const [base, cur] = pair(noisyRuns(10, 1150, 0.004, 81), noisyRuns(10, 1000, 0.004, 82));
    const c = only(compareResults(base, cur, { history: odd }));
    expect(c.verdict).not.toBe('improved');
    expect((c.noise as { baselineSd: number }).baselineSd).toBeCloseTo(Math.log(1150 / 1001), 2);
    // Without the guard the same pair reads as an improvement.
    expect(only(compareResults(base, cur, { history: odd, oddJobLimit: 1e9 })).verdict).toBe('improved');
  });

  test('an odd slow baseline cannot hide a regression beyond it: it widens only the improvement side', () => {
    // The baseline job ran 15% slow; the current job lost 25% against a typical job, about 8.7% against this baseline.
    const odd = historyOf([1150, ...quiet]);
    const [base, cur] = pair(noisyRuns(10, 1150, 0.004, 83), noisyRuns(10, 1250, 0.004, 84));
    const c = only(compareResults(base, cur, { history: odd }));
    expect((c.noise as { baselineSd: number }).baselineSd).toBeCloseTo(Math.log(1150 / 1001), 2);
    expect(c.verdict).toBe('regressed');
    // the interval is wide only on the side the slow baseline could fake (an improvement)
    const [low, high] = c.interval!.ratio.map(Math.log) as [number, number];
    const estimate = Math.log(c.change!.ratio);
    expect(high - estimate).toBeGreaterThan(2 * (estimate - low));
  });

  test('a change beyond the threshold that only the job term keeps from significance says so, and names the same-runner design', () => {
    // a +9% change between two jobs on the prior floor (±8% from the job term alone): not significant
    const [base, cur] = pair(noisyRuns(10, 1000, 0.004, 93), noisyRuns(10, 1090, 0.004, 94));
    const c = only(compareResults(base, cur));
    expect(c.verdict).toBe('unchanged');
    expect(c.noise).toMatchObject({ model: 'prior-floor', limitedByJobNoise: true });
    expect(words(c)).toMatch(
      /^beyond the 5(\.0)?% threshold but within the job-to-job noise \(an assumed 3(\.0)?% per job\): not significant, and more runs will not settle it; the same-runner design \(`compare-with: base`\) can$/,
    );
    // a typical unchanged line, estimate near 0, stays short
    const quietPair = only(compareResults(...pair(noisyRuns(10, 1000, 0.004, 95), noisyRuns(10, 1004, 0.004, 96))));
    expect(quietPair.verdict).toBe('unchanged');
    expect(words(quietPair)).not.toMatch(/compare-with/);
  });

  test('a change below the threshold that only the job term leaves unresolved says so; within one job it does not arise', () => {
    const [base, cur] = pair(noisyRuns(10, 1000, 0.004, 91), noisyRuns(10, 1030, 0.004, 92));
    const across = only(compareResults(base, cur));
    expect(across.noise).toMatchObject({ model: 'prior-floor', limitedByJobNoise: true });
    const within = only(compareWithinJob(base, cur));
    expect(within.noise).toEqual({ model: 'within-job' });
    expect(within.verdict).toBe('unchanged');
  });

  test('deterministic metrics get no job term', () => {
    const c = only(compareResults(...pair(Array(10).fill(100), Array(10).fill(120))));
    expect(c.noise).toEqual({ model: 'within-job' });
  });
});

describe('single values and within-process samples', () => {
  test('single values without history are inconclusive with a tool hint', () => {
    const c = only(compareResults(...pair([100], [150], { observation: 'single' }), { tool: 'go' }));
    expect(c.verdict).toBe('inconclusive');
    expect(c.reason).toEqual({ cause: 'untestable', oneValuePerJob: true, minHistoryJobs: 8 });
    expect(words(c, 'go')).toMatch(/-count=10/);
    expect(c.flags.map((f) => f.kind)).toContain('single-value');
    expect(c.change!.ratio).toBeCloseTo(1.5, 12);
  });

  test('single values with history are tested against the job-to-job spread', () => {
    const history: HistoryJob[] = [100, 102, 98, 101, 99, 100, 101, 99].map((center, i) => ({
      commit: `${i}`,
      centers: { 'suite/task::latency-p50': center },
    }));
    const slow = only(compareResults(...pair([100], [150], { observation: 'single' }), { history }));
    expect(slow.verdict).toBe('regressed');
    expect(slow.p!.test).toBe('history');
    const same = only(compareResults(...pair([100], [101], { observation: 'single' }), { history }));
    expect(same.verdict).toBe('unchanged');
  });

  test('aggregate-only metrics use the reported mean as the center', () => {
    const aggregate = { observation: 'aggregate' as const, runs: [] };
    const base = results([bench('suite/task', metric([], { ...aggregate, aggregate: { mean: 10, stddev: 1, count: 10 } }))]);
    const cur = results([bench('suite/task', metric([], { ...aggregate, aggregate: { mean: 12, stddev: 1, count: 10 } }))]);
    const c = only(compareResults(base, cur, { tool: 'googlecpp' }));
    expect(c.verdict).toBe('inconclusive');
    expect(words(c, 'googlecpp')).toMatch(/--benchmark_repetitions=10/);
    expect(c.baseline!.center).toBe(10);
  });

  test('within-process samples from two processes 4% apart do not raise a false alarm', () => {
    // 100 tight samples each: a plain rank test would call this a certain regression.
    const c = only(compareResults(...pair(noisyRuns(100, 1000, 0.01, 51), noisyRuns(100, 1040, 0.01, 52), { observation: 'sample' })));
    expect(c.verdict).toBe('unchanged');
    expect(c.p!.test).toBe('noise-floor');
    expect(c.noise).toMatchObject({ model: 'prior-floor', sd: 0.03 });
    expect(c.flags.map((f) => f.kind)).toContain('not-independent');
  });

  test('within-process samples still catch a 30% slowdown', () => {
    const c = only(compareResults(...pair(noisyRuns(100, 1000, 0.01, 51), noisyRuns(100, 1300, 0.01, 52), { observation: 'sample' })));
    expect(c.verdict).toBe('regressed');
  });
});

describe('quality flags', () => {
  test('high CV, outliers and a fingerprint mismatch are flagged', () => {
    const base = results([bench('suite/task', metric([100, 101, 99, 100, 102, 98, 100, 250]))]);
    const cur = results([bench('suite/task', metric(noisyRuns(8, 100, 0.2, 61)))], {
      environment: { ...ENVIRONMENT, cores: 4, node: 'v22.3.0' },
    });
    const c = only(compareResults(base, cur));
    const kinds = c.flags.map((f) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(['high-cv', 'outliers', 'fingerprint-mismatch']));
    expect(c.flags.find((f) => f.kind === 'fingerprint-mismatch')).toEqual({
      kind: 'fingerprint-mismatch',
      side: 'both',
      differences: [
        { field: 'cores', baseline: '2', current: '4' },
        { field: 'node', baseline: '24', current: '22' },
      ],
    });
    const ignored = only(compareResults(base, cur, { fingerprintMismatch: 'ignore' }));
    expect(ignored.flags.map((f) => f.kind)).not.toContain('fingerprint-mismatch');
  });

  test('the same Node major with another minor is not a mismatch', () => {
    const [base, cur] = pair([1, 2, 3], [1, 2, 3]);
    const c = only(compareResults(base, { ...cur, environment: { ...ENVIRONMENT, node: 'v24.9.9' } }));
    expect(c.flags.map((f) => f.kind)).not.toContain('fingerprint-mismatch');
  });
});

test('options out of range are refused by name', () => {
  const [base, cur] = pair([1, 2], [1, 2]);
  expect(() => compareResults(base, cur, { alpha: 2 })).toThrow(/'alpha' must be in \(0, 1\)/);
  expect(() => compareResults(base, cur, { threshold: 0 })).toThrow(/'threshold'/);
  expect(() => compareResults(base, cur, { threshold: 2 })).toThrow(RangeError);
});

test('property: swapping the sides mirrors regressed and improved', () => {
  const mirror: Record<string, string> = { regressed: 'improved', improved: 'regressed', unchanged: 'unchanged', inconclusive: 'inconclusive' };
  const runs = fc.array(fc.integer({ min: 50, max: 5000 }), { minLength: 2, maxLength: 12 });
  fc.assert(
    fc.property(runs, runs, fc.constantFrom<'smaller' | 'bigger'>('smaller', 'bigger'), (a, b, direction) => {
      const ab = only(compareResults(...pair(a, b, { direction })));
      const ba = only(compareResults(...pair(b, a, { direction })));
      expect(ba.verdict).toBe(mirror[ab.verdict]);
    }),
    { numRuns: 300 },
  );
});

test('property: any pair of results gives schema-valid comparisons and never throws', () => {
  const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: 1e-3, max: 1e6, noNaN: true }));
  const side = fc.record({
    runs: fc.array(value, { minLength: 0, maxLength: 8 }),
    observation: fc.constantFrom<'process' | 'sample' | 'single' | 'aggregate'>('process', 'sample', 'single', 'aggregate'),
  });
  const historyCenters = fc.array(fc.double({ min: 0.5, max: 2, noNaN: true }), { minLength: 0, maxLength: 8 });
  fc.assert(
    fc.property(side, side, fc.constantFrom<'smaller' | 'bigger'>('smaller', 'bigger'), historyCenters, fc.boolean(), (a, b, direction, centers, bootstrap) => {
      const aggregate = (runs: number[]) => ({ mean: runs[0] ?? 1, stddev: 0.1, count: 5 });
      const [base, cur] = [a, b].map(({ runs, observation }) =>
        results([bench('suite/task', metric(runs, { direction, observation, ...(observation === 'aggregate' ? { aggregate: aggregate(runs) } : {}) }))]),
      );
      const history = centers.map((center, i) => ({ commit: `${i}`, centers: { 'suite/task::latency-p50': center } }));
      const comparisons = compareResults(base!, cur!, { history, interval: bootstrap ? 'bootstrap' : 'hodges-lehmann', resamples: 50 });
      for (const c of comparisons) ComparisonSchema.parse(c);
    }),
    { numRuns: 500 },
  );
});
