/**
 * A/A and A/B for within-process samples (`observation: 'sample'`, as criterion and hyperfine
 * report them): does comparing two processes' samples raise false alarms on unchanged code?
 *
 * For each of `--pairs` repetitions it runs `slowdown.suite.ts` once per side (one process,
 * `--retain-samples`), in a shuffled order: A, A' (unchanged) and B (`scaled-a` ×1.2,
 * `scaled-b` ×1.05). Each task's per-iteration samples become one `sample` metric, compared
 * (1) as benchgate treats samples (one job per side, widened by the job-noise floor), and
 * (2) naively, as if every sample were an independent run, to show what that would cost.
 *
 * Run from the repository root:
 *   npx node benchmarks/experiments/aa-ab-samples.ts [--pairs 30] [--time 50] [--seed 1]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compareResults } from '../../src/compare/compare-results.ts';
import type { Comparison } from '../../src/compare/schema.ts';
import type { Observation, Results } from '../../src/results/schema.ts';
import { createRandom } from '../../src/stats/index.ts';
import { runSlowdownSuite, SLOWDOWN } from './run-slowdown-suite.ts';

const { values } = parseArgs({
  options: {
    pairs: { type: 'string', default: '30' },
    time: { type: 'string', default: '50' },
    seed: { type: 'string', default: '1' },
  },
});
const pairs = Number(values.pairs);
const random = createRandom(Number(values.seed));

function runSide(file: string, seed: number, slowdown: string | null): Promise<Results> {
  return runSlowdownSuite(file, seed, slowdown, ['--runs', '1', '--time', values.time, '--retain-samples']);
}

/** Each task's p50 samples of its one run, as one metric of the given observation kind. */
function asSamples(results: Results, observation: Observation): Results {
  return {
    ...results,
    benchmarks: results.benchmarks.map((benchmark) => {
      const p50 = benchmark.metrics.find((m) => m.name === 'latency-p50');
      if (!p50?.samples?.[0]) throw new Error(`${benchmark.id}: no retained samples`);
      return { ...benchmark, metrics: [{ ...p50, observation, runs: p50.samples[0], samples: undefined, iterations: undefined }] };
    }),
  };
}

function task(comparisons: Comparison[], id: string): Comparison {
  return comparisons.find((c) => c.id.endsWith(`/${id}`))!;
}

const directory = mkdtempSync(path.join(os.tmpdir(), 'benchgate-aa-ab-samples-'));
const started = performance.now();
const counts = { aa: 0, aaNaive: 0, a20: 0, a20Naive: 0, b5: 0, b5Naive: 0, steady: 0, steadyNaive: 0, sampleCounts: [] as number[] };

for (let i = 0; i < pairs; i++) {
  const sides = ['A', 'A2', 'B'];
  for (let j = sides.length - 1; j > 0; j--) {
    const k = Math.floor(random() * (j + 1));
    [sides[j], sides[k]] = [sides[k]!, sides[j]!];
  }
  const loaded: Record<string, Results> = {};
  for (const side of sides) {
    loaded[side] = await runSide(path.join(directory, `${i}-${side}.json`), 1000 * i + sides.indexOf(side), side === 'B' ? SLOWDOWN : null);
  }
  for (const [naive, kind] of [
    [false, 'sample'],
    [true, 'process'],
  ] as const) {
    const [a, a2, b] = [loaded.A!, loaded.A2!, loaded.B!].map((r) => asSamples(r, kind));
    const aa = compareResults(a!, a2!);
    const ab = compareResults(a!, b!);
    if (aa.some((c) => c.verdict === 'regressed')) counts[naive ? 'aaNaive' : 'aa']++;
    if (task(ab, 'scaled-a').verdict === 'regressed') counts[naive ? 'a20Naive' : 'a20']++;
    if (task(ab, 'scaled-b').verdict === 'regressed') counts[naive ? 'b5Naive' : 'b5']++;
    if (task(ab, 'steady').verdict === 'regressed') counts[naive ? 'steadyNaive' : 'steady']++;
    if (!naive) {
      counts.sampleCounts.push(...aa.map((c) => c.baseline!.runs));
      console.error(
        `pair ${i + 1}/${pairs}: A/A ${aa.map((c) => c.verdict).join('/')} · A/B 20% ${task(ab, 'scaled-a').verdict}, 5% ${task(ab, 'scaled-b').verdict}`,
      );
    }
  }
}

const seconds = (performance.now() - started) / 1000;
const sorted = counts.sampleCounts.sort((x, y) => x - y);
console.log(`within-process samples: ${pairs} pairs × 3 sides × 1 process, --time ${values.time} ms, ${sorted[0]}–${sorted.at(-1)} samples per task`);
console.log(`                          as benchgate treats them   naively (each sample a run)`);
console.log(`A/A false alarms          ${String(counts.aa).padStart(2)}/${pairs}                      ${counts.aaNaive}/${pairs}`);
console.log(`A/B 20% detected          ${String(counts.a20).padStart(2)}/${pairs}                      ${counts.a20Naive}/${pairs}`);
console.log(`A/B 5% regressed          ${String(counts.b5).padStart(2)}/${pairs}                      ${counts.b5Naive}/${pairs}`);
console.log(`A/B steady false alarms   ${String(counts.steady).padStart(2)}/${pairs}                      ${counts.steadyNaive}/${pairs}`);
console.log(`time: ${seconds.toFixed(0)} s`);
rmSync(directory, { recursive: true, force: true });
