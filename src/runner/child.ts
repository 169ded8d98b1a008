/**
 * The child process that makes one observation: it imports one suite, runs each task once
 * under tinybench in a seeded random order, and sends one record per task to the parent.
 * Started by `runSuites` with `process.execPath --expose-gc`.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { isInShard } from '../results/assign-shard.ts';
import { checkValue } from '../results/validate-results.ts';
import { createRandom } from '../stats/create-random.ts';
import { shuffle } from '../stats/shuffle.ts';
import type { RunReply, RunRequest, TaskRecord } from './protocol.ts';
import type { CustomMetric, SuiteMetrics, SuiteTimingGates } from './suite.ts';

const NS_PER_MS = 1e6;

interface TaskLike {
  name: string;
  result: {
    state: string;
    error?: unknown;
    latency?: { p50: number; mean: number; samples?: number[]; samplesCount: number };
  };
  warmup(): Promise<void>;
  run(): Promise<unknown>;
}

interface BenchLike {
  tasks: TaskLike[];
  run: unknown;
  warmup: boolean;
  time: number;
  warmupTime: number;
  retainSamples: boolean;
}

function isBench(value: unknown): value is BenchLike {
  return (
    typeof value === 'object' && value !== null && Array.isArray((value as { tasks?: unknown }).tasks) && typeof (value as { run?: unknown }).run === 'function'
  );
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/**
 * tinybench fixes each task's `retainSamples` when the task is added, so setting it on the bench
 * afterwards has no effect. When samples are wanted, the suite's own tinybench is patched before
 * the suite is imported, so every task it adds keeps its samples unless the task says otherwise.
 */
async function retainSamplesOnAdd(file: string): Promise<void> {
  let resolved: string;
  try {
    resolved = createRequire(file).resolve('tinybench');
  } catch {
    return; // The suite cannot import tinybench either; loadSuite reports that.
  }
  const { Bench } = (await import(pathToFileURL(resolved).href)) as {
    Bench: { prototype: { add(name: string, fn: unknown, options?: Record<string, unknown>): unknown } };
  };
  const add = Bench.prototype.add;
  Bench.prototype.add = function (this: unknown, name: string, fn: unknown, options?: Record<string, unknown>) {
    return add.call(this, name, fn, { retainSamples: true, ...options });
  };
}

async function loadSuite(file: string): Promise<{ bench: BenchLike; metrics: SuiteMetrics; timingGates: SuiteTimingGates }> {
  let module: { default?: unknown; metrics?: unknown; timingGates?: unknown };
  try {
    module = (await import(pathToFileURL(file).href)) as typeof module;
  } catch (error: unknown) {
    throw new Error(`${file}: failed to import: ${describe(error)}`);
  }
  if (!isBench(module.default)) {
    throw new Error(`${file}: the default export must be a tinybench Bench with its tasks added (got ${typeof module.default})`);
  }
  const metrics = module.metrics ?? {};
  if (typeof metrics !== 'object' || metrics === null) {
    throw new Error(`${file}: the 'metrics' export must be an object of task name → function`);
  }
  const timingGates = module.timingGates ?? {};
  if (typeof timingGates !== 'object' || timingGates === null || Object.values(timingGates).some((gate) => typeof gate !== 'boolean')) {
    throw new Error(`${file}: the 'timingGates' export must be an object of task name → true or false`);
  }
  return { bench: module.default, metrics: metrics as SuiteMetrics, timingGates: timingGates as SuiteTimingGates };
}

function forceGc(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return false;
  gc();
  return true;
}

/**
 * Calls a task's custom metrics and checks every value by the rule of its unit, as every results
 * file is checked (`checkValue`: a gated time or rate > 0, an amount ≥ 0, all finite), so that an
 * impossible value errors the task with its name instead of reaching the comparison.
 */
async function collectCustom(metrics: SuiteMetrics, name: string): Promise<CustomMetric[]> {
  const collect = metrics[name];
  if (!collect) return [];
  const values = await collect();
  for (const metric of values) {
    const reason = checkValue(metric.value, { unit: metric.unit, gate: metric.gate ?? true });
    if (reason) throw new Error(`custom metric '${metric.name}' (${metric.unit}) of task '${name}': ${reason}`);
  }
  return values;
}

/**
 * Why a measured median cannot stand as this run's value, or null. A median of 0 ns means most
 * iterations ended within the clock's resolution: no ratio can be taken of it, so a gated task
 * errors and says to give each iteration more work.
 */
function checkMedian(p50: number, gate: boolean): string | null {
  if (p50 === 0 && gate) {
    return "the median iteration took 0 ns: most iterations ended within the clock's resolution, so there is no time to compare; give each iteration more work (a loop inside the task)";
  }
  const reason = checkValue(p50, { unit: 'ns', gate });
  return reason ? `latency p50: ${reason}` : null;
}

/**
 * Measures one task, already warmed up. The heap is collected before and after the timed run:
 * the retained growth over the measured iterations bounds a leak per iteration.
 */
async function measureTask(task: TaskLike, metrics: SuiteMetrics, retain: boolean, timingGate: boolean): Promise<TaskRecord> {
  const hasGc = forceGc();
  const heapBefore = process.memoryUsage().heapUsed;
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  await task.run();
  const wall = performance.now() - wallBefore;
  const cpu = process.cpuUsage(cpuBefore);
  const result = task.result;
  if (result.state !== 'completed' || !result.latency) {
    const reason = result.state === 'errored' ? describe(result.error) : `ended in state '${result.state}'`;
    return { name: task.name, state: 'errored', error: reason };
  }
  const heapAfter = hasGc && forceGc() ? process.memoryUsage().heapUsed : null;
  const iterations = result.latency.samplesCount;
  const medianProblem = checkMedian(result.latency.p50 * NS_PER_MS, timingGate);
  if (medianProblem) return { name: task.name, state: 'errored', error: medianProblem };
  try {
    return {
      name: task.name,
      state: 'completed',
      p50: result.latency.p50 * NS_PER_MS,
      mean: result.latency.mean * NS_PER_MS,
      iterations,
      cpuCores: wall > 0 ? (cpu.user + cpu.system) / 1000 / wall : 0,
      heapPerIteration: heapAfter === null ? null : Math.max(0, heapAfter - heapBefore) / iterations,
      // tinybench sorts its samples in place; copy them so the record keeps its own array.
      samples: retain && result.latency.samples ? result.latency.samples.map((ms) => ms * NS_PER_MS) : null,
      custom: await collectCustom(metrics, task.name),
      ...(timingGate ? {} : { timingGate }),
    };
  } catch (error: unknown) {
    return { name: task.name, state: 'errored', error: describe(error) };
  }
}

/**
 * Runs one suite file once and returns one record per selected task.
 * @param request what to run
 * @returns the records, or a suite-level error
 */
export async function runSuiteOnce(request: RunRequest): Promise<RunReply> {
  let suite: Awaited<ReturnType<typeof loadSuite>>;
  try {
    if (request.retainSamples) await retainSamplesOnAdd(request.suite);
    suite = await loadSuite(request.suite);
  } catch (error: unknown) {
    return { kind: 'suite-error', error: describe(error) };
  }
  const { bench, metrics, timingGates } = suite;
  bench.time = request.time;
  bench.warmupTime = request.warmupTime;
  bench.retainSamples = request.retainSamples;
  const filter = request.filter === null ? null : new RegExp(request.filter);
  const selected = bench.tasks.filter((task) => {
    const id = `${request.suiteName}/${task.name}`;
    return (!filter || filter.test(id)) && isInShard(id, request.shard ?? null);
  });
  const ordered = shuffle(selected, createRandom(request.seed));
  // As tinybench's own run(): every task is warmed up first, then each is measured.
  const failures = new Map<TaskLike, string>();
  if (bench.warmup) {
    for (const task of ordered) {
      await task.warmup().catch((error: unknown) => failures.set(task, describe(error)));
    }
  }
  const records: TaskRecord[] = [];
  for (const task of ordered) {
    const failure = failures.get(task);
    try {
      records.push(
        failure !== undefined
          ? { name: task.name, state: 'errored', error: failure }
          : await measureTask(task, metrics, request.retainSamples, timingGates[task.name] ?? true),
      );
    } catch (error: unknown) {
      records.push({ name: task.name, state: 'errored', error: describe(error) });
    }
  }
  return { kind: 'tasks', tasks: records, all: bench.tasks.map((task) => task.name) };
}

if (process.send) {
  process.once('message', (request: RunRequest) => {
    runSuiteOnce(request).then(
      (reply) => process.send!(reply, () => process.exit(0)),
      (error: unknown) => process.send!({ kind: 'suite-error', error: describe(error) } satisfies RunReply, () => process.exit(0)),
    );
  });
}
