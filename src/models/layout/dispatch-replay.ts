import { createAllocator, type SmallAllocator } from './allocator.ts';

/** How the stores are called: `#[async_trait]` on `Box<dyn FragmentStore>`, or an enum's `async fn`. */
export type StoreDispatch = 'enum' | 'async-trait';

/** The dispatch variants: the first is the fast one. */
export const STORE_DISPATCHES: readonly StoreDispatch[] = ['enum', 'async-trait'];

/** The shape of one iteration of the crate's `dispatch` bench (examples/rust-async-traps/benches/dispatch.rs). */
export interface DispatchReplayOptions {
  dispatch: StoreDispatch;
  /** `put` calls per iteration, alternating between the two stores. @default 256 */
  calls: number;
  /** Bytes of the fragment each call stores. @default 64 */
  fragmentBytes: number;
  /**
   * Bytes of `put`'s future: boxed per call under `#[async_trait]`, on the caller's stack under the
   * enum. 112 is its real `size_of_val` (examples/rust-async-traps/scripts/sizes.sh). A multiple
   * of 8, at least 32 (its arguments, its locals, its state). @default 112
   */
  futureBytes: number;
}

/** The crate's bench: 256 calls of 64-byte fragments, 112-byte futures, enum dispatch. */
export const DEFAULT_DISPATCH_REPLAY_OPTIONS: DispatchReplayOptions = { dispatch: 'enum', calls: 256, fragmentBytes: 64, futureBytes: 112 };

/** The crate's bench replayed on real memory. */
export interface DispatchReplay {
  /** Runs one iteration (`calls` calls of `put`); returns a checksum of every call's result. */
  runIteration(): number;
  /** The allocator the boxed futures come from (never used by the enum). */
  heap: SmallAllocator;
}

/** MemStore's seed and SumStore's bias, as in the bench: stores 0 and 1, as [low, high] 32-bit words. */
const STORE_PARAMETERS = Int32Array.of(1, 0, 3, 0);
/** The low 32 bits of the 64-bit FNV prime 0x100000001b3. */
const FNV_PRIME_LOW = 0x1b3;
/** The byte every fragment is filled with (`[7u8; 64]` in the bench). */
const FRAGMENT_BYTE = 7;

/**
 * MemStore's body: the 64-bit FNV-1a-style hash of `mem_put` in src/dispatch.rs
 * (`hash = (hash ^ byte) * 0x100000001b3` mod 2^64), kept to its low 32 bits. The low word of
 * that product depends only on the low word (the prime's 2^40 term lands in the high word), so
 * this is exactly the real hash's low half, and its per-byte work is the compiled Rust loop's: a
 * dependent XOR and one multiply. The full 64-bit product on 32-bit halves would take four
 * multiplies and about 25 instructions a byte (measured: about 3 times the time of the XOR and
 * multiply chain), overstating the body the boxed call's overhead is compared with.
 * @param seedLow the seed's low 32 bits
 * @param seedHigh the seed's high 32 bits (the hash's high word is left as the seed's)
 * @param fragment the bytes to hash
 * @param result receives the hash: `result[0]` the real hash's low 32 bits, `result[1]` seedHigh
 */
export function memPut(seedLow: number, seedHigh: number, fragment: Uint8Array, result: Int32Array): void {
  let low = seedLow | 0;
  for (let i = 0; i < fragment.length; i++) low = Math.imul(low ^ fragment[i]!, FNV_PRIME_LOW);
  result[0] = low;
  result[1] = seedHigh | 0;
}

/**
 * SumStore's body: the fragment's bytes added to a 64-bit bias (`sum_put` in src/dispatch.rs),
 * eight bytes per iteration with the adds in a tree, as rustc compiles `sum_put` (unrolled by 8,
 * not vectorized).
 * @param biasLow the bias's low 32 bits
 * @param biasHigh the bias's high 32 bits
 * @param fragment the bytes to add up
 * @param result receives the sum: `result[0]` its low 32 bits, `result[1]` its high 32 bits
 */
export function sumPut(biasLow: number, biasHigh: number, fragment: Uint8Array, result: Int32Array): void {
  const length = fragment.length;
  let sum = 0;
  let i = 0;
  for (; i + 8 <= length; i += 8) {
    sum +=
      fragment[i]! + fragment[i + 1]! + (fragment[i + 2]! + fragment[i + 3]!) + (fragment[i + 4]! + fragment[i + 5]! + (fragment[i + 6]! + fragment[i + 7]!));
  }
  for (; i < length; i++) sum += fragment[i]!;
  const low = (biasLow >>> 0) + sum;
  result[0] = low | 0;
  result[1] = (biasHigh + Math.floor(low / 0x1_0000_0000)) | 0;
}

/** Words of the future's captured arguments: `self`, the fragment's pointer and its length, 8 bytes each. */
const ARGUMENT_WORDS = 6;
/** Future states, in the future's last word: created, completed. */
const STATE_CREATED = 0;
const STATE_DONE = 1;

/**
 * Constructs a `put` future in place, as `put`'s prologue does: its captured arguments (`self`
 * as the store's index, the fragment's offset and length) and its state tag.
 * @param words the memory the future lives in, as 32-bit words
 * @param base the future's first word
 * @param futureWords the future's size in 32-bit words
 * @param store the store's index
 * @param fragmentBytes the fragment's length
 */
function constructFuture(words: Int32Array, base: number, futureWords: number, store: number, fragmentBytes: number): void {
  words[base] = store;
  words[base + 1] = 0;
  words[base + 2] = 0;
  words[base + 3] = 0;
  words[base + 4] = fragmentBytes;
  words[base + 5] = 0;
  words[base + futureWords - 1] = STATE_CREATED;
}

/**
 * The first half of polling a `put` future: its locals (the 64-byte header, the inner future)
 * are written, zeroed, into the words between its arguments and its state tag.
 * @param words the memory the future lives in, as 32-bit words
 * @param base the future's first word
 * @param futureWords the future's size in 32-bit words
 */
function enterFuture(words: Int32Array, base: number, futureWords: number): void {
  for (let i = ARGUMENT_WORDS; i < futureWords - 1; i++) words[base + i] = 0;
}

/**
 * The end of polling a `put` future: the body's result is XORed with the header's first byte
 * (as `h ^ u64::from(header[0])`) and the state becomes completed.
 * @param words the memory the future lives in, as 32-bit words
 * @param base the future's first word
 * @param futureWords the future's size in 32-bit words
 * @param result the body's 64-bit result as [low, high], updated in place
 */
function completeFuture(words: Int32Array, base: number, futureWords: number, result: Int32Array): void {
  result[0] = result[0]! ^ words[base + ARGUMENT_WORDS]!;
  words[base + futureWords - 1] = STATE_DONE;
}

/**
 * Polls a boxed MemStore future to completion (the dyn Future vtable's `poll`, first store).
 * @param words the heap, as 32-bit words
 * @param base the future's first word
 * @param futureWords the future's size in 32-bit words
 * @param fragment the fragment
 * @param result receives the 64-bit result as [low, high]
 */
function pollMemFuture(words: Int32Array, base: number, futureWords: number, fragment: Uint8Array, result: Int32Array): void {
  enterFuture(words, base, futureWords);
  const store = words[base]! << 1;
  memPut(STORE_PARAMETERS[store]!, STORE_PARAMETERS[store + 1]!, fragment, result);
  completeFuture(words, base, futureWords, result);
}

/**
 * Polls a boxed SumStore future to completion (the dyn Future vtable's `poll`, second store).
 * @param words the heap, as 32-bit words
 * @param base the future's first word
 * @param futureWords the future's size in 32-bit words
 * @param fragment the fragment
 * @param result receives the 64-bit result as [low, high]
 */
function pollSumFuture(words: Int32Array, base: number, futureWords: number, fragment: Uint8Array, result: Int32Array): void {
  enterFuture(words, base, futureWords);
  const store = words[base]! << 1;
  sumPut(STORE_PARAMETERS[store]!, STORE_PARAMETERS[store + 1]!, fragment, result);
  completeFuture(words, base, futureWords, result);
}

/**
 * The vtable's `drop_in_place` for a MemStore future: the future holds nothing to drop, so, as
 * in the compiled crate, the call does nothing but return.
 * @param _words the heap, as 32-bit words
 * @param _base the future's first word
 */
function dropMemFuture(_words: Int32Array, _base: number): void {
  // nothing to drop: references, bytes and integers
}

/**
 * The vtable's `drop_in_place` for a SumStore future (a distinct function, as each type's vtable has its own).
 * @param _words the heap, as 32-bit words
 * @param _base the future's first word
 */
function dropSumFuture(_words: Int32Array, _base: number): void {
  // nothing to drop: references, bytes and integers
}

/**
 * Checks the options of a dispatch replay.
 * @param options the merged options
 * @throws RangeError naming the first option out of range
 */
function checkOptions(options: DispatchReplayOptions): void {
  if (!STORE_DISPATCHES.includes(options.dispatch)) {
    throw new RangeError(`dispatch replay option 'dispatch' must be one of ${STORE_DISPATCHES.join(', ')}, got ${String(options.dispatch)}`);
  }
  for (const name of ['calls', 'fragmentBytes', 'futureBytes'] as const) {
    const value = options[name];
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`dispatch replay option '${name}' must be a positive integer, got ${value}`);
  }
  if (options.futureBytes % 8 !== 0 || options.futureBytes < 32) {
    throw new RangeError(`dispatch replay option 'futureBytes' must be a multiple of 8 from 32 up (arguments, header, state), got ${options.futureBytes}`);
  }
}

/**
 * Replays one iteration of the crate's `dispatch` bench on real memory. Per call the store is
 * `i & 1` (MemStore hashes the fragment, SumStore adds it up). `enum`: a `switch` on the store,
 * the future constructed and polled in a stack frame, no allocation, no call. `async-trait`, as
 * the compiled bench does it: the method through the vtable (a function table indexed by the
 * store) allocates the future's size from a glibc-like allocator (`Box::pin`) and constructs the
 * future in the slot; the future is polled through its vtable, dropped through its vtable, and
 * its slot freed. Both variants write the same future state and run the same bodies.
 * @param options the variant and the bench's shape
 * @returns the replay
 * @throws RangeError when an option is out of range
 * @example
 * createDispatchReplay({ dispatch: 'async-trait' }).runIteration(); // 256 calls: 256 allocations and frees, 768 indirect calls
 */
export function createDispatchReplay(options: Partial<DispatchReplayOptions> = {}): DispatchReplay {
  const merged = { ...DEFAULT_DISPATCH_REPLAY_OPTIONS, ...options };
  checkOptions(merged);
  const { dispatch, calls, fragmentBytes, futureBytes } = merged;
  const futureWords = futureBytes >> 2;
  const fragment = new Uint8Array(fragmentBytes).fill(FRAGMENT_BYTE);
  const result = new Int32Array(2);
  const stack = new Int32Array(futureWords);
  const heap = createAllocator({ initialBytes: 4_096, maxRequestBytes: futureBytes });

  /**
   * The trait's `put` for either store (`Box::pin(async move { … })`): allocates the future and constructs it in the slot.
   * @param store the store's index
   * @returns the future's pointer in the heap
   */
  function putMem(store: number): number {
    const pointer = heap.alloc(futureBytes);
    constructFuture(heap.words, pointer >> 2, futureWords, store, fragmentBytes);
    return pointer;
  }
  /** SumStore's `put`: the same steps, a distinct function (its own vtable entry). */
  function putSum(store: number): number {
    const pointer = heap.alloc(futureBytes);
    constructFuture(heap.words, pointer >> 2, futureWords, store, fragmentBytes);
    return pointer;
  }
  // the vtables' entries, indexed by the store: distinct functions, so each call site's feedback
  // goes megamorphic and V8 makes a real indirect call, as the vtable call is
  const puts = [putMem, putSum];
  const polls = [pollMemFuture, pollSumFuture];
  const drops = [dropMemFuture, dropSumFuture];

  function runEnum(): number {
    let checksum = 0;
    for (let i = 0; i < calls; i++) {
      const store = i & 1;
      constructFuture(stack, 0, futureWords, store, fragmentBytes);
      enterFuture(stack, 0, futureWords);
      switch (store) {
        case 0:
          memPut(STORE_PARAMETERS[0]!, STORE_PARAMETERS[1]!, fragment, result);
          break;
        default:
          sumPut(STORE_PARAMETERS[2]!, STORE_PARAMETERS[3]!, fragment, result);
      }
      completeFuture(stack, 0, futureWords, result);
      checksum = (Math.imul(checksum, 0x01000193) ^ result[0]! ^ result[1]!) | 0;
    }
    return checksum >>> 0;
  }

  function runAsyncTrait(): number {
    let checksum = 0;
    for (let i = 0; i < calls; i++) {
      const store = i & 1;
      const pointer = puts[store]!(store);
      const words = heap.words;
      polls[store]!(words, pointer >> 2, futureWords, fragment, result);
      drops[store]!(words, pointer >> 2);
      heap.free(pointer);
      checksum = (Math.imul(checksum, 0x01000193) ^ result[0]! ^ result[1]!) | 0;
    }
    return checksum >>> 0;
  }

  return { runIteration: dispatch === 'enum' ? runEnum : runAsyncTrait, heap };
}
