/**
 * Harness overhead: the p50 benchgate's runner records for a few tasks, against bare tinybench
 * running the same suite with the same time budget in a fresh process of two kinds:
 * - `forked`: started exactly as the runner starts its child (`fork`, `--expose-gc`, an IPC
 *   channel, stdout ignored), so the ratio isolates what benchgate's own code adds;
 * - `plain`: `node bare-tinybench.ts` as a user would run it, so the ratio also includes
 *   the process setup.
 * Rounds alternate the three, side by side, so machine drift hits them alike.
 *
 *   npx node benchmarks/harness-overhead.ts [rounds=12] [time-ms=200] [--same-order]
 *
 * benchgate shuffles the task order of every run; bare tinybench always runs them in the order
 * they were added. `--same-order` uses only seeds whose shuffle keeps that order, to separate the
 * harness's overhead from the effect of order.
 *
 * Prints, per task, the ratio of medians (benchgate / bare) with a 95% Hodges–Lehmann interval.
 * Goal: within ±2% (ratio 0.98 … 1.02) against the forked bare tinybench. The plain one reads an
 * allocation-heavy task about 9% slower: V8 with `--expose-gc` (which the runner passes) runs it
 * faster, in bare tinybench too (README, "Measured on this machine").
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { median } from 'simple-statistics';
import { createRandom } from '../src/stats/create-random.ts';
import { hodgesLehmann } from '../src/stats/hodges-lehmann.ts';
import { shuffle } from '../src/stats/shuffle.ts';
import { runSeed, runSuites } from '../src/runner/run-suites.ts';
import { forkBareTinybench } from './harness/fork-bare-tinybench.ts';

const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const sameOrder = process.argv.includes('--same-order');
const rounds = Number(args[0] ?? 12);
const time = Number(args[1] ?? 200);
const TASKS = 3;

/** The seeds for the rounds: any, or only those whose shuffle leaves the tasks in insertion order. */
function seeds(): number[] {
  const identity = [...Array(TASKS).keys()];
  const found: number[] = [];
  for (let seed = 0; found.length < rounds; seed++) {
    const order = shuffle(identity, createRandom(runSeed(seed, 1)));
    if (!sameOrder || order.every((task, index) => task === index)) found.push(seed);
  }
  return found;
}
const roundSeeds = seeds();
const warmupTime = 50;
const here = import.meta.dirname;
const suite = path.join(here, 'harness', 'overhead.suite.ts');
const environment = { cpuModel: '', cores: 0, os: '', arch: '', node: process.version, runnerImage: null };

const benchgate = new Map<string, number[]>();
const forked = new Map<string, number[]>();
const plain = new Map<string, number[]>();
const bareScript = path.join(here, 'harness', 'bare-tinybench.ts');
const push = (map: Map<string, number[]>, key: string, value: number) => map.set(key, [...(map.get(key) ?? []), value]);

for (let round = 0; round < rounds; round++) {
  const results = await runSuites(
    {
      suites: suite,
      runs: 1,
      time,
      warmupTime,
      retainSamples: false,
      filter: null,
      runTimeout: 120_000,
      seed: roundSeeds[round]!,
      cwd: here,
      env: process.env,
    },
    { commit: null, ref: null, environment },
    { info: () => {} },
  );
  for (const benchmark of results.benchmarks) {
    const p50 = benchmark.metrics.find((m) => m.name === 'latency-p50')?.runs[0];
    if (p50 !== undefined) push(benchgate, benchmark.id.split('/')[1]!, p50);
  }
  // Bare tinybench started with the runner's own `fork` options.
  const runnerLike = await forkBareTinybench(suite, time, warmupTime, { execArgv: ['--expose-gc'], serialization: 'advanced' });
  for (const [task, p50] of Object.entries(runnerLike)) push(forked, task, p50);
  const output = execFileSync(process.execPath, [bareScript, suite, String(time), String(warmupTime)], { encoding: 'utf8' });
  for (const [task, p50] of Object.entries(JSON.parse(output) as Record<string, number>)) push(plain, task, p50);
  process.stderr.write(`round ${round + 1}/${rounds}\n`);
}

console.log(
  `harness overhead, ${rounds} alternating rounds of fresh processes, ${time} ms per task${sameOrder ? ', benchgate in the insertion order' : ', benchgate in shuffled order'}`,
);
for (const [label, bare] of [
  ['forked (same process setup)', forked],
  ['plain node', plain],
] as const) {
  console.log(`\nbenchgate / bare tinybench, ${label}`);
  console.log('task          benchgate p50   bare p50    ratio   95% CI (Hodges–Lehmann on logs)');
  for (const [task, ours] of benchgate) {
    const theirs = bare.get(task)!;
    const hl = hodgesLehmann(theirs.map(Math.log), ours.map(Math.log), 0.95);
    console.log(
      `${task.padEnd(13)} ${median(ours).toFixed(1).padStart(10)} ns ${median(theirs).toFixed(1).padStart(10)} ns  ${Math.exp(hl.shift).toFixed(4)}  ${Math.exp(hl.low).toFixed(4)} … ${Math.exp(hl.high).toFixed(4)}`,
    );
  }
}
