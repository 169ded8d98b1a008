/**
 * Prints the executor model's outcomes for every strategy on the three workloads, as the markdown
 * tables in docs/models/executor.md. Deterministic: the output only changes when the model does.
 *
 *   npx node benchmarks/executor-report.ts
 */
import { DEFAULT_WORKLOAD_OPTIONS, MIXED_WORKLOAD, SMALL_WORKLOAD, STRATEGIES, simulateExecutor, type WorkloadOptions } from '../src/models/executor/index.ts';

const workloads: [string, WorkloadOptions][] = [
  ["Barbara's story: 256 large payloads (median 1 MiB), 1 ms latency", DEFAULT_WORKLOAD_OPTIONS],
  ['Small payloads: 2048 × ~1 KiB, 200 µs latency', SMALL_WORKLOAD],
  ['Mixed sizes: 1024 requests, 90% ~1 KiB + 10% Pareto ≥ 256 KiB, 200 µs latency', MIXED_WORKLOAD],
];
const fixed = (x: number, digits: number): string => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
for (const [title, workload] of workloads) {
  console.log(`#### ${title}\n`);
  console.log('| strategy | requests/s | CPU % | CPU µs/request | p50 ms | p99 ms | periodic task worst delay ms |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const strategy of STRATEGIES) {
    const r = simulateExecutor({ strategy, workload });
    console.log(
      `| ${strategy} | ${fixed(r.requestsPerSecond, 0)} | ${fixed(r.cpuUtilisationPercent, 0)} | ${fixed(r.cpuNsPerRequest / 1e3, 1)} | ` +
        `${fixed(r.latencyP50Ns / 1e6, 2)} | ${fixed(r.latencyP99Ns / 1e6, 2)} | ${fixed(r.periodicMaxDelayNs / 1e6, 3)} |`,
    );
  }
  console.log('');
}
