/**
 * The proof that matters (issue 3): A/A and A/B comparisons of real suites in real processes.
 *
 * For each of `--pairs` repetitions it runs `slowdown.suite.ts` three times with the CLI
 * (`benchgate run`, `--runs` fresh processes each), in a shuffled order:
 *   A  – unchanged code, the baseline,
 *   A' – unchanged code again (A/A: any regression is a false alarm),
 *   B  – `BENCHGATE_SLOWDOWN` slows `scaled-a` by 20% and `scaled-b` by 5% (A/B: detections).
 * Then it compares A/A' and A/B with the default options (threshold 5%, alpha 0.01, Holm over the
 * suite's three gated p50 metrics) and prints false alarms / pairs, detections / pairs, and the time.
 *
 * Run from the repository root:
 *   npx node benchmarks/experiments/aa-ab.ts [--pairs 30] [--runs 10] [--time 50] [--warmup-time 20] [--seed 1]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compareResults } from '../../src/compare/compare-results.ts';
import { changeOf, type Comparison } from '../../src/compare/schema.ts';
import type { Results } from '../../src/results/schema.ts';
import { createRandom } from '../../src/stats/index.ts';
import { runSlowdownSuite, SLOWDOWN } from './run-slowdown-suite.ts';

const { values } = parseArgs({
  options: {
    pairs: { type: 'string', default: '30' },
    runs: { type: 'string', default: '10' },
    time: { type: 'string', default: '50' },
    'warmup-time': { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
  },
});
const pairs = Number(values.pairs);
const runs = Number(values.runs);
const random = createRandom(Number(values.seed));

function runSide(file: string, seed: number, slowdown: string | null): Promise<Results> {
  return runSlowdownSuite(file, seed, slowdown, ['--runs', String(runs), '--time', values.time, '--warmup-time', values['warmup-time']]);
}

function p50(comparisons: Comparison[], id: string): Comparison {
  const found = comparisons.find((c) => c.id.endsWith(`/${id}`) && c.metric === 'latency-p50');
  if (!found) throw new Error(`no latency-p50 comparison for ${id}`);
  return found;
}

const directory = mkdtempSync(path.join(os.tmpdir(), 'benchgate-aa-ab-'));
const started = performance.now();
const tally = {
  aaFalseAlarm: 0,
  aaImproved: 0,
  aaInconclusive: 0,
  abA: new Map<string, number>(),
  abB: new Map<string, number>(),
  abBStrict: new Map<string, number>(),
  abSteadyFalseAlarm: 0,
};
const ratios: { a: number[]; b: number[]; aa: number[] } = { a: [], b: [], aa: [] };
const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

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
  // The three sides run back to back on one machine in one script: one job, so the within-job
  // statistics alone (`sameJob`), as they were measured before the job-to-job term (issue 12).
  const aa = compareResults(loaded.A!, loaded.A2!, { sameJob: true });
  const ab = compareResults(loaded.A!, loaded.B!, { sameJob: true });
  const abStrict = compareResults(loaded.A!, loaded.B!, { threshold: 0.02, sameJob: true });
  const gatedAa = aa.filter((c) => c.gate);
  if (gatedAa.some((c) => c.verdict === 'regressed')) tally.aaFalseAlarm++;
  if (gatedAa.some((c) => c.verdict === 'improved')) tally.aaImproved++;
  if (gatedAa.some((c) => c.verdict === 'inconclusive')) tally.aaInconclusive++;
  add(tally.abA, p50(ab, 'scaled-a').verdict);
  add(tally.abB, p50(ab, 'scaled-b').verdict);
  add(tally.abBStrict, p50(abStrict, 'scaled-b').verdict);
  if (p50(ab, 'steady').verdict === 'regressed') tally.abSteadyFalseAlarm++;
  ratios.a.push(changeOf(p50(ab, 'scaled-a'))?.ratio ?? Number.NaN);
  ratios.b.push(changeOf(p50(ab, 'scaled-b'))?.ratio ?? Number.NaN);
  for (const c of gatedAa) ratios.aa.push(changeOf(c)?.ratio ?? Number.NaN);
  const verdicts = `A/A ${gatedAa.map((c) => c.verdict).join('/')} · A/B 20% ${p50(ab, 'scaled-a').verdict}, 5% ${p50(ab, 'scaled-b').verdict}`;
  console.error(`pair ${i + 1}/${pairs} (${sides.join(' ')}): ${verdicts}`);
}

const seconds = (performance.now() - started) / 1000;
const show = (map: Map<string, number>) => [...map].map(([verdict, count]) => `${verdict} ${count}`).join(', ');
const spread = (values: number[]) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return `median ${sorted[sorted.length >> 1]?.toFixed(4)}, range ${sorted[0]?.toFixed(4)} … ${sorted.at(-1)?.toFixed(4)}`;
};
console.log(`A/A and A/B with real processes: ${pairs} pairs × 3 sides × ${runs} runs, --time ${values.time} ms`);
console.log(
  `A/A false alarms (any gated regression): ${tally.aaFalseAlarm}/${pairs}; improved: ${tally.aaImproved}/${pairs}; any inconclusive: ${tally.aaInconclusive}/${pairs}`,
);
console.log(`A/B 20% slowdown (scaled-a) detected as regressed: ${tally.abA.get('regressed') ?? 0}/${pairs} (${show(tally.abA)})`);
console.log(`A/B 5% slowdown (scaled-b) regressed at threshold 5%: ${tally.abB.get('regressed') ?? 0}/${pairs} (${show(tally.abB)})`);
console.log(`A/B 5% slowdown (scaled-b) regressed at threshold 2%: ${tally.abBStrict.get('regressed') ?? 0}/${pairs} (${show(tally.abBStrict)})`);
console.log(`A/B unchanged task (steady) false alarms: ${tally.abSteadyFalseAlarm}/${pairs}`);
console.log(`observed ratios: 20% task ${spread(ratios.a)}; 5% task ${spread(ratios.b)}; A/A ${spread(ratios.aa)}`);
console.log(`time: ${seconds.toFixed(0)} s (${(seconds / (pairs * 3)).toFixed(1)} s per ${runs}-run side)`);
if (values.keep) console.log(`results kept in ${directory}`);
else rmSync(directory, { recursive: true, force: true });
