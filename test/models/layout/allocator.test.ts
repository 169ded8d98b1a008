import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CHUNK_HEADER_BYTES, chunkSizeFor, createAllocator } from '../../../src/models/layout/allocator.ts';

describe('chunkSizeFor', () => {
  test.each([
    [1, 32],
    [16, 32],
    [17, 48],
    [32, 48],
    [100, 128],
    [112, 128],
    [113, 144],
    [51_208, 51_232],
  ])('a %i-byte request takes a %i-byte chunk (request + 16, rounded up to 16)', (bytes, chunk) => {
    expect(chunkSizeFor(bytes)).toBe(chunk);
  });
});

describe('createAllocator', () => {
  test('carves chunks off the top in order; the header holds the chunk size', () => {
    const heap = createAllocator();
    const a = heap.alloc(112);
    const b = heap.alloc(1);
    const c = heap.alloc(40);
    expect([a, b, c]).toEqual([16, 128 + 16, 128 + 32 + 16]);
    expect([heap.chunkSizeOf(a), heap.chunkSizeOf(b), heap.chunkSizeOf(c)]).toEqual([128, 32, 64]);
    expect(heap.words[(a - 8) >> 2]).toBe(128);
    expect(heap.topBytes).toBe(128 + 32 + 64);
    expect(heap.live).toBe(3);
  });

  test('a freed chunk is reused by the next request of its class, last freed first (LIFO)', () => {
    const heap = createAllocator();
    const [a, b, c] = [heap.alloc(112), heap.alloc(112), heap.alloc(112)];
    heap.free(a);
    heap.free(c);
    heap.free(b);
    expect(heap.live).toBe(0);
    const top = heap.topBytes;
    expect(heap.alloc(100)).toBe(b); // 100 and 112 share the 128-byte class
    expect(heap.alloc(112)).toBe(c);
    expect(heap.alloc(97)).toBe(a);
    expect(heap.alloc(112)).toBe(top + CHUNK_HEADER_BYTES); // the list is empty: a new chunk
    expect(heap.topBytes).toBe(top + 128);
  });

  test('a freed chunk is not reused by another class', () => {
    const heap = createAllocator();
    const small = heap.alloc(16);
    heap.free(small);
    const big = heap.alloc(112);
    expect(big).not.toBe(small);
    expect(heap.alloc(10)).toBe(small);
  });

  test('the arena doubles when the top runs out, keeping its contents', () => {
    const heap = createAllocator({ initialBytes: 64 });
    const a = heap.alloc(16);
    heap.bytes[a] = 42;
    const first = heap.bytes;
    const b = heap.alloc(300); // top 32 + 320 > 64: doubled to 512
    expect(heap.bytes).not.toBe(first);
    expect(heap.bytes.length).toBe(512);
    expect(heap.bytes[a]).toBe(42);
    expect(heap.words.buffer).toBe(heap.bytes.buffer);
    expect(heap.chunkSizeOf(b)).toBe(320);
  });

  test('live allocations never overlap, under any sequence of allocs and frees', () => {
    const step = fc.oneof(fc.record({ alloc: fc.integer({ min: 1, max: 300 }) }), fc.record({ free: fc.nat() }));
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        const heap = createAllocator({ initialBytes: 64, maxRequestBytes: 300 });
        const live = new Map<number, number>();
        for (const s of steps) {
          if ('alloc' in s) {
            const pointer = heap.alloc(s.alloc);
            expect(pointer % 16).toBe(0);
            expect(live.has(pointer)).toBe(false);
            live.set(pointer, s.alloc);
            // fill it, then check no other live allocation was overwritten
            heap.bytes.fill(pointer & 0xff, pointer, pointer + s.alloc);
          } else if (live.size > 0) {
            const pointer = [...live.keys()][s.free % live.size]!;
            heap.free(pointer);
            live.delete(pointer);
          }
          for (const [pointer, bytes] of live) {
            expect(heap.bytes.subarray(pointer, pointer + bytes).every((x) => x === (pointer & 0xff))).toBe(true);
          }
          expect(heap.live).toBe(live.size);
        }
        const ranges = [...live].map(([p, bytes]) => [p - CHUNK_HEADER_BYTES, p + bytes] as const).sort((x, y) => x[0] - y[0]);
        for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0]).toBeGreaterThanOrEqual(ranges[i - 1]![1]);
      }),
    );
  });

  test('is deterministic: the same calls give the same pointers', () => {
    const run = () => {
      const heap = createAllocator();
      const out = [heap.alloc(50), heap.alloc(112), heap.alloc(7)];
      heap.free(out[1]!);
      out.push(heap.alloc(112), heap.alloc(300));
      return out;
    };
    expect(run()).toEqual(run());
  });

  test.each([0, -1, 1.5, Number.NaN, 65_537])('alloc(%d) is refused, naming the call', (bytes) => {
    expect(() => createAllocator().alloc(bytes)).toThrow(/^alloc\(.*\): the size must be an integer from 1 to 65536$/);
  });

  test('a double free is an error naming the call, even after other frees', () => {
    const heap = createAllocator();
    const a = heap.alloc(112);
    const b = heap.alloc(112);
    heap.free(a);
    heap.free(b);
    expect(() => heap.free(a)).toThrow(`free(${a}): double free`);
    expect(heap.live).toBe(0);
  });

  test('a live chunk whose bytes look like a free mark is still freed once', () => {
    const heap = createAllocator();
    const a = heap.alloc(112);
    const b = heap.alloc(112);
    heap.free(b);
    heap.words.copyWithin(a >> 2, b >> 2, (b >> 2) + 2); // a's first words now hold b's link and free key
    heap.free(a);
    expect(heap.alloc(112)).toBe(a);
    expect(heap.alloc(112)).toBe(b);
  });

  test.each([
    ['not aligned', 24],
    ['before the first chunk', 0],
    ['beyond the top', 4_000],
    ['negative', -16],
  ])('free of a pointer %s is refused, naming the call', (_what, pointer) => {
    const heap = createAllocator();
    heap.alloc(112);
    expect(() => heap.free(pointer)).toThrow(`free(${pointer}): not a pointer this allocator returned`);
  });

  test('free of a pointer into the middle of a chunk fails the size check', () => {
    const heap = createAllocator();
    const a = heap.alloc(112);
    heap.alloc(112);
    expect(() => heap.free(a + 32)).toThrow(/^free\(48\): not a pointer this allocator returned \(invalid chunk size 0\)$/);
  });

  test.each([
    ['initialBytes', 0],
    ['initialBytes', 100],
    ['maxRequestBytes', 1.5],
  ] as const)('option %s = %d is refused', (name, value) => {
    expect(() => createAllocator({ [name]: value })).toThrow(new RegExp(`'${name}'`));
  });
});
