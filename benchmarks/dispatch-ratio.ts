/**
 * `#[async_trait]` against an enum, predicted and real: replays the crate's `dispatch` bench
 * (examples/rust-async-traps/benches/dispatch.rs) both ways in one process, alternating
 * mini-batches within each round as layout-ratio.ts does, and prints the async-trait / enum
 * throughput ratio (median over rounds) and the per-call overhead of the boxed future, then the
 * replay's counterparts of the bench's `dispatch-parts` (a boxed 112-byte value allocated and
 * freed; a call through a two-entry function table). Given a criterion folder, it also prints the
 * real figures from `dispatch/{async-trait,enum}/new/estimates.json` (and `dispatch-parts/*` when
 * present) and the prediction over the real ratio.
 *
 *   npx node benchmarks/dispatch-ratio.ts [--rounds 21] [--iterations 200] [--criterion <target/criterion>]
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { createAllocator, createDispatchReplay } from '../src/models/layout/index.ts';
import { median } from '../src/stats/median.ts';
import { readCriterionEstimates } from './criterion-estimate.ts';
import { compareSideBySide } from './side-by-side.ts';

// as in layout.bench.ts and layout-ratio.ts: optimize on the main thread, so a busy machine cannot delay it
setFlagsFromString('--no-concurrent-recompilation');
setFlagsFromString('--no-concurrent-osr');
// V8's mid tier (Maglev) ran the replay's request at 4–5× its optimized time for its first ~3,000
// requests (~170 ms, longer on a loaded machine): process runs that measured in it formed a slow
// mode of whole processes. Without Maglev, code goes from the baseline tier to TurboFan within ~20 ms.
setFlagsFromString('--no-maglev');

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '21' },
    iterations: { type: 'string', default: '200' },
    criterion: { type: 'string' },
  },
});
const rounds = Number(values.rounds);
const iterations = Number(values.iterations);
for (const [name, value] of [
  ['--rounds', rounds],
  ['--iterations', iterations],
] as const) {
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${value}`);
}

const CALLS = 256;
/** Mini-batches per round: alternating at this grain keeps a load spike on the shared machine from landing on one side only. */
const SLICES = 40;
let sink = 0;

/** One iteration of a part: `CALLS` operations, like the bench's `dispatch-parts` group. */
type Part = () => number;

/** `box-112`: `Box::pin` of 112 bytes and its drop, as an allocation from the replay's allocator, 14 words written, a free. */
function boxPart(): Part {
  const heap = createAllocator({ maxRequestBytes: 112 });
  return () => {
    let acc = 0;
    for (let i = 0; i < CALLS; i++) {
      const pointer = heap.alloc(112);
      const words = heap.words;
      const base = pointer >> 2;
      for (let w = 0; w < 28; w++) words[base + w] = i;
      acc ^= words[base + 27]!;
      heap.free(pointer);
    }
    return acc;
  };
}

/** `indirect-call`: a call through a two-entry function table, as the bench's `Vec<Box<dyn Fn(u64) -> u64>>`. */
function indirectCallPart(): Part {
  const calls = [(x: number) => x ^ 1, (x: number) => (x + 3) | 0];
  return () => {
    let acc = 0;
    for (let i = 0; i < CALLS; i++) acc = calls[i & 1]!(acc);
    return acc;
  };
}

/** ns per operation of a part: the median over rounds of short timed batches. */
function timePart(part: Part): number {
  const batch = Math.max(1, Math.round(iterations / SLICES));
  for (let i = 0; i < iterations; i++) sink = (sink + part()) >>> 0;
  const perCall: number[] = [];
  for (let round = 0; round < rounds * 4; round++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) sink = (sink + part()) >>> 0;
    perCall.push(((performance.now() - start) * 1e6) / (batch * CALLS));
  }
  return median(perCall);
}

const enumReplay = createDispatchReplay({ dispatch: 'enum', calls: CALLS });
const asyncTraitReplay = createDispatchReplay({ dispatch: 'async-trait', calls: CALLS });
if (enumReplay.runIteration() !== asyncTraitReplay.runIteration()) throw new Error('the two replays disagree on the checksum');

const sideBySide = compareSideBySide(enumReplay.runIteration, asyncTraitReplay.runIteration, rounds, iterations, SLICES);
const replay = { ...sideBySide, enumNs: (sideBySide.fastMs * 1e6) / CALLS, asyncTraitNs: (sideBySide.slowMs * 1e6) / CALLS };
const percent = (x: number): string => `${x >= 1 ? '+' : ''}${((x - 1) * 100).toFixed(1)}%`;
console.log(`replay: ${rounds} rounds of ${iterations} iterations (${CALLS} calls each) per variant, alternating in ${SLICES} mini-batches`);
console.log(`  async-trait / enum throughput: ${replay.ratio.toFixed(3)} (${percent(replay.ratio)}), IQR ${replay.low.toFixed(3)}–${replay.high.toFixed(3)}`);
console.log(
  `  per call: enum ${replay.enumNs.toFixed(1)} ns, async-trait ${replay.asyncTraitNs.toFixed(1)} ns, overhead ${(replay.asyncTraitNs - replay.enumNs).toFixed(1)} ns/call`,
);

const boxNs = timePart(boxPart());
const indirectNs = timePart(indirectCallPart());
console.log(
  `  parts: box-112 ${boxNs.toFixed(1)} ns, indirect-call ${indirectNs.toFixed(1)} ns per operation (an async-trait call makes one box and 3 vtable calls)`,
);

if (values.criterion !== undefined) {
  const asyncTrait = readCriterionEstimates(values.criterion, 'dispatch/async-trait');
  const enumDispatch = readCriterionEstimates(values.criterion, 'dispatch/enum');
  console.log(`real (criterion, ${values.criterion}), per call and async-trait / enum throughput:`);
  for (const statistic of ['median', 'mean', 'slope'] as const) {
    const a = asyncTrait[statistic];
    const e = enumDispatch[statistic];
    if (a === undefined || e === undefined) continue;
    const real = e / a;
    console.log(
      `  ${statistic.padEnd(6)}: enum ${(e / CALLS).toFixed(1)} ns, async-trait ${(a / CALLS).toFixed(1)} ns, overhead ${((a - e) / CALLS).toFixed(1)} ns/call; ratio ${real.toFixed(3)}; predicted / real ${(replay.ratio / real).toFixed(3)}`,
    );
  }
  const partIds = ['dispatch-parts/box-112', 'dispatch-parts/indirect-call'];
  if (partIds.every((id) => existsSync(join(values.criterion!, id, 'new', 'estimates.json')))) {
    const [box, indirect] = partIds.map((id) => readCriterionEstimates(values.criterion!, id));
    console.log(`  parts (median): box-112 ${(box!.median / CALLS).toFixed(1)} ns, indirect-call ${(indirect!.median / CALLS).toFixed(1)} ns per operation`);
  }
}
if (sink === 0.5) console.log(sink);
