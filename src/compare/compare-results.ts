import type { Benchmark, Metric, Results } from '../results/schema.ts';
import { holm } from '../stats/index.ts';
import { analyzeMetric, type Analysis, type TestedAnalysis } from './analyze-metric.ts';
import { resolveOverrides, type ResolvedSettings } from './compare-config.ts';
import { decideVerdict } from './decide-verdict.ts';
import { describeFingerprintMismatch, diffFingerprints } from './fingerprint.ts';
import { historyKey } from './history.ts';
import { chooseJobTerm, jobNoiseLimits } from './job-term.ts';
import { resolveCompareOptions, type CompareOptions } from './options.ts';
import { collectFlags } from './quality-flags.ts';
import type { Change, Comparison, Interval, NoiseModel } from './schema.ts';
import { summarizeSide } from './side-summary.ts';
import { repeatedRunsHint } from './tool-hints.ts';

/** Change in the report's three forms from a current / baseline ratio. */
export function describeChange(ratio: number, direction: Metric['direction']): Change {
  return { ratio, metric: ratio - 1, throughput: direction === 'smaller' ? 1 / ratio - 1 : ratio - 1 };
}

function describeInterval(method: Interval['method'], level: number, [low, high]: [number, number], direction: Metric['direction']): Interval {
  const throughput: [number, number] = direction === 'smaller' ? [1 / high - 1, 1 / low - 1] : [low - 1, high - 1];
  return { method, level, ratio: [low, high], metric: [low - 1, high - 1], throughput };
}

/** The noise model of a tested comparison, as data for the report. */
function describeNoise(analysis: TestedAnalysis, threshold: number): NoiseModel {
  const job = analysis.job;
  if (job === null) return { model: 'within-job' };
  const limitedByJobNoise =
    analysis.ratio !== null &&
    analysis.interval !== null &&
    jobNoiseLimits(Math.log(analysis.ratio), [Math.log(analysis.interval[0]), Math.log(analysis.interval[1])], analysis.jobHalfWidth, threshold);
  if (job.model === 'prior-floor') return { model: 'prior-floor', sd: job.sd, limitedByJobNoise };
  return { model: 'history', jobs: job.jobs, sd: job.sd, df: job.df!, baselineSd: job.baselineSd, limitedByJobNoise };
}

interface Pending {
  comparison: Comparison;
  analysis: TestedAnalysis | null;
  worse: number;
  better: number;
}

function pendingOf(comparison: Comparison): Pending {
  return { comparison, analysis: null, worse: Number.NaN, better: Number.NaN };
}

function metricNames(...benchmarks: (Benchmark | undefined)[]): string[] {
  const names: string[] = [];
  for (const benchmark of benchmarks) for (const metric of benchmark?.metrics ?? []) if (!names.includes(metric.name)) names.push(metric.name);
  return names;
}

/**
 * Compares two results benchmark by benchmark and metric by metric: the change with its
 * interval, one-sided p values Holm-adjusted over the gated family, quality flags and a verdict
 * by the decision rule in `decideVerdict` (README "Statistics").
 *
 * Pairs are matched by benchmark id and metric name, in the current results' order, then those
 * only the baseline has. With no baseline every comparison is `new`. An errored benchmark on
 * either side makes its metrics `errored`. Two Holm families are adjusted separately: the gated
 * comparisons (those that can fail the gate) and the rest; within each, the "worse" and the
 * "better" one-sided p values are adjusted as two families.
 * @param baseline the baseline results, or null when none is stored
 * @param current the results of this run
 * @param options filled from `DEFAULT_COMPARE_OPTIONS`
 * @returns one comparison per benchmark metric
 * @throws RangeError when an option is out of range
 */
export function compareResults(baseline: Results | null, current: Results, options: Partial<CompareOptions> = {}): Comparison[] {
  const settings = resolveCompareOptions(options);
  const hint = repeatedRunsHint(settings.tool ?? current.tool);
  const fingerprint = baseline ? describeFingerprintMismatch(diffFingerprints(baseline.environment, current.environment, settings.fingerprintMismatch)) : [];

  const resolve = (id: string, metric: string, gate: boolean): ResolvedSettings =>
    resolveOverrides(settings.overrides, id, metric, { threshold: settings.threshold, alpha: settings.alpha, gate });

  const empty = (id: string, metric: Metric | undefined, name: string, resolved: ResolvedSettings): Comparison => ({
    id,
    metric: name,
    unit: metric?.unit ?? '',
    direction: metric?.direction ?? 'smaller',
    gate: resolved.gate,
    verdict: 'inconclusive',
    reason: '',
    baseline: null,
    current: null,
    change: null,
    interval: null,
    p: null,
    threshold: resolved.threshold,
    alpha: resolved.alpha,
    flags: [],
    runsNeeded: null,
  });

  const pending: Pending[] = [];
  const baselineById = new Map((baseline?.benchmarks ?? []).map((b) => [b.id, b]));
  const seen = new Set<string>();
  const ordered: [Benchmark | undefined, Benchmark | undefined][] = [];
  for (const benchmark of current.benchmarks) {
    seen.add(benchmark.id);
    ordered.push([baselineById.get(benchmark.id), benchmark]);
  }
  for (const benchmark of baseline?.benchmarks ?? []) if (!seen.has(benchmark.id)) ordered.push([benchmark, undefined]);

  for (const [base, cur] of ordered) {
    const id = (cur ?? base)!.id;
    if (base?.state === 'errored' || cur?.state === 'errored') {
      const side = base?.state === 'errored' && cur?.state === 'errored' ? 'both' : base?.state === 'errored' ? 'baseline' : 'current';
      const message = [base, cur].flatMap((b) => (b?.state === 'errored' ? [b.error] : [])).join('; ');
      const names = metricNames(cur, base);
      for (const name of names.length > 0 ? names : ['latency-p50']) {
        const metric = cur?.metrics.find((m) => m.name === name) ?? base?.metrics.find((m) => m.name === name);
        const comparison = empty(id, metric, name, resolve(id, name, metric?.gate ?? true));
        comparison.verdict = 'errored';
        comparison.reason = `the ${side === 'both' ? 'benchmark errored on both sides' : `${side} benchmark errored`}: ${message}`;
        comparison.error = { side, message };
        pending.push(pendingOf(comparison));
      }
      continue;
    }
    for (const name of metricNames(cur, base)) {
      const baseMetric = base?.metrics.find((m) => m.name === name);
      const curMetric = cur?.metrics.find((m) => m.name === name);
      const metric = curMetric ?? baseMetric!;
      const resolved = resolve(id, name, metric.gate);
      const comparison = empty(id, metric, name, resolved);
      comparison.baseline = baseMetric ? summarizeSide(baseMetric) : null;
      comparison.current = curMetric ? summarizeSide(curMetric) : null;
      if (!baseline) {
        comparison.verdict = 'new';
        comparison.reason = 'no baseline is stored yet: this run will become the first baseline once saved';
        pending.push(pendingOf(comparison));
        continue;
      }
      if (!baseMetric || !curMetric) {
        comparison.verdict = baseMetric ? 'missing' : 'new';
        comparison.reason = baseMetric
          ? 'the baseline has this benchmark metric but the current run does not (removed, renamed or filtered out?)'
          : 'only the current run has this benchmark metric';
        pending.push(pendingOf(comparison));
        continue;
      }
      comparison.flags = collectFlags({
        baseline: { metric: baseMetric, summary: comparison.baseline! },
        current: { metric: curMetric, summary: comparison.current! },
        threshold: resolved.threshold,
        alpha: resolved.alpha,
        outlierFence: settings.outlierFence,
        fingerprint,
      });
      if (baseMetric.unit !== curMetric.unit || baseMetric.direction !== curMetric.direction) {
        comparison.reason = `the unit or direction changed (${baseMetric.unit}, ${baseMetric.direction} → ${curMetric.unit}, ${curMetric.direction}): not comparable`;
        pending.push(pendingOf(comparison));
        continue;
      }
      const key = historyKey(id, name);
      const job = settings.sameJob
        ? null
        : chooseJobTerm({
            history: settings.history,
            key,
            minHistoryJobs: settings.minHistoryJobs,
            floor: settings.jobNoiseFloor,
            oddJobLimit: settings.oddJobLimit,
            baselineCenter: comparison.baseline!.center,
          });
      const analysis: Analysis = analyzeMetric(baseMetric, curMetric, job, settings, key, hint, {
        baseline: comparison.baseline!.center,
        current: comparison.current!.center,
      });
      if (analysis.kind === 'untestable') {
        comparison.reason = analysis.reason;
        if (analysis.ratio !== null) comparison.change = describeChange(analysis.ratio, metric.direction);
        pending.push(pendingOf(comparison));
        continue;
      }
      if (analysis.historyJobs > 0) comparison.historyJobs = analysis.historyJobs;
      if (analysis.ratio !== null) comparison.change = describeChange(analysis.ratio, metric.direction);
      if (analysis.interval !== null) {
        comparison.interval = describeInterval(analysis.intervalMethod, analysis.exact ? 1 : settings.confidence, analysis.interval, metric.direction);
      }
      const up = metric.direction === 'smaller';
      pending.push({ comparison, analysis, worse: up ? analysis.pUp : analysis.pDown, better: up ? analysis.pDown : analysis.pUp });
    }
  }

  for (const gated of [true, false]) {
    const family = pending.filter((entry) => entry.analysis !== null && entry.comparison.gate === gated);
    if (family.length === 0) continue;
    const worseAdjusted = holm(family.map((entry) => entry.worse));
    const betterAdjusted = holm(family.map((entry) => entry.better));
    family.forEach((entry, index) => {
      const analysis = entry.analysis!;
      const comparison = entry.comparison;
      comparison.p = {
        test: analysis.test,
        twoSided: analysis.pTwoSided,
        worse: entry.worse,
        better: entry.better,
        worseAdjusted: worseAdjusted[index]!,
        betterAdjusted: betterAdjusted[index]!,
      };
      const decision = decideVerdict({
        analysis,
        direction: comparison.direction,
        threshold: comparison.threshold,
        alpha: comparison.alpha,
        worseAdjusted: worseAdjusted[index]!,
        betterAdjusted: betterAdjusted[index]!,
        family: family.length,
        n1: comparison.baseline!.runs,
        n2: comparison.current!.runs,
      });
      comparison.verdict = decision.verdict;
      comparison.reason = decision.reason;
      comparison.runsNeeded = decision.runsNeeded;
      comparison.noise = describeNoise(analysis, comparison.threshold);
    });
  }
  return pending.map((entry) => entry.comparison);
}
