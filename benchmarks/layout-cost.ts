/**
 * The layout cost model's inputs, measured on the running machine (the shell around
 * `predictRequestNs`, src/models/layout/predict-time.ts):
 * - the copy cost, ns per byte: the plan's copies, exactly their sizes and order, replayed
 *   between two frames of an arena of their own (hot in cache, as a move between stack slots is);
 * - the compute, ns per request: the replay's fragment work without any of the plan's copies.
 * The two are measured in alternating batches within each round, so both see the same load, and
 * each is the median over rounds.
 */
import type { Replay } from '../src/models/layout/index.ts';
import { median } from '../src/stats/median.ts';

/** The cost model's inputs and how much they moved between rounds. */
export interface CostInputs {
  /** Median copy cost, ns per byte. */
  nsPerByte: number;
  /** Lowest and highest round's copy cost. */
  nsPerByteRange: [number, number];
  /** Median compute per request, ns. */
  computeNs: number;
}

let sink = 0;

/** A copier of one request's copies (sizes in order), ping-ponging between two frames. */
function copier(copySizes: readonly number[]): () => number {
  const sizes = Int32Array.from(copySizes);
  const frame = Math.max(64, ...copySizes);
  const arena = new Uint8Array(2 * frame);
  for (let i = 0; i < arena.length; i++) arena[i] = i & 255;
  return () => {
    let from = 0;
    let to = frame;
    let checksum = 0;
    for (let i = 0; i < sizes.length; i++) {
      arena.copyWithin(to, from, from + sizes[i]!);
      checksum = (checksum + arena[to]!) >>> 0;
      [from, to] = [to, from];
    }
    return checksum;
  };
}

function timeNs(run: () => number, count: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) sink = (sink + run()) >>> 0;
  return Number(process.hrtime.bigint() - start) / count;
}

/**
 * Measures the copy cost of `copySizes` and the compute of `replay`, interleaved.
 * @param replay the replay whose compute (`runCompute`) is the request's work without copies
 * @param copySizes the copies whose cost is measured (one request's, in order)
 * @param rounds rounds; each times one batch of each @default 9
 * @param targetMs wall time each batch aims at @default 5
 * @returns the medians and the copy cost's range
 */
export function measureCostInputs(replay: Replay, copySizes: readonly number[], rounds = 9, targetMs = 5): CostInputs {
  const copy = copier(copySizes);
  // V8 can run the compute unoptimized, at a steady 4–5× its optimized time, for the first
  // ~100 ms of calls: a whole first pass is warm-up and is thrown away
  measurePass(copy, replay.runCompute, 0, rounds, targetMs);
  return measurePass(
    copy,
    replay.runCompute,
    copySizes.reduce((a, b) => a + b, 0),
    rounds,
    targetMs,
  );
}

function measurePass(copy: () => number, work: () => number, bytes: number, rounds: number, targetMs: number): CostInputs {
  const copyBatch = Math.max(1, Math.round((targetMs * 1e6) / Math.max(1, timeNs(copy, 50))));
  const workBatch = Math.max(1, Math.round((targetMs * 1e6) / Math.max(1, timeNs(work, 50))));
  const perByte: number[] = [];
  const compute: number[] = [];
  for (let round = 0; round < rounds; round++) {
    perByte.push(timeNs(copy, copyBatch) / Math.max(1, bytes));
    compute.push(timeNs(work, workBatch));
  }
  return { nsPerByte: median(perByte), nsPerByteRange: [Math.min(...perByte), Math.max(...perByte)], computeNs: median(compute) };
}
