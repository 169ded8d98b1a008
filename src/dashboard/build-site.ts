import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { analyzeHistory, buildDashboardData, DEFAULT_DETECT_OPTIONS, type DashboardFile, type DetectOptions } from '../history/index.ts';
import { readDataFolder } from '../history-io/read-data-folder.ts';
import { loadDashboardPage, type PageBundle } from './page-bundle.ts';
import { renderDashboardHtml } from './render-dashboard-html.ts';

/** Settings of `buildSite`. */
export interface BuildSiteOptions {
  /** A checkout of the data branch. */
  dataFolder: string;
  /** Where to write the site: a new or empty folder, or a previous dashboard (rewritten). */
  outDir: string;
  /** Commit link template with `{commit}`, or null. @default null */
  commitUrl: string | null;
  /** @default DEFAULT_DETECT_OPTIONS */
  detection: DetectOptions;
  /** @default the current time */
  generatedAt?: string;
  /** The page's script and CSS; @default loadDashboardPage() */
  page?: PageBundle;
}

/** What `buildSite` wrote. */
export interface SiteSummary {
  /** Paths relative to the site, with their sizes in bytes. */
  files: { path: string; bytes: number }[];
  totalBytes: number;
  largest: { path: string; bytes: number };
  benchmarks: number;
  series: number;
  changePoints: number;
  /** Skipped stored files, each named. */
  warnings: string[];
}

/**
 * Lays out the site's files in memory: the page, the manifest and one data file per benchmark.
 * @returns the files (relative paths) and counts
 */
export async function renderSite(
  options: Omit<BuildSiteOptions, 'outDir'>,
): Promise<{ files: DashboardFile[]; series: number; changePoints: number; warnings: string[] }> {
  const { histories, warnings } = await readDataFolder(options.dataFolder);
  const analyzed = analyzeHistory(histories, options.detection);
  const data = buildDashboardData(analyzed, {
    commitUrl: options.commitUrl,
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    detection: options.detection,
  });
  const page = options.page ?? (await loadDashboardPage());
  return {
    files: [{ path: 'index.html', content: renderDashboardHtml(page.script, page.css) }, ...data],
    series: analyzed.length,
    changePoints: analyzed.reduce((sum, one) => sum + one.changePoints.length, 0),
    warnings,
  };
}

/**
 * Builds the static dashboard from a checkout of the data branch: `index.html` (script, styles
 * and uPlot inline), `manifest.json` and `data/<key>.json` per benchmark. The output folder must
 * be new, empty, or a dashboard built before (its `data/` is replaced, so no stale file stays);
 * any other folder is refused, so a wrong `--out` cannot clobber files.
 * @param options data folder, output folder, links and detection settings
 * @returns what was written, with sizes
 * @throws Error naming the output folder when it holds something else
 */
export async function buildSite(options: BuildSiteOptions): Promise<SiteSummary> {
  const outDir = path.resolve(options.outDir);
  let existing: string[] = [];
  try {
    existing = await readdir(outDir);
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (existing.length > 0 && !existing.includes('manifest.json')) {
    throw new Error(`the output folder '${outDir}' is not empty and holds no dashboard (no manifest.json); choose a new or empty folder`);
  }
  const site = await renderSite({ ...options, detection: options.detection ?? DEFAULT_DETECT_OPTIONS });
  await rm(path.join(outDir, 'data'), { recursive: true, force: true });
  await mkdir(path.join(outDir, 'data'), { recursive: true });
  const files: { path: string; bytes: number }[] = [];
  for (const file of site.files) {
    const target = path.join(outDir, file.path);
    await writeFile(target, file.content);
    files.push({ path: file.path, bytes: (await stat(target)).size });
  }
  const largest = files.reduce((big, file) => (file.bytes > big.bytes ? file : big), files[0]!);
  return {
    files,
    totalBytes: files.reduce((sum, file) => sum + file.bytes, 0),
    largest,
    benchmarks: site.files.length - 2,
    series: site.series,
    changePoints: site.changePoints,
    warnings: site.warnings,
  };
}
