import { createRandom, sampleLognormal } from './random.ts';

/** Heavy-tailed JSON payloads for the real HTTP counterpart of the executor model. */
export interface JsonPayloadOptions {
  /** Distinct payloads the server keeps ready. @default 64 */
  count: number;
  /** Median payload size in bytes (lognormal). @default 131_072 */
  medianBytes: number;
  /** σ of the size's logarithm: 1.2 puts the 99th percentile near 16× the median. @default 1.2 */
  sigma: number;
  /** Largest payload. @default 8_388_608 */
  maxBytes: number;
  /** Smallest payload. @default 256 */
  minBytes: number;
  /** @default 1 */
  seed: number;
}

/** 64 payloads, median 128 KiB, σ = 1.2, between 256 B and 8 MiB. */
export const DEFAULT_JSON_PAYLOAD_OPTIONS: JsonPayloadOptions = {
  count: 64,
  medianBytes: 128 << 10,
  sigma: 1.2,
  maxBytes: 8 << 20,
  minBytes: 256,
  seed: 1,
};

/**
 * Draws the sizes of the payloads, deterministically.
 * @param options the distribution
 * @returns one size in bytes per payload
 */
export function drawPayloadSizes(options: JsonPayloadOptions): number[] {
  const random = createRandom(options.seed);
  return Array.from({ length: options.count }, () =>
    Math.round(Math.min(options.maxBytes, Math.max(options.minBytes, sampleLognormal(random, options.medianBytes, options.sigma)))),
  );
}

/**
 * Builds a JSON array of records, about `targetBytes` long, that looks like an API response:
 * objects with strings, numbers, booleans and a nested array, so that parsing it costs what parsing
 * real responses costs per byte.
 * @param targetBytes the approximate length; the result is at least one record long
 * @param seed the record contents' seed
 * @returns the JSON text
 * @example
 * JSON.parse(makeJsonPayload(1000, 1)).length > 0; // => true
 */
export function makeJsonPayload(targetBytes: number, seed: number): string {
  const random = createRandom(seed);
  const parts: string[] = [];
  let length = 2;
  for (let id = 0; length < targetBytes || parts.length === 0; id++) {
    const record = JSON.stringify({
      id,
      name: `item-${id}-${Math.floor(random.next() * 1e9).toString(36)}`,
      price: Math.round(random.next() * 1e6) / 100,
      active: random.next() < 0.5,
      tags: ['alpha', 'beta', 'gamma', 'delta'].filter(() => random.next() < 0.5),
      scores: [random.next(), random.next(), random.next()].map((x) => Math.round(x * 1e4) / 1e4),
    });
    parts.push(record);
    length += record.length + 1;
  }
  return `[${parts.join(',')}]`;
}
