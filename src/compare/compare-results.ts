import type { Benchmark, Metric, Results } from '../results/schema.ts';
import { analyzeMetric, type Analysis } from './analyze-metric.ts';
import { resolveOverrides, type ResolvedSettings } from './compare-config.ts';
import { decideFamilies, type PendingComparison } from './decide-families.ts';
import { describeFingerprintMismatch, diffFingerprints } from './fingerprint.ts';
import { estimateJobNoise, historyKey } from './history.ts';
import { resolveCompareOptions, type CompareOptions } from './options.ts';
import { collectFlags } from './quality-flags.ts';
import type { Change, Comparison, Interval } from './schema.ts';
import { summarizeSide } from './side-summary.ts';
import { repeatedRunsHint } from './tool-hints.ts';

/** Change in the report's three forms from a current / baseline ratio. */
export function describeChange(ratio: number, direction: Metric['direction']): Change {
  return { ratio, metric: ratio - 1, throughput: direction === 'smaller' ? 1 / ratio - 1 : ratio - 1 };
}

/** The interval of a current / baseline ratio in the report's three forms. */
export function describeInterval(method: Interval['method'], level: number, [low, high]: [number, number], direction: Metric['direction']): Interval {
  const throughput: [number, number] = direction === 'smaller' ? [1 / high - 1, 1 / low - 1] : [low - 1, high - 1];
  return { method, level, ratio: [low, high], metric: [low - 1, high - 1], throughput };
}

type Pending = PendingComparison;

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
      const noise = settings.history.length > 0 ? estimateJobNoise(settings.history, key, settings.minHistoryJobs) : null;
      const analysis: Analysis = analyzeMetric(baseMetric, curMetric, noise, settings, key, hint, {
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

  decideFamilies(pending);
  return pending.map((entry) => entry.comparison);
}
