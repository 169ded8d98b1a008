/**
 * Two variants timed side by side in one process: within each round they alternate in
 * mini-batches (which goes first alternates too), so a load spike on a shared machine lands on
 * both; the ratio of a round is the median over its adjacent mini-batch pairs, and the result is
 * the median over rounds with the interquartile range. Used by the model ratio scripts.
 */

import { median } from '../src/stats/median.ts';

/** The slow variant's throughput over the fast one's, and each one's time per unit. */
export interface SideBySide {
  /** Median over rounds of the fast/slow time ratio (= slow/fast throughput). */
  ratio: number;
  /** Interquartile range of the rounds' ratios. */
  low: number;
  high: number;
  /** Median over rounds of each one's median mini-batch, ms per unit of work. */
  fastMs: number;
  slowMs: number;
}

let sink = 0;

/** Milliseconds to run `count` units. */
function time(run: () => number, count: number): number {
  const start = performance.now();
  for (let i = 0; i < count; i++) sink = (sink + run()) >>> 0;
  return performance.now() - start;
}

/**
 * @param fast one unit of the fast variant (returns a checksum)
 * @param slow one unit of the slow variant
 * @param rounds rounds
 * @param units units per variant per round, split into `slices` mini-batches
 * @param slices mini-batches per round @default 40
 * @returns the ratio, its interquartile range and the times per unit
 */
export function compareSideBySide(fast: () => number, slow: () => number, rounds: number, units: number, slices = 40): SideBySide {
  const slice = Math.max(1, Math.round(units / slices));
  for (let i = 0; i < 3; i++) {
    time(fast, units);
    time(slow, units);
  }
  const ratios: number[] = [];
  const fastMs: number[] = [];
  const slowMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const pairs: number[] = [];
    const fastSlices: number[] = [];
    const slowSlices: number[] = [];
    for (let i = 0; i < slices; i++) {
      const fastFirst = (round + i) % 2 === 0;
      const first = time(fastFirst ? fast : slow, slice);
      const second = time(fastFirst ? slow : fast, slice);
      const [fastSlice, slowSlice] = fastFirst ? [first, second] : [second, first];
      pairs.push(fastSlice / slowSlice);
      fastSlices.push(fastSlice);
      slowSlices.push(slowSlice);
    }
    // the median pair: a slice that lost the CPU to another process moves it little
    ratios.push(median(pairs));
    fastMs.push(median(fastSlices) / slice);
    slowMs.push(median(slowSlices) / slice);
  }
  ratios.sort((a, b) => a - b);
  const quartile = Math.floor(rounds / 4);
  return { ratio: median(ratios), low: ratios[quartile]!, high: ratios[rounds - 1 - quartile]!, fastMs: median(fastMs), slowMs: median(slowMs) };
}

/** Keeps the timed work observable. */
export function sideBySideSink(): number {
  return sink;
}
