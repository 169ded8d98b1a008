import { describe, expect, test } from 'vitest';
import { compareResults } from '../../src/compare/compare-results.ts';
import { createReport } from '../../src/compare/create-report.ts';
import { decideGate } from '../../src/compare/decide-gate.ts';
import { ReportSchema, type Comparison } from '../../src/compare/schema.ts';
import { summarizeVerdicts } from '../../src/compare/summarize-verdicts.ts';
import { bench, ENVIRONMENT, metric, noisyRuns, results } from './helpers.ts';

function comparison(overrides: Partial<Comparison>): Comparison {
  return {
    id: 'suite/task',
    metric: 'latency-p50',
    unit: 'ns',
    direction: 'smaller',
    gate: true,
    verdict: 'unchanged',
    reason: '',
    baseline: null,
    current: null,
    change: { ratio: 1.25, metric: 0.25, throughput: -0.2 },
    interval: null,
    p: null,
    threshold: 0.05,
    alpha: 0.01,
    flags: [],
    runsNeeded: null,
    ...overrides,
  };
}

const mismatch = { kind: 'fingerprint-mismatch' as const, side: 'both' as const, message: 'cores 2 → 4' };

describe('decideGate', () => {
  test('a gated regression fails, naming it and the throughput change', () => {
    const gate = decideGate([comparison({ verdict: 'regressed' }), comparison({ id: 'other' })]);
    expect(gate.failed).toBe(true);
    expect(gate.reasons).toEqual(['1 regression: suite/task latency-p50 (throughput −20.0%)']);
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
    expect(gate.warnings![0]).toMatch(/fail-on is 'never'/);
  });

  test('advisory: a regression measured on another machine warns but does not fail', () => {
    const gate = decideGate([comparison({ verdict: 'regressed', flags: [mismatch] })], { fingerprintMismatch: 'advisory' });
    expect(gate.failed).toBe(false);
    expect(gate.warnings![0]).toMatch(/different machine/);
  });

  test('warn: it fails, with a warning', () => {
    const gate = decideGate([comparison({ verdict: 'regressed', flags: [mismatch] })], { fingerprintMismatch: 'warn' });
    expect(gate.failed).toBe(true);
    expect(gate.warnings![0]).toMatch(/different machine/);
  });

  test('a benchmark erroring in the current run fails; one fixed since the baseline does not', () => {
    expect(decideGate([comparison({ verdict: 'errored', error: { side: 'current', message: 'boom' } })]).failed).toBe(true);
    expect(decideGate([comparison({ verdict: 'errored', error: { side: 'baseline', message: 'boom' } })]).failed).toBe(false);
  });
});

test('summarizeVerdicts counts every verdict', () => {
  const summary = summarizeVerdicts([comparison({ verdict: 'regressed' }), comparison({ verdict: 'regressed' }), comparison({})]);
  expect(summary).toEqual({ regressed: 2, improved: 0, unchanged: 1, inconclusive: 0, new: 0, missing: 0, errored: 0 });
});

describe('createReport', () => {
  test('assembles a valid benchgate/report@1 with summary, gate and settings', () => {
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
    expect(report.summary.regressed).toBe(1);
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
    expect(report.summary.new).toBe(1);
  });
});
