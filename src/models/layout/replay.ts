import { accountMoves, type MoveOperation } from './account-moves.ts';

/** The real work around the moves: splitting a record into fragments and hashing each one. */
export interface ReplayOptions {
  /** Bytes of the record one request splits. @default 4_096 */
  recordBytes: number;
  /** Fragments per record; each is hashed and written into its query slot. @default 4 */
  fragments: number;
  /** Hash passes over each fragment (the fragment-splitting CPU work). @default 1 */
  hashRounds: number;
  /** Bytes zero-filled per fragment before its part is written (a fresh `[0u8; N]` payload). @default 0 */
  zeroBytes: number;
  /** Seed of the record's bytes. @default 1 */
  seed: number;
}

/** Defaults tuned so that Alan's inline-error path runs about 20% slower than the boxed one (docs/models/layout.md). */
export const DEFAULT_REPLAY_OPTIONS: ReplayOptions = { recordBytes: 4_096, fragments: 4, hashRounds: 1, zeroBytes: 0, seed: 1 };

/**
 * The work of the Rust counterpart's request (examples/rust-async-traps/src/layout.rs) besides its
 * copies: each 1 KiB part is hashed twice (when the record is split and when the fragment is
 * stored) and each query's 6,336-byte payload starts zeroed. Mirrored, not tuned.
 */
export const SERVICE_REPLAY_OPTIONS: Partial<ReplayOptions> = { hashRounds: 2, zeroBytes: 6_336 };

/** A request path compiled to real memory operations. */
export interface Replay {
  /** Runs one request: the fragment work, then every copy and allocation of the plan. Returns a checksum. */
  runRequest(): number;
  /** Runs only the fragment work of one request, none of the plan's copies (the cost model's compute). */
  runCompute(): number;
  /** Bytes one request copies, from the move accounting. */
  bytesCopiedPerRequest: number;
  /** Heap allocations one request makes, from the move accounting. */
  allocationsPerRequest: number;
  /** The memcpys one request replays in the arena, bytes each, in order. */
  copySizes: readonly number[];
  /** The allocations one request makes, bytes each (each is filled by a copy too). */
  allocationSizes: readonly number[];
}

function makeRecord(bytes: number, seed: number): Uint8Array {
  const record = new Uint8Array(bytes);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < bytes; i++) {
    // xorshift32
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    record[i] = state & 0xff;
  }
  return record;
}

function hashFragment(record: Uint8Array, start: number, end: number, rounds: number): number {
  let hash = 0x811c9dc5;
  for (let round = 0; round < rounds; round++) {
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ record[i]!, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Compiles a request plan into a replay on real memory: every memcpy of the plan copies that many
 * bytes inside a typed-array arena (between two frames, as a move between stack slots does),
 * every allocation allocates a fresh typed array and copies its contents into it, and each
 * request first does the real fragment-splitting work on a record's bytes.
 * @param plan the request path, e.g. from planDdsplitRequest
 * @param options the record and its work
 * @returns the replay
 * @throws Error when the plan names a type the layout model cannot lay out, or the options are out of range
 */
export function createReplay(plan: readonly MoveOperation[], options: Partial<ReplayOptions> = {}): Replay {
  const { recordBytes, fragments, hashRounds, zeroBytes, seed } = { ...DEFAULT_REPLAY_OPTIONS, ...options };
  for (const [name, value] of Object.entries({ recordBytes, fragments, hashRounds })) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`replay option '${name}' must be a positive integer, got ${value}`);
  }
  if (!Number.isSafeInteger(zeroBytes) || zeroBytes < 0) throw new RangeError(`replay option 'zeroBytes' must be a non-negative integer, got ${zeroBytes}`);
  const account = accountMoves(plan);
  if (!account.supported) throw new Error(`cannot replay this plan: ${account.reason}`);

  const copies: number[] = [];
  const allocations: number[] = [];
  for (const step of account.steps) {
    const target = step.allocations > 0 ? allocations : copies;
    for (let i = 0; i < step.copies; i++) target.push(step.bytesEach);
  }
  const copySizes = Int32Array.from(copies);
  const allocationSizes = Int32Array.from(allocations);
  const frame = [...copies, ...allocations].reduce((largest, bytes) => Math.max(largest, bytes), Math.max(64, recordBytes, zeroBytes));
  const arena = new Uint8Array(2 * frame);
  const record = makeRecord(recordBytes, seed);
  const fragmentBytes = Math.ceil(recordBytes / fragments);

  function runCompute(): number {
    let checksum = 0;
    // the fragment-splitting work: hash each fragment and write it into its query in the first frame
    for (let f = 0; f < fragments; f++) {
      const start = f * fragmentBytes;
      const end = Math.min(recordBytes, start + fragmentBytes);
      checksum = (checksum + hashFragment(record, start, end, hashRounds)) >>> 0;
      if (zeroBytes > 0) arena.fill(0, 0, zeroBytes);
      arena.set(record.subarray(start, end), zeroBytes > 0 ? 0 : start);
    }
    return checksum;
  }

  function runRequest(): number {
    let checksum = runCompute();
    for (let i = 0; i < allocationSizes.length; i++) {
      const bytes = allocationSizes[i]!;
      const box = new Uint8Array(bytes);
      box.set(arena.subarray(0, bytes));
      checksum = (checksum + box[bytes - 1]!) >>> 0;
    }
    let from = 0;
    let to = frame;
    for (let i = 0; i < copySizes.length; i++) {
      const bytes = copySizes[i]!;
      arena.copyWithin(to, from, from + bytes);
      checksum = (checksum + arena[to]!) >>> 0;
      [from, to] = [to, from];
    }
    return checksum;
  }

  return {
    runRequest,
    runCompute,
    bytesCopiedPerRequest: account.bytesCopied,
    allocationsPerRequest: account.allocations,
    copySizes: copies,
    allocationSizes: allocations,
  };
}
