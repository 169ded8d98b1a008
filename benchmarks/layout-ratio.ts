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
import { compareSideBySide, sideBySideSink } from './side-by-side.ts';

// as in layout.bench.ts: optimize on the main thread, so a busy machine cannot delay it
setFlagsFromString('--no-concurrent-recompilation');
setFlagsFromString('--no-concurrent-osr');
// V8's mid tier (Maglev) ran the replay's request at 4–5× its optimized time for its first ~3,000
// requests (~170 ms, longer on a loaded machine): process runs that measured in it formed a slow
// mode of whole processes. Without Maglev, code goes from the baseline tier to TurboFan within ~20 ms.
setFlagsFromString('--no-maglev');

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '21' }, requests: { type: 'string', default: '4000' } } });
const rounds = Number(values.rounds);
const requests = Number(values.requests);

function replayOf(error: ErrorLayout, dispatch: Dispatch): Replay {
  return createReplay(planSuiteRequest(error, dispatch), SERVICE_REPLAY_OPTIONS);
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

/** Mini-batches per round. */
const SLICES = 40;
const layout = compareSideBySide(boxed.runRequest, inline.runRequest, rounds, requests, SLICES);
const dispatch = compareSideBySide(boxed.runRequest, asyncTrait.runRequest, rounds, requests, SLICES);
const layoutPredicted = predictRatio(boxed, inline);
const percent = (x: number): string => `${((x - 1) * 100).toFixed(1)}%`;
console.log(`${rounds} rounds of ${requests} requests per variant, alternating in ${SLICES} mini-batches (median over rounds, interquartile range)`);
console.log(
  `inline-error / boxed-error throughput: measured ${layout.ratio.toFixed(3)} (${percent(layout.ratio)}), IQR ${layout.low.toFixed(3)}–${layout.high.toFixed(3)}; cost model ${layoutPredicted.toFixed(3)}; boxed ${(1000 / layout.fastMs).toFixed(0)} req/s`,
);
console.log(
  `async-trait / direct throughput:       measured ${dispatch.ratio.toFixed(3)} (${percent(dispatch.ratio)}), IQR ${dispatch.low.toFixed(3)}–${dispatch.high.toFixed(3)}; direct ${(1000 / dispatch.fastMs).toFixed(0)} req/s`,
);
console.log(
  `bytes copied per request: boxed ${boxed.bytesCopiedPerRequest}, inline ${inline.bytesCopiedPerRequest}; allocations: direct ${boxed.allocationsPerRequest}, async-trait ${asyncTrait.allocationsPerRequest}`,
);
if (sideBySideSink() === 0.5) console.log('');
