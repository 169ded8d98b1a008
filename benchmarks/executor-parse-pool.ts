/**
 * A fixed pool of worker_threads that parse JSON bodies with `summarizeRecords`: the `spawn`
 * side of Barbara's story in Node. Used by the HTTP counterpart (benchmarks/executor-http.ts)
 * and by the suite's `barbara-node` task (benchmarks/executor.bench.ts).
 */
import { Worker } from 'node:worker_threads';

interface Job {
  body: ArrayBuffer | SharedArrayBuffer;
  resolve: (records: number) => void;
  reject: (error: unknown) => void;
}

/** A fixed pool of worker threads; each job is one body to parse, handed over without a copy. */
export class ParsePool {
  private readonly threads: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly pending = new Map<Worker, Job>();
  /** Bodies parsed by the pool's threads so far. */
  parsed = 0;

  /**
   * @param size the number of worker threads
   * @param options `unref: true` lets the process exit while the threads are idle
   */
  constructor(size: number, options: { unref?: boolean } = {}) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`ParsePool: size must be an integer ≥ 1, got ${size}`);
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./executor-http-worker.ts', import.meta.url));
      if (options.unref) worker.unref();
      worker.on('message', (message: { records: number }) => {
        this.parsed++;
        this.pending.get(worker)?.resolve(message.records);
        this.pending.delete(worker);
        this.release(worker);
      });
      worker.on('error', (error) => {
        this.pending.get(worker)?.reject(error);
        this.pending.delete(worker);
      });
      this.threads.push(worker);
      this.idle.push(worker);
    }
  }

  /** The number of worker threads. */
  get size(): number {
    return this.threads.length;
  }

  /**
   * Parses one body on a worker thread. A body backed by a SharedArrayBuffer is shared; one that
   * owns its whole ArrayBuffer is transferred (and detached here); any other is copied.
   * @param body the JSON text
   * @returns the number of active records
   */
  parse(body: Buffer): Promise<number> {
    let buffer: ArrayBuffer | SharedArrayBuffer;
    if (body.buffer instanceof SharedArrayBuffer && body.byteOffset === 0 && body.byteLength === body.buffer.byteLength) {
      buffer = body.buffer;
    } else if (body.buffer instanceof ArrayBuffer && body.byteOffset === 0 && body.byteLength === body.buffer.byteLength) {
      buffer = body.buffer;
    } else {
      buffer = new Uint8Array(body).buffer; // small, pooled buffers
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ body: buffer, resolve, reject });
      const worker = this.idle.pop();
      if (worker) this.release(worker);
    });
  }

  private release(worker: Worker): void {
    const job = this.queue.shift();
    if (!job) {
      this.idle.push(worker);
      return;
    }
    this.pending.set(worker, job);
    if (job.body instanceof SharedArrayBuffer) worker.postMessage({ id: 0, body: job.body });
    else worker.postMessage({ id: 0, body: job.body }, [job.body]);
  }

  /** Stops every thread. */
  async close(): Promise<void> {
    await Promise.all(this.threads.map((worker) => worker.terminate()));
  }
}
