import { detectChangePoints } from './detect-change-points.ts';
import { DEFAULT_DETECT_OPTIONS, type AnalyzedSeries, type DetectOptions, type HistoryChangePoint, type MetricSeries } from './types.ts';

/** A change point that the newest job revealed, with the series it is in. */
export interface NewChangePoint {
  series: MetricSeries;
  changePoint: HistoryChangePoint;
}

/**
 * Answers, after a push stored a new job: did this job reveal a change point? For each series it
 * runs the detection on every job, and again without the newest one; a change point of the first
 * run that the second has not within `minSize` jobs of it is new. A change point needs `minSize`
 * jobs after it, so a step is reported `minSize` pushes after the commit that made it, and reported
 * once. A series whose newest job is not the newest stored job (the metric was not measured this
 * time) reports nothing.
 * @param series every metric series of one set and branch, oldest job first
 * @param newestCommit the commit the push just stored
 * @param options detection settings (the same as the dashboard's, so both agree)
 * @returns the new change points, regressions first
 */
export function findNewChangePoints(series: readonly MetricSeries[], newestCommit: string, options: Partial<DetectOptions> = {}): NewChangePoint[] {
  const settings = { ...DEFAULT_DETECT_OPTIONS, ...options };
  const found: NewChangePoint[] = [];
  for (const one of series) {
    const newest = one.points[one.points.length - 1];
    if (!newest || newest.commit !== newestCommit) continue;
    const now: AnalyzedSeries = detectChangePoints(one, settings);
    if (now.changePoints.length === 0) continue;
    const before = detectChangePoints({ ...one, points: one.points.slice(0, -1) }, settings);
    for (const changePoint of now.changePoints) {
      const known = before.changePoints.some((old) => Math.abs(old.index - changePoint.index) <= settings.minSize);
      if (!known) found.push({ series: one, changePoint });
    }
  }
  return found.sort((a, b) => (a.changePoint.change === b.changePoint.change ? 0 : a.changePoint.change === 'regressed' ? -1 : 1));
}
