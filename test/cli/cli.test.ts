import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { main } from '../../src/cli.ts';
import { ReportSchema } from '../../src/compare/schema.ts';
import type { Results } from '../../src/results/schema.ts';
import { bench, metric, results as resultsOf } from '../compare/helpers.ts';

const fixtures = path.resolve(import.meta.dirname, '../runner/fixtures');
let dir: string;
let printed: string[];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'benchgate-cli-'));
  printed = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

function results(runs: number[], id = 'suite/task'): Results {
  return resultsOf([bench(id, metric(runs))], { commit: null, ref: null });
}

function write(name: string, value: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

const baseRuns = [100, 101, 99, 100.5, 100.2, 99.8, 100.1, 99.9, 100.3, 100.4];

describe('benchgate run', () => {
  test('runs the suites, prints a table and the seed, writes the results file, exits 0', async () => {
    const out = path.join(dir, 'r.json');
    const code = await main(['run', '--suites', 'good.bench.ts', '--runs', '2', '--time', '10', '--seed', '5', '--out', out], fixtures, process.env);
    expect(code).toBe(0);
    const written = JSON.parse(readFileSync(out, 'utf8')) as Results;
    expect(written.seed).toBe(5);
    expect(printed.join('\n')).toMatch(/good\/sum\s+\d/);
    expect(printed.join('\n')).toContain('--seed 5');
  });

  test('a benchmark that errors makes the exit code 1', async () => {
    const code = await main(['run', '--suites', 'throwing.bench.ts', '--runs', '1', '--time', '5', '--out', path.join(dir, 'r.json')], fixtures, process.env);
    expect(code).toBe(1);
    expect(printed.join('\n')).toMatch(/ERRORED: run 1: .*exploded/);
  });

  test('bad usage exits 2 naming the flag', async () => {
    expect(await main(['run', '--runs', 'many'], fixtures, process.env)).toBe(2);
    expect(printed.join('\n')).toContain("input 'runs' must be a whole number ≥ 1 or 'auto', got 'many'");
    expect(printed.join('\n')).toContain('usage: benchgate run [flags]');
  });

  test('a filter that matches no benchmark exits 2 naming the filter and listing the ids, before running them all', async () => {
    const out = path.join(dir, 'r.json');
    const code = await main(
      ['run', '--suites', 'good.bench.ts', '--runs', '5', '--time', '5', '--filter', '^good/summ$', '--output', out],
      fixtures,
      process.env,
    );
    expect(code).toBe(2);
    const text = printed.join('\n');
    expect(text).toContain("filter '^good/summ$' matches none of the 2 benchmark(s): good/sum, good/join");
    expect(text).not.toContain('run 2/5');
    expect(existsSync(out)).toBe(false);
  });

  test('--output, the input name, writes the results file with only the filtered benchmark', async () => {
    const out = path.join(dir, 'new.json');
    expect(await main(['run', '--suites', 'good.bench.ts', '--runs', '1', '--time', '5', '--filter', 'join', '--output', out], fixtures, process.env)).toBe(0);
    expect((JSON.parse(readFileSync(out, 'utf8')) as Results).benchmarks.map((b) => b.id)).toEqual(['good/join']);
  });

  test('a suite that cannot be loaded exits 2 naming the file', async () => {
    expect(await main(['run', '--suites', 'bad-export.bench.ts', '--runs', '1'], fixtures, process.env)).toBe(2);
    expect(printed.join('\n')).toMatch(/bad-export\.bench\.ts/);
  });
});

describe('benchgate compare', () => {
  test('unchanged results exit 0 and write a report JSON', async () => {
    const json = path.join(dir, 'report.json');
    const code = await main(
      [
        'compare',
        write('a.json', results(baseRuns)),
        write('b.json', results(baseRuns.map((v) => v * 1.001))),
        '--json',
        json,
        '--markdown',
        path.join(dir, 'r.md'),
        '--seed',
        '3',
      ],
      dir,
      process.env,
    );
    expect(code).toBe(0);
    const report = ReportSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(report.gate.failed).toBe(false);
    expect(report.settings.seed).toBe(3);
    expect(report.reproduce).toContain('benchgate compare');
  });

  test('paths are relative to the given working directory', async () => {
    write('a.json', results(baseRuns));
    write('b.json', results(baseRuns));
    expect(await main(['compare', 'a.json', 'b.json', '--json', 'report.json', '--markdown', 'report.md'], dir, process.env)).toBe(0);
    const report = ReportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')));
    expect(report.reproduce).toContain('compare a.json b.json');
    expect(readFileSync(path.join(dir, 'report.md'), 'utf8')).toContain('suite/task');
  });

  test('a 25% slower benchmark exits 1 and the table says so', async () => {
    const code = await main(
      [
        'compare',
        write('a.json', results(baseRuns)),
        write('b.json', results(baseRuns.map((v) => v * 1.25))),
        '--json',
        path.join(dir, 'r.json'),
        '--markdown',
        path.join(dir, 'r.md'),
      ],
      dir,
      process.env,
    );
    expect(code).toBe(1);
    expect(printed.join('\n')).toMatch(/suite\/task.*regressed/);
    expect(printed.join('\n')).toMatch(/−20\.0%/);
  });

  test('the threshold flag is honoured', async () => {
    const code = await main(
      [
        'compare',
        write('a.json', results(baseRuns)),
        write('b.json', results(baseRuns.map((v) => v * 1.25))),
        '--threshold',
        '30%',
        '--json',
        path.join(dir, 'r.json'),
        '--markdown',
        path.join(dir, 'r.md'),
      ],
      dir,
      process.env,
    );
    expect(code).toBe(0);
  });

  test("other tools' output compares directly: criterion folders with --tool, go text recognised by content", async () => {
    const formats = path.resolve(import.meta.dirname, '../formats/fixtures');
    const out = ['--json', path.join(dir, 'r.json'), '--markdown', path.join(dir, 'r.md')];
    expect(await main(['compare', '--tool', 'criterion', `${formats}/criterion/base`, `${formats}/criterion/slow`, ...out], dir, process.env)).toBe(1);
    expect(printed.join('\n')).toMatch(/fib\/iter\/500\s.*regressed/);
    expect(await main(['compare', `${formats}/go/count-base.txt`, `${formats}/go/count-same.txt`, ...out], dir, process.env)).toBe(0);
  });

  test("'--fail-on never' passes the gate and exits 0 on a regression", async () => {
    const code = await main(
      [
        'compare',
        write('a.json', results(baseRuns)),
        write('b.json', results(baseRuns.map((v) => v * 1.25))),
        '--fail-on',
        'never',
        '--json',
        path.join(dir, 'r.json'),
        '--markdown',
        path.join(dir, 'r.md'),
      ],
      dir,
      process.env,
    );
    expect(printed.join('\n')).toMatch(/suite\/task.*regressed/);
    expect(printed.join('\n')).toContain('gate: passed');
    expect(code).toBe(0);
  });

  test("'--fail-on inconclusive' fails the gate and exits 1 on an inconclusive comparison", async () => {
    const json = path.join(dir, 'r.json');
    const code = await main(
      [
        'compare',
        write('a.json', results([100])),
        write('b.json', results([130])),
        '--fail-on',
        'inconclusive',
        '--report-json',
        json,
        '--report-markdown',
        path.join(dir, 'r.md'),
      ],
      dir,
      process.env,
    );
    expect(printed.join('\n')).toMatch(/suite\/task.*inconclusive/);
    expect(printed.join('\n')).toContain('gate: FAILED');
    expect(code).toBe(1);
    const report = ReportSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(report.reproduce).toContain('--fail-on inconclusive');
  });

  test('the reproduce command writes a 7% threshold as 7%', async () => {
    const json = path.join(dir, 'r.json');
    await main(
      [
        'compare',
        write('a.json', results(baseRuns)),
        write('b.json', results(baseRuns)),
        '--threshold',
        '7%',
        '--json',
        json,
        '--markdown',
        path.join(dir, 'r.md'),
      ],
      dir,
      process.env,
    );
    const report = ReportSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(report.reproduce).toContain('--threshold 7% ');
  });

  test('a malformed results file exits 2 naming the file', async () => {
    const bad = write('bad.json', '{"schema": "benchgate/results@1", "benchmarks": "no"}');
    expect(await main(['compare', bad, bad, '--tool', 'benchgate'], dir, process.env)).toBe(2);
    expect(printed.join('\n')).toContain('bad.json');
  });
});

describe('benchgate help, version and usage errors', () => {
  test.each([['run'], ['compare']])('benchgate %s --help prints the flags from the config schema and exits 0', async (command) => {
    expect(await main([command, '--help'], dir, process.env)).toBe(0);
    const text = printed.join('\n');
    expect(text).toContain(`usage: benchgate ${command}`);
    expect(text).toMatch(command === 'run' ? /--runs N\|auto\s+Process runs per suite/ : /--fail-on WHEN\s+'regression' fails/);
  });

  test('benchgate compare --help names the old alias flags', async () => {
    expect(await main(['compare', 'a', '--help'], dir, process.env)).toBe(0);
    expect(printed.join('\n')).toMatch(/--report-json FILE\s+Where to write the report JSON\. \(default: benchgate-report\.json; also --json\)/);
  });

  test.each([[['--version']], [['run', '--version']]])('%j prints the version and exits 0', async (argv) => {
    expect(await main(argv, dir, process.env)).toBe(0);
    expect(printed).toEqual([packageJson.version]);
  });

  test('benchgate with no command, or --help, lists the commands and exits 0', async () => {
    expect(await main([], dir, process.env)).toBe(0);
    expect(await main(['--help'], dir, process.env)).toBe(0);
    expect(printed.join('\n')).toMatch(/run\s+Run the benchmark suites/);
    expect(printed.join('\n')).toMatch(/compare\s+Compare two results files/);
  });

  test("an unknown flag gets one clean line and that command's usage, exit 2", async () => {
    expect(await main(['run', '--runz', '3'], dir, process.env)).toBe(2);
    expect(printed.join('\n')).toBe(
      "benchgate: unknown flag '--runz' for 'benchgate run'\nusage: benchgate run [flags]  ('benchgate run --help' lists the flags)",
    );
  });

  test('a flag without its value, and wrong positional arguments, are usage errors', async () => {
    expect(await main(['run', '--runs'], dir, process.env)).toBe(2);
    expect(printed.join('\n')).toContain("benchgate: flag '--runs' needs a value");
    printed.length = 0;
    expect(await main(['compare', 'a.json'], dir, process.env)).toBe(2);
    expect(printed.join('\n')).toContain("'benchgate compare' takes 2 arguments, <baseline> <current>; got 'a.json'");
  });

  test('an unknown command lists the commands, exit 2', async () => {
    expect(await main(['launch'], dir, process.env)).toBe(2);
    expect(printed.join('\n')).toContain("benchgate: unknown command 'launch'; the commands are run, compare");
  });
});
