/**
 * A small-object allocator over a typed-array arena, shaped like glibc malloc's fast path (the
 * tcache, glibc ≥ 2.32): a request plus a 16-byte chunk header is rounded up to a 16-byte size
 * class; each class keeps a LIFO free list threaded through the freed chunks themselves, its
 * links mangled with the chunk's address (glibc's "safe-linking"), and each freed chunk marked
 * with a key that `free` checks to catch a double free; a request whose class list is empty
 * carves a new chunk off the arena's top, doubling the arena when the top runs out.
 * `Box::pin` of an `#[async_trait]` future and its drop are one `alloc` and one `free`.
 *
 * Chunk layout, in bytes from the chunk's start: 0–7 unused (glibc's `prev_size`), 8–11 the
 * chunk size, 16… the user's bytes (the pointer `alloc` returns). A free chunk's first user
 * word holds its mangled link, its second the free key. (glibc's header overlaps the previous
 * chunk by 8 bytes, so it rounds request + 8, not + 16: the classes differ for requests within
 * 8 bytes below a multiple of 16, not for 112 bytes, which is a 128-byte chunk either way.)
 */

// The hot paths use these module-private constants: V8 folds them, while an exported binding is
// read through its module cell (with a check that it is initialized) at every use.
const HEADER = 16;
const ALIGN = 16;
/** The mark `free` leaves in a freed chunk's second user word (glibc's `tcache_key`). */
const FREE_KEY = 0x5eed_f4ee;
/** The end of a free list. */
const NO_CHUNK = -1;

/** Bytes of a chunk's header, in front of the pointer `alloc` returns. */
export const CHUNK_HEADER_BYTES = HEADER;
/** Chunk sizes are multiples of this; so are the pointers `alloc` returns. */
export const CHUNK_ALIGN = ALIGN;
/** The largest request any allocator accepts (its offsets stay 32-bit integers). */
export const MAX_REQUEST_BYTES = 1 << 28;

/** Where the allocator starts and what it accepts. */
export interface AllocatorOptions {
  /** Arena bytes to start with, a multiple of 16; the arena doubles when its top runs out. @default 4_096 */
  initialBytes: number;
  /** The largest request `alloc` accepts (the size classes cover up to it). @default 65_536 */
  maxRequestBytes: number;
}

/** The default arena start and largest request. */
export const DEFAULT_ALLOCATOR_OPTIONS: AllocatorOptions = { initialBytes: 4_096, maxRequestBytes: 65_536 };

/** A small-object allocator; pointers are byte offsets into `bytes`. */
export interface SmallAllocator {
  /** Allocates `bytes` (a positive integer ≤ maxRequestBytes); returns the user pointer, a multiple of 16. */
  alloc(bytes: number): number;
  /** Frees a pointer `alloc` returned: its chunk goes on top of its class's free list. */
  free(pointer: number): void;
  /** The chunk size of an allocation, from its header (request + 16, rounded up to 16). */
  chunkSizeOf(pointer: number): number;
  /** The arena. `alloc` may replace it (by a copy twice as large): read it again after each `alloc`. */
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** The arena as 32-bit words (`words[pointer >> 2]` is the word at `pointer`); replaced with `bytes`. */
  readonly words: Int32Array<ArrayBuffer>;
  /** Allocations not freed yet. */
  readonly live: number;
  /** Bytes carved off the arena so far (its top). */
  readonly topBytes: number;
}

/**
 * The chunk a request takes: the request plus the header, rounded up to the 16-byte class.
 * @param bytes the requested size, a positive integer
 * @returns the chunk size in bytes (32 for 1–16 bytes, 48 for 17–32, …)
 * @example
 * chunkSizeFor(112); // => 128
 */
export function chunkSizeFor(bytes: number): number {
  return roundChunk(bytes);
}

/**
 * The chunk size of a request (chunkSizeFor, for the hot paths: a module-private function is inlined without a check).
 * @param bytes the requested size, a positive integer
 * @returns the chunk size in bytes
 */
function roundChunk(bytes: number): number {
  return (bytes + HEADER + ALIGN - 1) & -ALIGN;
}

/**
 * A free-list link as stored in the chunk at `chunk` (glibc's `PROTECT_PTR`: the link XORed
 * with the storing chunk's address shifted right by 12). Applying it twice gives the link back.
 * @param chunk the offset of the chunk that stores the link
 * @param link the next chunk's offset, or -1
 * @returns the stored (or, given a stored one, the plain) link
 */
function mangleLink(chunk: number, link: number): number {
  return link ^ (chunk >>> 12);
}

/**
 * The arena grown to hold at least `needed` bytes, by doubling, with the old contents kept.
 * @param arena the current arena
 * @param needed the bytes it must hold
 * @returns the same arena if it is large enough, otherwise a new, larger copy
 */
function growArena(arena: Uint8Array<ArrayBuffer>, needed: number): Uint8Array<ArrayBuffer> {
  if (needed <= arena.length) return arena;
  let length = arena.length;
  while (length < needed) length *= 2;
  const grown = new Uint8Array(length);
  grown.set(arena);
  return grown;
}

/** The allocator's state and its two operations; `createAllocator` makes one. */
class TcacheAllocator implements SmallAllocator {
  bytes: Uint8Array<ArrayBuffer>;
  words: Int32Array<ArrayBuffer>;
  live = 0;
  topBytes = 0;
  /** The largest request accepted. */
  readonly maxRequestBytes: number;
  /** Its chunk size: no valid header holds more. */
  readonly maxChunkBytes: number;
  /** heads[chunkSize / 16]: the first free chunk of each class (glibc's `tcache->entries`), -1 when empty. */
  readonly heads: Int32Array;

  /**
   * @param initialBytes the arena's starting size, a multiple of 16
   * @param maxRequestBytes the largest request
   */
  constructor(initialBytes: number, maxRequestBytes: number) {
    this.bytes = new Uint8Array(initialBytes);
    this.words = new Int32Array(this.bytes.buffer);
    this.maxRequestBytes = maxRequestBytes;
    this.maxChunkBytes = roundChunk(maxRequestBytes);
    this.heads = new Int32Array(this.maxChunkBytes / ALIGN + 1).fill(NO_CHUNK);
  }

  alloc(request: number): number {
    // an integer from 1 to maxRequestBytes (`request | 0` is not the request for a fraction, NaN or ±Infinity)
    if ((request | 0) !== request || request < 1 || request > this.maxRequestBytes) {
      throw new RangeError(`alloc(${request}): the size must be an integer from 1 to ${this.maxRequestBytes}`);
    }
    const size = roundChunk(request);
    const sizeClass = size >> 4;
    const heads = this.heads;
    let chunk = heads[sizeClass]!;
    if (chunk !== NO_CHUNK) {
      const words = this.words;
      const user = (chunk + HEADER) >> 2;
      heads[sizeClass] = mangleLink(chunk, words[user]!);
      words[user + 1] = 0; // glibc's tcache_get clears the key
    } else {
      chunk = this.topBytes;
      this.topBytes = chunk + size;
      if (this.topBytes > this.bytes.length) {
        this.bytes = growArena(this.bytes, this.topBytes);
        this.words = new Int32Array(this.bytes.buffer);
      }
      this.words[(chunk + 8) >> 2] = size;
    }
    this.live++;
    return chunk + HEADER;
  }

  free(pointer: number): void {
    const size = this.checkedSize(pointer, 'free');
    const chunk = pointer - HEADER;
    const sizeClass = size >> 4;
    const user = pointer >> 2;
    const words = this.words;
    if (words[user + 1] === FREE_KEY && this.isFree(chunk, sizeClass)) throw new Error(`free(${pointer}): double free (the chunk is already free)`);
    words[user] = mangleLink(chunk, this.heads[sizeClass]!);
    words[user + 1] = FREE_KEY;
    this.heads[sizeClass] = chunk;
    this.live--;
  }

  chunkSizeOf(pointer: number): number {
    return this.checkedSize(pointer, 'chunkSizeOf');
  }

  /**
   * The chunk size in a pointer's header, after glibc's sanity checks.
   * @param pointer a pointer `alloc` returned
   * @param call the caller's name, for the error
   * @returns the chunk size
   * @throws RangeError when the pointer is not one `alloc` returned
   */
  private checkedSize(pointer: number, call: string): number {
    const top = this.topBytes;
    if ((pointer | 0) !== pointer || pointer < HEADER || (pointer & (ALIGN - 1)) !== 0 || pointer >= top) {
      throw new RangeError(`${call}(${pointer}): not a pointer this allocator returned`);
    }
    const size = this.words[(pointer - 8) >> 2]!;
    // glibc's "free(): invalid size": a pointer into the middle of a chunk (mostly) fails it
    if (size < 2 * ALIGN || (size & (ALIGN - 1)) !== 0 || size > this.maxChunkBytes || pointer - HEADER + size > top) {
      throw new RangeError(`${call}(${pointer}): not a pointer this allocator returned (invalid chunk size ${size})`);
    }
    return size;
  }

  /**
   * Whether a chunk is on its class's free list (glibc walks the list when a chunk carries the key).
   * @param chunk the chunk's offset
   * @param sizeClass its class
   * @returns true when the chunk is free
   */
  private isFree(chunk: number, sizeClass: number): boolean {
    for (let at = this.heads[sizeClass]!; at !== NO_CHUNK; at = mangleLink(at, this.words[(at + HEADER) >> 2]!)) {
      if (at === chunk) return true;
    }
    return false;
  }
}

/**
 * Creates an empty allocator. Deterministic: the same calls return the same pointers.
 * @param options the arena's starting size and the largest request
 * @returns the allocator
 * @throws RangeError when an option is not a positive integer, initialBytes is not a multiple of 16, or maxRequestBytes is above MAX_REQUEST_BYTES
 * @example
 * const heap = createAllocator();
 * const p = heap.alloc(112); // => 16: the first chunk starts at 0, its user bytes at 16
 * heap.free(p);
 * heap.alloc(100); // => 16 again: the same 128-byte class, the last freed chunk first
 */
export function createAllocator(options: Partial<AllocatorOptions> = {}): SmallAllocator {
  const { initialBytes, maxRequestBytes } = { ...DEFAULT_ALLOCATOR_OPTIONS, ...options };
  for (const [name, value] of Object.entries({ initialBytes, maxRequestBytes })) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`allocator option '${name}' must be a positive integer, got ${value}`);
  }
  if (initialBytes % ALIGN !== 0) throw new RangeError(`allocator option 'initialBytes' must be a multiple of ${ALIGN}, got ${initialBytes}`);
  if (maxRequestBytes > MAX_REQUEST_BYTES)
    throw new RangeError(`allocator option 'maxRequestBytes' must be at most ${MAX_REQUEST_BYTES}, got ${maxRequestBytes}`);
  return new TcacheAllocator(initialBytes, maxRequestBytes);
}
