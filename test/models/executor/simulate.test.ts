import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_RUNTIME_OPTIONS,
  DEFAULT_WORKLOAD_OPTIONS,
  MIXED_WORKLOAD,
  SMALL_WORKLOAD,
  STRATEGIES,
  generateRequests,
  simulateExecutor,
  type ExecutorResult,
  type Strategy,
  type WorkloadOptions,
} from '../../../src/models/executor/index.ts';

function runAll(workload: WorkloadOptions): Record<Strategy, ExecutorResult> {
  const results = {} as Record<Strategy, ExecutorResult>;
  for (const strategy of STRATEGIES) results[strategy] = simulateExecutor({ strategy, workload });
  return results;
}

// Barbara's story: 16 cores, 16 workers, 256 large payloads, 32 in flight (the defaults).
const story = runAll(DEFAULT_WORKLOAD_OPTIONS);
const small = runAll(SMALL_WORKLOAD);
const mixed = runAll(MIXED_WORKLOAD);

describe("Barbara's story (16 cores, 16 workers, 256 large payloads, 32 in flight)", () => {
  test('the defaults are the story', () => {
    expect(DEFAULT_RUNTIME_OPTIONS.cores).toBe(16);
    expect(DEFAULT_RUNTIME_OPTIONS.workers).toBe(16);
    expect(DEFAULT_WORKLOAD_OPTIONS.requests).toBe(256);
    expect(DEFAULT_WORKLOAD_OPTIONS.concurrency).toBe(32);
  });

  test('in-task parses everything in one task: about 100% CPU', () => {
    expect(story['in-task'].cpuUtilisationPercent).toBeGreaterThan(90);
    expect(story['in-task'].cpuUtilisationPercent).toBeLessThan(110);
  });

  test('spawn per request spreads parsing over the cores: at least 1200% CPU', () => {
    expect(story.spawn.cpuUtilisationPercent).toBeGreaterThanOrEqual(1200);
    expect(story.spawn.cpuUtilisationPercent).toBeLessThanOrEqual(1600);
    expect(story.spawn.requestsPerSecond).toBeGreaterThan(10 * story['in-task'].requestsPerSecond);
  });

  test('the work is the same whatever the strategy: CPU per request within 2%', () => {
    const base = story['in-task'].cpuNsPerRequest;
    for (const strategy of STRATEGIES) {
      expect(Math.abs(story[strategy].cpuNsPerRequest / base - 1)).toBeLessThan(0.02);
    }
  });

  test('parsing on workers starves an unrelated periodic task; block-in-place keeps its delay low', () => {
    // every worker is inside a multi-millisecond poll, so the timer's wake waits for one to finish
    expect(story.spawn.periodicMaxDelayNs).toBeGreaterThan(1_000_000);
    // block_in_place hands the worker's core to a fresh thread, which polls the periodic task
    expect(story['block-in-place'].periodicMaxDelayNs).toBeLessThan(story.spawn.periodicMaxDelayNs / 3);
    expect(story['spawn-blocking'].periodicMaxDelayNs).toBeLessThan(story.spawn.periodicMaxDelayNs / 3);
  });

  test('in-task starves its own futures instead: p99 latency ≥ 5× that of block-in-place', () => {
    expect(story['in-task'].latencyP99Ns).toBeGreaterThan(5 * story['block-in-place'].latencyP99Ns);
    // 15 workers are idle, so another task (the periodic one) is not delayed by in-task
    expect(story['in-task'].periodicMaxDelayNs).toBeLessThan(100_000);
  });
});

describe('small payloads (1 KiB, 2 µs of parsing each)', () => {
  test('spawn-blocking pays its hand-off: ≥ 1.3× the CPU per request of spawn', () => {
    expect(small['spawn-blocking'].cpuNsPerRequest).toBeGreaterThan(1.3 * small.spawn.cpuNsPerRequest);
  });

  test('spawn-blocking is slower and has higher latency than spawn', () => {
    expect(small['spawn-blocking'].requestsPerSecond).toBeLessThan(0.97 * small.spawn.requestsPerSecond);
    expect(small['spawn-blocking'].latencyP50Ns).toBeGreaterThan(small.spawn.latencyP50Ns);
  });

  test('adaptive keeps small payloads in the task: identical to in-task', () => {
    const { strategy: _a, ...adaptive } = small.adaptive;
    const { strategy: _b, ...inTask } = small['in-task'];
    expect(adaptive).toEqual(inTask);
  });
});

describe('mixed sizes (90% small, 10% Pareto-tailed large)', () => {
  const best = Math.max(...STRATEGIES.map((s) => mixed[s].requestsPerSecond));

  test('adaptive is within 1% of the best throughput; in-task is far behind', () => {
    expect(mixed.adaptive.requestsPerSecond).toBeGreaterThanOrEqual(0.99 * best);
    expect(mixed['in-task'].requestsPerSecond).toBeLessThan(0.2 * best);
  });

  test('among the strategies within 1% of the best throughput, adaptive uses the least CPU per request', () => {
    const contenders = STRATEGIES.filter((s) => mixed[s].requestsPerSecond >= 0.99 * best && s !== 'adaptive');
    expect(contenders.length).toBeGreaterThan(0);
    for (const strategy of contenders) {
      expect(mixed.adaptive.cpuNsPerRequest).toBeLessThan(mixed[strategy].cpuNsPerRequest);
    }
  });

  test('adaptive has the lowest median latency', () => {
    for (const strategy of STRATEGIES) {
      if (strategy !== 'adaptive') expect(mixed.adaptive.latencyP50Ns).toBeLessThan(mixed[strategy].latencyP50Ns);
    }
  });

  test('offloading every payload costs ≥ 2% more CPU per request than adaptive', () => {
    expect(mixed['spawn-blocking'].cpuNsPerRequest).toBeGreaterThan(1.02 * mixed.adaptive.cpuNsPerRequest);
    expect(mixed['block-in-place'].cpuNsPerRequest).toBeGreaterThan(1.02 * mixed.adaptive.cpuNsPerRequest);
  });
});

describe('adaptive cutoff', () => {
  const strip = ({ strategy: _s, ...rest }: ExecutorResult) => rest;
  const workload = { ...MIXED_WORKLOAD, requests: 300 };

  test('a cutoff of 0 offloads everything: identical to spawn-blocking', () => {
    expect(strip(simulateExecutor({ strategy: 'adaptive', workload, adaptiveCutoffBytes: 0 }))).toEqual(
      strip(simulateExecutor({ strategy: 'spawn-blocking', workload })),
    );
  });

  test('an infinite cutoff offloads nothing: identical to in-task', () => {
    expect(strip(simulateExecutor({ strategy: 'adaptive', workload, adaptiveCutoffBytes: Infinity }))).toEqual(
      strip(simulateExecutor({ strategy: 'in-task', workload })),
    );
  });
});

describe('determinism', () => {
  test.each(STRATEGIES)('%s: the same options give the identical result', (strategy) => {
    const workload = { ...MIXED_WORKLOAD, requests: 300 };
    expect(simulateExecutor({ strategy, workload })).toEqual(simulateExecutor({ strategy, workload }));
  });

  test('a different workload seed gives a different result', () => {
    const a = simulateExecutor({ strategy: 'spawn', workload: { ...MIXED_WORKLOAD, requests: 300, seed: 1 } });
    const b = simulateExecutor({ strategy: 'spawn', workload: { ...MIXED_WORKLOAD, requests: 300, seed: 2 } });
    expect(a.makespanNs).not.toBe(b.makespanNs);
  });
});

describe('sanity properties', () => {
  const scenario = fc.record({
    strategy: fc.constantFrom(...STRATEGIES),
    cores: fc.integer({ min: 1, max: 8 }),
    workers: fc.integer({ min: 1, max: 8 }),
    maxBlockingThreads: fc.integer({ min: 1, max: 4 }),
    localQueueCapacity: fc.integer({ min: 1, max: 8 }),
    globalQueueInterval: fc.integer({ min: 1, max: 70 }),
    requests: fc.integer({ min: 1, max: 60 }),
    concurrency: fc.integer({ min: 1, max: 16 }),
    medianBytes: fc.integer({ min: 1, max: 2_000_000 }),
    seed: fc.integer({ min: 0, max: 1000 }),
  });

  test('CPU bounds, work conservation and latency bounds hold for any configuration', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const workload: WorkloadOptions = {
          ...DEFAULT_WORKLOAD_OPTIONS,
          requests: s.requests,
          concurrency: s.concurrency,
          payload: { kind: 'lognormal', medianBytes: s.medianBytes, sigma: 1 },
          seed: s.seed,
        };
        const runtime = {
          ...DEFAULT_RUNTIME_OPTIONS,
          cores: s.cores,
          workers: s.workers,
          maxBlockingThreads: s.maxBlockingThreads,
          localQueueCapacity: s.localQueueCapacity,
          globalQueueInterval: s.globalQueueInterval,
        };
        const result = simulateExecutor({ strategy: s.strategy, workload, runtime });
        const requests = generateRequests(workload);
        const parsing = requests.reduce((sum, r) => sum + r.sizeBytes * workload.deserializeNsPerByte, 0);
        const minLatency = Math.min(...requests.map((r) => r.latencyNs + r.sizeBytes * workload.deserializeNsPerByte));
        expect(result.requests).toBe(s.requests);
        // never more busy cores than the machine has
        expect(result.cpuUtilisationPercent).toBeLessThanOrEqual(100 * s.cores + 1e-6);
        // all parsing was done, and it could not be done faster than on every core at once
        expect(result.busyCoreNs).toBeGreaterThanOrEqual(parsing);
        expect(result.makespanNs).toBeGreaterThanOrEqual(parsing / s.cores);
        // no request beats its own network round trip plus its own parsing
        expect(result.latencyP50Ns).toBeGreaterThanOrEqual(minLatency);
        expect(result.latencyP99Ns).toBeGreaterThanOrEqual(result.latencyP50Ns);
        expect(result.makespanNs).toBeGreaterThanOrEqual(result.latencyP99Ns);
      }),
      { numRuns: 100, seed: 42 },
    );
  });

  test('one core never shows more than 100% CPU, whatever the strategy', () => {
    for (const strategy of STRATEGIES) {
      const result = simulateExecutor({
        strategy,
        runtime: { ...DEFAULT_RUNTIME_OPTIONS, cores: 1 },
        workload: { ...DEFAULT_WORKLOAD_OPTIONS, requests: 64 },
      });
      expect(result.cpuUtilisationPercent).toBeLessThanOrEqual(100 + 1e-9);
      expect(result.cpuUtilisationPercent).toBeGreaterThan(95);
    }
  });

  test('more cores never make spawn slower on the story workload', () => {
    let previous = 0;
    for (const cores of [1, 2, 4, 8, 16]) {
      const rps = simulateExecutor({
        strategy: 'spawn',
        runtime: { ...DEFAULT_RUNTIME_OPTIONS, cores, workers: cores },
      }).requestsPerSecond;
      expect(rps).toBeGreaterThan(previous);
      previous = rps;
    }
  });
});

describe('bad options', () => {
  test('an unknown strategy names the valid ones', () => {
    expect(() => simulateExecutor({ strategy: 'fast' as Strategy })).toThrow(/'fast' is not one of in-task, spawn/);
  });

  test('zero workers names the field', () => {
    expect(() => simulateExecutor({ strategy: 'spawn', runtime: { ...DEFAULT_RUNTIME_OPTIONS, workers: 0 } })).toThrow(
      "runtime 'workers' must be an integer ≥ 1, got 0",
    );
  });

  test('a negative cost names the field', () => {
    expect(() => simulateExecutor({ strategy: 'spawn', runtime: { ...DEFAULT_RUNTIME_OPTIONS, spawnNs: -1 } })).toThrow("runtime 'spawnNs'");
  });

  test('zero requests names the field', () => {
    expect(() => simulateExecutor({ strategy: 'spawn', workload: { ...DEFAULT_WORKLOAD_OPTIONS, requests: 0 } })).toThrow(
      "workload 'requests' must be an integer ≥ 1, got 0",
    );
  });

  test('the event guard stops a runaway simulation', () => {
    expect(() => simulateExecutor({ strategy: 'spawn', maxEvents: 100 })).toThrow('simulation exceeded maxEvents (100)');
  });
});
