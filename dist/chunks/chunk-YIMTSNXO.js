import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/results/format-error.ts
var FormatError = class extends Error {
  name = "FormatError";
  /** The file (or folder) that was being read. */
  file;
  /** A JSON path such as `benchmarks[3].metrics[0].runs`, or `line 12`, when known. */
  location;
  /** `newer-schema` lets the baseline store refuse to write beside a file it cannot read. */
  reason;
  constructor(file, message, location, reason = "invalid") {
    super(`${file}${location ? ` (${location})` : ""}: ${message}`);
    this.file = file;
    this.location = location;
    this.reason = reason;
  }
};

// src/results/validate-results.ts
var MAX_MAGNITUDE = 1e30;
var MAX_BENCHMARKS = 1e5;
function checkBenchmarkCount(count, file) {
  if (count > MAX_BENCHMARKS) {
    throw new FormatError(
      file,
      `holds ${count.toLocaleString("en-US")} benchmarks, more than the ${MAX_BENCHMARKS.toLocaleString("en-US")} benchgate compares from one file; split the suite into benchmark sets or filter it`,
      "benchmarks",
      "too-large"
    );
  }
}
var MIN_MAGNITUDE = 1e-30;
var TIME_UNITS = /* @__PURE__ */ new Set([
  "ns",
  "nanoseconds",
  "us",
  "\xB5s",
  "\u03BCs",
  "microseconds",
  "ms",
  "milliseconds",
  "s",
  "sec",
  "secs",
  "second",
  "seconds",
  "min",
  "minutes"
]);
var AMOUNT_UNITS = /* @__PURE__ */ new Set([
  "b",
  "byte",
  "bytes",
  "kb",
  "kib",
  "mb",
  "mib",
  "gb",
  "gib",
  "allocs",
  "allocations",
  "alloc",
  "count",
  "counts",
  "cores",
  "items",
  "elements",
  "objects",
  "collections",
  "gcs"
]);
function classifyUnit(unit) {
  const trimmed = unit.trim();
  const lower = trimmed.toLowerCase();
  const slash = lower.lastIndexOf("/");
  if (slash < 0) {
    if (TIME_UNITS.has(trimmed) || TIME_UNITS.has(lower)) return "time";
    return AMOUNT_UNITS.has(lower) ? "amount" : "other";
  }
  const head = lower.slice(0, slash).trim();
  const tail = lower.slice(slash + 1).trim();
  if (TIME_UNITS.has(tail)) return "rate";
  if (TIME_UNITS.has(head) || TIME_UNITS.has(trimmed.slice(0, slash).trim())) return "time";
  return AMOUNT_UNITS.has(head) ? "amount" : "other";
}
function ruleFor(metric) {
  const kind = classifyUnit(metric.unit);
  if (kind === "other") return { allowsZero: true, allowsNegative: true, says: "" };
  if (kind === "amount") return { allowsZero: true, allowsNegative: false, says: `must be \u2265 0 (an amount in ${metric.unit})` };
  const what = kind === "time" ? "a time" : "a rate";
  return metric.gate ? { allowsZero: false, allowsNegative: false, says: `must be > 0 (${what} that takes part in the gate)` } : { allowsZero: true, allowsNegative: false, says: `must be \u2265 0 (${what})` };
}
function checkValue(value, metric) {
  if (typeof value !== "number" || !Number.isFinite(value)) return `${String(value)} is not a finite number`;
  const magnitude = Math.abs(value);
  if (magnitude > MAX_MAGNITUDE) return `${value} is out of range (the largest magnitude accepted is ${MAX_MAGNITUDE})`;
  if (magnitude !== 0 && magnitude < MIN_MAGNITUDE) return `${value} is out of range (the smallest magnitude accepted besides 0 is ${MIN_MAGNITUDE})`;
  const rule = ruleFor(metric);
  if (value === 0 && !rule.allowsZero) return `0 ${rule.says}`;
  if (value < 0 && !rule.allowsNegative) return `${value} ${rule.says}`;
  return null;
}
function findResultsProblem(results) {
  if (results.benchmarks.length === 0 && results.shard === void 0) return { location: "benchmarks", message: "holds no benchmarks" };
  const ids = /* @__PURE__ */ new Map();
  for (let b = 0; b < results.benchmarks.length; b++) {
    const benchmark = results.benchmarks[b];
    const at = `benchmarks[${b}]`;
    const first = ids.get(benchmark.id);
    if (first !== void 0) {
      return { location: `${at}.id`, message: `benchmark '${benchmark.id}' appears twice (also benchmarks[${first}]); ids must be unique` };
    }
    ids.set(benchmark.id, b);
    if (benchmark.state === "completed" && benchmark.metrics.length === 0) {
      return { location: `${at}.metrics`, message: `benchmark '${benchmark.id}' is completed but has no metrics` };
    }
    const names = /* @__PURE__ */ new Set();
    for (let m = 0; m < benchmark.metrics.length; m++) {
      const metric = benchmark.metrics[m];
      const where = `${at}.metrics[${m}]`;
      const named = `benchmark '${benchmark.id}', metric '${metric.name}'`;
      if (names.has(metric.name)) return { location: `${where}.name`, message: `${named} appears twice in the benchmark` };
      names.add(metric.name);
      const problem = findMetricProblem(metric, where, named);
      if (problem) return problem;
    }
  }
  return null;
}
function findMetricProblem(metric, where, named) {
  const { runs } = metric;
  if (runs.length === 0) return { location: `${where}.runs`, message: `${named} has no runs` };
  for (let i = 0; i < runs.length; i++) {
    const reason = checkValue(runs[i], metric);
    if (reason) return { location: `${where}.runs[${i}]`, message: `${named}, run ${i + 1}: ${reason}` };
  }
  if (metric.iterations !== void 0) {
    if (metric.iterations.length !== runs.length) {
      return {
        location: `${where}.iterations`,
        message: `${named} has ${metric.iterations.length} iteration counts for ${runs.length} runs`
      };
    }
    for (let i = 0; i < metric.iterations.length; i++) {
      const n = metric.iterations[i];
      if (!Number.isSafeInteger(n) || n < 1) {
        return { location: `${where}.iterations[${i}]`, message: `${named}, run ${i + 1}: iteration count must be a positive integer, got ${n}` };
      }
    }
  }
  if (metric.samples !== void 0) {
    if (metric.samples.length !== runs.length) {
      return { location: `${where}.samples`, message: `${named} has ${metric.samples.length} sample arrays for ${runs.length} runs` };
    }
    for (let i = 0; i < metric.samples.length; i++) {
      const samples = metric.samples[i];
      if (samples.length === 0) return { location: `${where}.samples[${i}]`, message: `${named}, run ${i + 1}: no samples` };
      for (let j = 0; j < samples.length; j++) {
        const reason = checkValue(samples[j], { unit: metric.unit, gate: false });
        if (reason) return { location: `${where}.samples[${i}][${j}]`, message: `${named}, run ${i + 1}, sample ${j + 1}: ${reason}` };
      }
    }
  }
  if (metric.observation === "aggregate" && metric.aggregate === void 0) {
    return { location: `${where}.aggregate`, message: `${named} is an aggregate but gives no mean, stddev and count` };
  }
  if (metric.aggregate !== void 0) {
    const { mean, stddev, count } = metric.aggregate;
    const reason = checkValue(mean, metric);
    if (reason) return { location: `${where}.aggregate.mean`, message: `${named}, mean: ${reason}` };
    if (!Number.isFinite(stddev) || stddev < 0 || stddev > MAX_MAGNITUDE) {
      return { location: `${where}.aggregate.stddev`, message: `${named}: standard deviation must be a finite number \u2265 0, got ${stddev}` };
    }
    if (!Number.isSafeInteger(count) || count < 1) {
      return { location: `${where}.aggregate.count`, message: `${named}: count must be a positive integer, got ${count}` };
    }
  }
  return null;
}
function validateResults(results, file, suffix = "") {
  checkBenchmarkCount(results.benchmarks.length, file);
  const problem = findResultsProblem(results);
  if (problem) throw new FormatError(file, suffix ? `${problem.message} ${suffix}` : problem.message, problem.location);
}

// src/stats/create-random.ts
function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = state + 1831565813 >>> 0;
    let t = state;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}

// src/stats/shuffle.ts
function shuffle(items, random) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// src/results/assign-shard.ts
var encoder = new TextEncoder();
function fnv1a(text) {
  let hash = 2166136261;
  for (const byte of encoder.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}
function mix(value) {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  h ^= h >>> 16;
  return h >>> 0;
}
function weight(idHash, index) {
  return mix(idHash ^ mix(Math.imul(index, 2654435761)));
}
function assignShard(id, count) {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`assignShard: the shard count must be a whole number \u2265 1, got ${count}`);
  const idHash = fnv1a(id);
  let best = 1;
  let bestWeight = -1;
  for (let index = 1; index <= count; index++) {
    const w = weight(idHash, index);
    if (w > bestWeight) {
      best = index;
      bestWeight = w;
    }
  }
  return best;
}
function isInShard(id, shard) {
  return shard === null || assignShard(id, shard.count) === shard.index;
}
function parseShardSpec(text) {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count || count > 1e4) {
    throw new RangeError(`must be 'i/n' with 1 \u2264 i \u2264 n \u2264 10000 (the ith of n shards, 1-based), got '${text}'`);
  }
  return { index, count };
}

export {
  __require,
  __commonJS,
  __export,
  __toESM,
  FormatError,
  checkBenchmarkCount,
  checkValue,
  validateResults,
  createRandom,
  shuffle,
  assignShard,
  isInShard,
  parseShardSpec
};
//# sourceMappingURL=chunk-YIMTSNXO.js.map
