import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { assignShard } from '../../src/results/assign-shard.ts';
import { ResultsSchema, type Results } from '../../src/results/schema.ts';
import { BaseUnusableError } from '../../src/runner/base-unusable-error.ts';
import { createSideOrder, maxLooks, runPairedRounds, type Look, type PairedRunOptions, type Side } from '../../src/runner/run-paired-rounds.ts';
import { RunnerError } from '../../src/runner/runner-error.ts';
import { environment, makeTree, scratchDir } from './paired-helpers.ts';

const meta = { base: { commit: 'b'.repeat(40), ref: null }, head: { commit: 'h'.repeat(40), ref: 'refs/pull/1/merge' }, environment };

function suitesOptions(trees: Record<Side, string>, overrides: Partial<PairedRunOptions> = {}): PairedRunOptions {
  return {
    trees,
    mode: { kind: 'suites', suites: 'benchmarks/*.bench.ts', time: 5, warmupTime: 0, retainSamples: false, filter: null, runTimeout: 30_000 },
    plan: { kind: 'fixed', rounds: 4 },
    seed: 7,
    env: { ...process.env, PAIRED_FIXTURE: '3', GITHUB_TOKEN: 'ghs_pairedfixturetoken', 'INPUT_GITHUB-TOKEN': 'ghs_pairedfixturetoken' },
    token: 'ghs_pairedfixturetoken',
    ...overrides,
  };
}

function metricRuns(results: Results, id: string, name: string): number[] {
  return results.benchmarks.find((b) => b.id === id)!.metrics.find((m) => m.name === name)!.runs;
}

function quietLog() {
  const lines: string[] = [];
  return { lines, log: { info: (line: string) => lines.push(line), warning: (line: string) => lines.push(`warning: ${line}`) } };
}

describe('runPairedRounds on real child processes', () => {
  test('each round runs both sides once, in the recorded order, and runs[r] of both sides come from round r', async () => {
    const dir = scratchDir('benchgate-paired-');
    const trees = { base: makeTree(dir, 'base', ['clock'], 1), head: makeTree(dir, 'head', ['clock'], 2) };
    const { log, lines } = quietLog();
    const run = await runPairedRounds(suitesOptions(trees, { plan: { kind: 'fixed', rounds: 6 } }), meta, { log });
    expect(ResultsSchema.parse(run.base)).toEqual(run.base);
    expect(ResultsSchema.parse(run.head)).toEqual(run.head);
    expect(run.rounds).toBe(6);
    expect(run.stop).toBe('fixed');
    expect(run.base.commit).toBe('b'.repeat(40));
    expect(run.head.commit).toBe('h'.repeat(40));
    // Each side ran its own tree's files.
    expect(metricRuns(run.base, 'clock/spin', 'tree-value')).toEqual([1, 1, 1, 1, 1, 1]);
    expect(metricRuns(run.head, 'clock/spin', 'tree-value')).toEqual([2, 2, 2, 2, 2, 2]);
    // The same environment on both sides, without the token.
    expect(metricRuns(run.base, 'clock/spin', 'token-visible')).toEqual([0, 0, 0, 0, 0, 0]);
    expect(metricRuns(run.head, 'clock/spin', 'token-visible')).toEqual([0, 0, 0, 0, 0, 0]);
    expect(lines.some((line) => /^both sides run without \d+ variable\(s\): .*GITHUB_TOKEN/.test(line))).toBe(true);
    expect(metricRuns(run.base, 'clock/spin', 'env-value')).toEqual([3, 3, 3, 3, 3, 3]);
    expect(metricRuns(run.head, 'clock/spin', 'env-value')).toEqual([3, 3, 3, 3, 3, 3]);
    const base = metricRuns(run.base, 'clock/spin', 'started-at');
    const head = metricRuns(run.head, 'clock/spin', 'started-at');
    expect(run.order).toHaveLength(6);
    for (let r = 0; r < 6; r++) {
      // Round r's two processes both started after both of round r − 1's: the rounds are aligned.
      if (r > 0) expect(Math.min(base[r]!, head[r]!)).toBeGreaterThan(Math.max(base[r - 1]!, head[r - 1]!));
      // The side that started first is the one the order records.
      expect(run.order[r]).toEqual({ round: r + 1, unit: 'clock', first: base[r]! < head[r]! ? 'base' : 'head' });
    }
    expect(lines.some((line) => /^round 6\/6 · clock · (base|head) \d+\.\d s, then (base|head) \d+\.\d s$/.test(line))).toBe(true);
  });

  test('a shard runs the same slice on both sides', async () => {
    const dir = scratchDir('benchgate-paired-shard-');
    const trees = { base: makeTree(dir, 'base', ['many'], 1), head: makeTree(dir, 'head', ['many'], 2) };
    const { log } = quietLog();
    const shard = { index: 2, count: 3 };
    const options = suitesOptions(trees, { plan: { kind: 'fixed', rounds: 2 } });
    const run = await runPairedRounds(
      { ...options, mode: { ...(options.mode as Extract<PairedRunOptions['mode'], { kind: 'suites' }>), time: 1, shard } },
      meta,
      { log },
    );
    const slice = Array.from({ length: 12 }, (_, i) => `many/task-${i + 1}`)
      .filter((id) => assignShard(id, 3) === 2)
      .sort();
    expect(slice.length).toBeGreaterThan(0);
    expect(run.base.benchmarks.map((b) => b.id).sort()).toEqual(slice);
    expect(run.head.benchmarks.map((b) => b.id).sort()).toEqual(slice);
    expect(run.head.benchmarks.every((b) => b.state === 'completed' && b.metrics[0]!.runs.length === 2)).toBe(true);
  });

  test('the side order is seeded: the same seed gives the same order, and both orders occur', async () => {
    const dir = scratchDir('benchgate-paired-');
    const trees = { base: makeTree(dir, 'base', ['clock'], 1), head: makeTree(dir, 'head', ['clock'], 2) };
    const plan = { kind: 'fixed', rounds: 3 } as const;
    const first = await runPairedRounds(suitesOptions(trees, { seed: 12345, plan }), meta, quietLog());
    const second = await runPairedRounds(suitesOptions(trees, { seed: 12345, plan }), meta, quietLog());
    expect(second.order).toEqual(first.order);
    const next = createSideOrder(12345);
    expect(first.order.map((o) => o.first)).toEqual([1, 2, 3].map(() => next()));
    // Over 200 pairs from one seed both orders are common, and another seed gives another sequence.
    const many = Array.from({ length: 200 }, createSideOrder(12345));
    expect(many.filter((side) => side === 'base').length).toBeGreaterThan(70);
    expect(many.filter((side) => side === 'head').length).toBeGreaterThan(70);
    expect(Array.from({ length: 200 }, createSideOrder(54321))).not.toEqual(many);
  });

  test('a suite only the head has gives head-only benchmarks; the shared suite stays aligned', async () => {
    const dir = scratchDir('benchgate-paired-');
    const trees = { base: makeTree(dir, 'base', ['clock'], 1), head: makeTree(dir, 'head', ['clock', 'extra'], 2) };
    const { log, lines } = quietLog();
    const run = await runPairedRounds(suitesOptions(trees, { plan: { kind: 'fixed', rounds: 2 } }), meta, { log });
    expect(run.headOnly).toEqual(['extra']);
    expect(run.base.benchmarks.map((b) => b.id)).toEqual(['clock/spin']);
    expect(run.head.benchmarks.map((b) => b.id).sort()).toEqual(['clock/spin', 'extra/added']);
    expect(metricRuns(run.head, 'extra/added', 'latency-p50')).toHaveLength(2);
    expect(lines).toContain('suite extra is new in the head: its benchmarks have no base');
  });

  test('a base tree without any of the suites is a BaseUnusableError (no-suites)', async () => {
    const dir = scratchDir('benchgate-paired-');
    const trees = { base: makeTree(dir, 'base', [], 1), head: makeTree(dir, 'head', ['clock'], 2) };
    const error = await runPairedRounds(suitesOptions(trees), meta, quietLog()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BaseUnusableError);
    expect((error as BaseUnusableError).reason).toBe('no-suites');
    expect((error as Error).message).toMatch(/base tree has none of the suites.*benchmarks\/\*\.bench\.ts/);
  });

  test('a base suite that fails to load is dropped with a warning; when it was the only one, the base is unusable', async () => {
    const dir = scratchDir('benchgate-paired-');
    const trees = { base: makeTree(dir, 'base', ['clock', 'extra'], 1), head: makeTree(dir, 'head', ['clock', 'extra'], 2) };
    const { cpSync } = await import('node:fs');
    cpSync(path.join(import.meta.dirname, 'fixtures', 'paired', 'broken.bench.ts'), path.join(trees.base, 'benchmarks', 'extra.bench.ts'));
    const { log, lines } = quietLog();
    const run = await runPairedRounds(suitesOptions(trees, { plan: { kind: 'fixed', rounds: 2 } }), meta, { log });
    expect(run.headOnly).toEqual(['extra']);
    expect(run.base.benchmarks.map((b) => b.id)).toEqual(['clock/spin']);
    expect(lines.some((line) => /^warning: the base tree's benchmarks\/extra\.bench\.ts cannot run \(.*this old suite no longer loads/.test(line))).toBe(true);

    const onlyBroken = { base: makeTree(dir, 'base2', ['extra'], 1), head: makeTree(dir, 'head2', ['extra'], 2) };
    cpSync(path.join(import.meta.dirname, 'fixtures', 'paired', 'broken.bench.ts'), path.join(onlyBroken.base, 'benchmarks', 'extra.bench.ts'));
    const error = await runPairedRounds(suitesOptions(onlyBroken, { plan: { kind: 'fixed', rounds: 1 } }), meta, quietLog()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BaseUnusableError);
    expect((error as BaseUnusableError).reason).toBe('no-suites');
  });

  test('a head suite that fails to load is a RunnerError naming the file', async () => {
    const dir = scratchDir('benchgate-paired-');
    const trees = { base: makeTree(dir, 'base', ['clock'], 1), head: makeTree(dir, 'head', ['clock'], 2) };
    const { cpSync } = await import('node:fs');
    cpSync(path.join(import.meta.dirname, 'fixtures', 'paired', 'broken.bench.ts'), path.join(trees.head, 'benchmarks', 'clock.bench.ts'));
    const error = await runPairedRounds(suitesOptions(trees), meta, quietLog()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunnerError);
    expect((error as Error).message).toMatch(/benchmarks\/clock\.bench\.ts: .*this old suite no longer loads/);
  });

  test('runs: auto looks after the minimum, adds batches, and stops when decide says done', async () => {
    const dir = scratchDir('benchgate-paired-');
    const trees = { base: makeTree(dir, 'base', ['clock'], 1), head: makeTree(dir, 'head', ['clock'], 2) };
    const looks: { look: Look; base: number; head: number }[] = [];
    const { log, lines } = quietLog();
    const run = await runPairedRounds(suitesOptions(trees, { plan: { kind: 'auto', minRounds: 3, batchRounds: 2, maxRounds: 11, maxTimeMs: 600_000 } }), meta, {
      log,
      decide: (base, head, look) => {
        looks.push({ look, base: metricRuns(base, 'clock/spin', 'tree-value').length, head: metricRuns(head, 'clock/spin', 'tree-value').length });
        return look.index < 2 ? { done: false, undecided: ['clock/spin latency-p50'] } : { done: true, undecided: [] };
      },
    });
    expect(looks).toEqual([
      { look: { index: 1, max: 5, rounds: 3 }, base: 3, head: 3 },
      { look: { index: 2, max: 5, rounds: 5 }, base: 5, head: 5 },
    ]);
    expect(run.rounds).toBe(5);
    expect(run.stop).toBe('decided');
    expect(run.looks).toBe(2);
    expect(lines.some((line) => /^look 1\/5 after 3 rounds \(\d+ s measuring\): 1 undecided: clock\/spin latency-p50$/.test(line))).toBe(true);
    expect(lines.some((line) => /^look 2\/5 after 5 rounds .*every gated comparison is decided$/.test(line))).toBe(true);
  });

  test('runs: auto stops at max-rounds, and before a batch that would pass max-time', async () => {
    const dir = scratchDir('benchgate-paired-');
    const trees = { base: makeTree(dir, 'base', ['clock'], 1), head: makeTree(dir, 'head', ['clock'], 2) };
    const never = () => ({ done: false, undecided: ['clock/spin latency-p50'] });
    const capped = await runPairedRounds(
      suitesOptions(trees, { plan: { kind: 'auto', minRounds: 2, batchRounds: 2, maxRounds: 4, maxTimeMs: 600_000 } }),
      meta,
      { ...quietLog(), decide: never },
    );
    expect(capped.rounds).toBe(4);
    expect(capped.stop).toBe('max-rounds');
    expect(capped.undecided).toEqual(['clock/spin latency-p50']);
    // A fake clock: every process takes 5 s, so 2 rounds (4 processes) take 20 s and a batch of 2 more would reach 40 s > 30 s.
    let clock = 0;
    const { log, lines } = quietLog();
    const timed = await runPairedRounds(
      suitesOptions(trees, { plan: { kind: 'auto', minRounds: 2, batchRounds: 2, maxRounds: 40, maxTimeMs: 30_000 } }),
      meta,
      {
        log,
        decide: never,
        now: () => (clock += 5_000),
      },
    );
    expect(timed.rounds).toBe(2);
    expect(timed.stop).toBe('max-time');
    expect(timed.measuringSeconds).toBe(20);
    expect(lines).toContain('stopping: 2 more round(s) would pass max-time (30 s)');
  });

  test('maxLooks counts the first look and one per batch', () => {
    expect(maxLooks({ minRounds: 10, batchRounds: 5, maxRounds: 60, maxTimeMs: 1 })).toBe(11);
    expect(maxLooks({ minRounds: 3, batchRounds: 2, maxRounds: 11, maxTimeMs: 1 })).toBe(5);
    expect(maxLooks({ minRounds: 10, batchRounds: 5, maxRounds: 10, maxTimeMs: 1 })).toBe(1);
  });
});
