import { describe, expect, test } from 'vitest';
import { compareResults } from '../../src/compare/compare-results.ts';
import { createReport } from '../../src/compare/create-report.ts';
import { decideGate } from '../../src/compare/decide-gate.ts';
import { ComparisonSchema, ReportSchema, type Comparison } from '../../src/compare/schema.ts';
import { summarizeVerdicts } from '../../src/compare/summarize-verdicts.ts';
import { bench, ENVIRONMENT, metric, noisyRuns, results } from './helpers.ts';

const REASONS: Record<Comparison['verdict'], unknown> = {
  regressed: { cause: 'beyond-threshold' },
  improved: { cause: 'beyond-threshold' },
  unchanged: { cause: 'not-significant' },
  inconclusive: { cause: 'straddles-threshold', significant: 'worse', runsNeeded: null },
  new: { cause: 'added' },
  missing: { cause: 'not-in-current' },
  errored: { cause: 'errored', side: 'current', message: 'boom' },
};

function comparison(overrides: Record<string, unknown>): Comparison {
  const verdict = (overrides['verdict'] ?? 'unchanged') as Comparison['verdict'];
  const side = { runs: 10, center: 100, cv: 0.01, observation: 'process' };
  return ComparisonSchema.parse({
    id: 'suite/task',
    metric: 'latency-p50',
    unit: 'ns',
    direction: 'smaller',
    gate: true,
    verdict,
    reason: REASONS[verdict],
    baseline: verdict === 'new' ? null : side,
    current: verdict === 'missing' ? null : side,
    change: { ratio: 1.25, metric: 0.25, throughput: -0.2 },
    interval: null,
    p: { test: 'mann-whitney', twoSided: 0.001, worse: 0.0005, better: 1, worseAdjusted: 0.001, betterAdjusted: 1 },
    noise: { model: 'within-job' },
    threshold: 0.05,
    alpha: 0.01,
    flags: [],
    ...overrides,
  });
}

const mismatch = { kind: 'fingerprint-mismatch' as const, side: 'both' as const, differences: [{ field: 'cores' as const, baseline: '2', current: '4' }] };

describe('decideGate', () => {
  test('a gated regression fails, naming it and the throughput change', () => {
    const gate = decideGate([comparison({ verdict: 'regressed' }), comparison({ id: 'other' })]);
    expect(gate.failed).toBe(true);
    expect(gate.blocking).toEqual([{ id: 'suite/task', metric: 'latency-p50' }]);
  });

  test('an ungated regression does not fail', () => {
    expect(decideGate([comparison({ verdict: 'regressed', gate: false })]).failed).toBe(false);
  });

  test('inconclusive fails only under fail-on: inconclusive', () => {
    const list = [comparison({ verdict: 'inconclusive' })];
    expect(decideGate(list).failed).toBe(false);
    expect(decideGate(list, { failOn: 'inconclusive' }).failed).toBe(true);
  });

  test('fail-on: never never fails but says what it let through', () => {
    const gate = decideGate([comparison({ verdict: 'regressed' })], { failOn: 'never' });
    expect(gate.failed).toBe(false);
    expect(gate.ignored).toEqual([{ id: 'suite/task', metric: 'latency-p50' }]);
  });

  test('advisory: a regression measured on another machine warns but does not fail', () => {
    const gate = decideGate([comparison({ verdict: 'regressed', flags: [mismatch] })], { fingerprintMismatch: 'advisory' });
    expect(gate.failed).toBe(false);
    expect(gate.advisory).toHaveLength(1);
    expect(gate.blocking).toEqual([]);
  });

  test('warn: it fails, with a warning', () => {
    const gate = decideGate([comparison({ verdict: 'regressed', flags: [mismatch] })], { fingerprintMismatch: 'warn' });
    expect(gate.failed).toBe(true);
    expect(gate.advisory).toEqual([]);
    expect(gate.blocking).toHaveLength(1);
  });

  test('a benchmark erroring in the current run fails; one fixed since the baseline does not', () => {
    expect(decideGate([comparison({ verdict: 'errored', reason: { cause: 'errored', side: 'current', message: 'boom' } })]).failed).toBe(true);
    expect(decideGate([comparison({ verdict: 'errored', reason: { cause: 'errored', side: 'baseline', message: 'boom' } })]).failed).toBe(false);
  });
});

test('summarizeVerdicts counts every verdict, gated and not gated apart', () => {
  const summary = summarizeVerdicts([
    comparison({ verdict: 'regressed' }),
    comparison({ verdict: 'regressed' }),
    comparison({}),
    comparison({ verdict: 'improved', gate: false }),
  ]);
  expect(summary.gated).toEqual({ regressed: 2, improved: 0, unchanged: 1, inconclusive: 0, new: 0, missing: 0, errored: 0 });
  expect(summary.notGated).toEqual({ regressed: 0, improved: 1, unchanged: 0, inconclusive: 0, new: 0, missing: 0, errored: 0 });
});

describe('createReport', () => {
  test('assembles a valid benchgate/report@2 with summary, gate and settings', () => {
    const base = results([bench('suite/task', metric(noisyRuns(10, 1000, 0.02, 1)))]);
    const cur = results([bench('suite/task', metric(noisyRuns(10, 1250, 0.02, 2)))], { commit: 'b'.repeat(40), environment: ENVIRONMENT });
    const options = { seed: 7, interval: 'bootstrap' as const, resamples: 300 };
    const comparisons = compareResults(base, cur, options);
    const report = createReport({
      benchmarkSet: 'default',
      baseline: base,
      baselineChoice: null,
      current: cur,
      options,
      comparisons,
      gate: { failOn: 'regression' },
      reproduce: 'benchgate compare base.json cur.json --seed 7',
    });
    expect(ReportSchema.parse(report)).toEqual(report);
    expect(report.summary.gated.regressed).toBe(1);
    expect(report.gate.failed).toBe(true);
    expect(report.settings).toMatchObject({ seed: 7, interval: 'bootstrap', resamples: 300, threshold: 0.05, alpha: 0.01 });
    expect(report.current.commit).toBe('b'.repeat(40));
  });

  test('with no baseline the gate does not fail', () => {
    const cur = results([bench('suite/task', metric([1, 2, 3]))]);
    const report = createReport({
      benchmarkSet: 'default',
      baseline: null,
      baselineChoice: null,
      current: cur,
      options: {},
      comparisons: compareResults(null, cur),
      gate: {},
      reproduce: '',
    });
    expect(ReportSchema.parse(report).gate.failed).toBe(false);
    expect(report.summary.gated.new).toBe(1);
  });
});
