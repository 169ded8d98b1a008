/**
 * The real counterpart of the executor model, in Node: Barbara's client, for real.
 *
 * A local HTTP server (its own child process, benchmarks/executor-http-server.ts) serves JSON
 * payloads of heavy-tailed sizes on 127.0.0.1. This client keeps 32 requests in flight and parses
 * each response either on the main thread (the event loop is Barbara's single task: `in-task`) or
 * in a pool of worker_threads (`spawn-blocking`). For each it records wall time, requests/s, cores
 * used (process CPU time / wall time, worker threads included) and the event loop's worst delay
 * (the unrelated periodic task). Modes alternate, round by round, so both see the same machine.
 *
 *   npx node benchmarks/executor-http.ts [--requests 400] [--rounds 5] [--workers N] [--timeout 120]
 *
 * It stops by itself: a bounded number of requests, and a hard timeout that kills the server.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { Agent, get } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { summarizeRecords } from './executor-http-parse.ts';
import { ParsePool } from './executor-parse-pool.ts';

type Mode = 'main-thread' | 'worker-pool';

interface ModeResult {
  mode: Mode;
  round: number;
  wallMs: number;
  requestsPerSecond: number;
  coresUsed: number;
  cpuMsPerRequest: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  megabytes: number;
  activeRecords: number;
}

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '400' },
    concurrency: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '5' },
    workers: { type: 'string', default: String(availableParallelism()) },
    timeout: { type: 'string', default: '120' },
  },
});
const requests = positiveInteger('requests', values.requests);
const concurrency = positiveInteger('concurrency', values.concurrency);
const rounds = positiveInteger('rounds', values.rounds);
const workers = positiveInteger('workers', values.workers);
const timeoutSeconds = positiveInteger('timeout', values.timeout);

function positiveInteger(name: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be an integer ≥ 1, got ${text}`);
  return value;
}

function startServer(): Promise<{ child: ChildProcess; port: number; sizes: number[] }> {
  const child = fork(new URL('./executor-http-server.ts', import.meta.url), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => {
      const { port, sizes } = message as { port: number; sizes: number[] };
      resolve({ child, port, sizes });
    });
    child.once('exit', (code) => reject(new Error(`payload server exited early with code ${code}`)));
    child.once('error', reject);
  });
}

function fetchBody(agent: Agent, port: number, index: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: `/payload/${index}`, agent }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(`GET /payload/${index}: HTTP ${response.statusCode}`));
        return;
      }
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(Buffer.concat(chunks)));
      response.on('error', reject);
    }).on('error', reject);
  });
}

async function runMode(mode: Mode, round: number, port: number, pool: ParsePool, count: number): Promise<ModeResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  let next = 0;
  let bytes = 0;
  let activeRecords = 0;
  const lane = async (): Promise<void> => {
    while (next < count) {
      const body = await fetchBody(agent, port, next++);
      bytes += body.length;
      // read-modify-write after the await: `x += await y` would lose the other lanes' updates
      const active = mode === 'main-thread' ? summarizeRecords(body) : await pool.parse(body);
      activeRecords += active;
    }
  };
  loopDelay.enable();
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  loopDelay.disable();
  agent.destroy();
  return {
    mode,
    round,
    wallMs,
    requestsPerSecond: count / (wallMs / 1000),
    coresUsed: (cpu.user + cpu.system) / 1000 / wallMs,
    cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / count,
    loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
    loopDelayMaxMs: loopDelay.max / 1e6,
    megabytes: bytes / 1e6,
    activeRecords,
  };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const { child, port, sizes } = await startServer();
const timer = setTimeout(() => {
  console.error(`executor-http: timed out after ${timeoutSeconds} s`);
  child.kill('SIGKILL');
  process.exit(1);
}, timeoutSeconds * 1000);
timer.unref();

const pool = new ParsePool(workers);
try {
  const sorted = [...sizes].sort((a, b) => a - b);
  console.log(
    `payloads: ${sizes.length} distinct, median ${(median(sizes) / 1024).toFixed(0)} KiB, ` +
      `max ${(sorted[sorted.length - 1]! / 1024 / 1024).toFixed(1)} MiB; ${requests} requests, ${concurrency} in flight, ` +
      `${workers} worker threads, ${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(2)}` +
      (loadavg()[0]! > availableParallelism() ? ' (above the core count: the pool cannot get its cores)' : ''),
  );
  await runMode('main-thread', 0, port, pool, concurrency); // warm-up, not reported
  await runMode('worker-pool', 0, port, pool, concurrency);
  const results: ModeResult[] = [];
  for (let round = 1; round <= rounds; round++) {
    const order: Mode[] = round % 2 ? ['main-thread', 'worker-pool'] : ['worker-pool', 'main-thread'];
    for (const mode of order) results.push(await runMode(mode, round, port, pool, requests));
  }
  console.table(
    results.map((r) => ({
      round: r.round,
      mode: r.mode,
      'wall ms': Math.round(r.wallMs),
      'req/s': Math.round(r.requestsPerSecond),
      'cores used': r.coresUsed.toFixed(2),
      'CPU ms/req': r.cpuMsPerRequest.toFixed(2),
      'loop delay p99 ms': r.loopDelayP99Ms.toFixed(1),
      'loop delay max ms': r.loopDelayMaxMs.toFixed(1),
      MB: r.megabytes.toFixed(0),
    })),
  );
  const of = (mode: Mode, key: keyof ModeResult) => median(results.filter((r) => r.mode === mode).map((r) => r[key] as number));
  const check = new Set(results.map((r) => r.activeRecords));
  if (check.size !== 1) throw new Error(`modes parsed different data: active record counts ${[...check].join(', ')}`);
  console.log(
    `medians over ${rounds} round(s): cores used main-thread ${of('main-thread', 'coresUsed').toFixed(2)}, ` +
      `worker-pool ${of('worker-pool', 'coresUsed').toFixed(2)}`,
  );
  console.log(`load average at the end: ${loadavg()[0]!.toFixed(2)}`);
  console.log(
    `ratio worker-pool / main-thread: cores used ${(of('worker-pool', 'coresUsed') / of('main-thread', 'coresUsed')).toFixed(2)}×, ` +
      `throughput ${(of('worker-pool', 'requestsPerSecond') / of('main-thread', 'requestsPerSecond')).toFixed(2)}×, ` +
      `CPU per request ${(of('worker-pool', 'cpuMsPerRequest') / of('main-thread', 'cpuMsPerRequest')).toFixed(2)}×, ` +
      `event-loop max delay ${(of('worker-pool', 'loopDelayMaxMs') / of('main-thread', 'loopDelayMaxMs')).toFixed(2)}×`,
  );
} finally {
  await pool.close();
  child.disconnect();
}
