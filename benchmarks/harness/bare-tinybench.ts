/**
 * Bare tinybench, for comparison with benchgate's runner: imports a suite, sets the same
 * options the runner sets, calls `bench.run()` and reports each task's p50 in ns as JSON:
 * over IPC when started with `fork` (the runner's own process setup), else on stdout.
 * `node bare-tinybench.ts SUITE TIME_MS WARMUP_MS`
 */
import { pathToFileURL } from 'node:url';
import type { Bench } from 'tinybench';

const [suite, time, warmupTime] = process.argv.slice(2);
const bench = (await import(pathToFileURL(suite!).href)).default as Bench & { time: number; warmupTime: number };
bench.time = Number(time);
bench.warmupTime = Number(warmupTime);
await bench.run();
const p50 = Object.fromEntries(bench.tasks.map((task) => [task.name, task.result.state === 'completed' ? task.result.latency.p50 * 1e6 : null]));
if (process.send) process.send(p50, () => process.exit(0));
else console.log(JSON.stringify(p50));
