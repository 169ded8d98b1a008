import { createRandom } from './create-random.ts';

/** Options of `bootstrapRatioOfMedians`. */
export interface BootstrapOptions {
  /** @default 2000 */
  resamples: number;
  /** @default 0.95 */
  confidence: number;
  /** @default 1 */
  seed: number;
}

/** A bootstrap ratio of medians with its percentile interval and what reproduces it. */
export interface BootstrapResult {
  /** median(y) / median(x) of the observed samples. */
  ratio: number;
  low: number;
  high: number;
  /** The seed used; the same seed and samples give the same interval. */
  seed: number;
  resamples: number;
}

/** The defaults of `BootstrapOptions`. */
export const DEFAULT_BOOTSTRAP_OPTIONS: Readonly<BootstrapOptions> = Object.freeze({ resamples: 2000, confidence: 0.95, seed: 1 });

function medianInPlace(values: Float64Array): number {
  values.sort();
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

function resampleMedian(sample: readonly number[], random: () => number, scratch: Float64Array): number {
  for (let i = 0; i < scratch.length; i++) scratch[i] = sample[Math.floor(random() * sample.length)]!;
  return medianInPlace(scratch);
}

/** R's default quantile (type 7) of sorted values. */
function quantileSorted(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? 0) - sorted[lo]!);
}

/**
 * Percentile bootstrap interval of the ratio of medians median(y) / median(x): each resample
 * draws x and y independently with replacement. Seeded, so the same seed gives the same
 * interval; the seed is returned so the report can record it.
 * Source: Efron & Tibshirani, An Introduction to the Bootstrap (1993), §13.3.
 * @param x baseline sample, at least 1 value, median not 0
 * @param y current sample, at least 1 value
 * @param options resamples, confidence and seed
 * @returns the observed ratio, the interval, the seed and the number of resamples
 * @throws RangeError when a sample is empty, the baseline median is 0, or an option is out of range
 * @example
 * bootstrapRatioOfMedians([10, 11, 9, 10, 10], [12, 13, 12, 11, 12], { seed: 7 }).ratio; // => 1.2
 */
export function bootstrapRatioOfMedians(x: readonly number[], y: readonly number[], options: Partial<BootstrapOptions> = {}): BootstrapResult {
  const { resamples, confidence, seed } = { ...DEFAULT_BOOTSTRAP_OPTIONS, ...options };
  if (x.length < 1 || y.length < 1) throw new RangeError(`bootstrapRatioOfMedians needs at least 1 value per sample, got ${x.length} and ${y.length}`);
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const baseline = medianInPlace(Float64Array.from(x));
  if (baseline === 0) throw new RangeError('bootstrapRatioOfMedians: the baseline median is 0, so no ratio exists');
  const ratio = medianInPlace(Float64Array.from(y)) / baseline;
  const random = createRandom(seed);
  const scratchX = new Float64Array(x.length);
  const scratchY = new Float64Array(y.length);
  const ratios = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    const denominator = resampleMedian(x, random, scratchX);
    ratios[r] = resampleMedian(y, random, scratchY) / denominator;
  }
  ratios.sort();
  const alpha = 1 - confidence;
  return { ratio, low: quantileSorted(ratios, alpha / 2), high: quantileSorted(ratios, 1 - alpha / 2), seed, resamples };
}
