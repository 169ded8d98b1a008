import type { Metric, Results } from '../results/schema.ts';
import { analyzeMetric, type Analysis, type TestedAnalysis } from './analyze-metric.ts';
import { decideFamilies, type PendingComparison } from './decide-families.ts';
import { diffFingerprints } from './fingerprint.ts';
import { historyKey } from './history.ts';
import { chooseJobTerm, jobNoiseLimits, precedent } from './job-term.ts';
import { resolveCompareOptions, type CompareOptions } from './options.ts';
import { comparisonFields, pairMetrics } from './pair-metrics.ts';
import { collectFlags } from './quality-flags.ts';
import type { Change, Comparison, Interval, NoiseModel } from './schema.ts';
import { summarizeSide } from './side-summary.ts';

/** Change in the report's three forms from a current / baseline ratio. */
export function describeChange(ratio: number, direction: Metric['direction']): Change {
  return { ratio, metric: ratio - 1, throughput: direction === 'smaller' ? 1 / ratio - 1 : ratio - 1 };
}

/** The interval of a current / baseline ratio in the report's three forms. */
export function describeInterval(method: Interval['method'], level: number, [low, high]: [number, number], direction: Metric['direction']): Interval {
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
    jobNoiseLimits(Math.log(analysis.ratio), [Math.log(analysis.interval[0]), Math.log(analysis.interval[1])], analysis.jobHalfWidths, threshold);
  if (job.model === 'prior-floor') return { model: 'prior-floor', sd: job.sd, limitedByJobNoise };
  return {
    model: 'history',
    jobs: job.jobs,
    sd: job.sd,
    df: job.df!,
    baselineSd: job.baselineSd,
    limitedByJobNoise,
    precedent: analysis.ratio === null ? 0 : precedent(job, Math.log(analysis.ratio)),
  };
}

/** Either a finished comparison or one that waits for the adjusted p values. */
type Slot = { done: Comparison } | { pending: PendingComparison };

/**
 * Compares two results benchmark by benchmark and metric by metric: the change with its
 * interval, one-sided p values Holm-adjusted over the gated family, quality flags and a verdict
 * by the decision rule in `decideVerdict` (README "Statistics"). Every reason is data; the report
 * writes the words.
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
  const fingerprint = baseline ? diffFingerprints(baseline.environment, current.environment, settings.fingerprintMismatch) : [];

  const common = (id: string, metric: Metric | undefined, name: string, gate: boolean) => comparisonFields(settings, id, metric, name, gate);

  const slots: Slot[] = [];
  for (const entry of pairMetrics(baseline, current, common, baseline ? 'added' : 'no-baseline')) {
    if ('done' in entry) {
      slots.push(entry);
      continue;
    }
    const { id, name, baseMetric, headMetric: curMetric, fields } = entry.pair;
    const sides = { baseline: summarizeSide(baseMetric), current: summarizeSide(curMetric) };
    fields.flags = collectFlags({
      baseline: { metric: baseMetric, summary: sides.baseline },
      current: { metric: curMetric, summary: sides.current },
      threshold: fields.threshold,
      alpha: fields.alpha,
      outlierFence: settings.outlierFence,
      fingerprint,
    });
    const untested = { ...fields, ...sides, verdict: 'inconclusive' as const, change: null, interval: null, p: null, noise: null };
    if (baseMetric.unit !== curMetric.unit || baseMetric.direction !== curMetric.direction) {
      slots.push({ done: { ...untested, reason: { cause: 'incomparable', baselineUnit: baseMetric.unit, baselineDirection: baseMetric.direction } } });
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
          baselineCenter: sides.baseline.center,
        });
    const analysis: Analysis = analyzeMetric(baseMetric, curMetric, job, settings, key, {
      baseline: sides.baseline.center,
      current: sides.current.center,
    });
    if (analysis.kind === 'untestable') {
      slots.push({
        done: {
          ...untested,
          change: analysis.ratio === null ? null : describeChange(analysis.ratio, curMetric.direction),
          reason: { cause: 'untestable', oneValuePerJob: analysis.oneValuePerJob, minHistoryJobs: settings.minHistoryJobs },
        },
      });
      continue;
    }
    const up = curMetric.direction === 'smaller';
    slots.push({
      pending: {
        fields: {
          ...fields,
          ...sides,
          change: analysis.ratio === null ? null : describeChange(analysis.ratio, curMetric.direction),
          interval:
            analysis.interval === null
              ? null
              : describeInterval(analysis.intervalMethod, analysis.exact ? 1 : settings.confidence, analysis.interval, curMetric.direction),
          noise: describeNoise(analysis, fields.threshold),
        },
        analysis,
        worse: up ? analysis.pUp : analysis.pDown,
        better: up ? analysis.pDown : analysis.pUp,
      },
    });
  }

  const finished = decideFamilies(slots.flatMap((slot) => ('pending' in slot ? [slot.pending] : [])));
  return slots.map((slot) => ('done' in slot ? slot.done : finished.get(slot.pending)!));
}
