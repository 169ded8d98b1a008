/**
 * History and dashboard speed, against the goals of issue 15:
 * - build the dashboard for 10,000 stored runs × 20 benchmarks: time (< 10 s), largest file (< 1 MB), total size;
 * - time to first chart in headless Chromium for that site (< 1 s);
 * - change-point detection on 1,000 jobs × 100 series (< 2 s).
 * The stored history is written as the git store lays it out (one results file per run, 5 runs
 * per benchmark, 2% job-to-job noise), all 10,000 runs on one branch: the worst case for the size
 * of a benchmark's data file. 4 of the 20 benchmarks step by +10%, −15%, +5% and +20%, and the
 * runner image changes once.
 * Wall time on a shared machine counts the time other processes held the cores, so the CPU time
 * this process used (user + system, `process.cpuUsage`) is printed beside it, with the load average.
 * `npx node benchmarks/history-speed.ts [--runs 10000] [--benchmarks 20] [--repeat 3]`
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../test/launch-chromium.ts';
import { buildSite, type SiteSummary } from '../src/dashboard/build-site.ts';
import { bundleDashboardPage } from '../src/dashboard/page-bundle.ts';
import { DEFAULT_DETECT_OPTIONS, detectChangePoints, type MetricSeries } from '../src/history/index.ts';
import { createRandom } from '../src/stats/create-random.ts';
import { normalQuantile } from '../src/stats/normal-quantile.ts';
import { serveFolder } from '../test/dashboard/serve-folder.ts';
import { makeRuns, writeDataFolder, type FakeBenchmark } from '../test/history/make-history.ts';

const { values } = parseArgs({ options: { runs: { type: 'string' }, benchmarks: { type: 'string' }, repeat: { type: 'string' } } });
const runCount = Number(values.runs ?? 10_000);
const benchmarkCount = Number(values.benchmarks ?? 20);
const repeat = Number(values.repeat ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const seconds = (ms: number) => (ms / 1000).toFixed(2);
console.log(
  `load average ${os
    .loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')} on ${os.availableParallelism()} cores`,
);
const scratch = await mkdtemp(path.join(os.tmpdir(), 'benchgate-history-speed-'));

try {
  // 1. The stored history.
  const factors = [1.1, 0.85, 1.05, 1.2];
  const benchmarks: FakeBenchmark[] = Array.from({ length: benchmarkCount }, (_, index) => ({
    id: `suite-${index % 4}/benchmark-${index}`,
    level: 1 + index,
    ...(index < factors.length ? { steps: [{ at: Math.round(runCount * (0.3 + 0.15 * index)), factor: factors[index]! }] } : {}),
  }));
  let started = performance.now();
  const runs = makeRuns({ jobs: runCount, seed: 7, benchmarks, environmentChangeAt: Math.round(runCount * 0.8) });
  const data = path.join(scratch, 'data');
  await writeDataFolder(data, 'default', 'main', runs);
  console.log(`wrote ${runCount} stored runs × ${benchmarkCount} benchmarks in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // 2. Build the site (the page bundle is made once beforehand, as the release build does).
  const page = await bundleDashboardPage();
  const builds: number[] = [];
  const buildCpu: number[] = [];
  let summary: SiteSummary | undefined;
  for (let round = 0; round < repeat; round++) {
    started = performance.now();
    const cpu = cpuMs();
    summary = await buildSite({
      dataFolder: data,
      outDir: path.join(scratch, 'site'),
      commitUrl: 'https://github.com/octo/repo/commit/{commit}',
      detection: DEFAULT_DETECT_OPTIONS,
      page,
    });
    builds.push(performance.now() - started);
    buildCpu.push(cpuMs() - cpu);
  }
  console.log(
    `build: median ${seconds(median(builds))} s wall (${builds.map(seconds).join(', ')}), ${seconds(median(buildCpu))} s CPU (${buildCpu.map(seconds).join(', ')}) of ${repeat}; ${summary!.files.length} files, total ${(summary!.totalBytes / 1024 / 1024).toFixed(2)} MiB, largest ${summary!.largest.path} ${(summary!.largest.bytes / 1024).toFixed(0)} KiB, manifest ${(summary!.files.find((file) => file.path === 'manifest.json')!.bytes / 1024).toFixed(1)} KiB, index.html ${(summary!.files.find((file) => file.path === 'index.html')!.bytes / 1024).toFixed(1)} KiB; ${summary!.changePoints} change point(s) in ${summary!.series} series`,
  );

  // 3. Time to first chart in headless Chromium (fresh page each time, no cache).
  const server = await serveFolder(path.join(scratch, 'site'));
  const browser = await launchChromium();
  try {
    const firsts: number[] = [];
    for (let round = 0; round < repeat + 2; round++) {
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      const tab = await context.newPage();
      await tab.goto(server.url);
      await tab.waitForSelector('body[data-first-chart-ms]', { timeout: 30_000 });
      firsts.push(Number(await tab.evaluate(() => document.body.dataset.firstChartMs)));
      await context.close();
    }
    console.log(`first chart: median ${median(firsts)} ms after navigation start (${firsts.join(', ')} ms)`);
  } finally {
    await browser.close();
    await server.close();
  }

  // 4. Detection on 1,000 jobs × 100 series (a third of them with a 10% step).
  const random = createRandom(11);
  const environment = runs[0]!.results.environment;
  const series: MetricSeries[] = Array.from({ length: 100 }, (_, index) => ({
    benchmarkSet: 'default',
    branch: 'main',
    benchmark: `b${index}`,
    metric: 'time',
    unit: 'ms',
    direction: 'smaller',
    environments: [environment],
    points: Array.from({ length: 1000 }, (_, job) => {
      const center = Math.exp(0.02 * normalQuantile(random()) + (index % 3 === 0 && job >= 600 ? Math.log(1.1) : 0));
      return {
        commit: job.toString(16).padStart(40, '0'),
        createdAt: new Date(job * 60_000).toISOString(),
        center,
        low: center,
        high: center,
        runs: 1,
        environment: 0,
      };
    }),
  }));
  const detections: number[] = [];
  const detectionCpu: number[] = [];
  let found = 0;
  for (let round = 0; round < repeat; round++) {
    started = performance.now();
    const cpu = cpuMs();
    found = series.reduce((sum, one) => sum + detectChangePoints(one).changePoints.length, 0);
    detections.push(performance.now() - started);
    detectionCpu.push(cpuMs() - cpu);
  }
  console.log(
    `detection, 1,000 jobs × 100 series: median ${seconds(median(detections))} s wall (${detections.map(seconds).join(', ')}), ${seconds(median(detectionCpu))} s CPU (${detectionCpu.map(seconds).join(', ')}) of ${repeat}; ${found} change point(s) found, 34 steps planted`,
  );
  console.log(
    `load average ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await rm(scratch, { recursive: true, force: true });
}
