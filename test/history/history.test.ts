import { describe, expect, test } from 'vitest';
import {
  analyzeHistory,
  buildDashboardData,
  buildSeries,
  dashboardUrl,
  githubPagesUrl,
  DEFAULT_DETECT_OPTIONS,
  describeEnvironmentChange,
  detectChangePoints,
  findNewChangePoints,
  type DashboardBenchmarkFile,
  type DashboardManifest,
} from '../../src/history/index.ts';
import { makeRuns } from './make-history.ts';

const stepAt30 = () =>
  makeRuns({
    jobs: 60,
    seed: 1,
    benchmarks: [
      { id: 'json/parse', level: 10, steps: [{ at: 30, factor: 1.1 }] },
      { id: 'flat', level: 2 },
    ],
  });

describe('buildSeries', () => {
  test('one point per job, oldest first, with the median of the runs and their range', () => {
    const runs = stepAt30();
    const series = buildSeries([...runs].reverse(), 'default', 'main');
    expect(series.map((one) => `${one.benchmark}/${one.metric}`)).toEqual(['flat/time', 'json/parse/time']);
    const parse = series[1]!;
    expect(parse.points).toHaveLength(60);
    expect(parse.points[0]!.commit).toBe(runs[0]!.commit);
    const values = [...runs[0]!.results.benchmarks[0]!.metrics[0]!.runs].sort((a, b) => a - b);
    expect(parse.points[0]).toMatchObject({ center: values[2], low: values[0], high: values[4], runs: 5, environment: 0 });
  });

  test('errored benchmarks leave a gap; aggregate-only metrics use the mean; environments are numbered', () => {
    const runs = makeRuns({ jobs: 4, environmentChangeAt: 2, benchmarks: [{ id: 'a', level: 1 }] });
    runs[1]!.results.benchmarks[0] = { id: 'a', state: 'errored', error: 'boom', metrics: [] };
    runs[3]!.results.benchmarks[0]!.metrics[0] = { ...runs[3]!.results.benchmarks[0]!.metrics[0]!, runs: [], aggregate: { mean: 7, stddev: 1, count: 3 } };
    const [series] = buildSeries(runs, 's', 'b');
    expect(series!.points.map((point) => point.commit)).toEqual([runs[0]!.commit, runs[2]!.commit, runs[3]!.commit]);
    expect(series!.points[2]).toMatchObject({ center: 7, low: 7, high: 7, runs: 1, environment: 1 });
    expect(series!.environments).toHaveLength(2);
  });
});

describe('detectChangePoints', () => {
  test('a 10% step at job 30 of 60: one change point at that commit, its step and interval, regressed', () => {
    const runs = stepAt30();
    const [, parse] = buildSeries(runs, 'default', 'main');
    const { changePoints, environmentChanges } = detectChangePoints(parse!);
    expect(changePoints).toHaveLength(1);
    const [point] = changePoints;
    expect(point).toMatchObject({ index: 30, change: 'regressed', scale: 'ratio', jobsBefore: 30, jobsAfter: 30, environmentChange: [] });
    expect(point!.lastBefore.commit).toBe(runs[29]!.commit);
    expect(point!.firstAfter.commit).toBe(runs[30]!.commit);
    expect(point!.step).toBeGreaterThan(1.08);
    expect(point!.step).toBeLessThan(1.12);
    expect(point!.interval![0]).toBeLessThan(point!.step);
    expect(point!.interval![1]).toBeGreaterThan(point!.step);
    expect(point!.interval![0]).toBeGreaterThan(1.05);
    expect(point!.pValue).toBeLessThanOrEqual(0.01);
    expect(environmentChanges).toEqual([]);
  });

  test('a faster benchmark is "improved"; a bigger-is-better metric that drops is "regressed"', () => {
    const runs = makeRuns({ jobs: 40, seed: 8, benchmarks: [{ id: 'x', level: 5, steps: [{ at: 20, factor: 0.85 }] }] });
    const [series] = buildSeries(runs, 's', 'b');
    expect(detectChangePoints(series!).changePoints.map((point) => point.change)).toEqual(['improved']);
    expect(detectChangePoints({ ...series!, direction: 'bigger' }).changePoints.map((point) => point.change)).toEqual(['regressed']);
  });

  test('a change point where the runner image changed says so', () => {
    const runs = makeRuns({ jobs: 40, seed: 4, environmentChangeAt: 20, benchmarks: [{ id: 'x', level: 5, steps: [{ at: 20, factor: 1.2 }] }] });
    const analyzed = detectChangePoints(buildSeries(runs, 's', 'b')[0]!);
    expect(analyzed.environmentChanges).toEqual([20]);
    expect(analyzed.changePoints[0]!.environmentChange).toEqual(["runner image 'ubuntu24/20260101.1' → 'ubuntu24/20260301.7'"]);
  });

  test('values ≤ 0 are analyzed as plain differences', () => {
    const runs = makeRuns({ jobs: 30, seed: 6, benchmarks: [{ id: 'x', level: 5 }] });
    const [series] = buildSeries(runs, 's', 'b');
    const shifted = { ...series!, points: series!.points.map((point, index) => ({ ...point, center: index < 15 ? point.center - 5 : point.center + 1 })) };
    const { changePoints } = detectChangePoints(shifted);
    expect(changePoints).toHaveLength(1);
    expect(changePoints[0]).toMatchObject({ index: 15, scale: 'difference' });
    expect(changePoints[0]!.step).toBeCloseTo(6, 0);
  });

  test('stationary history: no change point', () => {
    const runs = makeRuns({ jobs: 80, seed: 12, benchmarks: [{ id: 'x', level: 5 }] });
    expect(detectChangePoints(buildSeries(runs, 's', 'b')[0]!).changePoints).toEqual([]);
  });
});

describe('describeEnvironmentChange', () => {
  const a = { cpuModel: 'A', cores: 2, os: 'Linux', arch: 'x64', node: 'v24.1.0', runnerImage: 'ubuntu22/20250101.1' };
  test('names each relevant difference and ignores Node minor versions', () => {
    expect(describeEnvironmentChange(a, { ...a, node: 'v24.9.0' })).toEqual([]);
    expect(describeEnvironmentChange(a, { ...a, runnerImage: 'ubuntu24/20260101.1' })).toEqual(["runner image 'ubuntu22/20250101.1' → 'ubuntu24/20260101.1'"]);
    expect(describeEnvironmentChange(a, { ...a, cores: 4, node: 'v22.0.0', runnerImage: null })).toEqual([
      'cores 2 → 4',
      'Node 24 → 22',
      "runner image 'ubuntu22/20250101.1' → 'none'",
    ]);
  });
});

describe('findNewChangePoints', () => {
  const benchmarks = [
    { id: 'json/parse', level: 10, steps: [{ at: 30, factor: 1.1 }] },
    { id: 'flat', level: 2 },
  ];
  test('reported once: when the newest job is the minSize-th after the step, not before, not after', () => {
    const all = makeRuns({ jobs: 40, seed: 3, benchmarks });
    const at = (jobs: number) => findNewChangePoints(buildSeries(all.slice(0, jobs), 's', 'main'), all[jobs - 1]!.commit);
    const reported = [31, 32, 33, 34, 35, 40].map((jobs) => at(jobs).map((found) => `${found.series.benchmark}@${found.changePoint.index}`));
    expect(reported).toEqual([[], [], ['json/parse@30'], [], [], []]);
  });

  test('a series the newest push did not measure reports nothing', () => {
    const all = makeRuns({ jobs: 33, seed: 3, benchmarks });
    expect(findNewChangePoints(buildSeries(all, 's', 'main'), 'f'.repeat(40))).toEqual([]);
  });
});

describe('buildDashboardData', () => {
  test('a small manifest and one columnar file per benchmark, with change points and commits', () => {
    const analyzed = analyzeHistory([{ benchmarkSet: 'default', branch: 'main', runs: stepAt30() }]);
    const files = buildDashboardData(analyzed, {
      commitUrl: 'https://github.com/o/r/commit/{commit}',
      generatedAt: '2026-12-02T00:00:00.000Z',
      detection: DEFAULT_DETECT_OPTIONS,
    });
    expect(files.map((file) => file.path)).toEqual([
      'manifest.json',
      expect.stringMatching(/^data\/b[0-9a-f]{8}\.json$/),
      expect.stringMatching(/^data\/b[0-9a-f]{8}\.json$/),
    ]);
    const manifest = JSON.parse(files[0]!.content) as DashboardManifest;
    expect(manifest.benchmarks.map((entry) => [entry.benchmark, entry.jobs, entry.metrics[0]!.changePoints])).toEqual([
      ['flat', 60, 0],
      ['json/parse', 60, 1],
    ]);
    const parse = JSON.parse(files.find((file) => file.path === manifest.benchmarks[1]!.file)!.content) as DashboardBenchmarkFile;
    expect(parse.commits).toHaveLength(60);
    expect(parse.commits[0]).toMatch(/^[0-9a-f]{12}$/);
    const [metric] = parse.metrics;
    expect(metric!.center).toHaveLength(60);
    expect(metric!.changePoints).toMatchObject([{ index: 30, change: 'regressed' }]);
    expect(metric!.low.every((low, index) => low <= metric!.center[index]! && metric!.center[index]! <= metric!.high[index]!)).toBe(true);
  });

  test('file names are stable and never look like a stored run', () => {
    const analyzed = analyzeHistory([{ benchmarkSet: 'default', branch: 'main', runs: stepAt30() }]);
    const options = { commitUrl: null, generatedAt: 'x', detection: DEFAULT_DETECT_OPTIONS };
    expect(buildDashboardData(analyzed, options).map((file) => file.path)).toEqual(buildDashboardData(analyzed, options).map((file) => file.path));
  });
});

describe('dashboardUrl', () => {
  test('encodes every part, with or without a trailing slash', () => {
    expect(dashboardUrl('https://o.github.io/r/dashboard', 'default', 'main', 'a&b=c/<x>')).toBe(
      'https://o.github.io/r/dashboard/?set=default&branch=main&bench=a%26b%3Dc%2F%3Cx%3E',
    );
    expect(dashboardUrl('https://o.github.io/r/dashboard/', 's', 'feature/x', 'b')).toBe('https://o.github.io/r/dashboard/?set=s&branch=feature%2Fx&bench=b');
  });
});

describe('githubPagesUrl', () => {
  test('project site, user site, and a bad repository', () => {
    expect(githubPagesUrl('Octo/repo', 'dashboard')).toBe('https://octo.github.io/repo/dashboard/');
    expect(githubPagesUrl('octo/Octo.github.io', '/dash/')).toBe('https://octo.github.io/dash/');
    expect(() => githubPagesUrl('octo', 'dashboard')).toThrow("expected a repository as owner/repo, got 'octo'");
  });
});
