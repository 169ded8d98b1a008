/**
 * A CPU load generator for benchmark scripts: `workers` child processes that each burn CPU in
 * bursts switched on and off at random moments (exponential on and off durations drawn from a
 * seeded source), so a script can measure false alarms and detection under changing load.
 *
 * Safety:
 * - bounded in time: every worker exits by itself `maxSeconds` after start (at most 3600), and the
 *   parent kills any worker still alive one second later;
 * - stops if its parent dies: workers talk to the parent only over the IPC pipe `fork` opens, and
 *   exit when it closes (the parent exited or was killed) or when their parent process id changes;
 * - no network at all: no sockets, no addresses; the only channel is the IPC pipe.
 *
 * Library use:
 *   const load = start({ seed: 7, maxSeconds: 60, workers: 2, meanOnMs: 400, meanOffMs: 600 });
 *   ... run benchmarks ...
 *   const log = await load.stop(); // [{ at, worker, state: 'on' | 'off' | 'exit' }, ...]
 *
 * CLI (runs until maxSeconds, Ctrl-C or SIGTERM; prints the log as JSON lines on stdout):
 *   npx node benchmarks/experiments/load-generator.ts --seed 7 --max-seconds 60 [--workers 2] [--mean-on-ms 400] [--mean-off-ms 600]
 */
import { type ChildProcess, fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createRandom } from '../../src/stats/create-random.ts';

/** The options of {@link start}. */
export interface LoadOptions {
  /** Seeds every worker's on/off schedule (worker i uses seed × 7919 + i). */
  seed: number;
  /** Hard bound on the load's lifetime in seconds, in (0, 3600]. */
  maxSeconds: number;
  /**
   * How many burning processes.
   * @default os.availableParallelism()
   */
  workers?: number;
  /**
   * Mean length of a burst of CPU burning, in milliseconds (exponentially distributed).
   * @default 500
   */
  meanOnMs?: number;
  /**
   * Mean length of a pause between bursts, in milliseconds (exponentially distributed).
   * @default 500
   */
  meanOffMs?: number;
}

/** One transition of one worker; `at` is milliseconds since {@link start}. */
export interface LoadEvent {
  at: number;
  worker: number;
  state: 'on' | 'off' | 'exit';
}

/** A running load: stop it, and read what it did. */
export interface Load {
  /** Stops every worker and resolves with the log once all have exited. Safe to call twice. */
  stop(): Promise<LoadEvent[]>;
  /** The transitions so far, in order of arrival. */
  readonly log: LoadEvent[];
  /** The resolved options. */
  readonly options: Required<LoadOptions>;
}

const WORKER_FLAG = '--benchgate-load-worker';
const SLICE_MS = 10;

/**
 * Starts the load generator.
 * @param options seed, time bound, workers and the mean on/off durations
 * @returns the running load with stop() and its log
 */
export function start(options: LoadOptions): Load {
  const resolved: Required<LoadOptions> = {
    workers: os.availableParallelism(),
    meanOnMs: 500,
    meanOffMs: 500,
    ...options,
  };
  const { seed, maxSeconds, workers, meanOnMs, meanOffMs } = resolved;
  if (!Number.isInteger(seed)) throw new Error(`load generator: 'seed' must be an integer, got ${seed}`);
  if (!(maxSeconds > 0 && maxSeconds <= 3600)) throw new Error(`load generator: 'maxSeconds' must be in (0, 3600], got ${maxSeconds}`);
  if (!(Number.isInteger(workers) && workers >= 0 && workers <= 64)) throw new Error(`load generator: 'workers' must be an integer in [0, 64], got ${workers}`);
  if (!(meanOnMs > 0)) throw new Error(`load generator: 'meanOnMs' must be > 0, got ${meanOnMs}`);
  if (!(meanOffMs > 0)) throw new Error(`load generator: 'meanOffMs' must be > 0, got ${meanOffMs}`);

  const began = Date.now();
  const log: LoadEvent[] = [];
  const children: ChildProcess[] = [];
  const exited: Promise<void>[] = [];
  for (let worker = 0; worker < workers; worker++) {
    const config = { worker, seed: seed * 7919 + worker, began, deadline: began + maxSeconds * 1000, meanOnMs, meanOffMs };
    const child = fork(import.meta.filename, [WORKER_FLAG, JSON.stringify(config)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child.on('message', (message) => log.push(message as LoadEvent));
    exited.push(
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve();
        else child.once('exit', () => resolve());
      }),
    );
    child.unref();
    (child.channel as { unref?: () => void } | undefined)?.unref?.();
    children.push(child);
  }
  const killer = setTimeout(() => kill(), maxSeconds * 1000 + 1000);
  killer.unref();

  function kill(): void {
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }
  let stopped: Promise<LoadEvent[]> | undefined;
  return {
    log,
    options: resolved,
    stop() {
      stopped ??= (async () => {
        clearTimeout(killer);
        for (const child of children) {
          if (child.connected) child.disconnect();
        }
        const grace = setTimeout(kill, 2000);
        await Promise.all(exited);
        clearTimeout(grace);
        return log;
      })();
      return stopped;
    },
  };
}

/** The worker's loop: burn CPU in slices while on, sleep while off, exit at the deadline or when orphaned. */
function runWorker(config: { worker: number; seed: number; began: number; deadline: number; meanOnMs: number; meanOffMs: number }): void {
  const random = createRandom(config.seed);
  const exponential = (mean: number) => -mean * Math.log(1 - random());
  const parent = process.ppid;
  const send = (state: LoadEvent['state']) => {
    if (process.connected) process.send?.({ at: Date.now() - config.began, worker: config.worker, state } satisfies LoadEvent);
  };
  const orphaned = () => !process.connected || process.ppid !== parent;
  const finish = () => {
    send('exit');
    process.exit(0);
  };
  process.on('disconnect', () => process.exit(0));
  // Start in a random phase, so workers do not switch together.
  let on = random() < config.meanOnMs / (config.meanOnMs + config.meanOffMs);
  let until = Date.now() + exponential(on ? config.meanOnMs : config.meanOffMs);
  send(on ? 'on' : 'off');
  let sink = 0;
  const step = () => {
    if (orphaned() || Date.now() >= config.deadline) return finish();
    if (Date.now() >= until) {
      on = !on;
      until = Date.now() + exponential(on ? config.meanOnMs : config.meanOffMs);
      send(on ? 'on' : 'off');
    }
    if (on) {
      const end = Math.min(Date.now() + SLICE_MS, until, config.deadline);
      while (Date.now() < end) {
        for (let i = 0; i < 10_000; i++) sink = (sink + Math.sqrt(i * sink + 1)) % 1e9;
      }
      setImmediate(step);
    } else {
      setTimeout(step, Math.max(1, Math.min(SLICE_MS * 5, until - Date.now(), config.deadline - Date.now())));
    }
  };
  step();
}

if (process.argv[2] === WORKER_FLAG) {
  runWorker(JSON.parse(process.argv[3] ?? '{}'));
} else if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      'max-seconds': { type: 'string', default: '60' },
      workers: { type: 'string' },
      'mean-on-ms': { type: 'string', default: '500' },
      'mean-off-ms': { type: 'string', default: '500' },
    },
  });
  const load = start({
    seed: Number(values.seed),
    maxSeconds: Number(values['max-seconds']),
    ...(values.workers === undefined ? {} : { workers: Number(values.workers) }),
    meanOnMs: Number(values['mean-on-ms']),
    meanOffMs: Number(values['mean-off-ms']),
  });
  console.error(`load generator: ${load.options.workers} workers, seed ${load.options.seed}, at most ${load.options.maxSeconds} s`);
  const finish = async () => {
    for (const event of await load.stop()) console.log(JSON.stringify(event));
    process.exit(0);
  };
  process.once('SIGINT', finish);
  process.once('SIGTERM', finish);
  const timer = setTimeout(finish, load.options.maxSeconds * 1000 + 1500);
  void timer;
}
