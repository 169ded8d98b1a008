import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { main } from '../../src/cli.ts';
import { assignShard } from '../../src/results/assign-shard.ts';
import { ResultsSchema, type Results } from '../../src/results/schema.ts';

const fixtures = path.resolve(import.meta.dirname, '../runner/fixtures');
const all = Array.from({ length: 12 }, (_, i) => `many/task-${i + 1}`);
let dir: string;
let printed: string[];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'benchgate-merge-'));
  printed = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

const read = (file: string) => ResultsSchema.parse(JSON.parse(readFileSync(file, 'utf8'))) as Results;

async function runShard(index: number, count: number): Promise<string> {
  const out = path.join(dir, `shard-${index}.json`);
  const code = await main(
    ['run', '--suites', 'many.bench.ts', '--runs', '1', '--time', '1', '--seed', String(index), '--shard', `${index}/${count}`, '--out', out],
    fixtures,
    {
      ...process.env,
      GITHUB_RUN_ID: '777',
    },
  );
  expect(code).toBe(0);
  return out;
}

describe('benchgate run --shard and benchgate merge', () => {
  test('three shards each write their slice with its identity; merge writes the whole suite', async () => {
    const shards = [await runShard(1, 3), await runShard(2, 3), await runShard(3, 3)];
    for (const [i, file] of shards.entries()) {
      const written = read(file);
      const slice = all.filter((id) => assignShard(id, 3) === i + 1).sort();
      expect(written.shard).toMatchObject({ index: i + 1, count: 3, runId: '777', design: 'stored', assigned: slice });
      expect(written.shard!.settings).toMatchObject({ suites: 'many.bench.ts', time: 1, runs: 1, filter: null });
      expect(written.benchmarks.map((b) => b.id).sort()).toEqual(slice);
    }
    const out = path.join(dir, 'merged.json');
    expect(await main(['merge', ...shards, '--out', out], dir, {})).toBe(0);
    const merged = read(out);
    expect(merged.shard).toBeUndefined();
    expect(merged.benchmarks.map((b) => b.id)).toEqual([...all].sort());
    expect(printed.at(-1)).toBe(`merged 3 shard(s), 12 benchmark(s) (stored design) into ${out}`);
  });

  test('a missing shard and a duplicated one: exit 2, each named, nothing written', async () => {
    const one = await runShard(1, 3);
    const three = await runShard(3, 3);
    const out = path.join(dir, 'merged.json');
    printed = [];
    expect(await main(['merge', one, three, three, '--out', out], dir, {})).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(printed).toEqual([
      'benchgate: cannot merge: 2 problem(s) with the 3 shard(s) of this run; nothing was written',
      '  shard 2/3 is missing',
      `  shard 3/3 is present 2 times (${three}, ${three}); none of them was merged`,
    ]);
  });

  test('a file that is not a shard output, or not a results file, is an input error (exit 2)', async () => {
    const whole = path.join(dir, 'whole.json');
    expect(await main(['run', '--suites', 'good.bench.ts', '--runs', '1', '--time', '1', '--out', whole], fixtures, process.env)).toBe(0);
    printed = [];
    expect(await main(['merge', whole], dir, {})).toBe(2);
    expect(printed[0]!.split('\n')[0]).toBe(`benchgate: none of the 1 results file(s) is a shard's output (written with 'shard: i/n'): ${whole}`);
    expect(await main(['merge', path.join(dir, 'nothing.json')], dir, {})).toBe(2);
    expect(printed.at(-1)).toMatch(/nothing\.json.*cannot read/);
  });

  test('merge needs at least one file, and --shard must be i/n', async () => {
    expect(await main(['merge'], dir, {})).toBe(2);
    expect(printed[0]).toMatch(/^benchgate: 'benchgate merge' takes 1 or more arguments, <files>\.\.\.; got none/);
    expect(await main(['run', '--shard', '4/3'], fixtures, {})).toBe(2);
    expect(printed.at(-1)).toMatch(/shard.*must be 'i\/n' with 1 ≤ i ≤ n ≤ 10000.*got '4\/3'/);
  });
});
