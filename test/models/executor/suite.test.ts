import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { CustomMetric } from '../../../src/runner/suite.ts';

type Suite = typeof import('../../../benchmarks/executor.bench.ts');

async function loadSuite(variant: string | undefined): Promise<Suite> {
  vi.resetModules();
  if (variant === undefined) vi.stubEnv('BENCHGATE_VARIANT', '');
  else vi.stubEnv('BENCHGATE_VARIANT', variant);
  const suite: Suite = await import('../../../benchmarks/executor.bench.ts');
  loaded.push(suite);
  return suite;
}

async function collect(suite: Awaited<ReturnType<typeof loadSuite>>): Promise<Record<string, CustomMetric[]>> {
  const out: Record<string, CustomMetric[]> = {};
  for (const [name, fn] of Object.entries(suite.metrics)) out[name] = await fn();
  return out;
}

let loaded: Suite[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  for (const suite of loaded) await suite.closeNodePool();
  loaded = [];
});

describe('benchmarks/executor.bench.ts', () => {
  test('the default variant is adaptive; tasks and metrics have stable names', async () => {
    const suite = await loadSuite(undefined);
    expect(suite.strategy).toBe('adaptive');
    expect(suite.default.tasks.map((t) => t.name)).toEqual(['barbara-large', 'barbara-mixed', 'barbara-node']);
    expect(Object.keys(suite.metrics)).toEqual(['barbara-large', 'barbara-mixed']);
    const metrics = await collect(suite);
    for (const list of Object.values(metrics)) {
      expect(list.map((m) => `${m.name}:${m.unit}:${m.direction}`)).toEqual([
        'simulated-throughput:req/s:bigger',
        'simulated-cpu-utilisation:%:bigger',
        'simulated-latency-p99:ms:smaller',
        'simulated-starvation-delay:ms:smaller',
      ]);
      for (const m of list) expect(Number.isFinite(m.value)).toBe(true);
    }
  });

  test('switching to in-task keeps every name and collapses throughput and CPU use', async () => {
    const fast = await collect(await loadSuite(undefined));
    const slowSuite = await loadSuite('layout=inline-error,executor=in-task');
    expect(slowSuite.strategy).toBe('in-task');
    expect(slowSuite.default.tasks.map((t) => t.name)).toEqual(['barbara-large', 'barbara-mixed', 'barbara-node']);
    const slow = await collect(slowSuite);
    const value = (m: Record<string, CustomMetric[]>, task: string, name: string) => m[task]!.find((x) => x.name === name)!.value;
    expect(value(slow, 'barbara-large', 'simulated-throughput')).toBeLessThan(0.2 * value(fast, 'barbara-large', 'simulated-throughput'));
    expect(value(slow, 'barbara-large', 'simulated-cpu-utilisation')).toBeLessThan(110);
    expect(value(fast, 'barbara-large', 'simulated-cpu-utilisation')).toBeGreaterThan(1200);
  });

  test('the simulations time themselves without gating; barbara-node gates on its wall time', async () => {
    const suite = await loadSuite(undefined);
    expect(suite.timingGates).toEqual({ 'barbara-large': false, 'barbara-mixed': false, 'barbara-node': true });
    // the simulated outcomes stay gated, except the two diagnostic ones
    const gates = Object.fromEntries((await collect(suite))['barbara-large']!.map((m) => [m.name, m.gate ?? true]));
    expect(gates).toEqual({
      'simulated-throughput': true,
      'simulated-cpu-utilisation': false,
      'simulated-latency-p99': true,
      'simulated-starvation-delay': false,
    });
  });

  test('barbara-node decodes in the worker pool by default and on the main thread under in-task', async () => {
    const fast = await loadSuite(undefined);
    expect(fast.nodeMode).toBe('worker-pool');
    const fastActive = await fast.decodeNodePayloads();
    expect(fast.nodeDecodes).toEqual({ mainThread: 0, workerPool: fast.NODE_PAYLOADS, activeRecords: fastActive });

    const slow = await loadSuite('executor=in-task');
    expect(slow.nodeMode).toBe('main-thread');
    const slowActive = await slow.decodeNodePayloads();
    expect(slow.nodeDecodes).toEqual({ mainThread: slow.NODE_PAYLOADS, workerPool: 0, activeRecords: slowActive });
    // both decoded the same data: the count depends on every record of every payload
    expect(slowActive).toBe(fastActive);
    expect(fastActive).toBeGreaterThan(1000);

    for (const variant of ['executor=spawn', 'executor=spawn-blocking', 'executor=block-in-place']) {
      expect((await loadSuite(variant)).nodeMode).toBe('worker-pool');
    }
  });

  test('the runner gates barbara-node on latency and reports its cores used, ungated', async () => {
    const { runSuites } = await import('../../../src/runner/run-suites.ts');
    const environment = { cpuModel: 'test', cores: 2, os: 'linux', arch: 'x64', node: 'v24.0.0', runnerImage: null };
    const results = await runSuites(
      {
        suites: 'benchmarks/executor.bench.ts',
        runs: 1,
        time: 1,
        warmupTime: 0,
        retainSamples: false,
        filter: 'executor/barbara-(node|mixed)$',
        runTimeout: 120_000,
        seed: 1,
        cwd: path.join(import.meta.dirname, '../../..'),
        env: { ...process.env, BENCHGATE_VARIANT: 'executor=in-task' },
      },
      { commit: null, ref: null, environment },
      { info: () => {} },
    );
    const gateOf = (id: string, metric: string) => results.benchmarks.find((b) => b.id === id)!.metrics.find((m) => m.name === metric)?.gate;
    expect(results.benchmarks.map((b) => [b.id, b.state])).toEqual(
      expect.arrayContaining([
        ['executor/barbara-node', 'completed'],
        ['executor/barbara-mixed', 'completed'],
      ]),
    );
    expect(gateOf('executor/barbara-node', 'latency-p50')).toBe(true);
    expect(gateOf('executor/barbara-node', 'cpu-cores')).toBe(false);
    expect(gateOf('executor/barbara-mixed', 'latency-p50')).toBe(false);
    expect(gateOf('executor/barbara-mixed', 'simulated-throughput')).toBe(true);
  }, 180_000);

  test('metrics are deterministic: two process runs would report identical values', async () => {
    const a = await collect(await loadSuite(undefined));
    const b = await collect(await loadSuite(undefined));
    expect(a).toEqual(b);
  });

  test('an unknown variant is refused with the allowed list', async () => {
    await expect(loadSuite('executor=turbo')).rejects.toThrow(/'executor=turbo' is not a variant; use one of in-task, spawn/);
  });
});
