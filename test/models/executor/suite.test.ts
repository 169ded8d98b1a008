import { afterEach, describe, expect, test, vi } from 'vitest';
import type { CustomMetric } from '../../../src/runner/suite.ts';

async function loadSuite(variant: string | undefined) {
  vi.resetModules();
  if (variant === undefined) vi.stubEnv('BENCHGATE_VARIANT', '');
  else vi.stubEnv('BENCHGATE_VARIANT', variant);
  return import('../../../benchmarks/executor.bench.ts');
}

async function collect(suite: Awaited<ReturnType<typeof loadSuite>>): Promise<Record<string, CustomMetric[]>> {
  const out: Record<string, CustomMetric[]> = {};
  for (const [name, fn] of Object.entries(suite.metrics)) out[name] = await fn();
  return out;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('benchmarks/executor.bench.ts', () => {
  test('the default variant is adaptive; tasks and metrics have stable names', async () => {
    const suite = await loadSuite(undefined);
    expect(suite.strategy).toBe('adaptive');
    expect(suite.default.tasks.map((t) => t.name)).toEqual(['barbara-large', 'barbara-mixed']);
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
    expect(slowSuite.default.tasks.map((t) => t.name)).toEqual(['barbara-large', 'barbara-mixed']);
    const slow = await collect(slowSuite);
    const value = (m: Record<string, CustomMetric[]>, task: string, name: string) =>
      m[task]!.find((x) => x.name === name)!.value;
    expect(value(slow, 'barbara-large', 'simulated-throughput')).toBeLessThan(
      0.2 * value(fast, 'barbara-large', 'simulated-throughput'),
    );
    expect(value(slow, 'barbara-large', 'simulated-cpu-utilisation')).toBeLessThan(110);
    expect(value(fast, 'barbara-large', 'simulated-cpu-utilisation')).toBeGreaterThan(1200);
  });

  test('metrics are deterministic: two process runs would report identical values', async () => {
    const a = await collect(await loadSuite(undefined));
    const b = await collect(await loadSuite(undefined));
    expect(a).toEqual(b);
  });

  test('an unknown variant is refused with the allowed list', async () => {
    await expect(loadSuite('executor=turbo')).rejects.toThrow(/'executor=turbo' is not a variant; use one of in-task, spawn/);
  });
});
