import type { Benchmark, Metric, Results } from '../results/schema.ts';
import { lookAlpha, type SpendingFunction } from '../stats/index.ts';
import { analyzePaired, smallestSignedRankP } from './analyze-paired.ts';
import { resolveOverrides, type ResolvedSettings } from './compare-config.ts';
import { describeChange, describeInterval } from './compare-results.ts';
import { decideFamilies, type PendingComparison } from './decide-families.ts';
import { resolveCompareOptions, type CompareOptions } from './options.ts';
import { collectPairedFlags } from './paired-flags.ts';
import type { Comparison, SequentialLook } from './schema.ts';
import { summarizeSide } from './side-summary.ts';

/** Which look of an adaptive (sequential) paired comparison this is. */
export interface PairedLook {
  /** This look, 1 … max. */
  index: number;
  /** The most looks there will be, fixed before the first look. */
  max: number;
  /** How alpha and the interval's 1 − level are spent over the looks. @default 'pocock' */
  spending?: SpendingFunction;
}

function metricNames(...benchmarks: (Benchmark | undefined)[]): string[] {
  const names: string[] = [];
  for (const benchmark of benchmarks) for (const metric of benchmark?.metrics ?? []) if (!names.includes(metric.name)) names.push(metric.name);
  return names;
}

function checkLook(look: PairedLook): void {
  if (!(Number.isInteger(look.max) && look.max >= 1)) throw new RangeError(`comparePaired: look.max must be a whole number ≥ 1, got ${look.max}`);
  if (!(Number.isInteger(look.index) && look.index >= 1 && look.index <= look.max)) {
    throw new RangeError(`comparePaired: look.index must be a whole number in 1 … ${look.max}, got ${look.index}`);
  }
}

/**
 * Compares base and head measured in interleaved rounds of one job (the same-runner design):
 * for a benchmark metric on both sides, `runs[r]` of the base and of the head were measured in
 * the same round r and form a pair. Per metric: the per-round log ratios head/base, the Wilcoxon
 * signed-rank test one-sided both ways, the one-sample Hodges–Lehmann interval of the log ratio
 * (`analyzePaired`), Holm over the gated family and the rest, and the same decision rule and
 * verdicts as `compareResults` (`decideVerdict`). A benchmark only the head has is `new`, only the
 * base `missing`; errored on either side, `errored`. Each comparison says `design: 'paired'`.
 *
 * Adaptive sampling: with `look`, this is look `index` of at most `max` (fixed in advance). The
 * test is decided at `lookAlpha(index, max, alpha)` and the interval has level
 * `1 − lookAlpha(index, max, 1 − confidence)`: the levels of all looks add up to alpha and to
 * 1 − confidence, so by Bonferroni's inequality stopping at any look (for example when
 * `undecidedGatedIds` is empty) keeps the chance of a false alarm at most alpha, and every
 * interval of the sequence covers with at least the confidence (Lan & DeMets 1983). Without
 * `look` it is one fixed-size comparison at alpha and confidence.
 * @param base the base side's results, round-aligned with the head's
 * @param head the head side's results
 * @param options filled from `DEFAULT_COMPARE_OPTIONS` (`history`, `interval: 'bootstrap'` and
 *   `jobNoiseFloor` do not apply to paired rounds and are ignored)
 * @param look which look of an adaptive comparison this is; absent for a fixed number of rounds
 * @returns one comparison per benchmark metric, in the head's order, then those only the base has
 * @throws ConfigError when an option is out of range; RangeError when a look is out of range or a
 *   metric's rounds do not line up
 */
export function comparePaired(base: Results, head: Results, options: Partial<CompareOptions> = {}, look?: PairedLook): Comparison[] {
  const settings = resolveCompareOptions(options);
  if (look) checkLook(look);
  const spending = look?.spending ?? 'pocock';
  const levelsOf = (alpha: number): SequentialLook | null =>
    look
      ? {
          look: look.index,
          maxLooks: look.max,
          spending,
          alpha: lookAlpha(look.index, look.max, alpha, spending),
          confidence: 1 - lookAlpha(look.index, look.max, 1 - settings.confidence, spending),
        }
      : null;

  const resolve = (id: string, metric: string, gate: boolean): ResolvedSettings =>
    resolveOverrides(settings.overrides, id, metric, { threshold: settings.threshold, alpha: settings.alpha, gate });

  const empty = (id: string, metric: Metric | undefined, name: string, resolved: ResolvedSettings): Comparison => {
    const comparison: Comparison = {
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
      design: 'paired',
    };
    const levels = levelsOf(resolved.alpha);
    if (levels) comparison.sequential = levels;
    return comparison;
  };
  const untested = (comparison: Comparison): PendingComparison => ({ comparison, analysis: null, worse: Number.NaN, better: Number.NaN });

  const pending: PendingComparison[] = [];
  const baseById = new Map(base.benchmarks.map((b) => [b.id, b]));
  const seen = new Set<string>();
  const ordered: [Benchmark | undefined, Benchmark | undefined][] = [];
  for (const benchmark of head.benchmarks) {
    seen.add(benchmark.id);
    ordered.push([baseById.get(benchmark.id), benchmark]);
  }
  for (const benchmark of base.benchmarks) if (!seen.has(benchmark.id)) ordered.push([benchmark, undefined]);

  for (const [baseBenchmark, headBenchmark] of ordered) {
    const id = (headBenchmark ?? baseBenchmark)!.id;
    if (baseBenchmark?.state === 'errored' || headBenchmark?.state === 'errored') {
      const both = baseBenchmark?.state === 'errored' && headBenchmark?.state === 'errored';
      const side = both ? 'both' : baseBenchmark?.state === 'errored' ? 'baseline' : 'current';
      const message = [baseBenchmark, headBenchmark].flatMap((b) => (b?.state === 'errored' ? [b.error] : [])).join('; ');
      const names = metricNames(headBenchmark, baseBenchmark);
      for (const name of names.length > 0 ? names : ['latency-p50']) {
        const metric = headBenchmark?.metrics.find((m) => m.name === name) ?? baseBenchmark?.metrics.find((m) => m.name === name);
        const comparison = empty(id, metric, name, resolve(id, name, metric?.gate ?? true));
        comparison.verdict = 'errored';
        comparison.reason = `the ${side === 'both' ? 'benchmark errored on both sides' : `${side === 'baseline' ? 'base' : 'head'} benchmark errored`}: ${message}`;
        comparison.error = { side, message };
        pending.push(untested(comparison));
      }
      continue;
    }
    for (const name of metricNames(headBenchmark, baseBenchmark)) {
      const baseMetric = baseBenchmark?.metrics.find((m) => m.name === name);
      const headMetric = headBenchmark?.metrics.find((m) => m.name === name);
      const metric = headMetric ?? baseMetric!;
      const resolved = resolve(id, name, metric.gate);
      const comparison = empty(id, metric, name, resolved);
      comparison.baseline = baseMetric ? summarizeSide(baseMetric) : null;
      comparison.current = headMetric ? summarizeSide(headMetric) : null;
      if (!baseMetric || !headMetric) {
        comparison.verdict = baseMetric ? 'missing' : 'new';
        comparison.reason = baseMetric
          ? 'the base has this benchmark metric but the head does not (removed, renamed or filtered out?)'
          : 'only the head has this benchmark metric (the base tree does not have it)';
        pending.push(untested(comparison));
        continue;
      }
      if (baseMetric.unit !== headMetric.unit || baseMetric.direction !== headMetric.direction) {
        comparison.reason = `the unit or direction changed (${baseMetric.unit}, ${baseMetric.direction} → ${headMetric.unit}, ${headMetric.direction}): not comparable`;
        pending.push(untested(comparison));
        continue;
      }
      const levels = comparison.sequential;
      const confidence = levels?.confidence ?? settings.confidence;
      const { analysis, intervalLevel, logRatios } = analyzePaired(baseMetric, headMetric, confidence);
      comparison.flags = collectPairedFlags({
        rounds: baseMetric.runs.length,
        logRatios,
        threshold: resolved.threshold,
        alpha: levels?.alpha ?? resolved.alpha,
        outlierFence: settings.outlierFence,
      });
      if (analysis.ratio !== null) comparison.change = describeChange(analysis.ratio, metric.direction);
      if (analysis.kind === 'untestable') {
        comparison.reason = analysis.reason;
        pending.push(untested(comparison));
        continue;
      }
      if (analysis.interval !== null) comparison.interval = describeInterval(analysis.intervalMethod, intervalLevel, analysis.interval, metric.direction);
      const up = metric.direction === 'smaller';
      pending.push({ comparison, analysis, worse: up ? analysis.pUp : analysis.pDown, better: up ? analysis.pDown : analysis.pUp });
    }
  }

  decideFamilies(pending, {
    alphaOf: (comparison) => comparison.sequential?.alpha ?? comparison.alpha,
    separationP: smallestSignedRankP,
  });
  return pending.map((entry) => entry.comparison);
}
