import type { Metric, Results } from '../results/schema.ts';
import { lookAlpha, type SpendingFunction } from '../stats/index.ts';
import { analyzePaired, smallestSignedRankP } from './analyze-paired.ts';
import { describeChange, describeInterval } from './compare-results.ts';
import { decideFamilies, type PendingComparison } from './decide-families.ts';
import { resolveCompareOptions, type CompareOptions } from './options.ts';
import { comparisonFields, pairMetrics } from './pair-metrics.ts';
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

/** Either a finished comparison or one that waits for the adjusted p values. */
type Slot = { done: Comparison } | { pending: PendingComparison };

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
 * verdicts as `compareResults` (`decideVerdict`). A benchmark only the head has is `new` (reason
 * `added`), only the base `missing`; errored on either side, `errored`. Each comparison says
 * `design: 'paired'`; its noise model is `within-job` (both sides ran in this job).
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
 * @throws RangeError when an option or a look is out of range, or a metric's rounds do not line up
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

  const common = (id: string, metric: Metric | undefined, name: string, gate: boolean) => {
    const fields = comparisonFields(settings, id, metric, name, gate);
    const levels = levelsOf(fields.alpha);
    return { ...fields, design: 'paired' as const, ...(levels ? { sequential: levels } : {}) };
  };

  const slots: Slot[] = [];
  for (const entry of pairMetrics(base, head, common)) {
    if ('done' in entry) {
      slots.push(entry);
      continue;
    }
    const { baseMetric, headMetric, fields } = entry.pair;
    const sides = { baseline: summarizeSide(baseMetric), current: summarizeSide(headMetric) };
    const untested = { ...fields, ...sides, verdict: 'inconclusive' as const, change: null, interval: null, p: null, noise: null };
    if (baseMetric.unit !== headMetric.unit || baseMetric.direction !== headMetric.direction) {
      slots.push({ done: { ...untested, reason: { cause: 'incomparable', baselineUnit: baseMetric.unit, baselineDirection: baseMetric.direction } } });
      continue;
    }
    const confidence = fields.sequential?.confidence ?? settings.confidence;
    const { analysis, intervalLevel, logRatios, droppedRounds } = analyzePaired(baseMetric, headMetric, confidence);
    fields.flags = collectPairedFlags({
      base: baseMetric,
      head: headMetric,
      logRatios,
      threshold: fields.threshold,
      alpha: fields.sequential?.alpha ?? fields.alpha,
      outlierFence: settings.outlierFence,
    });
    const change = analysis.ratio === null ? null : describeChange(analysis.ratio, headMetric.direction);
    if (analysis.kind === 'untestable') {
      slots.push({
        done: { ...untested, flags: fields.flags, change, reason: { cause: 'untestable', oneValuePerJob: false, minHistoryJobs: settings.minHistoryJobs } },
      });
      continue;
    }
    const up = headMetric.direction === 'smaller';
    slots.push({
      pending: {
        fields: {
          ...fields,
          ...sides,
          change,
          interval: analysis.interval === null ? null : describeInterval(analysis.intervalMethod, intervalLevel, analysis.interval, headMetric.direction),
          noise: { model: 'within-job' },
        },
        analysis,
        worse: up ? analysis.pUp : analysis.pDown,
        better: up ? analysis.pDown : analysis.pUp,
        ...(analysis.test === 'signed-rank' ? { extraP: { droppedRounds } } : {}),
      },
    });
  }

  const finished = decideFamilies(
    slots.flatMap((slot) => ('pending' in slot ? [slot.pending] : [])),
    { alphaOf: (fields) => fields.sequential?.alpha ?? fields.alpha, separationP: smallestSignedRankP },
  );
  return slots.map((slot) => ('done' in slot ? slot.done : finished.get(slot.pending)!));
}
