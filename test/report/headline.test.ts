import { describe, expect, test } from 'vitest';
import { describeHeadline } from '../../src/report/describe-headline.ts';
import { comparison, report } from './fixtures.ts';

const plain = (text: string) => text;

describe('the headline names the regression a reviewer cares about', () => {
  test('a gated timing is preferred over a larger move of a derived metric, and its CI is shown', () => {
    const headline = describeHeadline(
      report([
        comparison({ id: 'layout/layout-model', metric: 'result-size', unit: 'B', verdict: 'regressed', ratio: [2000, 2000, 2000], method: 'exact' }),
        comparison({ id: 'layout/ddsplit-replay', verdict: 'regressed', ratio: [1.25, 1.22, 1.28] }),
      ]),
      plain,
    );
    expect(headline[0]!.text).toBe('2 regressions (throughput −20.0% on layout/ddsplit-replay, 95% CI −21.9% … −18.0%)');
  });

  test('an exact change (a deterministic metric) is not given a confidence level', () => {
    const headline = describeHeadline(
      report([comparison({ id: 'layout/ddsplit-replay', metric: 'bytes-copied', unit: 'B/req', verdict: 'regressed', ratio: [4, 4, 4], method: 'exact' })]),
      plain,
    );
    expect(headline[0]!.text).toBe('1 regression (throughput −75.0% on layout/ddsplit-replay)');
  });
});
