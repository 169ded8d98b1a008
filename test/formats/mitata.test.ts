import { describe, expect, test } from 'vitest';
import { FormatError } from '../../src/formats/format-error.ts';
import type { FormatInput } from '../../src/formats/format-input.ts';
import { detectTool, parseToolOutput } from '../../src/formats/index.ts';
import { parseMitata } from '../../src/formats/mitata.ts';
import { benchmark, fixture, fixtureJson, fixtureText, metric } from './helpers.ts';

const file = (path: string, text: string): FormatInput => ({ kind: 'file', path, text });

describe('mitata', () => {
  test.each(['mitata/base.json', 'mitata/same.json', 'mitata/slow.json'])('auto-detection reads %s as mitata', async (relative) => {
    expect(detectTool(file(relative, fixtureText(relative)))).toBe('mitata');
    expect((await parseToolOutput(fixture(relative), 'auto')).tool).toBe('mitata');
  });

  test('every sample of every run is kept in ns, and ids carry the group name', () => {
    const json = fixtureJson('mitata/base.json');
    const results = parseMitata(file('base.json', fixtureText('mitata/base.json')));
    expect(results.benchmarks.map((b) => b.id)).toEqual(['fib/fib 500', 'fib/fib 1000', 'text/split <em>words</em>']);
    const raw = json.benchmarks[0].runs[0].stats;
    expect(metric(results, 'fib/fib 500', 'time')).toMatchObject({
      unit: 'ns',
      direction: 'smaller',
      gate: true,
      observation: 'sample',
      runs: raw.samples,
    });
    expect(results.createdAt).toBe(new Date(json.context.now).toISOString());
  });

  test('a benchmark with .args() gives one benchmark per argument, named as mitata names the run', () => {
    const json = fixtureJson('mitata/args.json');
    const results = parseMitata(file('args.json', fixtureText('mitata/args.json')));
    expect(results.benchmarks.map((b) => b.id)).toEqual(['fib/fib 100000', 'fib/fib 200000']);
    expect(metric(results, 'fib/fib 200000', 'time').runs).toEqual(json.benchmarks[0].runs[1].stats.samples);
  });

  test('without samples (json: { samples: false }) the mean is one single value', () => {
    const json = fixtureJson('mitata/base.json');
    for (const trial of json.benchmarks) for (const run of trial.runs) run.stats.samples = null;
    const results = parseMitata(file('nosamples.json', JSON.stringify(json)));
    expect(metric(results, 'fib/fib 1000', 'time')).toMatchObject({ observation: 'single', runs: [json.benchmarks[1].runs[0].stats.avg] });
  });

  test('a run that threw is errored with its message', () => {
    const json = fixtureJson('mitata/base.json');
    json.benchmarks[2].runs[0] = { stats: undefined, args: {}, name: 'split <em>words</em>', error: { message: 'boom', stack: 'Error: boom' } };
    const results = parseMitata(file('err.json', JSON.stringify(json)));
    expect(benchmark(results, 'text/split <em>words</em>')).toMatchObject({ state: 'errored', error: 'boom', metrics: [] });
  });

  test.each([
    [
      (j: any) => {
        j.benchmarks[0].runs[0].stats.samples = [];
      },
      /no samples/,
      'benchmarks[0].runs[0].stats.samples',
    ],
    [
      (j: any) => {
        j.benchmarks[0].runs[0].stats.samples[3] = -1;
      },
      /≥ 0/,
      'benchmarks[0].runs[0].stats.samples[3]',
    ],
    [
      (j: any) => {
        j.benchmarks[0].runs[0].name = 7;
      },
      /non-empty string/,
      'benchmarks[0].runs[0].name',
    ],
    [
      (j: any) => {
        j.benchmarks = [];
      },
      /no benchmarks/,
      'benchmarks',
    ],
    [
      (j: any) => {
        j.benchmarks[1].runs[0].name = 'fib 500';
      },
      /appears twice/,
      undefined,
    ],
  ])('bad input is a FormatError naming the field (%#)', (edit, message, location) => {
    const json = fixtureJson('mitata/base.json');
    edit(json);
    let caught: unknown;
    try {
      parseMitata(file('bad.json', JSON.stringify(json)));
    } catch (error: unknown) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FormatError);
    expect((caught as FormatError).message).toMatch(message);
    if (location) expect((caught as FormatError).location).toBe(location);
  });
});
