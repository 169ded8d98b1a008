import { describe, expect, test } from 'vitest';
import type { FormatInput } from '../../src/formats/format-input.ts';
import { detectTool, parseToolInput, parseToolOutput } from '../../src/formats/index.ts';
import { parseVitest5 } from '../../src/formats/vitest5.ts';
import { benchmark, fixture, fixtureJson, fixtureText, metric, formatError } from './helpers.ts';

const file = (path: string, text: string): FormatInput => ({ kind: 'file', path, text });
const IDS = ['fib > n=500 vs n=1000 > n=1000', 'fib > n=500 vs n=1000 > n=500', 'text > split > split <em>words</em>'];

describe('Vitest 5 (JSON reporter with benchmark results)', () => {
  test.each(['vitest5/base.json', 'vitest5/slow.json'])('auto-detection reads %s as vitest', async (relative) => {
    expect(detectTool(file(relative, fixtureText(relative)))).toBe('vitest');
    expect((await parseToolOutput(fixture(relative), 'auto')).tool).toBe('vitest');
  });

  test("tool 'vitest' reads both Vitest 4's --outputJson and Vitest 5's reporter output", () => {
    expect(
      parseToolInput(file('v5.json', fixtureText('vitest5/base.json')), 'vitest')
        .benchmarks.map((b) => b.id)
        .sort(),
    ).toEqual(IDS);
    expect(parseToolInput(file('v4.json', fixtureText('vitest/base.json')), 'vitest').benchmarks).toHaveLength(3);
  });

  test('retained latency samples become sample observations in ns; the start time is kept', () => {
    const json = fixtureJson('vitest5/base.json');
    const results = parseVitest5(file('base.json', fixtureText('vitest5/base.json')));
    // Vitest lists a comparison's tasks fastest first
    const task = json.testResults[0].assertionResults[0].benchmarks[0].tasks.find((t: any) => t.name === 'n=1000');
    expect(metric(results, IDS[0]!, 'time')).toMatchObject({
      unit: 'ns',
      direction: 'smaller',
      gate: true,
      observation: 'sample',
      runs: task.latency.samples.map((ms: number) => ms * 1e6),
    });
    expect(results.createdAt).toBe(new Date(json.startTime).toISOString());
  });

  test('without retainSamples, mean, sd and samplesCount become an aggregate', () => {
    const json = fixtureJson('vitest5/base.json');
    const latency = json.testResults[0].assertionResults[1].benchmarks[0].tasks[0].latency;
    for (const t of json.testResults) for (const a of t.assertionResults) for (const b of a.benchmarks) for (const k of b.tasks) delete k.latency.samples;
    const results = parseVitest5(file('nosamples.json', JSON.stringify(json)));
    expect(metric(results, IDS[2]!, 'time')).toMatchObject({
      observation: 'aggregate',
      aggregate: { mean: latency.mean * 1e6, stddev: latency.sd * 1e6, count: latency.samplesCount },
    });
  });

  test('a failed test makes its benchmarks errored, with the first line of its failure; stored tasks are skipped', () => {
    const json = fixtureJson('vitest5/base.json');
    const failed = json.testResults[0].assertionResults[1];
    failed.status = 'failed';
    failed.failureMessages = ['AssertionError: expected 5 to be greater than 10\n    at file.bench.mjs:3:1'];
    json.testResults[0].assertionResults[0].benchmarks[0].tasks.find((t: any) => t.name === 'n=500').fromStore = true;
    const results = parseVitest5(file('failed.json', JSON.stringify(json)));
    expect(benchmark(results, IDS[2]!)).toMatchObject({ state: 'errored', error: 'AssertionError: expected 5 to be greater than 10' });
    expect(results.benchmarks.map((b) => b.id).sort()).toEqual([IDS[0], IDS[2]]);
  });

  test.each([
    [
      (j: any) => {
        j.testResults[0].assertionResults[0].benchmarks[0].tasks[0].latency.samples[2] = -1;
      },
      /≥ 0/,
      'testResults[0].assertionResults[0].benchmarks[0].tasks[0].latency.samples[2]',
    ],
    [
      (j: any) => {
        delete j.testResults[0].assertionResults[0].benchmarks[0].tasks[0].latency;
      },
      /expected an object/,
      'testResults[0].assertionResults[0].benchmarks[0].tasks[0].latency',
    ],
    [
      (j: any) => {
        for (const a of j.testResults[0].assertionResults) a.benchmarks = [];
      },
      /no benchmark results/,
      'testResults',
    ],
  ])('bad input is a FormatError naming the field (%#)', (edit, message, location) => {
    const json = fixtureJson('vitest5/base.json');
    edit(json);
    const error = formatError(() => parseVitest5(file('bad.json', JSON.stringify(json))));
    expect(error.message).toMatch(message);
    expect(error.location).toBe(location);
  });
});
