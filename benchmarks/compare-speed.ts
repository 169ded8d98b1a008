/**
 * Speed of compare: 10,000 benchmarks × 20 process runs per side must compare in under 1 s
 * (issue 3). Prints each repetition's time and the median as a ratio to the 1 s budget.
 * Run: npx node benchmarks/compare-speed.ts [benchmarks] [runs]
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { compareResults } from '../src/compare/compare-results.ts';
import { RESULTS_SCHEMA, type Benchmark, type Results } from '../src/results/schema.ts';
import { createRandom } from '../src/stats/index.ts';

const BENCHMARKS = Number(process.argv[2] ?? 10_000);
const RUNS = Number(process.argv[3] ?? 20);
const BUDGET_MS = 1000;
const REPETITIONS = 5;

function side(seed: number, slowdown: (index: number) => number): Results {
  const random = createRandom(seed);
  const benchmarks: Benchmark[] = [];
  for (let b = 0; b < BENCHMARKS; b++) {
    const center = 1000 * (1 + (b % 97)) * slowdown(b);
    const runs = Array.from({ length: RUNS }, () => center * Math.exp(0.03 * (random() + random() + random() - 1.5)));
    benchmarks.push({
      id: `suite${b % 50}/task${b}`,
      state: 'completed',
      metrics: [{ name: 'latency-p50', unit: 'ns', direction: 'smaller', gate: true, observation: 'process', runs }],
    });
  }
  return {
    schema: RESULTS_SCHEMA,
    tool: 'benchgate',
    commit: null,
    ref: null,
    createdAt: new Date(0).toISOString(),
    seed,
    environment: { cpuModel: 'x', cores: 2, os: 'linux', arch: 'x64', node: 'v24.0.0', runnerImage: null },
    benchmarks,
  };
}

const baseline = side(1, () => 1);
// Every tenth benchmark 20% slower, the rest unchanged.
const current = side(2, (b) => (b % 10 === 0 ? 1.2 : 1));

const times: number[] = [];
const cpuTimes: number[] = [];
let verdicts: Record<string, number> = {};
for (let i = 0; i < REPETITIONS; i++) {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const comparisons = compareResults(baseline, current);
  const cpu = process.cpuUsage(cpuStart);
  times.push(performance.now() - start);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
  verdicts = {};
  for (const c of comparisons) verdicts[c.verdict] = (verdicts[c.verdict] ?? 0) + 1;
}
times.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
const median = times[REPETITIONS >> 1]!;
const cpuMedian = cpuTimes[REPETITIONS >> 1]!;
console.log(`compareResults: ${BENCHMARKS} benchmarks × ${RUNS} runs per side`);
console.log(`times (ms): ${times.map((t) => t.toFixed(0)).join(', ')}`);
console.log(
  `median wall ${median.toFixed(0)} ms = ${(median / BUDGET_MS).toFixed(3)} × the ${BUDGET_MS} ms budget (best ${(times[0]! / BUDGET_MS).toFixed(3)} ×)`,
);
// On a shared machine the wall time includes waiting for a core; CPU time (which includes the GC's threads) shows the work itself.
console.log(
  `median CPU ${cpuMedian.toFixed(0)} ms = ${(cpuMedian / BUDGET_MS).toFixed(3)} × the budget; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`,
);
console.log(`verdicts: ${JSON.stringify(verdicts)}`);
