import { createRandom, sampleLognormal, samplePareto } from './random.ts';

/** How payload sizes are drawn. Heavy tails come from `lognormal` with a large σ or from `pareto`. */
export type SizeDistribution =
  | { kind: 'constant'; bytes: number }
  | { kind: 'lognormal'; medianBytes: number; sigma: number }
  | { kind: 'pareto'; scaleBytes: number; shape: number; maxBytes: number }
  | { kind: 'mixture'; parts: readonly { weight: number; distribution: SizeDistribution }[] };

/** A stream of requests: how many, how many in flight, network latency and payload sizes. */
export interface WorkloadOptions {
  /** Requests in the stream. @default 256 */
  requests: number;
  /** Requests in flight at once, as `buffer_unordered(32)`. @default 32 */
  concurrency: number;
  /** Median network round trip, lognormal. @default 1_000_000 (1 ms) */
  latencyMedianNs: number;
  /** σ of the latency's logarithm. @default 0.5 */
  latencySigma: number;
  /** Payload size distribution. @default lognormal, median 1 MiB, σ 0.5 (Barbara's large payloads) */
  payload: SizeDistribution;
  /** Deserialization cost per payload byte, ≈ 500 MB/s. @default 2 */
  deserializeNsPerByte: number;
  /** CPU cost of building and writing one request (a `write` syscall and formatting). @default 2_000 */
  issueNs: number;
  /** Seed of the workload's random source. @default 1 */
  seed: number;
}

/** One request of a generated stream. */
export interface Request {
  latencyNs: number;
  sizeBytes: number;
}

/** Barbara's workload: large payloads (median 1 MiB, lognormal σ = 0.5). */
export const DEFAULT_WORKLOAD_OPTIONS: WorkloadOptions = {
  requests: 256,
  concurrency: 32,
  latencyMedianNs: 1_000_000,
  latencySigma: 0.5,
  payload: { kind: 'lognormal', medianBytes: 1 << 20, sigma: 0.5 },
  deserializeNsPerByte: 2,
  issueNs: 2_000,
  seed: 1,
};

/** Small payloads: median 1 KiB (σ = 0.5), 2 µs of parsing each, so per-operation overheads show. */
export const SMALL_PAYLOADS: SizeDistribution = { kind: 'lognormal', medianBytes: 1024, sigma: 0.5 };

/** Large payloads (median 1 MiB, ≈ 2 ms of parsing): Barbara's case, the default. */
export const LARGE_PAYLOADS: SizeDistribution = DEFAULT_WORKLOAD_OPTIONS.payload;

/**
 * Mixed sizes: 90 % small (as {@link SMALL_PAYLOADS}) and 10 % Pareto-tailed large ones
 * (x_m = 256 KiB, α = 1.5, capped at 16 MiB).
 */
export const MIXED_PAYLOADS: SizeDistribution = {
  kind: 'mixture',
  parts: [
    { weight: 0.9, distribution: SMALL_PAYLOADS },
    { weight: 0.1, distribution: { kind: 'pareto', scaleBytes: 256 << 10, shape: 1.5, maxBytes: 16 << 20 } },
  ],
};

/** Small payloads from a nearby service: 2048 requests, median latency 200 µs. */
export const SMALL_WORKLOAD: WorkloadOptions = {
  ...DEFAULT_WORKLOAD_OPTIONS,
  requests: 2048,
  latencyMedianNs: 200_000,
  payload: SMALL_PAYLOADS,
};

/** Mixed sizes ({@link MIXED_PAYLOADS}) from a nearby service: 1024 requests, median latency 200 µs. */
export const MIXED_WORKLOAD: WorkloadOptions = {
  ...DEFAULT_WORKLOAD_OPTIONS,
  requests: 1024,
  latencyMedianNs: 200_000,
  payload: MIXED_PAYLOADS,
};

/**
 * Draws a request stream. The same options (seed included) always give the same stream.
 * @param options the workload
 * @returns one entry per request, in issue order
 * @throws Error naming the field when an option is out of range
 */
export function generateRequests(options: WorkloadOptions): Request[] {
  validateWorkload(options);
  const random = createRandom(options.seed);
  const draw = (distribution: SizeDistribution): number => {
    switch (distribution.kind) {
      case 'constant':
        return distribution.bytes;
      case 'lognormal':
        return sampleLognormal(random, distribution.medianBytes, distribution.sigma);
      case 'pareto':
        return Math.min(distribution.maxBytes, samplePareto(random, distribution.scaleBytes, distribution.shape));
      case 'mixture': {
        const total = distribution.parts.reduce((sum, part) => sum + part.weight, 0);
        let u = random.next() * total;
        for (const part of distribution.parts) {
          u -= part.weight;
          if (u < 0) return draw(part.distribution);
        }
        return draw(distribution.parts[distribution.parts.length - 1]!.distribution);
      }
    }
  };
  const requests: Request[] = [];
  for (let i = 0; i < options.requests; i++) {
    const latencyNs = Math.round(sampleLognormal(random, options.latencyMedianNs, options.latencySigma));
    const sizeBytes = Math.max(1, Math.round(draw(options.payload)));
    requests.push({ latencyNs, sizeBytes });
  }
  return requests;
}

function validateWorkload(options: WorkloadOptions): void {
  const positiveIntegers = ['requests', 'concurrency'] as const;
  for (const field of positiveIntegers) {
    const value = options[field];
    if (!Number.isInteger(value) || value < 1) throw new Error(`workload '${field}' must be an integer ≥ 1, got ${value}`);
  }
  const nonNegative = ['latencyMedianNs', 'latencySigma', 'deserializeNsPerByte', 'issueNs'] as const;
  for (const field of nonNegative) {
    const value = options[field];
    if (!Number.isFinite(value) || value < 0) throw new Error(`workload '${field}' must be a finite number ≥ 0, got ${value}`);
  }
}
