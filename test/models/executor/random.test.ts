import { describe, expect, test } from 'vitest';
import { MIXED_PAYLOADS, DEFAULT_WORKLOAD_OPTIONS, createRandom, generateRequests, sampleLognormal, samplePareto } from '../../../src/models/executor/index.ts';

describe('createRandom', () => {
  test('the same seed gives the same sequence; another seed another', () => {
    const a = createRandom(3);
    const b = createRandom(3);
    const c = createRandom(4);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });

  test('uniform values lie in [0, 1) with mean ≈ 1/2 and variance ≈ 1/12', () => {
    const random = createRandom(11);
    const n = 100_000;
    let sum = 0;
    let squares = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = random.next();
      if (x < 0 || x >= 1) outside++;
      sum += x;
      squares += x * x;
    }
    const mean = sum / n;
    expect(outside).toBe(0);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(squares / n - mean * mean).toBeCloseTo(1 / 12, 2);
  });

  test('int(n) covers 0..n-1 evenly', () => {
    const random = createRandom(5);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[random.int(4)]!++;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(400);
  });

  test('normal deviates have mean ≈ 0 and standard deviation ≈ 1', () => {
    const random = createRandom(9);
    const xs = Array.from({ length: 50_000 }, () => random.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(sd - 1)).toBeLessThan(0.02);
  });
});

describe('size distributions', () => {
  test('a lognormal sample has the requested median', () => {
    const random = createRandom(1);
    const xs = Array.from({ length: 20_001 }, () => sampleLognormal(random, 1000, 1)).sort((a, b) => a - b);
    expect(Math.abs(xs[10_000]! / 1000 - 1)).toBeLessThan(0.05);
  });

  test('a Pareto sample never falls below its scale and has median x_m·2^(1/α)', () => {
    const random = createRandom(2);
    const xs = Array.from({ length: 20_001 }, () => samplePareto(random, 100, 1.5)).sort((a, b) => a - b);
    expect(xs[0]!).toBeGreaterThanOrEqual(100);
    expect(Math.abs(xs[10_000]! / (100 * 2 ** (1 / 1.5)) - 1)).toBeLessThan(0.05);
  });

  test('the mixed workload has about 10% large payloads, each at least 256 KiB', () => {
    const requests = generateRequests({ ...DEFAULT_WORKLOAD_OPTIONS, requests: 10_000, payload: MIXED_PAYLOADS });
    const large = requests.filter((r) => r.sizeBytes >= 256 << 10).length;
    expect(large).toBeGreaterThan(850);
    expect(large).toBeLessThan(1150);
    expect(Math.max(...requests.map((r) => r.sizeBytes))).toBeLessThanOrEqual(16 << 20);
  });

  test('generateRequests is a pure function of its options', () => {
    expect(generateRequests(DEFAULT_WORKLOAD_OPTIONS)).toEqual(generateRequests(DEFAULT_WORKLOAD_OPTIONS));
  });
});
