export { analyzeHistory, type BranchHistory } from './analyze-history.ts';
export {
  buildDashboardData,
  DASHBOARD_BENCHMARK_SCHEMA,
  DASHBOARD_MANIFEST_SCHEMA,
  type DashboardBenchmarkFile,
  type DashboardChangePoint,
  type DashboardDataOptions,
  type DashboardFile,
  type DashboardManifest,
  type DashboardManifestEntry,
  type DashboardMetric,
} from './build-dashboard-data.ts';
export { buildSeries } from './build-series.ts';
export { dashboardUrl, githubPagesUrl } from './dashboard-url.ts';
export { describeEnvironmentChange } from './describe-environment-change.ts';
export { detectChangePoints } from './detect-change-points.ts';
export { findNewChangePoints, type NewChangePoint } from './find-new-change-points.ts';
export {
  DEFAULT_DETECT_OPTIONS,
  type AnalyzedSeries,
  type DetectOptions,
  type HistoryChangePoint,
  type MetricSeries,
  type SeriesPoint,
  type StoredRun,
} from './types.ts';
