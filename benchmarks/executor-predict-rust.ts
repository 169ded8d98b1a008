/**
 * The executor model's prediction for the Rust counterpart's `executor` bench
 * (examples/rust-async-traps): Barbara's workload cut to 64 requests, on the machine's cores with
 * one worker per core. Prints requests/s, the ratio to in-task and CPU % per strategy.
 *
 *   npx node benchmarks/executor-predict-rust.ts [cores=2]
 */
import { DEFAULT_SIMULATION_OPTIONS, DEFAULT_WORKLOAD_OPTIONS, STRATEGIES, simulateExecutor } from '../src/models/executor/index.ts';

const cores = Number(process.argv[2] ?? 2);
if (!Number.isInteger(cores) || cores < 1) throw new Error(`cores must be an integer ≥ 1, got ${process.argv[2]}`);
const runtime = { ...DEFAULT_SIMULATION_OPTIONS.runtime, cores, workers: cores };
const workload = { ...DEFAULT_WORKLOAD_OPTIONS, requests: 64 };
const base = simulateExecutor({ strategy: 'in-task', workload, runtime });
for (const strategy of STRATEGIES) {
  const r = simulateExecutor({ strategy, workload, runtime });
  console.log(
    `${strategy.padEnd(15)} ${r.requestsPerSecond.toFixed(0).padStart(6)} req/s  ` +
      `×${(r.requestsPerSecond / base.requestsPerSecond).toFixed(2)} of in-task  CPU ${r.cpuUtilisationPercent.toFixed(0)}%`,
  );
}
