import { describe, expect, test } from 'vitest';
import { describeHeadline } from '../../src/report/describe-headline.ts';
import { describeGateFailure } from '../../src/report/describe-reason.ts';
import { comparison, report } from './fixtures.ts';

const plain = (text: string) => text;

describe('the headline is the decision, in the words of the outputs', () => {
  test('gated regressions, worst first, each with its change in its own terms and its interval', () => {
    const headline = describeHeadline(
      report([
        comparison({ id: 'layout/layout-model', metric: 'result-size', unit: 'B', verdict: 'regressed', ratio: [4, 3.8, 4.2] }),
        comparison({ id: 'layout/ddsplit-replay', verdict: 'regressed', ratio: [1.25, 1.22, 1.28] }),
      ]),
      plain,
    );
    expect(headline).toEqual({
      icon: '❌',
      text: 'fail: 2 regressions, 0 improvements — layout/layout-model result size ×4.0 (95% CI ×3.8 … ×4.2); layout/ddsplit-replay throughput −20.0% (95% CI −21.9% … −18.0%)',
    });
  });

  test('an exact change (a deterministic metric) is not given a confidence level', () => {
    const headline = describeHeadline(
      report([comparison({ id: 'layout/ddsplit-replay', metric: 'bytes-copied', unit: 'B/req', verdict: 'regressed', ratio: [4, 4, 4], method: 'exact' })]),
      plain,
    );
    expect(headline.text).toBe('fail: 1 regression, 0 improvements — layout/ddsplit-replay bytes copied ×4.0');
  });

  test('more than 3 regressions: the 3 worst, and how many more', () => {
    const many = Array.from({ length: 5 }, (_, index) =>
      comparison({ id: `s/t${index}`, verdict: 'regressed', ratio: [1.1 + index / 10, 1.09 + index / 10, 1.11 + index / 10] }),
    );
    expect(describeHeadline(report(many), plain).text).toMatch(/^fail: 5 regressions, 0 improvements — s\/t4 .*; s\/t3 .*; s\/t2 .*; and 2 more$/);
  });

  test('a gated inconclusive is counted, and the gate still passes', () => {
    expect(describeHeadline(report([comparison({ id: 'a', verdict: 'inconclusive' })]), plain)).toEqual({
      icon: '✅',
      text: 'pass: 0 regressions, 0 improvements, 1 inconclusive',
    });
  });
});

describe('the gate line names each change in its own terms', () => {
  test('a size regression is a size change, a timing regression a throughput change', () => {
    const failed = report([
      comparison({ id: 'layout/layout-model', metric: 'result-size', unit: 'B', verdict: 'regressed', ratio: [4, 3.8, 4.2] }),
      comparison({ id: 'layout/ddsplit-replay', verdict: 'regressed', ratio: [1.25, 1.22, 1.28] }),
    ]);
    expect(failed.gate.failed).toBe(true);
    const line = describeGateFailure(failed);
    expect(line).toContain('layout/layout-model result-size (result size ×4.0)');
    expect(line).toContain('layout/ddsplit-replay latency-p50 (throughput −20.0%)');
    expect(line).not.toMatch(/result-size \(throughput/);
  });
});
