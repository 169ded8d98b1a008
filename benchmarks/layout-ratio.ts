/**
 * Alan's story, measured side by side and predicted: replays the suite's boxed-error and
 * inline-error requests (the Rust counterpart's request, `planSuiteRequest`; and direct vs
 * async-trait dispatch) in one process, alternating which goes first, and prints each throughput
 * ratio as the median over rounds. Within a round the two alternate in mini-batches, so both see
 * the same machine load. Beside the replay's measured ratio it prints the cost model's predicted
 * ratio (bytes copied at the copy cost measured in this process, plus the measured compute).
 *
 *   npx node benchmarks/layout-ratio.ts [--rounds 21] [--requests 4000]
 */
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import {
  createReplay,
  planSuiteRequest,
  predictRequestNs,
  SERVICE_REPLAY_OPTIONS,
  type Dispatch,
  type ErrorLayout,
  type Replay,
} from '../src/models/layout/index.ts';
import { measureCostInputs } from './layout-cost.ts';

// as in layout.bench.ts: optimize on the main thread, so a busy machine cannot delay it
setFlagsFromString('--no-concurrent-recompilation');
setFlagsFromString('--no-concurrent-osr');

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '21' }, requests: { type: 'string', default: '4000' } } });
const rounds = Number(values.rounds);
const requests = Number(values.requests);
let sink = 0;

function replayOf(error: ErrorLayout, dispatch: Dispatch): Replay {
  return createReplay(planSuiteRequest(error, dispatch), SERVICE_REPLAY_OPTIONS);
}

/** Milliseconds to run `count` requests. */
function time(replay: Replay, count: number): number {
  const start = performance.now();
  for (let i = 0; i < count; i++) sink = (sink + replay.runRequest()) >>> 0;
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Mini-batches per round: alternating at this grain keeps a load spike on the shared machine from landing on one side only. */
const SLICES = 40;

/** The slow variant's throughput over the fast one's: per round, the median over adjacent mini-batch pairs. */
function compare(fast: Replay, slow: Replay): { ratio: number; low: number; high: number; fastPerMs: number } {
  const slice = Math.max(1, Math.round(requests / SLICES));
  for (let i = 0; i < 3; i++) {
    time(fast, requests);
    time(slow, requests);
  }
  const ratios: number[] = [];
  const fastRates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const pairs: number[] = [];
    let fastMs = 0;
    for (let i = 0; i < SLICES; i++) {
      const fastFirst = (round + i) % 2 === 0;
      const first = time(fastFirst ? fast : slow, slice);
      const second = time(fastFirst ? slow : fast, slice);
      const [fastSlice, slowSlice] = fastFirst ? [first, second] : [second, first];
      pairs.push(fastSlice / slowSlice);
      fastMs += fastSlice;
    }
    // the median pair: a slice that lost the CPU to another process moves it little
    ratios.push(median(pairs));
    fastRates.push((SLICES * slice) / fastMs);
  }
  ratios.sort((a, b) => a - b);
  const quartile = Math.floor(rounds / 4);
  return { ratio: median(ratios), low: ratios[quartile]!, high: ratios[rounds - 1 - quartile]!, fastPerMs: median(fastRates) };
}

/** The cost model's ratio of the slow variant's throughput to the fast one's, inputs measured now. */
function predictRatio(fast: Replay, slow: Replay): number {
  const predict = (replay: Replay) => {
    const inputs = measureCostInputs(replay, replay.copySizes);
    return predictRequestNs(replay.bytesCopiedPerRequest, inputs.nsPerByte, inputs.computeNs);
  };
  return predict(fast) / predict(slow);
}

const boxed = replayOf('boxed-error', 'direct');
const inline = replayOf('inline-error', 'direct');
const asyncTrait = replayOf('boxed-error', 'async-trait');

const layout = compare(boxed, inline);
const dispatch = compare(boxed, asyncTrait);
const layoutPredicted = predictRatio(boxed, inline);
const percent = (x: number): string => `${((x - 1) * 100).toFixed(1)}%`;
console.log(`${rounds} rounds of ${requests} requests per variant, alternating in ${SLICES} mini-batches (median over rounds, interquartile range)`);
console.log(
  `inline-error / boxed-error throughput: measured ${layout.ratio.toFixed(3)} (${percent(layout.ratio)}), IQR ${layout.low.toFixed(3)}–${layout.high.toFixed(3)}; cost model ${layoutPredicted.toFixed(3)}; boxed ${(layout.fastPerMs * 1000).toFixed(0)} req/s`,
);
console.log(
  `async-trait / direct throughput:       measured ${dispatch.ratio.toFixed(3)} (${percent(dispatch.ratio)}), IQR ${dispatch.low.toFixed(3)}–${dispatch.high.toFixed(3)}; direct ${(dispatch.fastPerMs * 1000).toFixed(0)} req/s`,
);
console.log(
  `bytes copied per request: boxed ${boxed.bytesCopiedPerRequest}, inline ${inline.bytesCopiedPerRequest}; allocations: direct ${boxed.allocationsPerRequest}, async-trait ${asyncTrait.allocationsPerRequest}`,
);
if (sink === 0.5) console.log(sink);
