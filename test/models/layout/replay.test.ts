import { afterEach, describe, expect, test, vi } from 'vitest';
import { planDdsplitRequest } from '../../../src/models/layout/ddsplit-plan.ts';
import { createReplay } from '../../../src/models/layout/replay.ts';
import { rust } from '../../../src/models/layout/rust-type.ts';

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

describe('createReplay', () => {
  test('replays exactly the bytes and allocations the accounting counts', () => {
    for (const error of ['boxed-error', 'inline-error'] as const) {
      for (const dispatch of ['direct', 'async-trait'] as const) {
        const replay = createReplay(planDdsplitRequest({ error, dispatch }));
        expect(sum(replay.copySizes) + sum(replay.allocationSizes)).toBe(replay.bytesCopiedPerRequest);
        expect(replay.allocationSizes.length).toBe(replay.allocationsPerRequest);
      }
    }
  });

  test('the inline Result is copied once per layer, 51,208 bytes each', () => {
    const replay = createReplay(planDdsplitRequest({ error: 'inline-error' }));
    expect(replay.copySizes.filter((bytes) => bytes === 51_208)).toHaveLength(3);
  });

  test('the work is real and deterministic: the checksum depends on the record', () => {
    const plan = planDdsplitRequest();
    const a = createReplay(plan, { seed: 7 });
    const b = createReplay(plan, { seed: 7 });
    const c = createReplay(plan, { seed: 8 });
    const first = a.runRequest();
    expect(b.runRequest()).toBe(first);
    expect(a.runRequest()).toBe(first);
    expect(c.runRequest()).not.toBe(first);
  });

  test('a plan with a type the model cannot lay out is refused, naming it', () => {
    expect(() => createReplay([{ op: 'move', type: rust.opaque('dyn Any', 'unsized') }])).toThrow(/dyn Any/);
  });

  test('runCompute does the work without the copies: same checksum start, and the copies add to it', () => {
    const replay = createReplay(planDdsplitRequest({ error: 'inline-error' }), { zeroBytes: 6_336, hashRounds: 2 });
    const compute = replay.runCompute();
    expect(replay.runCompute()).toBe(compute);
    expect(replay.runRequest()).not.toBe(compute);
  });

  test.each([
    ['recordBytes', 0],
    ['fragments', 1.5],
    ['hashRounds', -1],
    ['zeroBytes', -1],
  ] as const)('option %s = %d is refused', (name, value) => {
    expect(() => createReplay(planDdsplitRequest(), { [name]: value })).toThrow(new RegExp(`'${name}'`));
  });
});

describe('benchmarks/layout.bench.ts', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  async function loadSuite(variant: string | undefined) {
    vi.resetModules();
    if (variant !== undefined) vi.stubEnv('BENCHGATE_VARIANT', variant);
    const suite = await import('../../../benchmarks/layout.bench.ts');
    const metrics = Object.fromEntries(await Promise.all(Object.entries(suite.metrics).map(async ([name, get]) => [name, await get()] as const)));
    return { names: suite.default.tasks.map((t) => t.name), metrics };
  }

  test('task names stay the same across variants; the slow variants raise the model metrics', async () => {
    const fast = await loadSuite(undefined);
    const inline = await loadSuite('layout=inline-error');
    const asyncTrait = await loadSuite('dispatch=async-trait');
    expect(fast.names).toContain('ddsplit-replay');
    expect(inline.names).toEqual(fast.names);
    expect(asyncTrait.names).toEqual(fast.names);
    const value = (m: typeof fast.metrics, name: string) => m['ddsplit-replay']!.find((x) => x.name === name)!.value;
    // the Rust counterpart's request (planServiceRequest), as its optimized build copies it
    expect(value(fast.metrics, 'bytes-copied')).toBe(131_728);
    expect(value(inline.metrics, 'bytes-copied')).toBe(848_304);
    expect(value(fast.metrics, 'allocations')).toBe(0);
    expect(value(asyncTrait.metrics, 'allocations')).toBe(3);
    expect(fast.metrics['ddsplit-replay']!.every((m) => m.direction === 'smaller')).toBe(true);
    // the cost model's prediction is reported beside the measured time, and never gates
    const predicted = fast.metrics['ddsplit-replay']!.find((m) => m.name === 'predicted-time')!;
    expect(predicted).toMatchObject({ unit: 'ms', gate: false });
    expect(predicted.value).toBeGreaterThan(0);
  });

  test('an unknown variant is an error naming the allowed ones', async () => {
    await expect(loadSuite('layout=huge')).rejects.toThrow(/boxed-error, inline-error/);
  });
});
