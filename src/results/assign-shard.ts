/**
 * Which shard of a suite a benchmark belongs to, by rendezvous (highest-random-weight) hashing
 * of its id. The answer depends on the id and the shard count alone, so every shard job, both
 * sides of the same-runner design and the merge job agree on it without talking to each other.
 * Adding or removing a benchmark moves no other benchmark; going from n to n + 1 shards moves
 * only the benchmarks the new shard wins (about 1 in n + 1), and none between the old shards.
 */

/** A shard of a suite: the `index`th (1-based) of `count`. */
export interface ShardSpec {
  /** 1-based. */
  index: number;
  count: number;
}

const encoder = new TextEncoder();

/** FNV-1a over the id's UTF-8 bytes: the same number in any language that hashes bytes. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MurmurHash3's 32-bit finalizer: spreads every input bit over the output. */
function mix(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The weight of one (benchmark, shard) pair; the shard with the highest weight gets the benchmark.
 * @param idHash `fnv1a(id)`
 * @param index the shard, 1-based
 */
function weight(idHash: number, index: number): number {
  return mix(idHash ^ mix(Math.imul(index, 0x9e3779b1)));
}

/**
 * The shard (1-based) that runs the benchmark `id` when the suite is split `count` ways.
 * @param id the benchmark id, `<suite>/<task>`
 * @param count the number of shards, a whole number ≥ 1
 * @returns a whole number in 1..count
 * @example
 * assignShard('parse/small', 1) // => 1
 * assignShard('parse/small', 3) === assignShard('parse/small', 3) // => true, on every machine
 */
export function assignShard(id: string, count: number): number {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`assignShard: the shard count must be a whole number ≥ 1, got ${count}`);
  const idHash = fnv1a(id);
  let best = 1;
  let bestWeight = -1;
  for (let index = 1; index <= count; index++) {
    const w = weight(idHash, index);
    // Ties (rare) go to the lower index, so the answer never depends on iteration details.
    if (w > bestWeight) {
      best = index;
      bestWeight = w;
    }
  }
  return best;
}

/**
 * Whether the benchmark `id` is in `shard`; every benchmark is in the absent shard (null).
 * @param id the benchmark id
 * @param shard the shard, or null for the whole suite
 */
export function isInShard(id: string, shard: ShardSpec | null): boolean {
  return shard === null || assignShard(id, shard.count) === shard.index;
}

/**
 * Reads `i/n` (1-based): the `i`th of `n` shards.
 * @param text e.g. `2/3`
 * @returns the shard
 * @throws RangeError naming the text when it is not `i/n` with 1 ≤ i ≤ n
 * @example
 * parseShardSpec('2/3') // => { index: 2, count: 3 }
 */
export function parseShardSpec(text: string): ShardSpec {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count || count > 10_000) {
    throw new RangeError(`must be 'i/n' with 1 ≤ i ≤ n ≤ 10000 (the ith of n shards, 1-based), got '${text}'`);
  }
  return { index, count };
}
