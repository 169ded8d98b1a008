import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { compareResults } from '../../src/compare/index.ts';
import type { FormatInput } from '../../src/formats/format-input.ts';
import { detectIaiCallgrind, parseIaiCallgrind } from '../../src/formats/iai-callgrind.ts';
import { detectTool, parseToolInput, parseToolOutput } from '../../src/formats/index.ts';
import { benchmark, fixture, fixtureJson, fixtureText, metric, formatError } from './helpers.ts';

const file = (name: string, text: string): FormatInput => ({ kind: 'file', path: name, text });

const SUMMARY = (side: string, run: number, bench: string) =>
  `iai-callgrind/${side}/summary/run-${run}/iai-callgrind-fixture-bench/fib/${bench.startsWith('fib_n') ? 'fib_group' : 'text_group'}/${bench}/summary.json`;

const SHORT = 'fib::fib_group::fib_n short';
const LONG = 'fib::fib_group::fib_n long';
const SENTENCE = 'fib::text_group::split_words sentence';
const NO_CACHE = 'fib::text_group::split_words no_cache';

/** The new value of an event in a summary's total, as iai-callgrind wrote it (`Left`, or the first of `Both`). */
function written(summary: any, event: string): number {
  const metrics = summary.profiles[0].summaries.total.summary.Callgrind[event].metrics;
  return (metrics.Left ?? metrics.Both[0]).Int;
}

/** Every file under a fixture folder, relative to the fixtures. */
function filesUnder(relative: string): string[] {
  return readdirSync(fixture(relative)).flatMap((name) => {
    const child = `${relative}/${name}`;
    return statSync(fixture(child)).isDirectory() ? filesUnder(child) : [child];
  });
}

describe('iai-callgrind', () => {
  test.each([
    'iai-callgrind/base/summary',
    'iai-callgrind/base/terminal',
    'iai-callgrind/base/terminal/run-1.txt',
    'iai-callgrind/iai-home',
    'iai-callgrind/output-format-json.txt',
    'iai-callgrind/variants/terminal.txt',
    'iai-callgrind/variants/summary.json',
    SUMMARY('base', 1, 'fib_n.short'),
  ])('auto-detection reads %s as iai-callgrind', async (relative) => {
    expect((await parseToolOutput(fixture(relative), 'auto')).tool).toBe('iai-callgrind');
  });

  test('no other fixture is taken for iai-callgrind output', () => {
    const others = readdirSync(fixture('.'))
      .filter((name) => name !== 'iai-callgrind' && statSync(fixture(name)).isDirectory())
      .flatMap((name) => filesUnder(name));
    expect(others.length).toBeGreaterThan(50);
    for (const other of others) expect(detectIaiCallgrind(file(other, fixtureText(other))), other).toBe(false);
  });

  test('a summary.json is one benchmark: the new counts of its Callgrind total, named `<module path> <id>`', () => {
    for (const [run, side] of [
      [1, 'Left'],
      [2, 'Both'],
    ] as const) {
      const relative = SUMMARY('base', run, 'split_words.sentence');
      const summary = fixtureJson(relative);
      expect(Object.keys(summary.profiles[0].summaries.total.summary.Callgrind.Ir.metrics)).toEqual([side]);
      const results = parseIaiCallgrind(file(relative, fixtureText(relative)));
      expect(results.tool).toBe('iai-callgrind');
      expect(results.benchmarks.map((b) => b.id)).toEqual([SENTENCE]);
      expect(metric(results, SENTENCE, 'instructions')).toMatchObject({
        runs: [written(summary, 'Ir')],
        unit: 'instructions',
        direction: 'smaller',
        gate: true,
        observation: 'single',
      });
      for (const [event, name, unit] of [
        ['L1hits', 'l1-hits', 'accesses'],
        ['LLhits', 'll-hits', 'accesses'],
        ['RamHits', 'ram-hits', 'accesses'],
        ['TotalRW', 'total-read-write', 'accesses'],
        ['EstimatedCycles', 'estimated-cycles', 'cycles'],
      ]) {
        expect(metric(results, SENTENCE, name!)).toMatchObject({ runs: [written(summary, event!)], unit, direction: 'smaller', gate: false });
      }
      // the raw events the derived ones are made of, and the rates, are not metrics of their own
      expect(benchmark(results, SENTENCE).metrics.map((m) => m.name)).toEqual([
        'instructions',
        'l1-hits',
        'll-hits',
        'ram-hits',
        'total-read-write',
        'estimated-cycles',
      ]);
    }
  });

  test('without the cache simulator only instructions are counted', () => {
    const relative = SUMMARY('base', 1, 'split_words.no_cache');
    const results = parseIaiCallgrind(file(relative, fixtureText(relative)));
    expect(benchmark(results, NO_CACHE).metrics.map((m) => m.name)).toEqual(['instructions']);
  });

  test('Both is (new, old): the new value is read', () => {
    const relative = SUMMARY('slow', 2, 'fib_n.short');
    const summary = fixtureJson(relative);
    const ir = summary.profiles[0].summaries.total.summary.Callgrind.Ir.metrics;
    const fresh = ir.Both[0].Int;
    ir.Both[1].Int = 1;
    expect(metric(parseIaiCallgrind(file(relative, JSON.stringify(summary))), SHORT, 'instructions').runs).toEqual([fresh]);
    // an event only the old run has (`Right`) is not a new count
    summary.profiles[0].summaries.total.summary.Callgrind.EstimatedCycles.metrics = { Right: { Int: 5 } };
    const names = benchmark(parseIaiCallgrind(file(relative, JSON.stringify(summary))), SHORT).metrics.map((m) => m.name);
    expect(names).not.toContain('estimated-cycles');
  });

  test('a folder of runs: each summary.json is one run of its benchmark, the other files are not read', async () => {
    const results = await parseToolOutput(fixture('iai-callgrind/base/summary'), 'iai-callgrind');
    expect(results.benchmarks.map((b) => b.id).sort()).toEqual([LONG, SHORT, NO_CACHE, SENTENCE].sort());
    for (const [id, bench] of [
      [SHORT, 'fib_n.short'],
      [NO_CACHE, 'split_words.no_cache'],
    ]) {
      const expected = [1, 2, 3, 4, 5, 6].map((run) => written(fixtureJson(SUMMARY('base', run, bench!)), 'Ir'));
      expect(metric(results, id!, 'instructions')).toMatchObject({ runs: expected, observation: 'process', gate: true });
    }
    // target/iai as iai-callgrind leaves it: summaries beside callgrind's .out, .log and .old files
    const home = await parseToolOutput(fixture('iai-callgrind/iai-home'), 'auto');
    expect(home.benchmarks).toHaveLength(4);
    expect(metric(home, SHORT, 'instructions')).toMatchObject({ runs: [4271], observation: 'single' });
  });

  test('the terminal table and the summaries of the same run agree', async () => {
    for (const run of [1, 2, 6]) {
      const text = await parseToolOutput(fixture(`iai-callgrind/slow/terminal/run-${run}.txt`), 'iai-callgrind');
      const json = await parseToolOutput(fixture(`iai-callgrind/slow/summary/run-${run}`), 'iai-callgrind');
      expect(text.benchmarks.map((b) => b.id)).toEqual([SHORT, LONG, SENTENCE, NO_CACHE]);
      for (const bench of text.benchmarks) expect(bench).toEqual(benchmark(json, bench.id));
    }
  });

  test('--output-format=json prints one summary per line; each is a benchmark', () => {
    const results = parseIaiCallgrind(file('out.txt', fixtureText('iai-callgrind/output-format-json.txt')));
    expect(results.benchmarks.map((b) => b.id)).toEqual([SHORT, LONG, SENTENCE, NO_CACHE]);
    expect(metric(results, LONG, 'instructions').runs).toEqual([8521]);
  });

  test('colours, the grid, one part per thread and a second tool: only the callgrind total is read', () => {
    const terminal = fixtureText('iai-callgrind/variants/terminal.txt');
    expect(terminal).toContain('\x1b[');
    const plain = terminal.replace(/\x1b\[[0-9;]*m/g, '');
    expect(plain).toContain('|-## pid: ');
    expect(plain).toContain('|-## Total');
    expect(plain).toContain('|======== DHAT ');
    const summary = fixtureJson('iai-callgrind/variants/summary.json');
    expect(summary.profiles.map((p: any) => p.tool)).toEqual(['Callgrind', 'DHAT']);
    expect(summary.profiles[0].summaries.parts).toHaveLength(3);
    const id = 'threads::threads_group::fib_threads two';
    const fromText = parseIaiCallgrind(file('terminal.txt', terminal));
    const fromJson = parseIaiCallgrind(file('summary.json', JSON.stringify(summary)));
    expect(fromText.benchmarks).toEqual(fromJson.benchmarks);
    expect(metric(fromJson, id, 'instructions').runs).toEqual([written(summary, 'Ir')]);
    expect(metric(fromJson, id, 'estimated-cycles').runs).toEqual([written(summary, 'EstimatedCycles')]);
    expect(benchmark(fromText, id).metrics.map((m) => m.name)).not.toContain('Total bytes');
  });

  test('six runs per side: unchanged counts are decided exactly, the doubled ones regress exactly', async () => {
    for (const kind of ['summary', 'terminal']) {
      const base = await parseToolOutput(fixture(`iai-callgrind/base/${kind}`), 'auto');
      const slow = await parseToolOutput(fixture(`iai-callgrind/slow/${kind}`), 'auto');
      const gated = compareResults(base, slow, {}).filter((c) => c.gate);
      expect(Object.fromEntries(gated.map((c) => [c.id, [c.metric, c.verdict]]))).toEqual({
        [SHORT]: ['instructions', 'regressed'],
        [LONG]: ['instructions', 'regressed'],
        [SENTENCE]: ['instructions', 'unchanged'],
        [NO_CACHE]: ['instructions', 'unchanged'],
      });
      expect(JSON.stringify(gated.find((c) => c.id === SHORT))).toContain('exact');
    }
  });

  describe('bad input is a FormatError naming the file and the field', () => {
    const seed = () => fixtureJson(SUMMARY('base', 2, 'fib_n.short'));
    test.each<[string, (s: any) => void, RegExp, string]>([
      ['kind', (s) => (s.kind = 'Other'), /expected 'LibraryBenchmark' or 'BinaryBenchmark'/, 'kind'],
      ['module_path', (s) => delete s.module_path, /expected a non-empty string, got nothing/, 'module_path'],
      ['profiles', (s) => (s.profiles = {}), /expected an array/, 'profiles'],
      ['no callgrind', (s) => (s.profiles[0].tool = 'DHAT'), /has no Callgrind profile \(only DHAT\)/, 'profiles'],
      ['summary None', (s) => (s.profiles[0].summaries.total.summary = 'None'), /no callgrind counts/, 'profiles[0].summaries.total.summary'],
      [
        'Float count',
        (s) => (s.profiles[0].summaries.total.summary.Callgrind.Ir.metrics = { Left: { Float: 1.5 } }),
        /expected a whole count \(Int\), got a Float/,
        'profiles[0].summaries.total.summary.Callgrind.Ir.metrics.Left',
      ],
      [
        'negative count',
        (s) => (s.profiles[0].summaries.total.summary.Callgrind.Ir.metrics.Both[0].Int = -3),
        /a count must be ≥ 0, got -3/,
        'profiles[0].summaries.total.summary.Callgrind.Ir.metrics.Both[0].Int',
      ],
      [
        'Both of one',
        (s) => (s.profiles[0].summaries.total.summary.Callgrind.Ir.metrics.Both = [{ Int: 1 }]),
        /expected \[new, old\], got 1 values/,
        'profiles[0].summaries.total.summary.Callgrind.Ir.metrics.Both',
      ],
      [
        'no side',
        (s) => (s.profiles[0].summaries.total.summary.Callgrind.Ir.metrics = {}),
        /expected one of 'Left', 'Both' or 'Right', got none/,
        'profiles[0].summaries.total.summary.Callgrind.Ir.metrics',
      ],
    ])('%s', (_name, edit, message, location) => {
      const summary = seed();
      edit(summary);
      const error = formatError(() => parseIaiCallgrind(file('bad/summary.json', JSON.stringify(summary))));
      expect(error.message).toMatch(/^bad\/summary\.json \(/);
      expect(error.message).toMatch(message);
      expect(error.location).toBe(location);
    });

    test('not JSON', () => {
      expect(formatError(() => parseIaiCallgrind(file('s.json', '{"kind": '))).message).toMatch(/^s\.json: not valid JSON/);
    });

    test('a count in the table that is not a whole number names the line', () => {
      const text = fixtureText('iai-callgrind/base/terminal/run-1.txt').replace(
        'Instructions:                        4271',
        'Instructions:                        42.5',
      );
      const error = formatError(() => parseIaiCallgrind(file('run-1.txt', text)));
      expect(error.message).toMatch(/'Instructions' of 'fib::fib_group::fib_n short' must be a whole number, got 42\.5/);
      expect(error.location).toBe('line 2');
    });

    test('a count printed twice in one section names the line', () => {
      const text = 'a::b::c id:x\n  Instructions:      10|N/A\n  Instructions:      11|N/A\n';
      expect(formatError(() => parseIaiCallgrind(file('t.txt', text))).message).toMatch(/^t\.txt \(line 3\): 'Instructions' of 'a::b::c id' is printed twice/);
    });

    test('a metric missing from one run names the run', () => {
      const base = fixtureJson(SUMMARY('base', 1, 'fib_n.short'));
      const other = fixtureJson(SUMMARY('base', 2, 'fib_n.short'));
      delete other.profiles[0].summaries.total.summary.Callgrind.EstimatedCycles;
      const input: FormatInput = {
        kind: 'folder',
        path: 'runs',
        files: [
          { path: 'run-1/summary.json', text: JSON.stringify(base) },
          { path: 'run-2/summary.json', text: JSON.stringify(other) },
        ],
      };
      expect(formatError(() => parseIaiCallgrind(input)).message).toMatch(
        /^runs\/run-2\/summary\.json .*'fib::fib_group::fib_n short' has no 'estimated-cycles' here but has it in runs\/run-1\/summary\.json/,
      );
    });

    test('a folder without summaries or tables (target/iai without --save-summary=json) says what to do', () => {
      const input: FormatInput = {
        kind: 'folder',
        path: 'target/iai',
        files: [{ path: 'pkg/fib/g/f.id/callgrind.f.id.out', text: '# callgrind format\nevents: Ir\nsummary: 1\n' }],
      };
      expect(formatError(() => parseIaiCallgrind(input)).message).toMatch(/^target\/iai: holds no summary\.json .*--save-summary=json/);
    });
  });

  test('other text is not iai-callgrind output', () => {
    expect(detectTool(file('x.txt', 'a::b::c\n  Instructions are below\n'))).toBeNull();
    expect(formatError(() => parseIaiCallgrind(file('x.txt', 'hello\n'))).message).toMatch(/^x\.txt: not iai-callgrind output/);
    expect(formatError(() => parseToolInput(file('r.txt', 'Iai-Callgrind result: Ok. 0 without regressions\n'), 'iai-callgrind')).message).toMatch(
      /no benchmark with callgrind counts/,
    );
  });

  test('the callgrind files of an iai-callgrind home are still callgrind output to the callgrind format', () => {
    const out = 'iai-callgrind/iai-home/iai-callgrind-fixture-bench/fib/fib_group/fib_n.short/callgrind.fib_n.short.out';
    expect(detectTool(file(path.basename(out), fixtureText(out)))).toBe('callgrind');
  });
});
