import type { Direction } from '../results/schema.ts';

/**
 * A metric a suite computes for one task, beside the timings the runner measures.
 * The runner calls the suite's `metrics` export in the child process after the bench has run,
 * once per process run, and stores each value as one run of that metric.
 */
export interface CustomMetric {
  name: string;
  unit: string;
  direction: Direction;
  value: number;
  /** Whether the metric gates the merge unless the config says otherwise. @default true */
  gate?: boolean;
}

/**
 * The optional named export `metrics` of a suite file: task name → function returning that
 * task's custom metrics for this run. Deterministic model outputs (simulated throughput,
 * bytes copied per request) go here; they vary by 0 between runs.
 *
 * @example
 * export const metrics: SuiteMetrics = {
 *   'ddsplit-plan': () => [{ name: 'bytes-copied', unit: 'B/req', direction: 'smaller', value: 51_234 }],
 * };
 */
export type SuiteMetrics = Record<string, () => CustomMetric[] | Promise<CustomMetric[]>>;

/**
 * The optional named export `timingGates` of a suite file: task name → whether that task's
 * measured `latency-p50` gates the merge (default true). A task that times a deterministic model,
 * whose gated outputs are its custom metrics, sets false: its own CPU time is reported, not gated.
 *
 * @example
 * export const timingGates: SuiteTimingGates = { 'barbara-large': false };
 */
export type SuiteTimingGates = Record<string, boolean>;
