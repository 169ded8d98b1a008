import { createRandom } from './create-random.ts';
import { eDivisiveStatistics } from './e-divisive-statistics.ts';

/** Settings of `eDivisive`. */
export interface EDivisiveOptions {
  /** A change point is kept when its permutation p value is at most this. @default 0.01 */
  alpha: number;
  /**
   * Permutations per test; the smallest possible p value is 1 / (permutations + 1), so it must
   * be at least 1 / alpha − 1 (99 for 0.01: then a change point needs every permutation below it). @default 99
   */
  permutations: number;
  /** The fewest values on either side of a change point. @default 3 */
  minSize: number;
  /** Seed of the permutations, so the same series always gives the same answer. @default 1 */
  seed: number;
  /** Stop after this many change points (a bound on the work for a long, wild series). @default 20 */
  maxChangePoints: number;
}

/** The defaults of `EDivisiveOptions`. */
export const DEFAULT_E_DIVISIVE_OPTIONS: EDivisiveOptions = { alpha: 0.01, permutations: 99, minSize: 3, seed: 1, maxChangePoints: 20 };

/** One change point found by `eDivisive`. */
export interface EDivisiveChangePoint {
  /** The first value after the change: the series changes between `index − 1` and `index`. */
  index: number;
  /** `eDivisiveStatistics` at `index`, inside the segment the split was found in. */
  statistic: number;
  /** (1 + permutations with a statistic at least as large) / (1 + permutations). */
  pValue: number;
}

/** What `eDivisive` found, in series order, and what it cost. */
export interface EDivisiveResult {
  changePoints: EDivisiveChangePoint[];
  /** Permutations evaluated over all tests (the early stop makes it far fewer than the bound). */
  permutationsRun: number;
}

/**
 * E-divisive means: finds change points in the distribution of a series by recursive bisection.
 * Each round takes, over the segments between the change points found so far, the split with the
 * largest divergence statistic (`eDivisiveStatistics`, at least `minSize` values each side), and
 * keeps it when a permutation test says it is significant: the values of every segment are
 * shuffled within the segment, the largest statistic of the shuffled series is recomputed, and
 * p = (1 + count of shuffled maxima ≥ the observed one) / (1 + permutations). The first round
 * stops when nothing is significant, so a series of exchangeable values shows a change point with
 * probability at most `alpha`. A test stops early once it can no longer reach `alpha` (the same
 * decision as running every permutation), which makes stationary series cheap.
 *
 * Why this method: it assumes no noise distribution (benchmark noise is skewed and heavy-tailed),
 * needs no penalty to tune, and its false-alarm rate is set by `alpha` alone.
 * Source: D. S. Matteson and N. A. James, JASA 109 (2014), §2–3; the search and the permutation
 * scheme as in MongoDB's signal-processing-algorithms `e_divisive` (Daly et al., ICPE 2020), used
 * by Apache Otava. Two deliberate differences: p counts the observed statistic itself (their
 * p = count / (permutations + 1) can reach 0), and a `minSize` bound on segments.
 * @param values the series, oldest first (for timings, log values)
 * @param options see `EDivisiveOptions`; missing fields come from the defaults
 * @returns the change points in series order
 * @throws RangeError for an alpha outside (0, 1) or too few permutations to reach it
 * @example
 * eDivisive([1, 1.1, 0.9, 1, 1.05, 0.95, 2, 2.1, 1.9, 2, 2.05, 1.95], { alpha: 0.05, permutations: 99 }).changePoints.map((c) => c.index); // => [6]
 */
export function eDivisive(values: readonly number[], options: Partial<EDivisiveOptions> = {}): EDivisiveResult {
  const settings: EDivisiveOptions = { ...DEFAULT_E_DIVISIVE_OPTIONS, ...options };
  const { alpha, permutations, minSize } = settings;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`eDivisive: alpha must be in (0, 1), got ${alpha}`);
  if (!Number.isInteger(permutations) || (1 + 0) / (permutations + 1) > alpha) {
    throw new RangeError(`eDivisive: ${permutations} permutations cannot give a p value of ${alpha} or less; use at least ${Math.ceil(1 / alpha - 1)}`);
  }
  if (!Number.isInteger(minSize) || minSize < 1) throw new RangeError(`eDivisive: minSize must be a positive integer, got ${minSize}`);
  for (const value of values) if (!Number.isFinite(value)) throw new RangeError(`eDivisive: every value must be finite, got ${value}`);

  const random = createRandom(settings.seed);
  const found: EDivisiveChangePoint[] = [];
  const bestOf = new Map<string, { index: number; statistic: number } | null>();
  let permutationsRun = 0;
  const rankCache = new Map<string, Int32Array>();
  /** The ranks of a segment's values, sorted once and reused by every shuffle. */
  const ranksOf = (start: number, end: number): Int32Array => {
    const key = `${start}:${end}`;
    let ranks = rankCache.get(key);
    if (!ranks) {
      const segment = values.slice(start, end);
      const order = Array.from({ length: segment.length }, (_, index) => index).sort((a, b) => segment[a]! - segment[b]!);
      ranks = new Int32Array(segment.length);
      order.forEach((index, position) => {
        ranks![index] = position;
      });
      rankCache.set(key, ranks);
    }
    return ranks;
  };
  // Exceedances beyond this many mean p > alpha whatever the remaining permutations give.
  const allowed = Math.floor(alpha * (permutations + 1) - 1 + 1e-9);

  while (found.length < settings.maxChangePoints) {
    const bounds = [0, ...found.map((point) => point.index).sort((a, b) => a - b), values.length];
    const segments: [number, number][] = [];
    for (let i = 1; i < bounds.length; i++) if (bounds[i]! - bounds[i - 1]! >= 2 * minSize) segments.push([bounds[i - 1]!, bounds[i]!]);
    let best: { index: number; statistic: number } | null = null;
    for (const [start, end] of segments) {
      const key = `${start}:${end}`;
      if (!bestOf.has(key)) {
        const split = largestSplit(values.slice(start, end), minSize, ranksOf(start, end));
        bestOf.set(key, split === null ? null : { index: start + split.index, statistic: split.statistic });
      }
      const candidate = bestOf.get(key)!;
      if (candidate !== null && (best === null || candidate.statistic > best.statistic)) best = candidate;
    }
    if (best === null || !(best.statistic > 0)) break;

    let exceed = 0;
    for (let round = 0; round < permutations && exceed <= allowed; round++) {
      permutationsRun++;
      let largest = Number.NEGATIVE_INFINITY;
      for (const [start, end] of segments) {
        const shuffled = values.slice(start, end);
        const ranks = ranksOf(start, end).slice();
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1));
          const swap = shuffled[i]!;
          shuffled[i] = shuffled[j]!;
          shuffled[j] = swap;
          const swapRank = ranks[i]!;
          ranks[i] = ranks[j]!;
          ranks[j] = swapRank;
        }
        const split = largestSplit(shuffled, minSize, ranks);
        if (split !== null && split.statistic > largest) largest = split.statistic;
      }
      if (largest >= best.statistic) exceed++;
    }
    if (exceed > allowed) break;
    found.push({ index: best.index, statistic: best.statistic, pValue: (1 + exceed) / (1 + permutations) });
  }
  return { changePoints: found.sort((a, b) => a.index - b.index), permutationsRun };
}

/** The split with the largest statistic with at least `minSize` values each side, or null. */
function largestSplit(segment: readonly number[], minSize: number, ranks?: Int32Array): { index: number; statistic: number } | null {
  if (segment.length < 2 * minSize) return null;
  const statistics = eDivisiveStatistics(segment, ranks);
  let index = minSize;
  for (let tau = minSize + 1; tau <= segment.length - minSize; tau++) if (statistics[tau]! > statistics[index]!) index = tau;
  return { index, statistic: statistics[index]! };
}
