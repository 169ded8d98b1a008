import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { FormatError } from '../../src/formats/format-error.ts';
import { parseResults } from '../../src/results/parse-results.ts';
import { readResults, writeResults } from '../../src/results/read-results.ts';
import type { Results } from '../../src/results/schema.ts';

const results: Results = {
  schema: 'benchgate/results@1',
  tool: 'benchgate',
  commit: 'abc',
  ref: 'refs/heads/main',
  createdAt: '2026-11-22T10:00:00.000Z',
  seed: 3,
  environment: { cpuModel: 'cpu', cores: 2, os: 'linux', arch: 'x64', node: 'v24.1.0', runnerImage: null },
  benchmarks: [
    {
      id: 'layout/ddsplit-replay',
      state: 'completed',
      metrics: [{ name: 'latency-p50', unit: 'ns', direction: 'smaller', gate: true, observation: 'process', runs: [10, 11] }],
    },
    { id: 'layout/broken', state: 'errored', error: 'run 1: boom', metrics: [] },
  ],
};

function rejection(text: string): FormatError {
  try {
    parseResults(text, 'results.json');
  } catch (error: unknown) {
    expect(error).toBeInstanceOf(FormatError);
    return error as FormatError;
  }
  throw new Error('expected a FormatError');
}

describe('results file', () => {
  test('round-trips through write and read unchanged', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'results-')), 'r.json');
    await writeResults(file, results);
    expect(await readResults(file)).toEqual(results);
    expect(readFileSync(file, 'utf8').endsWith('\n')).toBe(true);
  });

  test('a missing file is an error naming it', async () => {
    await expect(readResults('/nonexistent/r.json')).rejects.toThrow(/\/nonexistent\/r\.json: cannot read/);
  });

  test('malformed JSON names the file', () => {
    expect(rejection('{"schema": ').message).toMatch(/^results\.json: not valid JSON/);
  });

  test('another schema is refused, naming the field', () => {
    const error = rejection(JSON.stringify({ ...results, schema: 'something/else@1' }));
    expect(error.message).toBe(`results.json (schema): expected schema 'benchgate/results@1', got "something/else@1"`);
    expect(error.reason).toBe('invalid');
  });

  test('a newer schema is refused as newer', () => {
    const error = rejection(JSON.stringify({ ...results, schema: 'benchgate/results@2' }));
    expect(error.reason).toBe('newer-schema');
    expect(error.message).toMatch(/newer than this benchgate reads/);
  });

  test('a wrong field names its JSON path', () => {
    const bad = structuredClone(results) as unknown as { benchmarks: { metrics: { runs: unknown[] }[] }[] };
    bad.benchmarks[0]!.metrics[0]!.runs[1] = 'fast';
    expect(rejection(JSON.stringify(bad)).location).toBe('benchmarks[0].metrics[0].runs[1]');
  });

  test('a non-finite number is refused', () => {
    const bad = JSON.stringify(results).replace('[10,11]', '[10,1e999]');
    expect(rejection(bad).location).toBe('benchmarks[0].metrics[0].runs[1]');
  });

  test('an unknown direction is refused', () => {
    const bad = JSON.stringify(results).replace('"smaller"', '"faster"');
    expect(rejection(bad).location).toBe('benchmarks[0].metrics[0].direction');
  });
});
