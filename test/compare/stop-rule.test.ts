import { describe, expect, test } from 'vitest';
import { comparePaired } from '../../src/compare/compare-paired.ts';
import type { Comparison } from '../../src/compare/schema.ts';
import { isDecided, undecidedGatedIds } from '../../src/compare/stop-rule.ts';
import { bench, metric, results } from './helpers.ts';

/** A paired `unchanged` comparison, or any other verdict's fields over it. */
function comparison(fields: Record<string, unknown>): Comparison {
  return {
    id: 's/t',
    metric: 'latency-p50',
    unit: 'ns',
    direction: 'smaller',
    gate: true,
    verdict: 'unchanged',
    reason: { cause: 'not-significant' },
    baseline: { runs: 10, center: 1, cv: 0.01, observation: 'process' },
    current: { runs: 10, center: 1, cv: 0.01, observation: 'process' },
    change: { ratio: 1, metric: 0, throughput: 0 },
    interval: { method: 'hodges-lehmann', level: 0.95, ratio: [0.99, 1.02], metric: [-0.01, 0.02], throughput: [1 / 1.02 - 1, 1 / 0.99 - 1] },
    p: { test: 'signed-rank', twoSided: 0.5, worse: 0.3, better: 0.7, worseAdjusted: 0.3, betterAdjusted: 0.7 },
    noise: { model: 'within-job' },
    threshold: 0.05,
    alpha: 0.01,
    flags: [],
    design: 'paired',
    ...fields,
  } as Comparison;
}

function interval(low: number, high: number) {
  return { method: 'hodges-lehmann', level: 0.95, ratio: [low, high], metric: [low - 1, high - 1], throughput: [1 / high - 1, 1 / low - 1] };
}

describe('isDecided', () => {
  test.each(['regressed', 'improved', 'new', 'missing', 'errored'] as const)('%s is decided', (verdict) => {
    expect(isDecided(comparison({ verdict }))).toBe(true);
  });

  test.each([
    { cause: 'straddles-threshold', significant: 'worse', runsNeeded: 30 },
    { cause: 'underpowered', fromZero: false, runsNeeded: 12 },
    { cause: 'untestable', oneValuePerJob: false, minHistoryJobs: 5 },
  ])('inconclusive because $cause: more rounds can settle it, not decided', (reason) => {
    expect(isDecided(comparison({ verdict: 'inconclusive', reason }))).toBe(false);
  });

  test.each([
    { cause: 'incomparable', baselineUnit: 'ms', baselineDirection: 'smaller' },
    { cause: 'no-relative-change', significant: 'worse' },
  ])('inconclusive because $cause: more rounds cannot change it, decided', (reason) => {
    expect(isDecided(comparison({ verdict: 'inconclusive', reason }))).toBe(true);
  });

  test('unchanged with the whole interval inside ±threshold is decided; reaching past it is not', () => {
    expect(isDecided(comparison({ interval: interval(0.99, 1.02) }))).toBe(true);
    expect(isDecided(comparison({ interval: interval(0.99, 1.06) }))).toBe(false);
    expect(isDecided(comparison({ interval: interval(0.94, 1.01) }))).toBe(false);
  });

  test("the limits are the decision rule's: an interval reaching a throughput loss of the threshold is not inside", () => {
    // Latency × 1/(1 − 5%) = 1.0526… is a throughput loss of exactly 5%.
    expect(isDecided(comparison({ interval: interval(0.96, 1 / 0.95 + 1e-9) }))).toBe(false);
    expect(isDecided(comparison({ interval: interval(0.96, 1 / 0.95 - 1e-9) }))).toBe(true);
    expect(isDecided(comparison({ interval: interval(0.96, 1.04) }), 0.03)).toBe(false);
  });

  test('unchanged without an interval (no relative change exists) is decided', () => {
    expect(isDecided(comparison({ interval: null, change: null }))).toBe(true);
  });
});

describe('undecidedGatedIds', () => {
  test('each undecided gated benchmark once, in order; non-gated ones never', () => {
    const comparisons = [
      comparison({ id: 'a', verdict: 'inconclusive', reason: { cause: 'underpowered', fromZero: false, runsNeeded: 12 } }),
      comparison({ id: 'a', metric: 'other', verdict: 'inconclusive', reason: { cause: 'underpowered', fromZero: false, runsNeeded: 12 } }),
      comparison({ id: 'b', verdict: 'regressed' }),
      comparison({ id: 'c', verdict: 'inconclusive', reason: { cause: 'underpowered', fromZero: false, runsNeeded: 12 }, gate: false }),
      comparison({ id: 'd', interval: interval(0.9, 1.1) }),
    ];
    expect(undecidedGatedIds(comparisons)).toEqual(['a', 'd']);
  });

  test('on comparePaired output: a clear regression and a tight unchanged benchmark leave nothing undecided', () => {
    const base = [100, 101, 99, 102, 98, 100, 101, 99, 100, 102];
    const base2 = [50, 51, 49, 50, 50.5, 49.5, 50, 51, 49, 50];
    const head = base.map((v) => v * 1.3);
    const head2 = base2.map((v, r) => v * (1 + (r % 2 === 0 ? 0.001 : -0.001) * (r + 1)));
    const comparisons = comparePaired(
      results([bench('s/slow', metric(base)), bench('s/same', metric(base2))]),
      results([bench('s/slow', metric(head)), bench('s/same', metric(head2))]),
    );
    expect(comparisons.map((c) => c.verdict)).toEqual(['regressed', 'unchanged']);
    expect(undecidedGatedIds(comparisons)).toEqual([]);
  });
});
