import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { FormatError } from '../../src/formats/format-error.ts';
import { decodeText } from '../../src/results/decode-text.ts';
import { parseResults } from '../../src/results/parse-results.ts';
import { readResults } from '../../src/results/read-results.ts';
import type { Results } from '../../src/results/schema.ts';
import { checkValue, classifyUnit, findResultsProblem } from '../../src/results/validate-results.ts';
import { fixture, fixtureText } from '../formats/helpers.ts';

const good: Results = {
  schema: 'benchgate/results@1',
  tool: 'benchgate',
  commit: 'abc',
  ref: 'refs/heads/main',
  createdAt: '2026-11-22T10:00:00.000Z',
  seed: 3,
  environment: { cpuModel: 'cpu', cores: 2, os: 'linux', arch: 'x64', node: 'v24.1.0', runnerImage: null },
  benchmarks: [
    {
      id: 'a/one',
      state: 'completed',
      metrics: [
        { name: 'latency-p50', unit: 'ns', direction: 'smaller', gate: true, observation: 'process', runs: [10, 11], iterations: [5, 6] },
        { name: 'heap-per-iteration', unit: 'B', direction: 'smaller', gate: false, observation: 'process', runs: [0, 12] },
        { name: 'cpu-cores', unit: 'cores', direction: 'bigger', gate: false, observation: 'process', runs: [0.9, 1] },
      ],
    },
    { id: 'a/two', state: 'completed', metrics: [{ name: 'latency-p50', unit: 'ns', direction: 'smaller', gate: true, observation: 'process', runs: [7, 8] }] },
    { id: 'a/broken', state: 'errored', error: 'run 1: boom', metrics: [] },
  ],
};

function edited(edit: (results: any) => void): string {
  const copy = structuredClone(good);
  edit(copy);
  return JSON.stringify(copy);
}

function rejection(text: string): FormatError {
  try {
    parseResults(text, 'results.json');
  } catch (error: unknown) {
    expect(error).toBeInstanceOf(FormatError);
    return error as FormatError;
  }
  throw new Error('expected a FormatError');
}

describe('benchgate results files get the same value checks as adapter output', () => {
  test('a valid file parses', () => {
    expect(parseResults(JSON.stringify(good), 'results.json')).toEqual(good);
  });

  test("a shard's empty slice parses (more shards than benchmarks); a whole run with none does not", () => {
    const shard = { index: 2, count: 5, runId: null, design: 'stored', settings: {}, assigned: [] };
    const empty = { ...structuredClone(good), benchmarks: [], shard };
    expect(parseResults(JSON.stringify(empty), 'shard-2.json').shard).toEqual(shard);
    expect(() => parseResults(JSON.stringify({ ...empty, shard: undefined }), 'whole.json')).toThrow(/holds no benchmarks/);
  });

  test.each([
    ['duplicate ids', (r: any) => r.benchmarks.push(structuredClone(r.benchmarks[0])), 'benchmarks[3].id', /'a\/one' appears twice/],
    ['no benchmarks', (r: any) => (r.benchmarks = []), 'benchmarks', /holds no benchmarks/],
    ['empty runs', (r: any) => (r.benchmarks[1].metrics[0].runs = []), 'benchmarks[1].metrics[0].runs', /'a\/two', metric 'latency-p50' has no runs/],
    [
      'iterations shorter than runs',
      (r: any) => (r.benchmarks[0].metrics[0].iterations = [5]),
      'benchmarks[0].metrics[0].iterations',
      /1 iteration counts for 2 runs/,
    ],
    ['zero iterations', (r: any) => (r.benchmarks[0].metrics[0].iterations = [5, 0]), 'benchmarks[0].metrics[0].iterations[1]', /positive integer, got 0/],
    ['samples for fewer runs', (r: any) => (r.benchmarks[0].metrics[0].samples = [[1, 2]]), 'benchmarks[0].metrics[0].samples', /1 sample arrays for 2 runs/],
    [
      'a negative sample',
      (r: any) =>
        (r.benchmarks[0].metrics[0].samples = [
          [1, 2],
          [3, -4],
        ]),
      'benchmarks[0].metrics[0].samples[1][1]',
      /run 2, sample 2: -4 must be ≥ 0 \(a time\)/,
    ],
    [
      'a negative time',
      (r: any) => (r.benchmarks[1].metrics[0].runs = [7, -8]),
      'benchmarks[1].metrics[0].runs[1]',
      /'a\/two', metric 'latency-p50', run 2: -8 must be > 0 \(a time that takes part in the gate\)/,
    ],
    ['a zero gated time', (r: any) => (r.benchmarks[1].metrics[0].runs = [0, 8]), 'benchmarks[1].metrics[0].runs[0]', /run 1: 0 must be > 0/],
    ['a negative amount', (r: any) => (r.benchmarks[0].metrics[1].runs = [-1, 12]), 'benchmarks[0].metrics[1].runs[0]', /-1 must be ≥ 0 \(an amount in B\)/],
    ['a huge time', (r: any) => (r.benchmarks[1].metrics[0].runs = [7, 1.7e308]), 'benchmarks[1].metrics[0].runs[1]', /out of range/],
    ['a tiny time', (r: any) => (r.benchmarks[1].metrics[0].runs = [7, 5e-324]), 'benchmarks[1].metrics[0].runs[1]', /out of range/],
    [
      'a repeated metric',
      (r: any) => r.benchmarks[1].metrics.push(structuredClone(r.benchmarks[1].metrics[0])),
      'benchmarks[1].metrics[1].name',
      /appears twice in the benchmark/,
    ],
    ['a completed benchmark without metrics', (r: any) => (r.benchmarks[1].metrics = []), 'benchmarks[1].metrics', /completed but has no metrics/],
    [
      'an aggregate without its summary',
      (r: any) => (r.benchmarks[1].metrics[0].observation = 'aggregate'),
      'benchmarks[1].metrics[0].aggregate',
      /gives no mean/,
    ],
    [
      'an aggregate with a negative mean',
      (r: any) => Object.assign(r.benchmarks[1].metrics[0], { observation: 'aggregate', runs: [7], aggregate: { mean: -7, stddev: 1, count: 3 } }),
      'benchmarks[1].metrics[0].aggregate.mean',
      /mean: -7 must be > 0/,
    ],
  ])('%s is refused, naming the file, benchmark and field', (_name, edit, location, message) => {
    const error = rejection(edited(edit));
    expect(error.location).toBe(location);
    expect(error.message).toMatch(/^results\.json \(/);
    expect(error.message).toMatch(message);
  });

  test('the committed results files made by the runner keep parsing', async () => {
    for (const name of ['base', 'same', 'slow']) {
      const results = await readResults(fixture(`benchgate/${name}.json`));
      expect(results.benchmarks.length).toBeGreaterThan(0);
    }
  });
});

describe('classifyUnit and checkValue', () => {
  test.each([
    ['ns', 'time'],
    ['ms/op', 'time'],
    ['us/iter', 'time'],
    ['ops/s', 'rate'],
    ['MB/s', 'rate'],
    ['B/s', 'rate'],
    ['elements/s', 'rate'],
    ['B', 'amount'],
    ['B/op', 'amount'],
    ['allocs/op', 'amount'],
    ['cores', 'amount'],
    ['count', 'amount'],
    ['score', 'other'],
    ['B/req', 'amount'],
  ])('%s is a %s', (unit, kind) => {
    expect(classifyUnit(unit)).toBe(kind);
  });

  test('zero is allowed where it is a real reading', () => {
    expect(checkValue(0, { unit: 'ns', gate: false })).toBeNull();
    expect(checkValue(0, { unit: 'allocs/op', gate: true })).toBeNull();
    expect(checkValue(0, { unit: 'ops/s', gate: true })).toMatch(/must be > 0/);
    expect(checkValue(-3, { unit: 'score', gate: true })).toBeNull();
    expect(checkValue(-3, { unit: 'ms', gate: false })).toMatch(/must be ≥ 0/);
    expect(checkValue(Number.NaN, { unit: 'score', gate: true })).toMatch(/not a finite number/);
  });

  test('findResultsProblem returns null for good results', () => {
    expect(findResultsProblem(good)).toBeNull();
  });

  test('a raw sample of 0 ns (below the clock resolution) is allowed; the run itself must be > 0', () => {
    const withSamples = structuredClone(good);
    const metric = withSamples.benchmarks[0]!.metrics[0]!;
    metric.samples = [
      [0, 12, 9],
      [11, 0],
    ];
    expect(findResultsProblem(withSamples)).toBeNull();
  });
});

describe('the shared text reader', () => {
  const text = JSON.stringify(good);
  const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const utf16be = Buffer.from(utf16le);
  utf16be.swap16();

  test.each([
    ['UTF-8', Buffer.from(text)],
    ['UTF-8 with a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ['UTF-16LE with a byte order mark', utf16le],
    ['UTF-16BE with a byte order mark', utf16be],
  ])('%s is read', async (_name, bytes) => {
    expect(decodeText(bytes, 'r.json')).toBe(text);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'results-')), 'r.json');
    writeFileSync(file, bytes);
    expect(await readResults(file)).toEqual(good);
  });

  test('a byte order mark in text already decoded is dropped', () => {
    expect(parseResults(`\uFEFF${text}`, 'r.json')).toEqual(good);
  });

  test('UTF-16 without a byte order mark is refused by name', () => {
    expect(() => decodeText(Buffer.from(text, 'utf16le'), 'r.json')).toThrow(/^r\.json: looks like UTF-16 without a byte order mark/);
  });

  test('bytes that are not UTF-8 are refused with the offset', () => {
    expect(() => decodeText(Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]), 'r.json')).toThrow(/^r\.json: is not UTF-8 text \(byte 0xe9 at offset 2\)/);
  });

  test('an odd-length UTF-16 file is refused', () => {
    expect(() => decodeText(Buffer.from([0xff, 0xfe, 0x7b]), 'r.json')).toThrow(/odd number of bytes/);
  });

  test('the fixture text survives a round trip through every encoding', () => {
    const original = fixtureText('benchgate/base.json');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(original, 'utf16le')]);
    expect(decodeText(le, 'base.json')).toBe(original);
  });
});

describe('too many benchmarks are refused before any comparison', () => {
  const many = (count: number) => {
    const benchmarks = Array.from({ length: count }, (_, i) => ({
      id: `b${i}`,
      state: 'completed',
      metrics: [{ name: 't', unit: 'ns', direction: 'smaller', gate: true, observation: 'single', runs: [1] }],
    }));
    return JSON.stringify({ ...good, benchmarks });
  };

  test('100,000 benchmarks are read; 100,001 are refused as too large, naming the count and the limit', () => {
    expect(parseResults(many(100_000), 'big.json').benchmarks).toHaveLength(100_000);
    const error = rejection(many(100_001));
    expect(error.reason).toBe('too-large');
    expect(error.message).toBe(
      'results.json (benchmarks): holds 100,001 benchmarks, more than the 100,000 benchgate compares from one file; split the suite into benchmark sets or filter it',
    );
  });

  test('an adapter refuses them too, before building its benchmarks', async () => {
    const { parseToolInput } = await import('../../src/formats/index.ts');
    const text = JSON.stringify(Array.from({ length: 100_001 }, (_, i) => ({ name: `b${i}`, unit: 'ns', value: 1 })));
    expect(() => parseToolInput({ kind: 'file', path: 'custom.json', text }, 'customSmallerIsBetter')).toThrow(
      /^custom\.json \(benchmarks\): holds 100,001 benchmarks/,
    );
  });

  test.each([
    ['go', (i: number) => `BenchmarkB${i} 1000 12.5 ns/op`],
    ['cargo', (i: number) => `test b${i} ... bench: 12 ns/iter (+/- 1)`],
  ] as const)('the %s adapter stops at the 100,001st distinct name', async (tool, line) => {
    const { parseToolInput } = await import('../../src/formats/index.ts');
    const text = Array.from({ length: 100_010 }, (_, i) => line(i)).join('\n');
    expect(() => parseToolInput({ kind: 'file', path: 'out.txt', text }, tool)).toThrow(/^out\.txt \(benchmarks\): holds 100,001 benchmarks/);
  });
});
