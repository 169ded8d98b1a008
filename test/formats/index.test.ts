import { mkdtempSync, mkdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { FormatError } from '../../src/formats/format-error.ts';
import { AUTO_TOOLS, detectTool, FORMAT_TOOLS, parseToolInput, parseToolOutput } from '../../src/formats/index.ts';
import { fixture, fixtureText, median } from './helpers.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'benchgate-formats-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('auto-detection', () => {
  test.each([
    ['benchgate/base.json', 'benchgate'],
    ['criterion/base', 'criterion'],
    ['cargo/base', 'cargo'],
    ['cargo/base/run-1.txt', 'cargo'],
    ['googlecpp/repetitions-base.json', 'googlecpp'],
    ['googlecpp/aggregates-base.json', 'googlecpp'],
    ['go/count-base.txt', 'go'],
    ['pytest/base.json', 'pytest'],
    ['pytest/stats-only.json', 'pytest'],
    ['hyperfine/base.json', 'hyperfine'],
    ['vitest/base.json', 'vitest'],
    ['catch2/base.xml', 'catch2'],
    ['jmh/base.json', 'jmh'],
    ['benchmarkdotnet/base.json', 'benchmarkdotnet'],
    ['benchmarkdotnet/brief-base.json', 'benchmarkdotnet'],
    ['callgrind/base', 'callgrind'],
    ['iai-callgrind/iai-home', 'iai-callgrind'],
    ['iai-callgrind/base/summary', 'iai-callgrind'],
    ['iai-callgrind/base/terminal/run-1.txt', 'iai-callgrind'],
  ])('%s is read as %s', async (relative, tool) => {
    const results = await parseToolOutput(fixture(relative), 'auto');
    expect(results.tool).toBe(tool);
  });

  test('our own results file is recognised', async () => {
    const results = await parseToolOutput(fixture('go/count-base.txt'), 'go');
    const file = path.join(scratch, 'results.json');
    writeFileSync(file, JSON.stringify(results));
    expect((await parseToolOutput(file, 'auto')).tool).toBe('go');
    expect(detectTool({ kind: 'file', path: file, text: JSON.stringify(results) })).toBe('benchgate');
  });

  test('an unknown file names every format tried', () => {
    let caught: unknown;
    try {
      parseToolInput({ kind: 'file', path: 'mystery.txt', text: 'hello' }, 'auto');
    } catch (error: unknown) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FormatError);
    for (const tool of AUTO_TOOLS) expect((caught as Error).message).toContain(tool);
    expect((caught as Error).message).toMatch(/^mystery\.txt: could not recognise/);
  });

  test('custom JSON is never guessed, but the message says which tool to set', () => {
    expect(() => parseToolInput({ kind: 'file', path: 'c.json', text: fixtureText('custom/base-smaller.json') }, 'auto')).toThrow(
      /customSmallerIsBetter or customBiggerIsBetter/,
    );
  });

  test('every tool has an adapter and auto leaves out only the custom formats', () => {
    expect(FORMAT_TOOLS.filter((tool) => !AUTO_TOOLS.includes(tool))).toEqual(['customSmallerIsBetter', 'customBiggerIsBetter']);
  });
});

describe('reading from disk', () => {
  test('a file over the bound is refused by its size, without reading it', async () => {
    const huge = path.join(scratch, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, 201 * 1024 * 1024); // sparse: no disk used, and never read
    const error = await parseToolOutput(huge, 'auto').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FormatError);
    expect(error).toMatchObject({ reason: 'too-large', file: huge });
    expect((error as Error).message).toMatch(/201\.0 MB, over the 200\.0 MB limit; not read/);
  });

  test('a folder whose files together pass the bound is refused', async () => {
    await expect(parseToolOutput(fixture('cargo/base'), 'cargo', {}, { maxBytes: 100 })).rejects.toMatchObject({ reason: 'too-large' });
  });

  test('criterion folders are read for new/ data only: base/, report/ and stray files are ignored', async () => {
    const root = path.join(scratch, 'criterion');
    mkdirSync(path.join(root, 'g', 'new'), { recursive: true });
    mkdirSync(path.join(root, 'g', 'base'), { recursive: true });
    mkdirSync(path.join(root, 'report'), { recursive: true });
    writeFileSync(path.join(root, 'g', 'new', 'benchmark.json'), '{"full_id":"g/x"}');
    writeFileSync(path.join(root, 'g', 'new', 'sample.json'), '{"iters":[1,2],"times":[10,30]}');
    writeFileSync(path.join(root, 'g', 'base', 'benchmark.json'), 'not json');
    writeFileSync(path.join(root, 'report', 'index.html'), '<html>');
    const results = await parseToolOutput(root, 'auto', { commit: 'c0ffee', ref: 'refs/heads/x', createdAt: '2026-01-02T03:04:05Z' });
    expect(results).toMatchObject({ tool: 'criterion', commit: 'c0ffee', ref: 'refs/heads/x', createdAt: '2026-01-02T03:04:05.000Z' });
    expect(results.benchmarks[0]!.metrics[0]!.runs).toEqual([10, 15]);
  });

  test('a folder of hyperfine files is one process run per file: the median of its times', async () => {
    const root = path.join(scratch, 'hyperfine-runs');
    mkdirSync(root, { recursive: true });
    writeFileSync(path.join(root, '1.json'), fixtureText('hyperfine/base.json'));
    writeFileSync(path.join(root, '2.json'), fixtureText('hyperfine/same.json'));
    const results = await parseToolOutput(root, 'auto');
    const times = (name: string) => JSON.parse(fixtureText(name)).results[0].times.map((t: number) => t * 1e9);
    const loop = results.benchmarks.find((b) => b.id === 'loop')!.metrics[0]!;
    expect(loop).toMatchObject({ observation: 'process', samples: [times('hyperfine/base.json'), times('hyperfine/same.json')] });
    expect(loop.runs).toEqual([median(times('hyperfine/base.json')), median(times('hyperfine/same.json'))]);
  });

  test('a folder of vitest files from different tools is refused, naming the odd file', async () => {
    const root = path.join(scratch, 'mixed');
    mkdirSync(root, { recursive: true });
    writeFileSync(path.join(root, 'a.json'), fixtureText('vitest/base.json'));
    writeFileSync(path.join(root, 'b.json'), fixtureText('hyperfine/base.json'));
    await expect(parseToolOutput(root, 'auto')).rejects.toThrow(/b\.json: is 'hyperfine' output but .*a\.json is 'vitest'/);
  });

  test('a missing path is a FormatError naming it', async () => {
    const missing = path.join(scratch, 'nope.json');
    await expect(parseToolOutput(missing, 'auto')).rejects.toThrow(new RegExp(`^${missing.replaceAll('/', '\\/')}: cannot read`));
  });

  test('a folder given to a file format is read file by file, and the first bad file is named', async () => {
    await expect(parseToolOutput(fixture('criterion/base'), 'hyperfine')).rejects.toThrow(
      /criterion\/base\/fib\/iter_1000\/new\/benchmark\.json \(results\): expected an array, got nothing/,
    );
  });
});
