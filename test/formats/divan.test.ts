import { describe, expect, test } from 'vitest';
import { parseDivan } from '../../src/formats/divan.ts';
import type { FormatInput } from '../../src/formats/format-input.ts';
import { detectTool, parseToolOutput } from '../../src/formats/index.ts';
import { fixture, fixtureText, metric, formatError } from './helpers.ts';

const file = (path: string, text: string): FormatInput => ({ kind: 'file', path, text });

describe('divan', () => {
  test.each(['divan/base', 'divan/base/run-1.txt', 'divan/slow/run-6.txt'])('auto-detection reads %s as divan', async (relative) => {
    expect((await parseToolOutput(fixture(relative), 'auto')).tool).toBe('divan');
  });

  test('one run: the median of each leaf in ns, ids along the tree, the byte counter as throughput', () => {
    // base/run-1.txt: "│  ├─ 500  1.541 µs │ 3.404 µs │ 1.552 µs │ 1.575 µs │ 100 │ 100" and a "1.614 GB/s" median under split_words
    const text = fixtureText('divan/base/run-1.txt');
    const results = parseDivan(file('run-1.txt', text));
    expect(results.benchmarks.map((b) => b.id)).toEqual(['fib/fib_n/500', 'fib/fib_n/1000', 'fib/text/split_words']);
    const median = (id: string) => {
      const name = id.split('/').at(-1)!;
      const row = text.split('\n').find((line) => line.includes(`─ ${name} `))!;
      const [value, unit] = row.split('│').at(3)!.trim().split(' ');
      return Number(value) * { ns: 1, µs: 1e3, ms: 1e6 }[unit as 'ns']!;
    };
    for (const id of ['fib/fib_n/500', 'fib/fib_n/1000', 'fib/text/split_words']) {
      const time = metric(results, id, 'time');
      expect(time).toMatchObject({ unit: 'ns', direction: 'smaller', gate: true, observation: 'single' });
      expect(time.runs[0]).toBeCloseTo(median(id), 6);
    }
    const rateRow = text.split('\n').find((line) => /GB\/s/.test(line))!;
    const rate = Number(rateRow.split('│')[2]!.trim().split(' ')[0]) * 1e9;
    expect(metric(results, 'fib/text/split_words', 'throughput')).toMatchObject({ unit: 'B/s', direction: 'bigger', gate: false });
    expect(metric(results, 'fib/text/split_words', 'throughput').runs[0]).toBeCloseTo(rate, 0);
    expect(metric(results, 'fib/fib_n/500', 'time').iterations).toEqual([100]);
  });

  test('a folder of six runs gives six process values per benchmark', async () => {
    const results = await parseToolOutput(fixture('divan/base'), 'divan');
    expect(metric(results, 'fib/fib_n/1000', 'time')).toMatchObject({ observation: 'process' });
    expect(metric(results, 'fib/fib_n/1000', 'time').runs).toHaveLength(6);
  });

  test('two tables in one file (two runs) give two process values; binary prefixes and ps are read', () => {
    const text = `${fixtureText('divan/base/run-1.txt')}\n${fixtureText('divan/base/run-2.txt')}`.replace('1.614 GB/s', '1.504 GiB/s');
    const results = parseDivan(file('both.txt', text));
    expect(metric(results, 'fib/fib_n/500', 'time').runs).toHaveLength(2);
    expect(metric(results, 'fib/fib_n/500', 'time').observation).toBe('process');
    const tiny = parseDivan(
      file('ps.txt', text.replace(/│ {2}├─ 500 {10}\S+ \S+ +│ \S+ \S+ +│ \S+ \S+/, '│  ├─ 500          1 ps          │ 2 ps          │ 750 ps')),
    );
    expect(metric(tiny, 'fib/fib_n/500', 'time').runs[0]).toBeCloseTo(0.75, 9);
  });

  test.each([
    ['│  ├─ 500          1.541 µs      │ 3.404 µs      │ fast          │ 1.575 µs      │ 100     │ 100', /cannot read median time "fast"/],
    ['│  ├─ 500          1.541 µs      │ 3.404 µs      │ 1.552 µs', /expected 6 columns/],
    ['│  ├─ 500          1.541 µs      │ 3.404 µs      │ 1.552 µs      │ 1.575 µs      │ 100     │ 1.5', /iters must be a whole number/],
  ])('a row it cannot read is a FormatError naming the line: %s', (row, message) => {
    const text = fixtureText('divan/base/run-1.txt').split('\n');
    text[2] = row;
    const error = formatError(() => parseDivan(file('bad.txt', text.join('\n'))));
    expect(error.message).toMatch(message);
    expect(error.location).toBe('line 3');
  });

  test('text without a divan table is refused', () => {
    expect(formatError(() => parseDivan(file('none.txt', 'Running benches/fib.rs\n'))).message).toMatch(/no divan table found/);
    expect(detectTool(file('none.txt', 'Running benches/fib.rs\n'))).toBeNull();
  });
});
