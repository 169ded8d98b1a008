import { describe, expect, test } from 'vitest';
import { assignShard, isInShard, parseShardSpec } from '../../src/results/assign-shard.ts';

const ids = Array.from({ length: 2000 }, (_, i) => `suite${i % 17}/task-${i}`);

describe('assignShard (rendezvous hashing of benchmark ids)', () => {
  test('every id gets exactly one shard in 1..n, and one shard is the whole suite', () => {
    for (const id of ids.slice(0, 200)) {
      expect(assignShard(id, 1)).toBe(1);
      for (const n of [2, 3, 7]) {
        const owner = assignShard(id, n);
        expect(owner).toBeGreaterThanOrEqual(1);
        expect(owner).toBeLessThanOrEqual(n);
        expect([...Array(n).keys()].filter((i) => isInShard(id, { index: i + 1, count: n }))).toEqual([owner - 1]);
      }
    }
  });

  test.each([
    [4, [3, 2, 2, 4, 2]],
    [7, [3, 2, 7, 7, 5]],
  ])('is a fixed function of the id: with %i shards it matches the independent Python implementation', (count, expected) => {
    // Values from test/results/assign-shard-reference.py. A change here re-slices every user's matrix.
    expect(['parse/small', 'parse/large', 'render/table', 'é/ü', ''].map((id) => assignShard(id, count))).toEqual(expected);
  });

  test('spreads ids about evenly over the shards', () => {
    for (const n of [2, 3, 5, 8]) {
      const sizes = new Array<number>(n).fill(0);
      for (const id of ids) sizes[assignShard(id, n) - 1]!++;
      const expected = ids.length / n;
      // A binomial count's sd is sqrt(N p (1-p)) < 23 here; 5 sd either side.
      for (const size of sizes) expect(Math.abs(size - expected)).toBeLessThan(5 * Math.sqrt(expected));
    }
  });

  test('adding or removing a benchmark moves no other benchmark', () => {
    const before = new Map(ids.map((id) => [id, assignShard(id, 5)]));
    const grown = [...ids, 'suite3/a-new-task'];
    for (const id of grown.slice(0, -1)) expect(assignShard(id, 5)).toBe(before.get(id));
  });

  test('going from n to n + 1 shards moves only the ids the new shard wins, about 1 in n + 1', () => {
    for (const n of [2, 4, 9]) {
      let moved = 0;
      for (const id of ids) {
        const [old, now] = [assignShard(id, n), assignShard(id, n + 1)];
        if (old !== now) {
          moved++;
          expect(now).toBe(n + 1);
        }
      }
      const expected = ids.length / (n + 1);
      expect(Math.abs(moved - expected)).toBeLessThan(5 * Math.sqrt(expected));
    }
  });

  test('a modulo hash would move most ids from 4 to 5 shards; rendezvous moves about a fifth', () => {
    let moved = 0;
    for (const id of ids) if (assignShard(id, 4) !== assignShard(id, 5)) moved++;
    expect(moved / ids.length).toBeLessThan(0.25);
  });

  test('refuses a shard count that is not a whole number ≥ 1', () => {
    expect(() => assignShard('a/b', 0)).toThrow(/whole number ≥ 1, got 0/);
    expect(() => assignShard('a/b', 1.5)).toThrow(RangeError);
  });
});

describe('parseShardSpec', () => {
  test.each([
    ['1/1', { index: 1, count: 1 }],
    ['2/3', { index: 2, count: 3 }],
    [' 3 / 3 ', { index: 3, count: 3 }],
  ])('reads %j', (text, spec) => {
    expect(parseShardSpec(text)).toEqual(spec);
  });

  test.each(['0/3', '4/3', '3', '1/0', 'a/b', '1/2/3', '-1/2', '1.5/3', '1/10001'])('refuses %j, naming it', (text) => {
    expect(() => parseShardSpec(text)).toThrow(`got '${text}'`);
  });
});
