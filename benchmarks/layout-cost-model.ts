/**
 * The layout cost model against the real Rust build: measures this machine's copy cost for the
 * copy sizes of the real request (`planServiceRequest`), calibrates the compute from the real
 * boxed-error time, and predicts the inline-error time and the inline/boxed throughput ratio.
 *
 *   npx node benchmarks/layout-cost-model.ts --boxed-ns 44579 --inline-ns 71587
 *
 * The two times are criterion's point estimates of examples/rust-async-traps `ddsplit/*`,
 * measured on the same machine (docs/models/rust-counterpart.md).
 */
import { parseArgs } from 'node:util';
import { accountMoves, planServiceRequest } from '../src/models/layout/index.ts';
import { predictRequestNs } from '../src/models/layout/predict-time.ts';

const { values } = parseArgs({ options: { 'boxed-ns': { type: 'string' }, 'inline-ns': { type: 'string' }, rounds: { type: 'string', default: '9' } } });
const boxedNs = Number(values['boxed-ns']);
const inlineNs = Number(values['inline-ns']);
const rounds = Number(values.rounds);
if (!(boxedNs > 0) || !(inlineNs > 0)) throw new Error('--boxed-ns and --inline-ns must be positive numbers (criterion point estimates, ns)');

function account(error: 'inline-error' | 'boxed-error') {
  const a = accountMoves(planServiceRequest(error));
  if (!a.supported) throw new Error(a.reason);
  return a;
}
const inline = account('inline-error');
const boxed = account('boxed-error');

/** ns per byte of copying one request's copies (sizes as the plan lists them) between two 1 MiB regions. */
function measureNsPerByte(steps: { bytesEach: number; copies: number }[]): number {
  const arena = new Uint8Array(4 << 20);
  for (let i = 0; i < arena.length; i++) arena[i] = i & 255;
  const perRequest = steps.reduce((n, s) => n + s.bytesEach * s.copies, 0);
  const requests = Math.max(1, Math.round(200e6 / perRequest));
  const start = performance.now();
  let offset = 0;
  for (let r = 0; r < requests; r++) {
    for (const step of steps) {
      for (let c = 0; c < step.copies; c++) {
        arena.copyWithin((2 << 20) | offset, offset, offset + step.bytesEach);
        offset = (offset + 4096) & ((1 << 20) - 1) & ~4095;
      }
    }
  }
  return ((performance.now() - start) * 1e6) / (requests * perRequest);
}

const rates: number[] = [];
for (let round = 0; round < rounds; round++) rates.push(measureNsPerByte(inline.steps));
rates.sort((a, b) => a - b);
const nsPerByte = rates[rates.length >> 1]!;
const computeNs = Math.max(0, boxedNs - boxed.bytesCopied * nsPerByte);
const predictedInline = predictRequestNs(inline.bytesCopied, nsPerByte, computeNs);
const predictedRatio = predictRequestNs(boxed.bytesCopied, nsPerByte, computeNs) / predictedInline;
const realRatio = boxedNs / inlineNs;
console.log(
  `copy cost: ${nsPerByte.toFixed(4)} ns/B (${(1 / nsPerByte).toFixed(1)} GB/s), median of ${rounds}; spread ${rates[0]!.toFixed(4)}–${rates[rates.length - 1]!.toFixed(4)}`,
);
console.log(`bytes copied per request: inline ${inline.bytesCopied}, boxed ${boxed.bytesCopied}`);
console.log(`compute calibrated from boxed-error: ${(computeNs / 1000).toFixed(1)} µs`);
console.log(`inline-error: predicted ${(predictedInline / 1000).toFixed(1)} µs, real ${(inlineNs / 1000).toFixed(1)} µs`);
console.log(
  `inline/boxed throughput: predicted ${predictedRatio.toFixed(3)}, real ${realRatio.toFixed(3)}, predicted/real ${(predictedRatio / realRatio).toFixed(3)} (bound: within 15%)`,
);
