import type { Benchmark, Environment, Metric, Results } from '../results/schema.ts';
import { RESULTS_SCHEMA } from '../results/schema.ts';
import type { TaskRecord } from './protocol.ts';

/** Every record of one task, in run order, with the run number it came from. */
export interface TaskRuns {
  id: string;
  records: { run: number; record: TaskRecord }[];
}

/** The facts about a runner invocation that the results file records beside the benchmarks. */
export interface RunMeta {
  commit: string | null;
  ref: string | null;
  createdAt: string;
  seed: number;
  environment: Environment;
}

function metric(name: string, unit: string, direction: Metric['direction'], gate: boolean, runs: number[]): Metric {
  return { name, unit, direction, gate, observation: 'process', runs };
}

function toBenchmark(task: TaskRuns): Benchmark {
  const completed = task.records.flatMap(({ record }) => (record.state === 'completed' ? [record] : []));
  const metrics: Metric[] = [];
  if (completed.length > 0) {
    const timingGate = completed.every((r) => r.timingGate !== false);
    const p50 = metric(
      'latency-p50',
      'ns',
      'smaller',
      timingGate,
      completed.map((r) => r.p50),
    );
    p50.iterations = completed.map((r) => r.iterations);
    if (completed.every((r) => r.samples)) p50.samples = completed.map((r) => r.samples!);
    metrics.push(
      p50,
      metric(
        'latency-mean',
        'ns',
        'smaller',
        false,
        completed.map((r) => r.mean),
      ),
      metric(
        'cpu-cores',
        'cores',
        'bigger',
        false,
        completed.map((r) => r.cpuCores),
      ),
    );
    if (completed.every((r) => r.heapPerIteration !== null)) {
      metrics.push(
        metric(
          'heap-per-iteration',
          'B',
          'smaller',
          false,
          completed.map((r) => r.heapPerIteration!),
        ),
      );
    }
    const customNames = [...new Set(completed.flatMap((r) => r.custom.map((c) => c.name)))];
    for (const name of customNames) {
      const values = completed.flatMap((r) => r.custom.filter((c) => c.name === name));
      const first = values[0]!;
      metrics.push(
        metric(
          name,
          first.unit,
          first.direction,
          first.gate ?? true,
          values.map((c) => c.value),
        ),
      );
    }
  }
  const failure = task.records.find(({ record }) => record.state === 'errored');
  if (failure && failure.record.state === 'errored') {
    return { id: task.id, state: 'errored', error: `run ${failure.run}: ${failure.record.error}`, metrics };
  }
  return { id: task.id, state: 'completed', metrics };
}

/**
 * Turns per-run task records into the results model: one value per process run for each metric.
 * A task that errored in any run is `errored`, keeping the metrics of the runs that completed.
 * @param tasks every task's records, in the order the ids should appear
 * @param meta commit, ref, time, seed and environment
 */
export function assembleResults(tasks: TaskRuns[], meta: RunMeta): Results {
  return {
    schema: RESULTS_SCHEMA,
    tool: 'benchgate',
    commit: meta.commit,
    ref: meta.ref,
    createdAt: meta.createdAt,
    seed: meta.seed,
    environment: meta.environment,
    benchmarks: tasks.map(toBenchmark),
  };
}
