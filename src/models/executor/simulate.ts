import { Deque } from './deque.ts';
import { EventQueue } from './event-queue.ts';
import { createRandom, type Random } from './random.ts';
import { DEFAULT_RUNTIME_OPTIONS, validateRuntimeOptions, type RuntimeOptions } from './runtime-options.ts';
import { DEFAULT_WORKLOAD_OPTIONS, generateRequests, type Request, type WorkloadOptions } from './workload.ts';

/** Where a request's deserialization runs. */
export const STRATEGIES = ['in-task', 'spawn', 'spawn-blocking', 'block-in-place', 'adaptive'] as const;

/**
 * - `in-task`: `buffer_unordered` inside one task; every payload is parsed in that task's poll.
 * - `spawn`: one `tokio::spawn`ed task per request; it awaits the response and parses it.
 * - `spawn-blocking`: `buffer_unordered` in one task; each payload is parsed by `spawn_blocking`.
 * - `block-in-place`: one spawned task per request; it parses inside `block_in_place`.
 * - `adaptive`: as `in-task`, but payloads of at least `adaptiveCutoffBytes` go to `spawn_blocking`.
 */
export type Strategy = (typeof STRATEGIES)[number];

/** An unrelated task: `loop { sleep(period).await; work() }`. Its wake-to-poll delay measures starvation. */
export interface PeriodicTaskOptions {
  /** Sleep between ticks. @default 1_000_000 (1 ms) */
  periodNs: number;
  /** CPU work per tick. @default 1_000 */
  workNs: number;
}

/** Everything one simulation needs. */
export interface SimulationOptions {
  strategy: Strategy;
  /** @default DEFAULT_RUNTIME_OPTIONS */
  runtime: RuntimeOptions;
  /** @default DEFAULT_WORKLOAD_OPTIONS */
  workload: WorkloadOptions;
  /** `adaptive` offloads payloads of at least this size: 100 µs of parsing at 2 ns/B. @default 50_000 */
  adaptiveCutoffBytes: number;
  /** @default DEFAULT_PERIODIC_TASK_OPTIONS */
  periodicTask: PeriodicTaskOptions;
  /** Guard against a runaway simulation. @default 50_000_000 */
  maxEvents: number;
}

/** A 1 ms tick with 1 µs of work: short enough that any delay is the scheduler's. */
export const DEFAULT_PERIODIC_TASK_OPTIONS: PeriodicTaskOptions = { periodNs: 1_000_000, workNs: 1_000 };

/** Defaults for everything but the strategy. */
export const DEFAULT_SIMULATION_OPTIONS: Omit<SimulationOptions, 'strategy'> = {
  runtime: DEFAULT_RUNTIME_OPTIONS,
  workload: DEFAULT_WORKLOAD_OPTIONS,
  adaptiveCutoffBytes: 50_000,
  periodicTask: DEFAULT_PERIODIC_TASK_OPTIONS,
  maxEvents: 50_000_000,
};

/** What one simulation reports. Times are simulated nanoseconds. */
export interface ExecutorResult {
  strategy: Strategy;
  requests: number;
  /** From start until the driver has collected the last result. */
  makespanNs: number;
  requestsPerSecond: number;
  /** Busy core-time / makespan × 100: 100 % is one core fully used. */
  cpuUtilisationPercent: number;
  busyCoreNs: number;
  /** Busy core-time per request. */
  cpuNsPerRequest: number;
  /** Request latency (driver starts it → driver has its parsed result), nearest-rank percentiles. */
  latencyP50Ns: number;
  latencyP99Ns: number;
  /** Worst time the periodic task waited between its timer firing and its poll starting. */
  periodicMaxDelayNs: number;
  periodicTicks: number;
  /** Discrete events processed. */
  events: number;
  /** OS threads the blocking pool started. */
  blockingThreadsStarted: number;
  /** Successful steals. */
  steals: number;
}

/**
 * Runs a deterministic discrete-event simulation of a tokio-style multi-thread runtime serving
 * one request stream with one strategy. Same options, same result, to the last bit.
 * @param options the strategy, plus any options to override (missing ones take the defaults)
 * @returns the simulated outcome
 * @throws Error naming the option when one is out of range, or when `maxEvents` is exceeded
 * @example
 * simulateExecutor({ strategy: 'in-task' }).cpuUtilisationPercent; // => about 100
 */
export function simulateExecutor(options: Partial<SimulationOptions> & Pick<SimulationOptions, 'strategy'>): ExecutorResult {
  const full: SimulationOptions = { ...DEFAULT_SIMULATION_OPTIONS, ...options };
  if (!STRATEGIES.includes(full.strategy)) {
    throw new Error(`strategy '${String(full.strategy)}' is not one of ${STRATEGIES.join(', ')}`);
  }
  validateRuntimeOptions(full.runtime);
  if (!(full.adaptiveCutoffBytes >= 0)) {
    throw new Error(`'adaptiveCutoffBytes' must be ≥ 0, got ${full.adaptiveCutoffBytes}`);
  }
  if (!(full.periodicTask.periodNs > 0) || !(full.periodicTask.workNs >= 0)) {
    throw new Error(`'periodicTask' needs periodNs > 0 and workNs ≥ 0, got ${JSON.stringify(full.periodicTask)}`);
  }
  const requests = generateRequests(full.workload);
  return new Simulation(full, requests).run();
}

// ---------------------------------------------------------------------------------------------
// Engine. Threads run CPU segments on cores; tasks are polled by worker threads; the blocking pool
// runs jobs on its own threads; every delay is an event on one clock.

const IDLE = 0;
const SCHEDULED = 1;
const RUNNING = 2;
const NOTIFIED = 3;

type Continuation = () => void;

interface Thread {
  /** Worker slot (tokio's `Core`) this thread drives, or -1 for a blocking-pool thread. */
  slot: number;
  hasCore: boolean;
  sliceNs: number;
  waitingNs: number;
  waiting: Continuation | null;
}

interface Task {
  state: number;
  /** Polls the task on `thread`; `leadNs` is scheduler cost to charge first; calls `end` when the poll returns. */
  poll: (thread: Thread, leadNs: number, end: Continuation) => void;
}

interface Slot {
  thread: Thread | null;
  local: Deque<Task>;
  tick: number;
  searching: boolean;
}

interface Job {
  ns: number;
  done: ((thread: Thread) => void) | null;
  /** ≥ 0: the job is "drive worker slot N" (how tokio's block_in_place hands a core over). */
  slot: number;
}

class Simulation {
  private readonly options: SimulationOptions;
  private readonly rt: RuntimeOptions;
  private readonly requests: Request[];
  private readonly random: Random;
  private readonly events = new EventQueue<Continuation>();
  private now = 0;
  private eventCount = 0;
  private stopped = false;

  private freeCores: number;
  /** Threads that woke from sleep; the OS serves them before threads whose slice ran out. */
  private readonly wokenQueue = new Deque<Thread>();
  private readonly osQueue = new Deque<Thread>();
  private busyNs = 0;

  private readonly slots: Slot[] = [];
  private readonly global = new Deque<Task>();
  private readonly parkedSlots: number[] = [];
  private searching = 0;
  private steals = 0;

  private readonly blockingQueue = new Deque<Job>();
  private readonly idleBlocking: Thread[] = [];
  private blockingThreads = 0;

  // request bookkeeping, shared by the strategies
  private nextRequest = 0;
  private inFlight = 0;
  private completed = 0;
  private readonly startedAt: number[];
  private readonly latencies: number[] = [];
  /** Responses that arrived for futures living inside the driver task. */
  private readonly ready = new Deque<number>();
  /** Results finished elsewhere (spawned task or blocking job), waiting for the driver to collect. */
  private readonly finished = new Deque<number>();
  private makespan = 0;

  private periodicFiredAt = 0;
  private periodicMaxDelay = 0;
  private periodicTicks = 0;

  private readonly driver: Task;
  private readonly periodic: Task;

  constructor(options: SimulationOptions, requests: Request[]) {
    this.options = options;
    this.rt = options.runtime;
    this.requests = requests;
    this.random = createRandom(this.rt.seed);
    this.freeCores = this.rt.cores;
    this.startedAt = new Array<number>(requests.length).fill(0);
    for (let s = 0; s < this.rt.workers; s++) {
      const thread: Thread = { slot: s, hasCore: false, sliceNs: 0, waitingNs: 0, waiting: null };
      this.slots.push({ thread, local: new Deque<Task>(), tick: 0, searching: false });
      this.parkedSlots.push(s);
    }
    this.parkedSlots.reverse(); // slot 0 is unparked first
    const usesSpawnedTasks = options.strategy === 'spawn' || options.strategy === 'block-in-place';
    this.driver = {
      state: IDLE,
      poll: usesSpawnedTasks
        ? (thread, lead, end) => this.pollSpawningDriver(thread, lead, end)
        : (thread, lead, end) => this.pollBufferedDriver(thread, lead, end),
    };
    this.periodic = { state: IDLE, poll: (thread, lead, end) => this.pollPeriodic(thread, lead, end) };
  }

  run(): ExecutorResult {
    this.at(0, () => {
      this.wake(this.driver, null);
      this.at(this.options.periodicTask.periodNs, () => this.firePeriodic());
    });
    const max = this.options.maxEvents;
    const events = this.events;
    while (events.length > 0 && !this.stopped) {
      this.now = events.pop();
      this.eventCount++;
      if (this.eventCount > max) throw new Error(`simulation exceeded maxEvents (${max})`);
      events.popped!();
    }
    if (!this.stopped) throw new Error('simulation ended before every request completed');
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const n = this.requests.length;
    return {
      strategy: this.options.strategy,
      requests: n,
      makespanNs: this.makespan,
      requestsPerSecond: n / (this.makespan / 1e9),
      cpuUtilisationPercent: (this.busyNs / this.makespan) * 100,
      busyCoreNs: this.busyNs,
      cpuNsPerRequest: this.busyNs / n,
      latencyP50Ns: nearestRank(sorted, 0.5),
      latencyP99Ns: nearestRank(sorted, 0.99),
      periodicMaxDelayNs: this.periodicMaxDelay,
      periodicTicks: this.periodicTicks,
      events: this.eventCount,
      blockingThreadsStarted: this.blockingThreads,
      steals: this.steals,
    };
  }

  private at(time: number, fn: Continuation): void {
    this.events.push(time, fn);
  }

  // ---- cores and the OS scheduler ----------------------------------------------------------

  /** Runs `ns` of CPU on `thread`, then calls `then` with the core still held. */
  private runCpu(thread: Thread, ns: number, then: Continuation, woken = false): void {
    if (thread.hasCore) {
      this.runChunk(thread, ns, then);
      return;
    }
    thread.waitingNs = ns;
    thread.waiting = then;
    if (this.freeCores > 0) {
      this.freeCores--;
      this.grantCore(thread);
    } else if (woken) {
      this.wokenQueue.push(thread);
    } else {
      this.osQueue.push(thread);
    }
  }

  /** A thread wakes from sleep, pays `threadResumeNs`, then continues. */
  private resume(thread: Thread, then: Continuation): void {
    this.runCpu(thread, this.rt.threadResumeNs, then, true);
  }

  private nextWaiting(): Thread | undefined {
    return this.wokenQueue.shift() ?? this.osQueue.shift();
  }

  private grantCore(thread: Thread): void {
    thread.hasCore = true;
    thread.sliceNs = 0;
    const then = thread.waiting!;
    thread.waiting = null;
    this.runChunk(thread, thread.waitingNs, then);
  }

  private runChunk(thread: Thread, ns: number, then: Continuation): void {
    const room = this.rt.osSliceNs - thread.sliceNs;
    const chunk = Math.min(ns, room);
    this.at(this.now + chunk, () => {
      this.busyNs += chunk;
      thread.sliceNs += chunk;
      const rest = ns - chunk;
      if (thread.sliceNs >= this.rt.osSliceNs) {
        if (this.wokenQueue.length > 0 || this.osQueue.length > 0) {
          thread.waitingNs = rest;
          thread.waiting = then;
          thread.hasCore = false;
          this.osQueue.push(thread);
          this.grantCore(this.nextWaiting()!);
          return;
        }
        thread.sliceNs = 0;
      }
      if (rest > 0) this.runChunk(thread, rest, then);
      else then();
    });
  }

  private releaseCore(thread: Thread): void {
    if (!thread.hasCore) return;
    thread.hasCore = false;
    const next = this.nextWaiting();
    if (next) this.grantCore(next);
    else this.freeCores++;
  }

  // ---- tasks and workers -------------------------------------------------------------------

  /** Wakes a task. `from` is the thread running the waker, or null for the I/O and timer driver. */
  private wake(task: Task, from: Thread | null): void {
    if (task.state === IDLE) {
      task.state = SCHEDULED;
      this.schedule(task, from);
    } else if (task.state === RUNNING) {
      task.state = NOTIFIED;
    }
  }

  private schedule(task: Task, from: Thread | null): void {
    if (from !== null && from.slot >= 0) {
      const local = this.slots[from.slot]!.local;
      if (local.length >= this.rt.localQueueCapacity) {
        // tokio's push_overflow: half the local queue and the task move to the global queue
        for (let i = this.rt.localQueueCapacity >> 1; i > 0; i--) this.global.push(local.shift()!);
        this.global.push(task);
      } else {
        local.push(task);
      }
    } else {
      this.global.push(task);
    }
    this.notifyParked();
  }

  /** tokio wakes a parked worker only when no worker is already searching for work. */
  private notifyParked(): void {
    if (this.searching > 0 || this.parkedSlots.length === 0) return;
    const s = this.parkedSlots.pop()!;
    const slot = this.slots[s]!;
    slot.searching = true;
    this.searching++;
    this.at(this.now + this.rt.threadWakeNs, () => {
      const thread = slot.thread;
      if (thread !== null) this.resume(thread, () => this.findTask(thread));
    });
  }

  private findTask(thread: Thread): void {
    const slot = this.slots[thread.slot]!;
    slot.tick++;
    let task: Task | undefined;
    if (slot.tick % this.rt.globalQueueInterval === 0) task = this.global.shift() ?? slot.local.shift();
    else task = slot.local.shift() ?? this.global.shift();
    let lead = 0;
    if (task === undefined) {
      lead = this.rt.stealNs;
      task = this.steal(thread.slot);
    }
    if (task === undefined) {
      this.park(thread, lead);
      return;
    }
    if (slot.searching) {
      slot.searching = false;
      this.searching--;
      // the last searcher to find work wakes another worker, so parallelism ramps up in a chain
      if (this.searching === 0) this.notifyParked();
    }
    this.pollTask(thread, task, lead);
  }

  private steal(self: number): Task | undefined {
    const workers = this.slots.length;
    const start = this.random.int(workers);
    for (let i = 0; i < workers; i++) {
      const victim = (start + i) % workers;
      if (victim === self) continue;
      const source = this.slots[victim]!.local;
      if (source.length === 0) continue;
      const count = source.length - (source.length >> 1);
      const local = this.slots[self]!.local;
      for (let k = 1; k < count; k++) local.push(source.shift()!);
      this.steals++;
      return source.shift();
    }
    return undefined;
  }

  private park(thread: Thread, leadNs: number): void {
    const finish = (): void => {
      const slot = this.slots[thread.slot]!;
      // work may have arrived while stealing; tokio re-checks the queues before sleeping
      if (slot.local.length > 0 || this.global.length > 0) {
        this.findTask(thread);
        return;
      }
      if (slot.searching) {
        slot.searching = false;
        this.searching--;
      }
      this.parkedSlots.push(thread.slot);
      this.releaseCore(thread);
    };
    if (leadNs > 0) this.runCpu(thread, leadNs, finish);
    else finish();
  }

  private pollTask(thread: Thread, task: Task, leadNs: number): void {
    task.state = RUNNING;
    task.poll(thread, leadNs + this.rt.pollNs, () => {
      if (task.state === NOTIFIED) {
        task.state = SCHEDULED;
        this.schedule(task, thread);
      } else {
        task.state = IDLE;
      }
      this.afterPoll(thread);
    });
  }

  /** A worker looks for its next task; a thread that gave its core away joins the blocking pool. */
  private afterPoll(thread: Thread): void {
    if (thread.slot >= 0) this.findTask(thread);
    else this.runBlocking(thread);
  }

  // ---- blocking pool -----------------------------------------------------------------------

  private spawnBlocking(job: Job): void {
    this.blockingQueue.push(job);
    const idle = this.idleBlocking.pop();
    if (idle !== undefined) {
      this.at(this.now + this.rt.threadWakeNs, () => this.resume(idle, () => this.runBlocking(idle)));
    } else if (this.blockingThreads < this.rt.maxBlockingThreads) {
      this.blockingThreads++;
      const thread: Thread = { slot: -1, hasCore: false, sliceNs: 0, waitingNs: 0, waiting: null };
      this.at(this.now + this.rt.threadSpawnNs, () => this.resume(thread, () => this.runBlocking(thread)));
    }
  }

  private runBlocking(thread: Thread): void {
    const job = this.blockingQueue.shift();
    if (job === undefined) {
      this.idleBlocking.push(thread);
      this.releaseCore(thread);
      return;
    }
    if (job.slot >= 0) {
      thread.slot = job.slot;
      this.slots[job.slot]!.thread = thread;
      this.runCpu(thread, 0, () => this.findTask(thread));
      return;
    }
    this.runCpu(thread, job.ns, () => {
      job.done?.(thread);
      this.runBlocking(thread);
    });
  }

  /** tokio's block_in_place: the worker's core goes to another thread; this one keeps running the closure. */
  private handOffSlot(thread: Thread): void {
    const s = thread.slot;
    const slot = this.slots[s]!;
    thread.slot = -1;
    slot.thread = null;
    if (slot.searching) {
      slot.searching = false;
      this.searching--;
    }
    this.spawnBlocking({ ns: 0, done: null, slot: s });
  }

  // ---- the workload ------------------------------------------------------------------------

  private deserializeNs(i: number): number {
    return this.requests[i]!.sizeBytes * this.options.workload.deserializeNsPerByte;
  }

  private startRequest(i: number, at: number): void {
    this.startedAt[i] = at;
    this.inFlight++;
  }

  private complete(i: number): void {
    this.inFlight--;
    this.completed++;
    this.latencies.push(this.now - this.startedAt[i]!);
    if (this.completed === this.requests.length) {
      this.makespan = this.now;
      this.stopped = true;
    }
  }

  /** Collects results finished elsewhere; returns the CPU cost. */
  private collectFinished(): number {
    let cost = 0;
    for (let i = this.finished.shift(); i !== undefined; i = this.finished.shift()) {
      cost += this.options.runtime.collectNs;
      this.complete(i);
    }
    return cost;
  }

  /**
   * `in-task`, `spawn-blocking` and `adaptive`: the request futures live inside this one task
   * (`buffer_unordered`). Each step refills the in-flight set, then handles one ready response.
   */
  private pollBufferedDriver(thread: Thread, leadNs: number, end: Continuation): void {
    const { concurrency, issueNs } = this.options.workload;
    const strategy = this.options.strategy;
    const step = (lead: number): void => {
      if (this.stopped) return;
      let cost = lead + this.collectFinished();
      if (this.stopped) return;
      while (this.inFlight < concurrency && this.nextRequest < this.requests.length) {
        const i = this.nextRequest++;
        cost += issueNs;
        this.startRequest(i, this.now + cost);
        this.at(this.now + cost + this.requests[i]!.latencyNs, () => {
          this.ready.push(i);
          this.wake(this.driver, null);
        });
      }
      const i = this.ready.shift();
      if (i === undefined) {
        this.runCpu(thread, cost, end);
        return;
      }
      const offload = strategy === 'spawn-blocking' || (strategy === 'adaptive' && this.requests[i]!.sizeBytes >= this.options.adaptiveCutoffBytes);
      if (!offload) {
        this.runCpu(thread, cost + this.deserializeNs(i), () => {
          this.complete(i);
          step(0);
        });
        return;
      }
      this.runCpu(thread, cost + this.rt.blockingHandoffNs, () => {
        this.spawnBlocking({
          ns: this.deserializeNs(i),
          slot: -1,
          done: () => {
            this.finished.push(i);
            this.wake(this.driver, null);
          },
        });
        step(0);
      });
    };
    step(leadNs);
  }

  /** `spawn` and `block-in-place`: the driver spawns one task per request and collects results. */
  private pollSpawningDriver(thread: Thread, leadNs: number, end: Continuation): void {
    if (this.stopped) return;
    let cost = leadNs + this.collectFinished();
    if (this.stopped) return;
    const spawned: Task[] = [];
    const { concurrency } = this.options.workload;
    while (this.inFlight < concurrency && this.nextRequest < this.requests.length) {
      const i = this.nextRequest++;
      cost += this.rt.spawnNs;
      this.startRequest(i, this.now + cost);
      spawned.push(this.requestTask(i));
    }
    this.runCpu(thread, cost, () => {
      for (const task of spawned) {
        task.state = SCHEDULED;
        this.schedule(task, thread);
      }
      end();
    });
  }

  private requestTask(i: number): Task {
    let responded = false;
    const task: Task = {
      state: IDLE,
      poll: (thread, lead, end) => {
        if (!responded) {
          this.runCpu(thread, lead + this.options.workload.issueNs, () => {
            this.at(this.now + this.requests[i]!.latencyNs, () => {
              responded = true;
              this.wake(task, null);
            });
            end();
          });
          return;
        }
        const finish = (): void => {
          this.finished.push(i);
          this.wake(this.driver, thread);
          end();
        };
        if (this.options.strategy === 'block-in-place') {
          this.runCpu(thread, lead + this.rt.blockInPlaceNs, () => {
            this.handOffSlot(thread);
            this.runCpu(thread, this.deserializeNs(i), finish);
          });
        } else {
          this.runCpu(thread, lead + this.deserializeNs(i), finish);
        }
      },
    };
    return task;
  }

  private firePeriodic(): void {
    this.periodicFiredAt = this.now;
    this.wake(this.periodic, null);
  }

  private pollPeriodic(thread: Thread, leadNs: number, end: Continuation): void {
    const delay = this.now - this.periodicFiredAt;
    if (delay > this.periodicMaxDelay) this.periodicMaxDelay = delay;
    this.periodicTicks++;
    this.runCpu(thread, leadNs + this.options.periodicTask.workNs, () => {
      this.at(this.now + this.options.periodicTask.periodNs, () => this.firePeriodic());
      end();
    });
  }
}

function nearestRank(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1]!;
}
