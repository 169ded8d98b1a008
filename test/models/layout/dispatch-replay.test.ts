import { describe, expect, test, vi } from 'vitest';
import { createDispatchReplay, memPut, sumPut } from '../../../src/models/layout/dispatch-replay.ts';

/** The bench's `mem_put`, on 64-bit integers. */
function memPutReference(seed: bigint, fragment: Uint8Array): bigint {
  let hash = seed;
  for (const byte of fragment) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x0100_0000_01b3n);
  return hash;
}

function halves(value: bigint): [number, number] {
  return [Number(BigInt.asIntN(32, value)), Number(BigInt.asIntN(32, value >> 32n))];
}

describe('the stores’ bodies', () => {
  test.each([
    [1n, new Uint8Array(64).fill(7)],
    [0xcbf2_9ce4_8422_2325n, Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) & 0xff)],
    [0xffff_ffff_ffff_ffffn, Uint8Array.of(255, 0, 128, 1)],
  ])('memPut is the low half of the 64-bit FNV of mem_put (seed %s); the high word stays the seed’s', (seed, fragment) => {
    const result = new Int32Array(2);
    const [seedLow, seedHigh] = halves(seed);
    memPut(seedLow, seedHigh, fragment, result);
    expect([...result]).toEqual([halves(memPutReference(seed, fragment))[0], seedHigh]);
  });

  test('sumPut adds the bytes to a 64-bit bias, carrying into the high word', () => {
    const result = new Int32Array(2);
    sumPut(3, 0, new Uint8Array(64).fill(7), result);
    expect([...result]).toEqual([3 + 7 * 64, 0]);
    sumPut(-1, 5, Uint8Array.of(2), result); // 0x5_ffff_ffff + 2
    expect([...result]).toEqual([1, 6]);
  });
});

describe('createDispatchReplay', () => {
  test('both dispatches compute the same checksum, and it depends on every call', () => {
    const enumReplay = createDispatchReplay({ dispatch: 'enum' });
    const asyncTrait = createDispatchReplay({ dispatch: 'async-trait' });
    const checksum = enumReplay.runIteration();
    expect(asyncTrait.runIteration()).toBe(checksum);
    expect(enumReplay.runIteration()).toBe(checksum);
    expect(createDispatchReplay({ dispatch: 'enum', calls: 255 }).runIteration()).not.toBe(checksum);
    expect(createDispatchReplay({ dispatch: 'async-trait', calls: 255 }).runIteration()).toBe(createDispatchReplay({ calls: 255 }).runIteration());
  });

  test('async-trait allocates the future once per call and frees it when the call completes', () => {
    const replay = createDispatchReplay({ dispatch: 'async-trait', calls: 256, futureBytes: 112 });
    const alloc = vi.spyOn(replay.heap, 'alloc');
    const free = vi.spyOn(replay.heap, 'free');
    replay.runIteration();
    expect(alloc).toHaveBeenCalledTimes(256);
    expect(alloc.mock.calls.every(([bytes]) => bytes === 112)).toBe(true);
    expect(free).toHaveBeenCalledTimes(256);
    expect(replay.heap.live).toBe(0);
    // one slot, reused every call (LIFO): the arena holds a single 128-byte chunk
    expect(replay.heap.topBytes).toBe(128);
  });

  test('the enum allocates nothing', () => {
    const replay = createDispatchReplay({ dispatch: 'enum' });
    replay.runIteration();
    expect(replay.heap.topBytes).toBe(0);
    expect(replay.heap.live).toBe(0);
  });

  test.each([
    ['calls', 0],
    ['fragmentBytes', 1.5],
    ['futureBytes', 100],
    ['futureBytes', 24],
    ['dispatch', 'direct'],
  ] as const)('option %s = %s is refused, naming it', (name, value) => {
    expect(() => createDispatchReplay({ [name]: value })).toThrow(new RegExp(`'${name}'`));
  });
});
