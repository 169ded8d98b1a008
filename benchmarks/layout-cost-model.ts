/**
 * The layout cost model against the real Rust build: measures this machine's copy cost for the
 * real request's copies (`planServiceRequest`, exactly their sizes and order) interleaved with
 * the request's compute in this process, calibrates the compute from the real boxed-error time,
 * and predicts the real inline-error time and the inline/boxed throughput ratio. `--repeat`
 * measures the copy cost afresh that many times, to show how far the prediction moves with it.
 *
 *   npx node benchmarks/layout-cost-model.ts --criterion examples/rust-async-traps/target/criterion [--repeat 7]
 *   npx node benchmarks/layout-cost-model.ts --boxed-ns 44579 --inline-ns 71587
 *
 * The two times are criterion's estimates of examples/rust-async-traps `ddsplit/*`, measured on
 * the same machine just before (docs/models/rust-counterpart.md).
 */
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { createReplay, planServiceRequest, predictRequestNs, SERVICE_REPLAY_OPTIONS } from '../src/models/layout/index.ts';
import { criterionEstimateNs } from './criterion-estimate.ts';
import { measureCostInputs } from './layout-cost.ts';

// as in layout.bench.ts: no mid tier (Maglev), whose code ran the replay's compute at 4–5× its optimized time for ~170 ms
setFlagsFromString('--no-maglev');

const { values } = parseArgs({
  options: {
    criterion: { type: 'string' },
    'boxed-ns': { type: 'string' },
    'inline-ns': { type: 'string' },
    repeat: { type: 'string', default: '7' },
    rounds: { type: 'string', default: '9' },
  },
});
const boxedNs = values.criterion ? criterionEstimateNs(values.criterion, 'ddsplit/boxed-error') : Number(values['boxed-ns']);
const inlineNs = values.criterion ? criterionEstimateNs(values.criterion, 'ddsplit/inline-error') : Number(values['inline-ns']);
if (!(boxedNs > 0) || !(inlineNs > 0)) throw new Error('give --criterion DIR, or --boxed-ns and --inline-ns as positive numbers (ns)');

const inline = createReplay(planServiceRequest('inline-error'), SERVICE_REPLAY_OPTIONS);
const boxed = createReplay(planServiceRequest('boxed-error'), SERVICE_REPLAY_OPTIONS);
const realRatio = boxedNs / inlineNs;
console.log(
  `real (criterion): boxed ${(boxedNs / 1000).toFixed(2)} µs, inline ${(inlineNs / 1000).toFixed(2)} µs, inline/boxed throughput ${realRatio.toFixed(3)}`,
);
console.log(`bytes copied per request: inline ${inline.bytesCopiedPerRequest}, boxed ${boxed.bytesCopiedPerRequest}`);
const ratios: number[] = [];
for (let i = 0; i < Number(values.repeat); i++) {
  // each variant's copies at their own sizes: a 6 KB copy costs more per byte than a 57 KB one
  const inlineCost = measureCostInputs(inline, inline.copySizes, Number(values.rounds));
  const boxedCost = measureCostInputs(boxed, boxed.copySizes, Number(values.rounds));
  const boxedCopyNs = boxed.bytesCopiedPerRequest * boxedCost.nsPerByte;
  const computeNs = Math.max(0, boxedNs - boxedCopyNs);
  const predictedInline = predictRequestNs(inline.bytesCopiedPerRequest, inlineCost.nsPerByte, computeNs);
  const predictedRatio = predictRequestNs(boxed.bytesCopiedPerRequest, boxedCost.nsPerByte, computeNs) / predictedInline;
  ratios.push(predictedRatio / realRatio);
  console.log(
    `${i + 1}: copy cost inline ${inlineCost.nsPerByte.toFixed(4)} ns/B (${(1 / inlineCost.nsPerByte).toFixed(1)} GB/s), boxed ${boxedCost.nsPerByte.toFixed(4)} ns/B; compute ${(computeNs / 1000).toFixed(2)} µs; inline predicted ${(predictedInline / 1000).toFixed(2)} µs; ratio predicted ${predictedRatio.toFixed(3)}, predicted/real ${(predictedRatio / realRatio).toFixed(3)}`,
  );
}
const within = ratios.filter((r) => Math.abs(r - 1) <= 0.15).length;
console.log(`within 15% of the real ratio: ${within} of ${ratios.length}`);
