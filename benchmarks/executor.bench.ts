/**
 * benchgate's own suite, executor half: Barbara's story (docs/models/executor.md).
 *
 * Each task times one run of the deterministic executor simulation and attaches the simulated
 * outcome as custom metrics. `BENCHGATE_VARIANT=executor=in-task` switches every task to the
 * slow strategy without changing a task name, which is exactly a regressing pull request.
 */
import { Bench } from 'tinybench';
import {
  DEFAULT_WORKLOAD_OPTIONS,
  MIXED_WORKLOAD,
  STRATEGIES,
  simulateExecutor,
  type ExecutorResult,
  type WorkloadOptions,
} from '../src/models/executor/index.ts';
import { selectVariant } from '../src/runner/select-variant.ts';
import type { CustomMetric, SuiteMetrics } from '../src/runner/suite.ts';

/** The strategy under test; `adaptive` (offload payloads of ≥ 50 kB) is the fast default. */
export const strategy = selectVariant(process.env.BENCHGATE_VARIANT, 'executor', STRATEGIES, 'adaptive');

/** Task name → workload. Names are stable across variants. */
const workloads: Record<string, WorkloadOptions> = {
  // 16 cores, 16 workers, 256 large payloads (median 1 MiB), 32 in flight
  'barbara-large': DEFAULT_WORKLOAD_OPTIONS,
  // 1024 requests, 90% ~1 KiB and 10% Pareto-tailed ≥ 256 KiB payloads
  'barbara-mixed': MIXED_WORKLOAD,
};

const cache = new Map<string, ExecutorResult>();
function simulate(name: string, workload: WorkloadOptions): ExecutorResult {
  const result = simulateExecutor({ strategy, workload });
  cache.set(name, result);
  return result;
}

function describeResult(result: ExecutorResult): CustomMetric[] {
  return [
    { name: 'simulated-throughput', unit: 'req/s', direction: 'bigger', value: result.requestsPerSecond },
    { name: 'simulated-cpu-utilisation', unit: '%', direction: 'bigger', value: result.cpuUtilisationPercent, gate: false },
    { name: 'simulated-latency-p99', unit: 'ms', direction: 'smaller', value: result.latencyP99Ns / 1e6 },
    { name: 'simulated-starvation-delay', unit: 'ms', direction: 'smaller', value: result.periodicMaxDelayNs / 1e6, gate: false },
  ];
}

const bench = new Bench();
for (const [name, workload] of Object.entries(workloads)) bench.add(name, () => simulate(name, workload));

export const metrics: SuiteMetrics = Object.fromEntries(
  Object.entries(workloads).map(([name, workload]) => [
    name,
    () => describeResult(cache.get(name) ?? simulate(name, workload)),
  ]),
);

export default bench;
