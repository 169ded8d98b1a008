/**
 * benchgate's own suite, data-layout half: Alan's story (docs/models/layout.md).
 *
 * `ddsplit-replay` replays the request of the real Rust counterpart (examples/rust-async-traps,
 * `planServiceRequest`) on real memory: its fragment work (two hash passes per part, a zeroed
 * payload), then every memcpy and allocation the move accounting counts. Beside the measured time
 * it reports the cost model's `predicted-time` (bytes copied at the copy cost measured in this
 * process, plus the measured compute), so a comparison shows the predicted change beside the
 * measured one. `layout-model` times the model itself (laying out Alan's types and accounting the
 * request). `BENCHGATE_VARIANT=layout=inline-error` keeps the 50 KB error variants inline;
 * `dispatch=async-trait` boxes every call's future. Task names never change with the variant.
 */
import { setFlagsFromString } from 'node:v8';
import { Bench } from 'tinybench';
import {
  DISPATCHES,
  ERROR_LAYOUTS,
  accountMoves,
  computeLayout,
  createReplay,
  planSuiteRequest,
  predictRequestNs,
  SERVICE_REPLAY_OPTIONS,
  BOXED_RESULT,
  INLINE_RESULT,
  type MoveAccount,
} from '../src/models/layout/index.ts';
import { selectVariant } from '../src/runner/select-variant.ts';
import type { CustomMetric, SuiteMetrics } from '../src/runner/suite.ts';
import { measureCostInputs } from './layout-cost.ts';

// On a loaded machine V8's background optimizing compiler can get no CPU for the whole 100 ms
// a task runs, so some process runs measured unoptimized code (2.5× slower, bimodal across runs).
// Compiling on the main thread makes every run measure optimized code.
setFlagsFromString('--no-concurrent-recompilation');
setFlagsFromString('--no-concurrent-osr');
// V8's mid tier (Maglev) ran the replay's request at 4–5× its optimized time for its first ~3,000
// requests (~170 ms, longer on a loaded machine): process runs that measured in it formed a slow
// mode of whole processes. Without Maglev, code goes from the baseline tier to TurboFan within ~20 ms.
setFlagsFromString('--no-maglev');

/** Where DistriErr keeps its big variants; `boxed-error` is the fast default. */
export const errorLayout = selectVariant(process.env.BENCHGATE_VARIANT, 'layout', ERROR_LAYOUTS, 'boxed-error');
/** How the request's layers call each other; `direct` is the fast default. */
export const dispatch = selectVariant(process.env.BENCHGATE_VARIANT, 'dispatch', DISPATCHES, 'direct');

/** Requests per timed iteration, so one sample (~0.1 ms) sits well above the timer's resolution. */
const REQUESTS_PER_ITERATION = 16;

const plan = planSuiteRequest(errorLayout, dispatch);
const replay = createReplay(plan, SERVICE_REPLAY_OPTIONS);
let sink = 0;

const resultType = errorLayout === 'inline-error' ? INLINE_RESULT : BOXED_RESULT;

function describeAccount(account: MoveAccount): CustomMetric[] {
  if (!account.supported) throw new Error(`layout model: ${account.reason}`);
  return [
    { name: 'bytes-copied', unit: 'B/req', direction: 'smaller', value: account.bytesCopied },
    { name: 'allocations', unit: 'alloc/req', direction: 'smaller', value: account.allocations },
  ];
}

/** The cost model's prediction for one iteration (16 requests), from inputs measured now, in this process. */
function predictedTime(account: MoveAccount): CustomMetric {
  if (!account.supported) throw new Error(`layout model: ${account.reason}`);
  const inputs = measureCostInputs(replay, replay.copySizes);
  const ns = predictRequestNs(account.bytesCopied, inputs.nsPerByte, inputs.computeNs) * REQUESTS_PER_ITERATION;
  return { name: 'predicted-time', unit: 'ms', direction: 'smaller', value: ns / 1e6, gate: false };
}

const bench = new Bench();
bench.add('ddsplit-replay', () => {
  for (let i = 0; i < REQUESTS_PER_ITERATION; i++) sink = (sink + replay.runRequest()) >>> 0;
});

/** One iteration of `layout-model`: lay out Alan's result type and account the request's moves. */
function runLayoutModel(): void {
  const layout = computeLayout(resultType);
  const account = accountMoves(planSuiteRequest(errorLayout, dispatch));
  if (layout.supported && account.supported) sink = (sink + layout.size + account.bytesCopied) >>> 0;
}

/**
 * Iterations of `layout-model` run once when the suite loads, in every process. Without Maglev
 * the model's code reaches its steady state only after ~300 ms (it is deoptimized on "wrong map"
 * and re-optimized twice); within the runner's 20 ms warmup and 100 ms timing a process measured
 * either the steady state or the transition, so its process runs were bimodal (about 55 and
 * 80 µs) and its job-to-job σ was 7–13%. A count, not a time, brings every process to the same
 * tier, since V8's tiering follows invocation counts (compilation is synchronous here): after
 * 3,000 iterations (~0.2 s) 62 of 70 runs of the task alone were 29–35.5 µs and 8 were 42–63 µs
 * (the slow mode went from about half of the processes to about 1 in 9, which a median of 10
 * runs absorbs: robust σ_job 1.2% across 16 jobs); 10,000 iterations left 2 of 40 slow, at 3×
 * the cost. A warmup in the task's own `beforeAll` left 5 of 40 at 41–56 µs. docs/models/layout.md.
 */
export const LAYOUT_MODEL_WARMUP_ITERATIONS = 3_000;
for (let i = 0; i < LAYOUT_MODEL_WARMUP_ITERATIONS; i++) runLayoutModel();

bench.add('layout-model', runLayoutModel);

export const metrics: SuiteMetrics = {
  'ddsplit-replay': () => [...describeAccount(accountMoves(plan)), predictedTime(accountMoves(plan))],
  'layout-model': () => {
    const layout = computeLayout(resultType);
    if (!layout.supported) throw new Error(`layout model: ${layout.reason}`);
    return [{ name: 'result-size', unit: 'B', direction: 'smaller', value: layout.size }];
  },
};

export default bench;
