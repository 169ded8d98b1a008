import type { AnalyzedSeries, DetectOptions, HistoryChangePoint } from './types.ts';

/** The schema tags of the dashboard's data files; the page refuses others. */
export const DASHBOARD_MANIFEST_SCHEMA = 'benchgate/dashboard@1';
export const DASHBOARD_BENCHMARK_SCHEMA = 'benchgate/dashboard-benchmark@1';

/** One file of the site's data, relative to the site's folder. */
export interface DashboardFile {
  path: string;
  content: string;
}

/** Settings of `buildDashboardData`. */
export interface DashboardDataOptions {
  /** Link to a commit with `{commit}` in place of the SHA, e.g. `https://github.com/o/r/commit/{commit}`; null shows no links. @default null */
  commitUrl: string | null;
  /** When the site was built (ISO 8601). */
  generatedAt: string;
  /** The detection settings used, shown on the page. */
  detection: DetectOptions;
}

/** A change point as the page reads it. */
export interface DashboardChangePoint {
  /** Index of the first job after the change. */
  index: number;
  from: string;
  to: string;
  scale: HistoryChangePoint['scale'];
  step: number;
  interval: [number, number] | null;
  change: HistoryChangePoint['change'];
  pValue: number;
  environmentChange: string[];
}

/** One metric's jobs in columns (one array per field, one entry per job), so the files stay small. */
export interface DashboardMetric {
  name: string;
  unit: string;
  direction: 'smaller' | 'bigger';
  /** Seconds since 1970 of each job. */
  time: number[];
  /** Index into the benchmark file's `commits`. */
  commit: number[];
  center: number[];
  low: number[];
  high: number[];
  runs: number[];
  /** Index into `environments`. */
  environment: number[];
  environments: string[];
  changePoints: DashboardChangePoint[];
  environmentChanges: number[];
}

/** `data/<key>.json`: everything the page draws for one benchmark of one set and branch. */
export interface DashboardBenchmarkFile {
  schema: typeof DASHBOARD_BENCHMARK_SCHEMA;
  set: string;
  branch: string;
  benchmark: string;
  /** Commits of the jobs, abbreviated to 12 hex digits (GitHub resolves them in links). */
  commits: string[];
  metrics: DashboardMetric[];
}

/** The manifest's line for one benchmark: enough to list, search and filter without loading its file. */
export interface DashboardManifestEntry {
  key: string;
  set: string;
  branch: string;
  benchmark: string;
  file: string;
  jobs: number;
  metrics: {
    name: string;
    unit: string;
    changePoints: number;
    latest: { change: HistoryChangePoint['change']; step: number; scale: HistoryChangePoint['scale']; to: string } | null;
  }[];
}

/** `manifest.json`: the small file the page loads first. */
export interface DashboardManifest {
  schema: typeof DASHBOARD_MANIFEST_SCHEMA;
  generatedAt: string;
  commitUrl: string | null;
  detection: { alpha: number; permutations: number; minSize: number; confidence: number };
  benchmarks: DashboardManifestEntry[];
}

/**
 * Lays out the dashboard's data: a small `manifest.json` (one line per benchmark, no jobs) and one
 * `data/<key>.json` per benchmark of each set and branch, with every metric's jobs in columns,
 * its change points and its environment changes. The page loads a benchmark's file only when its
 * chart scrolls into view, so no file holds the whole history: a file grows with one benchmark's
 * own jobs (about 60 bytes per job and metric), the manifest with the number of benchmarks.
 * `key` is a hash of set, branch and benchmark, so a file keeps its name from build to build.
 * @param analyzed every analyzed series (all sets and branches)
 * @param options commit links, build time and detection settings
 * @returns the files, manifest first
 */
export function buildDashboardData(analyzed: readonly AnalyzedSeries[], options: DashboardDataOptions): DashboardFile[] {
  const groups = new Map<string, AnalyzedSeries[]>();
  for (const one of analyzed) {
    const id = `${one.series.benchmarkSet}\u0000${one.series.branch}\u0000${one.series.benchmark}`;
    groups.set(id, [...(groups.get(id) ?? []), one]);
  }
  const files: DashboardFile[] = [];
  const entries: DashboardManifestEntry[] = [];
  const usedKeys = new Set<string>();
  // By set, then the main branch first, then benchmark: the order the page lists them in.
  const rank = (branch: string) => (branch === 'main' || branch === 'master' ? 0 : 1);
  const ordered = [...groups.entries()].sort(([, [a]], [, [b]]) => {
    const x = a!.series;
    const y = b!.series;
    if (x.benchmarkSet !== y.benchmarkSet) return x.benchmarkSet < y.benchmarkSet ? -1 : 1;
    if (x.branch !== y.branch) return rank(x.branch) - rank(y.branch) || (x.branch < y.branch ? -1 : 1);
    return x.benchmark < y.benchmark ? -1 : x.benchmark > y.benchmark ? 1 : 0;
  });
  for (const [id, members] of ordered) {
    // The `b` prefix keeps a data file from ever looking like a stored run (`<hex>.json`).
    let key = `b${fnv1a(id)}`;
    for (let n = 2; usedKeys.has(key); n++) key = `b${fnv1a(id)}-${n}`;
    usedKeys.add(key);
    const { benchmarkSet: set, branch, benchmark } = members[0]!.series;
    const commits: string[] = [];
    const commitIndex = new Map<string, number>();
    const metrics = members.map(
      ({ series, changePoints, environmentChanges }): DashboardMetric => ({
        name: series.metric,
        unit: series.unit,
        direction: series.direction,
        time: series.points.map((point) => Math.round(Date.parse(point.createdAt) / 1000)),
        commit: series.points.map((point) => {
          const short = point.commit.slice(0, 12);
          let index = commitIndex.get(short);
          if (index === undefined) {
            index = commits.length;
            commits.push(short);
            commitIndex.set(short, index);
          }
          return index;
        }),
        center: series.points.map((point) => compact(point.center)),
        low: series.points.map((point) => compact(point.low)),
        high: series.points.map((point) => compact(point.high)),
        runs: series.points.map((point) => point.runs),
        environment: series.points.map((point) => point.environment),
        environments: series.environments.map((environment) =>
          [
            environment.cpuModel,
            `${environment.cores} cores`,
            `${environment.os}/${environment.arch}`,
            `Node ${environment.node}`,
            environment.runnerImage ?? 'no runner image',
          ].join(' · '),
        ),
        changePoints: changePoints.map((point) => ({
          index: point.index,
          from: point.lastBefore.commit,
          to: point.firstAfter.commit,
          scale: point.scale,
          step: point.step,
          interval: point.interval,
          change: point.change,
          pValue: point.pValue,
          environmentChange: point.environmentChange,
        })),
        environmentChanges,
      }),
    );
    const file = `data/${key}.json`;
    const body: DashboardBenchmarkFile = { schema: DASHBOARD_BENCHMARK_SCHEMA, set, branch, benchmark, commits, metrics };
    files.push({ path: file, content: JSON.stringify(body) });
    entries.push({
      key,
      set,
      branch,
      benchmark,
      file,
      jobs: members.reduce((most, member) => Math.max(most, member.series.points.length), 0),
      metrics: members.map(({ series, changePoints }) => {
        const latest = changePoints[changePoints.length - 1];
        return {
          name: series.metric,
          unit: series.unit,
          changePoints: changePoints.length,
          latest: latest ? { change: latest.change, step: latest.step, scale: latest.scale, to: latest.firstAfter.commit } : null,
        };
      }),
    });
  }
  const { alpha, permutations, minSize, confidence } = options.detection;
  const manifest: DashboardManifest = {
    schema: DASHBOARD_MANIFEST_SCHEMA,
    generatedAt: options.generatedAt,
    commitUrl: options.commitUrl,
    detection: { alpha, permutations, minSize, confidence },
    benchmarks: entries,
  };
  return [{ path: 'manifest.json', content: JSON.stringify(manifest) }, ...files];
}

/** Seven significant digits: more than any benchmark's noise, and far shorter than 17. */
function compact(value: number): number {
  return Number(value.toPrecision(7));
}

/** FNV-1a, 32 bits, as 8 hex digits: a stable, file-safe name for any string. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
