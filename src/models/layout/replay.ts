import { accountMoves, type MoveOperation, type MoveStep } from './account-moves.ts';
import { createAllocator, type SmallAllocator } from './allocator.ts';

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

/** Defaults of the simple replay (one hash pass, no zeroed payload); the suite replays the real request with `SERVICE_REPLAY_OPTIONS`. */
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

/** One FNV-1a pass over `record[start..end)`, continuing from `hash`. */
function hashPass(record: Uint8Array, start: number, end: number, hash: number): number {
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ record[i]!, 0x01000193);
  return hash;
}

/**
 * FNV-1a over a fragment, `rounds` times. The passes are calls of one single-loop function, not a
 * loop nested in a loop: V8 (Node 24) compiled the nested form's inner loop on-stack and threw
 * that code away again each time the inner loop ended (`--trace-deopt`: "exit from OSR'd inner
 * loop", dozens of times per process).
 */
function hashFragment(record: Uint8Array, start: number, end: number, rounds: number): number {
  let hash = 0x811c9dc5;
  for (let round = 0; round < rounds; round++) hash = hashPass(record, start, end, hash);
  return hash >>> 0;
}

/**
 * The vtable's method of a boxed-call layer (`Box::pin(async move { … })`): allocates the future
 * and moves its bytes, from the caller's frame, into the slot.
 * @param heap the allocator
 * @param frame where the future's bytes are, in the heap
 * @param bytes the future's size
 * @returns the future's pointer
 */
function putFuture(heap: SmallAllocator, frame: number, bytes: number): number {
  const pointer = heap.alloc(bytes);
  heap.bytes.copyWithin(pointer, frame, frame + bytes);
  return pointer;
}

/**
 * The method of a second layer type: the same steps, a distinct function (its own vtable entry).
 * @param heap the allocator
 * @param frame where the future's bytes are, in the heap
 * @param bytes the future's size
 * @returns the future's pointer
 */
function putOtherFuture(heap: SmallAllocator, frame: number, bytes: number): number {
  const pointer = heap.alloc(bytes);
  heap.bytes.copyWithin(pointer, frame, frame + bytes);
  return pointer;
}

/**
 * Polls a boxed future to completion: reads its last byte.
 * @param memory the heap's bytes
 * @param pointer the future
 * @param bytes its size
 * @returns the byte, for the checksum
 */
function pollFuture(memory: Uint8Array, pointer: number, bytes: number): number {
  return memory[pointer + bytes - 1]!;
}

/**
 * Polls the second layer type's future: reads its first byte.
 * @param memory the heap's bytes
 * @param pointer the future
 * @param _bytes its size
 * @returns the byte, for the checksum
 */
function pollOtherFuture(memory: Uint8Array, pointer: number, _bytes: number): number {
  return memory[pointer]!;
}

/**
 * The vtable's `drop_in_place` of a future that holds nothing to drop: the call just returns.
 * @param _memory the heap's bytes
 * @param _pointer the future
 */
function dropFuture(_memory: Uint8Array, _pointer: number): void {
  // nothing to drop
}

/**
 * The second layer type's `drop_in_place` (a distinct function, as each type's vtable has its own).
 * @param _memory the heap's bytes
 * @param _pointer the future
 */
function dropOtherFuture(_memory: Uint8Array, _pointer: number): void {
  // nothing to drop
}

/** One allocation of a request: its size, and whether it is an `#[async_trait]` call (called through the vtable). */
interface ReplayAllocation {
  bytes: number;
  boxedCall: boolean;
}

/**
 * The allocations a request's steps make, in order.
 * @param steps the move accounting's steps
 * @returns one entry per allocation
 */
function listAllocations(steps: readonly MoveStep[]): ReplayAllocation[] {
  const allocations: ReplayAllocation[] = [];
  for (const step of steps) {
    for (let i = 0; i < step.allocations; i++) allocations.push({ bytes: step.bytesEach, boxedCall: step.indirectCalls > 0 });
  }
  return allocations;
}

/**
 * Compiles a request plan into a replay on real memory. The memory is one arena owned by a
 * glibc-like small-object allocator (allocator.ts): the request's two stack frames are
 * allocated from it once, every memcpy of the plan copies that many bytes between them (as a
 * move between stack slots does), and every allocation of the plan is an `alloc` of its size,
 * a copy of its bytes from the frame into the slot and a `free` when it is done with. An
 * `#[async_trait]` call is, as the compiled crate runs it, three calls through a function table
 * indexed by the call's number (the vtable's method, which allocates and fills the box; the
 * future's `poll`; its `drop_in_place`) before the `free`. Each request first does the real
 * fragment-splitting work on a record's bytes.
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
  for (const step of account.steps) {
    for (let i = 0; i < step.copies - step.allocations; i++) copies.push(step.bytesEach);
  }
  const allocations = listAllocations(account.steps);
  const copySizes = Int32Array.from(copies);
  const allocationSizes = Int32Array.from(allocations, (a) => a.bytes);
  const boxedCalls = Uint8Array.from(allocations, (a) => (a.boxedCall ? 1 : 0));
  const frame = [...copies, ...allocationSizes].reduce((largest, bytes) => Math.max(largest, bytes), Math.max(64, recordBytes, zeroBytes));
  const heap = createAllocator({ maxRequestBytes: frame });
  const frames = [heap.alloc(frame), heap.alloc(frame)] as const;
  const record = makeRecord(recordBytes, seed);
  const fragmentBytes = Math.ceil(recordBytes / fragments);
  // one view per fragment, made once rather than per request
  const parts = Array.from({ length: fragments }, (_, f) => record.subarray(f * fragmentBytes, Math.min(recordBytes, (f + 1) * fragmentBytes)));
  // the vtables' entries, indexed by the call's number: distinct functions, so V8 makes real indirect calls
  const puts = [putFuture, putOtherFuture];
  const polls = [pollFuture, pollOtherFuture];
  const drops = [dropFuture, dropOtherFuture];

  function runCompute(): number {
    let checksum = 0;
    // the fragment-splitting work: hash each fragment and write it into its query in the first frame
    const memory = heap.bytes;
    for (let f = 0; f < fragments; f++) {
      const start = f * fragmentBytes;
      const end = Math.min(recordBytes, start + fragmentBytes);
      checksum = (checksum + hashFragment(record, start, end, hashRounds)) >>> 0;
      if (zeroBytes > 0) memory.fill(0, frames[0], frames[0] + zeroBytes);
      memory.set(parts[f]!, frames[0] + (zeroBytes > 0 ? 0 : start));
    }
    return checksum;
  }

  function runRequest(): number {
    let checksum = runCompute();
    let memory = heap.bytes;
    for (let i = 0; i < allocationSizes.length; i++) {
      const bytes = allocationSizes[i]!;
      let pointer: number;
      if (boxedCalls[i] === 1) {
        const layer = i & 1;
        pointer = puts[layer]!(heap, frames[0], bytes);
        memory = heap.bytes;
        checksum = (checksum + polls[layer]!(memory, pointer, bytes)) >>> 0;
        drops[layer]!(memory, pointer);
      } else {
        pointer = heap.alloc(bytes);
        memory = heap.bytes;
        memory.copyWithin(pointer, frames[0], frames[0] + bytes);
        checksum = (checksum + memory[pointer + bytes - 1]!) >>> 0;
      }
      heap.free(pointer);
    }
    let from = frames[0];
    let to = frames[1];
    for (let i = 0; i < copySizes.length; i++) {
      const bytes = copySizes[i]!;
      memory.copyWithin(to, from, from + bytes);
      checksum = (checksum + memory[to]!) >>> 0;
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
    allocationSizes: allocations.map((a) => a.bytes),
  };
}
