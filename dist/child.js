import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  checkValue,
  createRandom,
  isInShard,
  shuffle
} from "./chunks/chunk-YIMTSNXO.js";

// src/runner/child.ts
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
var NS_PER_MS = 1e6;
function isBench(value) {
  return typeof value === "object" && value !== null && Array.isArray(value.tasks) && typeof value.run === "function";
}
function describe(error) {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
async function retainSamplesOnAdd(file) {
  let resolved;
  try {
    resolved = createRequire(file).resolve("tinybench");
  } catch {
    return;
  }
  const { Bench } = await import(pathToFileURL(resolved).href);
  const add = Bench.prototype.add;
  Bench.prototype.add = function(name, fn, options) {
    return add.call(this, name, fn, { retainSamples: true, ...options });
  };
}
async function loadSuite(file) {
  let module;
  try {
    module = await import(pathToFileURL(file).href);
  } catch (error) {
    throw new Error(`${file}: failed to import: ${describe(error)}`);
  }
  if (!isBench(module.default)) {
    throw new Error(`${file}: the default export must be a tinybench Bench with its tasks added (got ${typeof module.default})`);
  }
  const metrics = module.metrics ?? {};
  if (typeof metrics !== "object" || metrics === null) {
    throw new Error(`${file}: the 'metrics' export must be an object of task name \u2192 function`);
  }
  const timingGates = module.timingGates ?? {};
  if (typeof timingGates !== "object" || timingGates === null || Object.values(timingGates).some((gate) => typeof gate !== "boolean")) {
    throw new Error(`${file}: the 'timingGates' export must be an object of task name \u2192 true or false`);
  }
  return { bench: module.default, metrics, timingGates };
}
function forceGc() {
  const gc = globalThis.gc;
  if (!gc) return false;
  gc();
  return true;
}
async function collectCustom(metrics, name) {
  const collect = metrics[name];
  if (!collect) return [];
  const values = await collect();
  for (const metric of values) {
    const reason = checkValue(metric.value, { unit: metric.unit, gate: metric.gate ?? true });
    if (reason) throw new Error(`custom metric '${metric.name}' (${metric.unit}) of task '${name}': ${reason}`);
  }
  return values;
}
function checkMedian(p50, gate) {
  if (p50 === 0 && gate) {
    return "the median iteration took 0 ns: most iterations ended within the clock's resolution, so there is no time to compare; give each iteration more work (a loop inside the task)";
  }
  const reason = checkValue(p50, { unit: "ns", gate });
  return reason ? `latency p50: ${reason}` : null;
}
async function measureTask(task, metrics, retain, timingGate) {
  const hasGc = forceGc();
  const heapBefore = process.memoryUsage().heapUsed;
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  await task.run();
  const wall = performance.now() - wallBefore;
  const cpu = process.cpuUsage(cpuBefore);
  const result = task.result;
  if (result.state !== "completed" || !result.latency) {
    const reason = result.state === "errored" ? describe(result.error) : `ended in state '${result.state}'`;
    return { name: task.name, state: "errored", error: reason };
  }
  const heapAfter = hasGc && forceGc() ? process.memoryUsage().heapUsed : null;
  const iterations = result.latency.samplesCount;
  const medianProblem = checkMedian(result.latency.p50 * NS_PER_MS, timingGate);
  if (medianProblem) return { name: task.name, state: "errored", error: medianProblem };
  try {
    return {
      name: task.name,
      state: "completed",
      p50: result.latency.p50 * NS_PER_MS,
      mean: result.latency.mean * NS_PER_MS,
      iterations,
      cpuCores: wall > 0 ? (cpu.user + cpu.system) / 1e3 / wall : 0,
      heapPerIteration: heapAfter === null ? null : Math.max(0, heapAfter - heapBefore) / iterations,
      // tinybench sorts its samples in place; copy them so the record keeps its own array.
      samples: retain && result.latency.samples ? result.latency.samples.map((ms) => ms * NS_PER_MS) : null,
      custom: await collectCustom(metrics, task.name),
      ...timingGate ? {} : { timingGate }
    };
  } catch (error) {
    return { name: task.name, state: "errored", error: describe(error) };
  }
}
async function runSuiteOnce(request) {
  let suite;
  try {
    if (request.retainSamples) await retainSamplesOnAdd(request.suite);
    suite = await loadSuite(request.suite);
  } catch (error) {
    return { kind: "suite-error", error: describe(error) };
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
  const failures = /* @__PURE__ */ new Map();
  if (bench.warmup) {
    for (const task of ordered) {
      await task.warmup().catch((error) => failures.set(task, describe(error)));
    }
  }
  const records = [];
  for (const task of ordered) {
    const failure = failures.get(task);
    try {
      records.push(
        failure !== void 0 ? { name: task.name, state: "errored", error: failure } : await measureTask(task, metrics, request.retainSamples, timingGates[task.name] ?? true)
      );
    } catch (error) {
      records.push({ name: task.name, state: "errored", error: describe(error) });
    }
  }
  return { kind: "tasks", tasks: records, all: bench.tasks.map((task) => task.name) };
}
if (process.send) {
  process.once("message", (request) => {
    runSuiteOnce(request).then(
      (reply) => process.send(reply, () => process.exit(0)),
      (error) => process.send({ kind: "suite-error", error: describe(error) }, () => process.exit(0))
    );
  });
}
export {
  runSuiteOnce
};
//# sourceMappingURL=child.js.map
