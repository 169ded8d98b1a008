import { describe, expect, test } from 'vitest';
import { buildSeries, DEFAULT_DETECT_OPTIONS, detectChangePoints, findNewChangePoints, dashboardUrl } from '../../src/history/index.ts';
import { renderChangePointComment, renderHistoryText, renderNewChangePoints } from '../../src/report/render-history.ts';
import { HOSTILE_BENCHMARK } from '../dashboard/fixture-history.ts';
import { makeRuns } from './make-history.ts';

const runs = makeRuns({
  jobs: 33,
  seed: 1,
  environmentChangeAt: 30,
  benchmarks: [
    { id: 'json/parse', level: 10, steps: [{ at: 30, factor: 1.1 }] },
    { id: `${HOSTILE_BENCHMARK} @octocat #1 | x`, level: 2, steps: [{ at: 30, factor: 0.8 }] },
  ],
});
const series = buildSeries(runs, 'default', 'main');
// Both change points, as findNewChangePoints hands them over (it reports each once, on the push
// that first shows it; these golden files only need the shape).
const found = series.flatMap((one) => detectChangePoints(one).changePoints.map((changePoint) => ({ series: one, changePoint })));
const options = {
  commitUrl: 'https://github.com/octo/repo/commit/{commit}',
  dashboardLink: (one: (typeof series)[number]) => dashboardUrl('https://octo.github.io/repo/dashboard/', one.benchmarkSet, one.branch, one.benchmark),
  detection: DEFAULT_DETECT_OPTIONS,
};

describe('history reports', () => {
  test('the fixture: a regression and an improvement where the runner image changed; the newest push reveals the regression', () => {
    expect(found.map(({ series: one, changePoint }) => [one.benchmark.slice(0, 9), changePoint.change, changePoint.index])).toEqual([
      ['<img src=', 'improved', 30],
      ['json/pars', 'regressed', 30],
    ]);
    // The 20% step was already significant one push earlier (placed one job early, at the only
    // split that had 3 jobs after it), so only the 10% step is new at the 33rd job.
    expect(findNewChangePoints(series, runs[32]!.commit).map(({ series: one }) => one.benchmark)).toEqual(['json/parse']);
    expect(
      findNewChangePoints(buildSeries(runs.slice(0, 32), 'default', 'main'), runs[31]!.commit).map(({ series: one, changePoint }) => [
        one.benchmark.slice(0, 9),
        changePoint.index,
      ]),
    ).toEqual([['<img src=', 29]]);
  });

  test('job summary section (golden)', async () => {
    await expect(renderNewChangePoints(found, options)).toMatchFileSnapshot('__golden__/new-change-points.md');
  });

  test('commit comment (golden)', async () => {
    await expect(renderChangePointComment(found, { ...options, dashboardLink: null })).toMatchFileSnapshot('__golden__/change-point-comment.md');
  });

  test('terminal text (golden): control characters never reach the terminal', async () => {
    const analyzed = series.map((one) => detectChangePoints({ ...one, benchmark: `${one.benchmark}\u001b[2J` }));
    const text = renderHistoryText(analyzed, "set 'default', branch 'main'", DEFAULT_DETECT_OPTIONS);
    expect(text).not.toContain('\u001b');
    await expect(text).toMatchFileSnapshot('__golden__/history.txt');
  });

  test('nothing new: no section', () => {
    expect(renderNewChangePoints([], options)).toBe('');
    expect(renderChangePointComment([], options)).toBe('');
  });
});
