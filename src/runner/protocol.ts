import type { ShardSpec } from '../results/assign-shard.ts';
import type { CustomMetric } from './suite.ts';

/** What the parent tells a child process to run: one suite file, once. */
export interface RunRequest {
  /** Absolute path of the suite file. */
  suite: string;
  /** tinybench time budget per task, in ms. */
  time: number;
  /** tinybench warmup budget per task, in ms. */
  warmupTime: number;
  retainSamples: boolean;
  /** Seed for this run's task order. */
  seed: number;
  /** Regular expression source matched against `<suite>/<task>` ids, or null for all. */
  filter: string | null;
  /** The suite's name, the part of each id before the slash. */
  suiteName: string;
  /** Only the tasks whose ids `assignShard` gives to this shard (and the filter matches); null or absent for all. */
  shard?: ShardSpec | null;
}

/** One task's measurements from one process run. */
export type TaskRecord =
  | {
      name: string;
      state: 'completed';
      /** Median latency, ns. */
      p50: number;
      /** Mean latency, ns. */
      mean: number;
      /** Iterations measured (tinybench samples). */
      iterations: number;
      /** Process CPU time over wall time while the task ran: 1 = one core busy. */
      cpuCores: number;
      /** Retained heap growth per iteration in bytes, measured with forced GC; null without `gc`. */
      heapPerIteration: number | null;
      /** Raw latency samples in ns, when `retainSamples` is on. */
      samples: number[] | null;
      custom: CustomMetric[];
      /** Whether `latency-p50` gates (the suite's `timingGates`); absent means true. */
      timingGate?: boolean;
    }
  | { name: string; state: 'errored'; error: string };

/** The child's one reply. */
export type RunReply =
  | {
      kind: 'tasks';
      tasks: TaskRecord[];
      /** Every task in the suite, selected by the filter or not, so a filter that matches none can list them. */
      all: string[];
    }
  /** The suite could not be loaded or run at all. */
  | { kind: 'suite-error'; error: string };
