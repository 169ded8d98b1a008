/**
 * benchgate's own suite, executor half: Barbara's story (docs/models/executor.md).
 *
 * `barbara-large` and `barbara-mixed` run the deterministic executor simulation and attach the
 * simulated outcome as custom metrics; those are gated, the simulation's own CPU time is not.
 * `barbara-node` runs the story for real on Node: it decodes several ~1 MiB JSON payloads at once,
 * on the main thread under `in-task` and in a pool of worker threads (one per core) otherwise,
 * and is gated on its wall time. `BENCHGATE_VARIANT=executor=in-task` switches every task to the
 * slow strategy without changing a task name, which is exactly a regressing pull request.
 */
import { availableParallelism } from 'node:os';
import { Bench } from 'tinybench';
import {
  DEFAULT_WORKLOAD_OPTIONS,
  MIXED_WORKLOAD,
  STRATEGIES,
  simulateExecutor,
  type ExecutorResult,
  type WorkloadOptions,
} from '../src/models/executor/index.ts';
import { makeJsonPayload } from '../src/models/executor/json-payload.ts';
import { selectVariant } from '../src/runner/select-variant.ts';
import type { CustomMetric, SuiteMetrics, SuiteTimingGates } from '../src/runner/suite.ts';
import { summarizeRecords } from './executor-http-parse.ts';
import { ParsePool } from './executor-parse-pool.ts';

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

/** Payloads decoded per `barbara-node` iteration, all in flight at once. */
export const NODE_PAYLOADS = 8;
/** Size of each payload: Barbara's median. */
export const NODE_PAYLOAD_BYTES = 1 << 20;

/**
 * Where `barbara-node` decodes: on the main thread (Barbara's one task) under `in-task`, in the
 * worker pool (`tokio::spawn`) otherwise. `adaptive` offloads payloads of at least 50 000 B, which
 * every 1 MiB payload is.
 */
export const nodeMode: 'main-thread' | 'worker-pool' = strategy === 'in-task' ? 'main-thread' : 'worker-pool';

let payloads: Buffer[] | null = null;
/** The payloads, built once, in SharedArrayBuffers so the pool reads them without a copy. */
function nodePayloads(): Buffer[] {
  payloads ??= Array.from({ length: NODE_PAYLOADS }, (_, i) => {
    const text = Buffer.from(makeJsonPayload(NODE_PAYLOAD_BYTES, i + 1));
    const shared = Buffer.from(new SharedArrayBuffer(text.length));
    text.copy(shared);
    return shared;
  });
  return payloads;
}

let pool: ParsePool | null = null;
/** The worker pool, one thread per core, started on first use; its threads never hold the process open. */
function nodePool(): ParsePool {
  pool ??= new ParsePool(availableParallelism(), { unref: true });
  return pool;
}

/** What `barbara-node` has decoded where, so tests can see that the variant changes what runs. */
export const nodeDecodes = { mainThread: 0, workerPool: 0, activeRecords: 0 };

/**
 * One `barbara-node` iteration: decode every payload, all in flight at once.
 * @returns the number of active records over all payloads
 */
export async function decodeNodePayloads(): Promise<number> {
  const bodies = nodePayloads();
  let active = 0;
  if (nodeMode === 'main-thread') {
    // Barbara's buffer_unordered: the futures are all in flight, but one task decodes them in turn
    for (const body of bodies) {
      active += summarizeRecords(body);
      nodeDecodes.mainThread++;
    }
  } else {
    const parser = nodePool();
    const counts = await Promise.all(bodies.map((body) => parser.parse(body)));
    for (const count of counts) active += count;
    nodeDecodes.workerPool += bodies.length;
  }
  nodeDecodes.activeRecords = active;
  return active;
}

/** Stops the worker pool (tests; the runner's child process simply exits). */
export async function closeNodePool(): Promise<void> {
  await pool?.close();
  pool = null;
}

// Each barbara-node iteration takes tens of ms: 10 iterations per process run are enough for its p50.
const bench = new Bench({ iterations: 10 });
for (const [name, workload] of Object.entries(workloads)) bench.add(name, () => simulate(name, workload));
bench.add('barbara-node', decodeNodePayloads);

/**
 * The simulations' own CPU time says nothing about the story (their simulated throughput and
 * latency, deterministic, are the gated metrics); barbara-node's wall time is the real one.
 */
export const timingGates: SuiteTimingGates = { 'barbara-large': false, 'barbara-mixed': false, 'barbara-node': true };

export const metrics: SuiteMetrics = {
  ...Object.fromEntries(Object.entries(workloads).map(([name, workload]) => [name, () => describeResult(cache.get(name) ?? simulate(name, workload))])),
};

export default bench;
