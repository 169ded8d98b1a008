/**
 * Parameters of the simulated runtime and machine. Every default names its source in
 * docs/models/executor.md; costs marked "assumed" are order-of-magnitude figures, not measurements.
 */
export interface RuntimeOptions {
  /** CPU cores of the machine; threads beyond this wait for the OS scheduler. @default 16 */
  cores: number;
  /** Worker threads. tokio's default is the number of cores (`Builder::worker_threads`). @default 16 */
  workers: number;
  /** Upper bound on blocking-pool threads (`Builder::max_blocking_threads`). @default 512 */
  maxBlockingThreads: number;
  /** Capacity of a worker's local run queue (tokio `LOCAL_QUEUE_CAPACITY`). @default 256 */
  localQueueCapacity: number;
  /** A worker checks the global queue first every this many ticks (tokio's former fixed default, 61). @default 61 */
  globalQueueInterval: number;
  /** Scheduler overhead of one poll: state transitions, task header, ref counts. Assumed. @default 100 */
  pollNs: number;
  /** CPU cost of `tokio::spawn` (allocation, queue push). tokio#4819: ≈ 320 ns per spawn+join. @default 200 */
  spawnNs: number;
  /** CPU cost for a driver to collect one finished result (`JoinHandle` poll, or a ready future). Assumed. @default 50 */
  collectNs: number;
  /** Time from unparking a thread (futex wake) until it runs. Assumed, typical Linux wake-up latency. @default 5_000 */
  threadWakeNs: number;
  /** CPU a thread spends resuming from sleep before useful work: futex return, context switch, cold caches. Assumed. @default 2_000 */
  threadResumeNs: number;
  /** Time to start a new OS thread for the blocking pool. Assumed. @default 20_000 */
  threadSpawnNs: number;
  /** CPU cost of one steal attempt across the other workers. Assumed. @default 200 */
  stealNs: number;
  /** CPU cost on the caller of `spawn_blocking`: allocation, the pool's mutex, condvar notify. Assumed. @default 3_000 */
  blockingHandoffNs: number;
  /** CPU cost of `block_in_place` handing the worker's core to another thread. Assumed. @default 3_000 */
  blockInPlaceNs: number;
  /**
   * OS time slice: a thread that ran this long yields its core to a waiting thread. Linux's unscaled
   * base slice is 0.75 ms; the kernel scales it to 3 ms on 16 CPUs (docs/models/executor.md).
   * @default 750_000
   */
  osSliceNs: number;
  /** Seed of the scheduler's random steal order. @default 7 */
  seed: number;
}

/** The defaults: a 16-core machine running tokio's multi-thread runtime as configured out of the box. */
export const DEFAULT_RUNTIME_OPTIONS: RuntimeOptions = {
  cores: 16,
  workers: 16,
  maxBlockingThreads: 512,
  localQueueCapacity: 256,
  globalQueueInterval: 61,
  pollNs: 100,
  spawnNs: 200,
  collectNs: 50,
  threadWakeNs: 5_000,
  threadResumeNs: 2_000,
  threadSpawnNs: 20_000,
  stealNs: 200,
  blockingHandoffNs: 3_000,
  blockInPlaceNs: 3_000,
  osSliceNs: 750_000,
  seed: 7,
};

/**
 * Checks runtime options, naming the offending field.
 * @param options the options
 * @throws Error such as `runtime 'workers' must be an integer ≥ 1, got 0`
 */
export function validateRuntimeOptions(options: RuntimeOptions): void {
  for (const field of ['cores', 'workers', 'maxBlockingThreads', 'localQueueCapacity', 'globalQueueInterval'] as const) {
    const value = options[field];
    if (!Number.isInteger(value) || value < 1) throw new Error(`runtime '${field}' must be an integer ≥ 1, got ${value}`);
  }
  for (const field of [
    'pollNs',
    'spawnNs',
    'collectNs',
    'threadWakeNs',
    'threadResumeNs',
    'threadSpawnNs',
    'stealNs',
    'blockingHandoffNs',
    'blockInPlaceNs',
  ] as const) {
    const value = options[field];
    if (!Number.isFinite(value) || value < 0) throw new Error(`runtime '${field}' must be a finite number ≥ 0, got ${value}`);
  }
  if (!(options.osSliceNs > 0) || !Number.isFinite(options.osSliceNs)) {
    throw new Error(`runtime 'osSliceNs' must be a finite number > 0, got ${options.osSliceNs}`);
  }
}
