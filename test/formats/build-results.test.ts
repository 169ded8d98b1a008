import { describe, expect, test } from 'vitest';
import { makeAggregateMetric, type ReportedNumber } from '../../src/formats/build-results.ts';
import { FormatError } from '../../src/formats/format-error.ts';
import { parsePytest } from '../../src/formats/pytest.ts';

const at = (value: number, name: string): ReportedNumber => ({ value, name, location: `$.stats.${name}` });

describe('makeAggregateMetric', () => {
  test('keeps the mean as the one value and the summary beside it', () => {
    const metric = makeAggregateMetric('time', 'ns', at(1200, 'mean'), at(30, 'stddev'), at(10, 'rounds'), true, 'out.json');
    expect(metric).toEqual({
      name: 'time',
      unit: 'ns',
      direction: 'smaller',
      gate: true,
      observation: 'aggregate',
      runs: [1200],
      aggregate: { mean: 1200, stddev: 30, count: 10 },
    });
  });

  test.each([
    ['a fractional count', at(2.5, 'rounds'), at(30, 'stddev'), /out\.json \(\$\.stats\.rounds\): rounds must be a positive integer, got 2\.5/],
    ['a zero count', at(0, 'rounds'), at(30, 'stddev'), /rounds must be a positive integer, got 0/],
    ['a negative standard deviation', at(10, 'rounds'), at(-1, 'stddev'), /out\.json \(\$\.stats\.stddev\): stddev must be a finite number ≥ 0, got -1/],
    ['an infinite standard deviation', at(10, 'rounds'), at(Infinity, 'stddev'), /stddev must be a finite number ≥ 0, got Infinity/],
  ])('refuses %s, naming the field', (_, count, stddev, message) => {
    const make = () => makeAggregateMetric('time', 'ns', at(1200, 'mean'), stddev, count, true, 'out.json');
    expect(make).toThrow(FormatError);
    expect(make).toThrow(message);
  });

  test('a parser passes its field names through: pytest without raw data', () => {
    const text = JSON.stringify({
      benchmarks: [{ fullname: 'test_x.py::test_fib', stats: { mean: 1e-6, stddev: -1e-8, rounds: 5 } }],
    });
    expect(() => parsePytest({ kind: 'file', path: 'bench.json', text })).toThrow(
      /bench\.json \(benchmarks\[0\]\.stats\.stddev\): stddev must be a finite number ≥ 0, got -10/,
    );
  });
});
