/**
 * Issue 11 "Measure it": the same-runner (paired) design against the stored design, side by side
 * in one run, under a CPU load that switches on and off at random moments.
 *
 * A scratch git repository holds a tiny suite (`bench/slow.bench.ts`: tasks `changed` and
 * `steady`, an arithmetic loop each) in four commits, each checked out in its own worktree:
 *   A    the base;
 *   A2   the same code, only the README differs (A/A: any regression or improvement is a false alarm);
 *   B20  `changed` does 1/0.8 = 1.25× the work: a 20% throughput loss;
 *   B5   `changed` does 1/0.95 = 1.0526× the work: a 5% throughput loss.
 * Each pair (`--pairs`) runs these comparisons, in a seeded random order:
 *   aa-paired    A vs A2 with `runPairedRounds` and `comparePaired`, runs auto, default options;
 *   aa-stored    A vs A2 as two separate jobs of `--stored-runs` process runs (`runSuites`), `compareResults`;
 *   ab20-paired  A vs B20, paired, runs auto, default options (threshold 5%);
 *   ab5-paired   A vs B5, paired, runs auto, threshold 3%;
 *   ab20-stored  A vs B20, stored (not run by default, to save time).
 * "runs auto" is the runner's default adaptive plan (10 rounds, then 5 at a time up to 60, at
 * most 10 minutes), with the stop rule `undecidedGatedIds(comparePaired(..., look))` and
 * Pocock-type alpha spending over its 11 looks. The load generator (load-generator.ts) runs two
 * CPU burners for the whole experiment, each switching on and off after exponential times with a
 * mean of `--load-mean-ms`, and is stopped at the end (it also exits by itself at its time bound).
 *
 * Prints per comparison one line on stderr, appends it as JSON to `--log`, and at the end the
 * figures: false alarms, detections, rounds, and the median wall time per comparison. With
 * `--max-minutes`, no new pair starts once that much time has passed; the summary says how many ran.
 *
 * Run from the repository root:
 *   npx node benchmarks/experiments/paired-aa-ab.ts [--pairs 40] [--time 20] [--warmup-time 10] [--stored-runs 10]
 *     [--scenarios aa-paired,aa-stored,ab20-paired,ab5-paired[,ab20-stored]] [--load-mean-ms 3000] [--no-load]
 *     [--max-minutes 40] [--seed 1] [--first-pair 1] [--log file.jsonl]
 * Summarize earlier runs' logs together, without measuring:
 *   npx node benchmarks/experiments/paired-aa-ab.ts --from-logs run1.jsonl,run2.jsonl
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { comparePaired } from '../../src/compare/compare-paired.ts';
import { compareResults } from '../../src/compare/compare-results.ts';
import type { CompareOptions } from '../../src/compare/options.ts';
import { changeOf, intervalOf, type Comparison } from '../../src/compare/schema.ts';
import { undecidedGatedIds } from '../../src/compare/stop-rule.ts';
import type { Results } from '../../src/results/schema.ts';
import { collectEnvironment } from '../../src/runner/environment.ts';
import { DEFAULT_AUTO_ROUNDS_OPTIONS, maxLooks, runPairedRounds, type RoundsPlan } from '../../src/runner/run-paired-rounds.ts';
import { runSuites } from '../../src/runner/run-suites.ts';
import { createRandom } from '../../src/stats/index.ts';
import { start as startLoad } from './load-generator.ts';

const SCENARIOS = ['aa-paired', 'aa-stored', 'ab20-paired', 'ab5-paired', 'ab20-stored'] as const;
type Scenario = (typeof SCENARIOS)[number];

const { values } = parseArgs({
  options: {
    pairs: { type: 'string', default: '40' },
    time: { type: 'string', default: '20' },
    'warmup-time': { type: 'string', default: '10' },
    'stored-runs': { type: 'string', default: '10' },
    scenarios: { type: 'string', default: 'aa-paired,aa-stored,ab20-paired,ab5-paired' },
    'load-mean-ms': { type: 'string', default: '3000' },
    'no-load': { type: 'boolean', default: false },
    'max-minutes': { type: 'string', default: '40' },
    seed: { type: 'string', default: '1' },
    log: { type: 'string', default: path.join(os.tmpdir(), `benchgate-paired-aa-ab-${Date.now()}.jsonl`) },
    'from-logs': { type: 'string' },
    'first-pair': { type: 'string', default: '1' },
  },
});
const pairs = Number(values.pairs);
const time = Number(values.time);
const warmupTime = Number(values['warmup-time']);
const storedRuns = Number(values['stored-runs']);
const maxMinutes = Number(values['max-minutes']);
const seed = Number(values.seed);
/** The number of the first pair, so that a continued run neither repeats the seeds nor the pair numbers of an earlier one. */
const firstPair = Number(values['first-pair']) - 1;
const scenarios = values.scenarios.split(',').map((s) => s.trim()) as Scenario[];
for (const scenario of scenarios)
  if (!SCENARIOS.includes(scenario)) throw new Error(`--scenarios: unknown '${scenario}', expected some of ${SCENARIOS.join(', ')}`);

const ROOT = path.resolve(import.meta.dirname, '../..');
const SUITE_GLOB = 'bench/*.bench.ts';

/** The suite in the scratch repository; `factor` scales the work of `changed`. */
function suiteSource(factor: number): string {
  return `import { Bench } from 'tinybench';

/** Loop iterations of one call at factor 1. */
const WORK = 10_000;
const CHANGED_FACTOR = ${factor};

function work(iterations: number): number {
  let x = 0.5;
  for (let i = 0; i < iterations; i++) x = (x * 1.000001 + i * 1e-9) % 7;
  return x;
}

const bench = new Bench();
const changed = Math.round(WORK * CHANGED_FACTOR);
bench.add('changed', () => work(changed));
bench.add('steady', () => work(WORK));
export default bench;
`;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'x', GIT_AUTHOR_EMAIL: 'x@example.invalid', GIT_COMMITTER_NAME: 'x', GIT_COMMITTER_EMAIL: 'x@example.invalid' },
  }).trim();
}

/** The scratch repository with commits A, A2, B20, B5, each checked out in its own worktree. */
function createScratch(directory: string): Record<'A' | 'A2' | 'B20' | 'B5', string> {
  // Suites in every worktree resolve tinybench through this link, one folder up from the trees.
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(directory, 'node_modules'));
  const repo = path.join(directory, 'repo');
  mkdirSync(path.join(repo, 'bench'), { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  const commit = (message: string): string => {
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', message);
    return git(repo, 'rev-parse', 'HEAD');
  };
  writeFileSync(path.join(repo, 'README.md'), 'scratch\n');
  writeFileSync(path.join(repo, 'bench', 'slow.bench.ts'), suiteSource(1));
  const a = commit('A');
  writeFileSync(path.join(repo, 'README.md'), 'scratch, reworded\n');
  const a2 = commit('A2: README only');
  git(repo, 'checkout', '-q', a);
  writeFileSync(path.join(repo, 'bench', 'slow.bench.ts'), suiteSource(1 / 0.8));
  const b20 = commit('B20: changed does 1.25x the work');
  git(repo, 'checkout', '-q', a);
  writeFileSync(path.join(repo, 'bench', 'slow.bench.ts'), suiteSource(1 / 0.95));
  const b5 = commit('B5: changed does 1/0.95x the work');
  const trees = { A: a, A2: a2, B20: b20, B5: b5 };
  const out: Record<string, string> = {};
  for (const [name, sha] of Object.entries(trees)) {
    const tree = path.join(directory, 'trees', name);
    git(repo, 'worktree', 'add', '-q', '--detach', tree, sha);
    out[name] = tree;
  }
  return out as Record<'A' | 'A2' | 'B20' | 'B5', string>;
}

const environment = collectEnvironment(process.env);
const quiet = { info: () => {} };

async function runPaired(baseTree: string, headTree: string, options: Partial<CompareOptions>, runSeed: number) {
  const plan: RoundsPlan = { kind: 'auto', ...DEFAULT_AUTO_ROUNDS_OPTIONS };
  const run = await runPairedRounds(
    {
      trees: { base: baseTree, head: headTree },
      mode: { kind: 'suites', suites: SUITE_GLOB, time, warmupTime, retainSamples: false, filter: null, runTimeout: 120_000 },
      plan,
      seed: runSeed,
      env: process.env,
    },
    { base: { commit: null, ref: null }, head: { commit: null, ref: null }, environment },
    {
      log: quiet,
      decide: (base, head, look) => {
        const undecided = undecidedGatedIds(comparePaired(base, head, options, { index: look.index, max: look.max }));
        return { done: undecided.length === 0, undecided };
      },
    },
  );
  const comparisons = comparePaired(run.base, run.head, options, { index: run.looks, max: maxLooks(plan) });
  return { comparisons, rounds: run.rounds, stop: run.stop };
}

function runJob(tree: string, runSeed: number): Promise<Results> {
  return runSuites(
    {
      suites: SUITE_GLOB,
      time,
      warmupTime,
      retainSamples: false,
      filter: null,
      runTimeout: 120_000,
      seed: runSeed,
      runs: storedRuns,
      cwd: tree,
      env: process.env,
    },
    { commit: null, ref: null, environment },
    quiet,
  );
}

function p50(comparisons: Comparison[], task: string): Comparison {
  const found = comparisons.find((c) => c.id.endsWith(`/${task}`) && c.metric === 'latency-p50');
  if (!found) throw new Error(`no latency-p50 comparison for ${task}`);
  return found;
}

interface Outcome {
  pair: number;
  scenario: Scenario;
  seconds: number;
  rounds: number;
  stop: string;
  changed: string;
  steady: string;
  changedRatio: number | null;
  changedInterval: [number, number] | null;
  steadyRatio: number | null;
}

/** Prints the figures of each scenario: false alarms or detections, ratios, rounds, wall time. */
function summarize(outcomes: readonly Outcome[], order: readonly Scenario[]): void {
  const median = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted.length === 0
      ? Number.NaN
      : sorted.length % 2
        ? sorted[sorted.length >> 1]!
        : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  };
  const count = (list: Outcome[], test: (o: Outcome) => boolean) => `${list.filter(test).length}/${list.length}`;
  const alarm = (v: string) => v === 'regressed' || v === 'improved';
  for (const scenario of order) {
    const list = outcomes.filter((o) => o.scenario === scenario);
    if (list.length === 0) continue;
    const verdicts = (key: 'changed' | 'steady') => {
      const tally = new Map<string, number>();
      for (const o of list) tally.set(o[key], (tally.get(o[key]) ?? 0) + 1);
      return [...tally].map(([v, n]) => `${v} ${n}`).join(', ');
    };
    const main = scenario.startsWith('aa')
      ? `false alarms (any task regressed or improved) ${count(list, (o) => alarm(o.changed) || alarm(o.steady))} [changed: ${verdicts('changed')}; steady: ${verdicts('steady')}]`
      : `changed task regressed ${count(list, (o) => o.changed === 'regressed')} [${verdicts('changed')}]; steady task false alarms ${count(list, (o) => alarm(o.steady))}`;
    const ratios = list.map((o) => o.changedRatio).filter((r): r is number => r !== null);
    const rounds = list.map((o) => o.rounds);
    console.log(
      `${scenario}: ${main}; changed-task ratio median ${median(ratios).toFixed(4)} (${Math.min(...ratios).toFixed(4)} … ${Math.max(...ratios).toFixed(4)}); ${scenario.endsWith('paired') ? `rounds median ${median(rounds)} (${Math.min(...rounds)} … ${Math.max(...rounds)})` : `${list[0]!.rounds} runs per job`}; wall time per comparison median ${median(list.map((o) => o.seconds)).toFixed(1)} s`,
    );
  }
}

if (values['from-logs']) {
  const outcomes = values['from-logs'].split(',').flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as Outcome),
  );
  console.log(`from ${values['from-logs']}: ${outcomes.length} comparisons`);
  summarize(outcomes, SCENARIOS);
  process.exit(0);
}

const directory = mkdtempSync(path.join(os.tmpdir(), 'benchgate-paired-aa-ab-'));
const trees = createScratch(directory);
const random = createRandom(seed);
const started = performance.now();
const load = values['no-load']
  ? null
  : startLoad({
      seed,
      maxSeconds: Math.min(3600, Math.ceil(maxMinutes * 60 + 900)),
      workers: 2,
      meanOnMs: Number(values['load-mean-ms']),
      meanOffMs: Number(values['load-mean-ms']),
    });
const stopLoad = async () => (load ? (await load.stop()).filter((e) => e.state === 'on').length : 0);
process.on('SIGINT', () => {
  void stopLoad().finally(() => process.exit(130));
});

const outcomes: Outcome[] = [];
let pairsRun = 0;
try {
  for (let pair = firstPair; pair < firstPair + pairs; pair++) {
    if ((performance.now() - started) / 60_000 > maxMinutes) break;
    const order = [...scenarios];
    for (let j = order.length - 1; j > 0; j--) {
      const k = Math.floor(random() * (j + 1));
      [order[j], order[k]] = [order[k]!, order[j]!];
    }
    for (const scenario of order) {
      const runSeed = 1000 * pair + SCENARIOS.indexOf(scenario);
      const head = scenario.startsWith('aa') ? trees.A2 : scenario.startsWith('ab20') ? trees.B20 : trees.B5;
      const options: Partial<CompareOptions> = scenario === 'ab5-paired' ? { threshold: 0.03 } : {};
      const t0 = performance.now();
      let comparisons: Comparison[];
      let rounds: number;
      let stop: string;
      if (scenario.endsWith('paired')) {
        ({ comparisons, rounds, stop } = await runPaired(trees.A, head, options, runSeed));
      } else {
        // Two separate jobs, one after the other: the stored baseline, then the pull request's job.
        const baseJob = await runJob(trees.A, runSeed);
        const headJob = await runJob(head, runSeed + 500);
        comparisons = compareResults(baseJob, headJob, options);
        rounds = storedRuns;
        stop = 'fixed';
      }
      const seconds = (performance.now() - t0) / 1000;
      const changed = p50(comparisons, 'changed');
      const steady = p50(comparisons, 'steady');
      const outcome: Outcome = {
        pair,
        scenario,
        seconds,
        rounds,
        stop,
        changed: changed.verdict,
        steady: steady.verdict,
        changedRatio: changeOf(changed)?.ratio ?? null,
        changedInterval: intervalOf(changed)?.ratio ?? null,
        steadyRatio: changeOf(steady)?.ratio ?? null,
      };
      outcomes.push(outcome);
      appendFileSync(values.log, `${JSON.stringify(outcome)}\n`);
      console.error(
        `pair ${pair + 1}/${firstPair + pairs} ${scenario}: changed ${changed.verdict} (${changeOf(changed)?.ratio.toFixed(4) ?? '–'}), steady ${steady.verdict} · ${rounds} ${scenario.endsWith('paired') ? `rounds (${stop})` : 'runs per job'} · ${seconds.toFixed(1)} s`,
      );
    }
    pairsRun++;
  }
} finally {
  const bursts = await stopLoad();
  const minutes = (performance.now() - started) / 60_000;
  console.log(
    `paired vs stored, A/A and A/B: ${pairsRun} complete pair(s) of ${pairs} in ${minutes.toFixed(1)} min; suite: 2 tasks, --time ${time} ms, --warmup-time ${warmupTime} ms`,
  );
  console.log(
    `load: ${load ? `2 CPU burners, on/off with mean ${values['load-mean-ms']} ms each, ${bursts} bursts` : 'none'}; load average at the end ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  summarize(outcomes, scenarios);
  console.log(`per-comparison log: ${values.log}`);
  rmSync(directory, { recursive: true, force: true });
}
