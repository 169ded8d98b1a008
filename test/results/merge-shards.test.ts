import { describe, expect, test } from 'vitest';
import { describeShardProblems } from '../../src/report/describe-shard-problems.ts';
import { mergeShards, type ShardFile } from '../../src/results/merge-shards.ts';
import { ResultsSchema } from '../../src/results/schema.ts';
import { ENVIRONMENT, results } from '../compare/helpers.ts';
import { shardResults, suiteIds } from './shard-helpers.ts';

const ids = suiteIds(40);
const files = (count: number, options: Parameters<typeof shardResults>[3] = {}): ShardFile[] =>
  Array.from({ length: count }, (_, i) => ({ file: `shard-${i + 1}.json`, results: shardResults(ids, i + 1, count, options) }));

describe('mergeShards', () => {
  test('three shards merge into the whole suite, sorted by id, without a shard identity', () => {
    const merge = mergeShards(files(3).reverse());
    expect(merge.problems).toEqual([]);
    expect(merge.count).toBe(3);
    expect(merge.merged).toEqual([1, 2, 3]);
    expect(merge.design).toBe('stored');
    expect(merge.base).toBeNull();
    expect(merge.results.benchmarks.map((b) => b.id)).toEqual([...ids].sort());
    expect(merge.results.shard).toBeUndefined();
    expect(merge.results.commit).toBe('h'.repeat(40));
    expect(ResultsSchema.parse(merge.results)).toEqual(merge.results);
    expect(merge.environments.map((e) => e.index)).toEqual([1, 2, 3]);
  });

  test('same-runner shards merge both sides, and each benchmark keeps its own round-aligned runs', () => {
    const input = files(2, { paired: true });
    const merge = mergeShards(input);
    expect(merge.problems).toEqual([]);
    expect(merge.design).toBe('same-runner');
    expect(merge.base!.commit).toBe('b'.repeat(40));
    expect(merge.base!.benchmarks.map((b) => b.id)).toEqual([...ids].sort());
    const id = input[1]!.results.benchmarks[0]!.id;
    expect(merge.base!.benchmarks.find((b) => b.id === id)).toEqual(input[1]!.results.shard!.base!.benchmarks[0]);
    expect(merge.results.benchmarks.find((b) => b.id === id)).toEqual(input[1]!.results.benchmarks[0]);
  });

  test('a missing shard is named, and the others are still merged', () => {
    const input = files(3).filter((f) => f.results.shard!.index !== 2);
    const merge = mergeShards(input);
    expect(merge.problems).toEqual([{ kind: 'missing', index: 2 }]);
    expect(merge.merged).toEqual([1, 3]);
    expect(describeShardProblems(merge.problems, 3)).toEqual(['shard 2/3 is missing']);
    expect(merge.results.benchmarks.length).toBe(input.reduce((n, f) => n + f.results.benchmarks.length, 0));
  });

  test('a duplicated shard is named with both files, and neither copy is merged', () => {
    const input = files(3);
    input.push({ file: 'again/shard-3.json', results: input[2]!.results });
    const merge = mergeShards(input);
    expect(merge.problems).toEqual([{ kind: 'duplicate', index: 3, files: ['again/shard-3.json', 'shard-3.json'] }]);
    expect(merge.merged).toEqual([1, 2]);
    expect(describeShardProblems(merge.problems, 3)[0]).toBe('shard 3/3 is present 2 times (again/shard-3.json, shard-3.json); none of them was merged');
  });

  test('a shard of another run (count, commit, settings) is named with the field that differs, checked against the majority', () => {
    const input = files(3);
    input[0] = { file: 'other-count.json', results: shardResults(ids, 1, 4) };
    input[1] = { file: 'other-commit.json', results: shardResults(ids, 2, 3, { commit: 'f'.repeat(40) }) };
    const settings = { ...input[2]!.results.shard!.settings, time: 50 };
    input[2] = { file: 'other-time.json', results: { ...input[2]!.results, shard: { ...input[2]!.results.shard!, settings } } };
    input.push(...files(3));
    const merge = mergeShards(input);
    expect(merge.merged).toEqual([1, 2, 3]);
    expect(merge.problems).toEqual([
      { kind: 'mismatch', file: 'other-count.json', index: 1, field: 'shard count', expected: '3', got: '4' },
      { kind: 'mismatch', file: 'other-commit.json', index: 2, field: 'commit', expected: 'h'.repeat(40), got: 'f'.repeat(40) },
      { kind: 'mismatch', file: 'other-time.json', index: 3, field: "setting 'time'", expected: '100', got: '50' },
    ]);
    expect(describeShardProblems(merge.problems, 3)[2]).toBe(
      "other-time.json (shard 3) belongs to another run: its setting 'time' is 50, the other shards' is 100",
    );
  });

  test('a stored shard among same-runner shards is a design mismatch', () => {
    const input = files(2, { paired: true });
    input.push({ file: 'stored.json', results: shardResults(ids, 2, 2) });
    const merge = mergeShards(input);
    expect(merge.problems.filter((p) => p.kind === 'mismatch').map((p) => p.kind === 'mismatch' && p.field)).toEqual(['design', 'base commit']);
  });

  test('a shard holding a benchmark the hash gives to another shard is refused', () => {
    const input = files(2);
    const stray = input[1]!.results.benchmarks[0]!;
    input[0] = { ...input[0]!, results: { ...input[0]!.results, benchmarks: [...input[0]!.results.benchmarks, stray] } };
    const merge = mergeShards(input);
    expect(merge.problems).toEqual([{ kind: 'unassigned', file: 'shard-1.json', index: 1, id: stray.id, owner: 2 }]);
    expect(merge.merged).toEqual([2]);
  });

  test('a whole run among the shards is named; with no shard at all there is nothing to merge', () => {
    const whole = { file: 'whole.json', results: results([]) };
    expect(mergeShards([...files(2), whole]).problems).toEqual([{ kind: 'not-a-shard', file: 'whole.json' }]);
    expect(() => mergeShards([whole])).toThrow("none of the 1 results file(s) is a shard's output (written with 'shard: i/n'): whole.json");
    expect(() => mergeShards([])).toThrow('no results files to merge');
  });

  test('keeps each shard environment, and the merged header takes the first shard', () => {
    const input = files(2);
    input[1] = { ...input[1]!, results: { ...input[1]!.results, environment: { ...ENVIRONMENT, cores: 8 } } };
    const merge = mergeShards(input);
    expect(merge.environments.map((e) => e.environment.cores)).toEqual([2, 8]);
    expect(merge.results.environment.cores).toBe(2);
  });
});
