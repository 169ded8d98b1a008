/**
 * Simulator speed: discrete events processed per second, per strategy, on Barbara's large-payload
 * workload and on the mixed workload. The goal is ≥ 1,000,000 events/s on this machine.
 *
 *   npx node benchmarks/executor-sim-speed.ts [--seconds 3]
 *
 * The first pass warms the JIT and is not counted. The machine is shared, so read the figure as
 * an order of magnitude; the ratio to the goal is what this script reports.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_WORKLOAD_OPTIONS, MIXED_WORKLOAD, STRATEGIES, simulateExecutor, type WorkloadOptions } from '../src/models/executor/index.ts';

const GOAL_EVENTS_PER_SECOND = 1_000_000;
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '3' } } });
const budgetMs = Number(values.seconds) * 1000;
if (!(budgetMs > 0)) throw new Error(`--seconds must be a positive number, got ${values.seconds}`);

const workloads: [string, WorkloadOptions][] = [
  ['large', DEFAULT_WORKLOAD_OPTIONS],
  ['mixed', MIXED_WORKLOAD],
];
const pass = (): number => {
  let events = 0;
  for (const [, workload] of workloads) for (const strategy of STRATEGIES) events += simulateExecutor({ strategy, workload }).events;
  return events;
};

pass(); // warm-up
const rows: Record<string, string | number>[] = [];
for (const [label, workload] of workloads) {
  for (const strategy of STRATEGIES) {
    let events = 0;
    let runs = 0;
    const start = performance.now();
    while (performance.now() - start < budgetMs / (workloads.length * STRATEGIES.length)) {
      events += simulateExecutor({ strategy, workload }).events;
      runs++;
    }
    const seconds = (performance.now() - start) / 1000;
    rows.push({ workload: label, strategy, runs, 'events/run': events / runs, 'events/s': Math.round(events / seconds) });
  }
}
console.table(rows);
let events = 0;
const start = performance.now();
while (performance.now() - start < budgetMs / 3) events += pass();
const overall = events / ((performance.now() - start) / 1000);
console.log(
  `simulator: ${Math.round(overall).toLocaleString('en-US')} events/s overall, ` +
    `${(overall / GOAL_EVENTS_PER_SECOND).toFixed(2)}× the 1,000,000 events/s goal`,
);
