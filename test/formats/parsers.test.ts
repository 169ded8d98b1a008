import { describe, expect, test } from 'vitest';
import { parseBenchgate } from '../../src/formats/benchgate.ts';
import { parseBenchmarkdotnet } from '../../src/formats/benchmarkdotnet.ts';
import { parseCargo } from '../../src/formats/cargo.ts';
import { parseCatch2 } from '../../src/formats/catch2.ts';
import { parseCriterion } from '../../src/formats/criterion.ts';
import { parseCustomBiggerIsBetter } from '../../src/formats/custom-bigger-is-better.ts';
import { parseCustomSmallerIsBetter } from '../../src/formats/custom-smaller-is-better.ts';
import { FormatError } from '../../src/formats/format-error.ts';
import type { FormatInput } from '../../src/formats/format-input.ts';
import { parseGo } from '../../src/formats/go.ts';
import { parseGooglecpp } from '../../src/formats/googlecpp.ts';
import { parseHyperfine } from '../../src/formats/hyperfine.ts';
import { parseToolOutput } from '../../src/formats/index.ts';
import { parseJmh } from '../../src/formats/jmh.ts';
import { parsePytest } from '../../src/formats/pytest.ts';
import { parseVitest } from '../../src/formats/vitest.ts';
import { benchmark, fixture, fixtureJson, fixtureText, metric } from './helpers.ts';

const file = (path: string, text: string): FormatInput => ({ kind: 'file', path, text });
const fromFixture = (relative: string): FormatInput => file(relative, fixtureText(relative));

function expectFormatError(run: () => unknown, pattern: RegExp, location?: string | RegExp): FormatError {
  let caught: unknown;
  try {
    run();
  } catch (error: unknown) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(FormatError);
  const error = caught as FormatError;
  expect(error.message).toMatch(pattern);
  if (location !== undefined) expect(error.location ?? '').toMatch(location);
  return error;
}

describe('criterion', () => {
  test('keeps every sample of target/criterion as time per iteration in ns', async () => {
    const results = await parseToolOutput(fixture('criterion/base'), 'criterion');
    expect(results.tool).toBe('criterion');
    expect(results.benchmarks.map((b) => b.id)).toEqual(['fib/iter/1000', 'fib/iter/500', 'sum_1k']);
    const sample = fixtureJson('criterion/base/fib/iter_500/new/sample.json');
    const time = metric(results, 'fib/iter/500', 'time');
    expect(time).toMatchObject({ unit: 'ns', direction: 'smaller', gate: true, observation: 'sample' });
    expect(time.runs).toHaveLength(20);
    expect(time.runs[3]).toBeCloseTo(sample.times[3] / sample.iters[3], 9);
    expect(time.iterations).toEqual(sample.iters);
  });

  test('reads one benchmark folder on its own', async () => {
    const results = await parseToolOutput(fixture('criterion/base/fib/iter_500'), 'criterion');
    expect(results.benchmarks.map((b) => b.id)).toEqual(['fib/iter/500']);
  });

  test('adds a bigger-is-better throughput metric when the benchmark declares one', () => {
    const results = parseCriterion({
      kind: 'folder',
      path: 'c',
      files: [
        { path: 'g/new/benchmark.json', text: '{"full_id":"g/bytes","throughput":{"Bytes":1000}}' },
        { path: 'g/new/sample.json', text: '{"iters":[1,2],"times":[1000,4000]}' },
      ],
    });
    expect(metric(results, 'g/bytes', 'throughput')).toMatchObject({ unit: 'B/s', direction: 'bigger', gate: false, runs: [1e9, 5e8] });
  });

  test('names the folder when sample.json is missing and the file when arrays disagree', () => {
    expectFormatError(
      () => parseCriterion({ kind: 'folder', path: 'c', files: [{ path: 'g/new/benchmark.json', text: '{"full_id":"g"}' }] }),
      /c\/g\/new.*no sample\.json/,
    );
    const error = expectFormatError(
      () =>
        parseCriterion({
          kind: 'folder',
          path: 'c',
          files: [
            { path: 'g/new/benchmark.json', text: '{"full_id":"g"}' },
            { path: 'g/new/sample.json', text: '{"iters":[1,2],"times":[5]}' },
          ],
        }),
      /iters has 2 entries but times has 1/,
      'times',
    );
    expect(error.file).toBe('c/g/new/sample.json');
  });

  test('refuses a file', () => {
    expectFormatError(() => parseCriterion(file('x.json', '{}')), /reads a folder/);
  });
});

describe('cargo (bencher lines)', () => {
  test('a folder of six runs gives six process observations per benchmark', async () => {
    const results = await parseToolOutput(fixture('cargo/base'), 'cargo');
    const lines = [1, 2, 3, 4, 5, 6].map((run) => fixtureText(`cargo/base/run-${run}.txt`));
    const expected = lines.map((text) => Number(/test sum_1k \.\.\. bench:\s+([\d,]+)/.exec(text)![1]!.replaceAll(',', '')));
    expect(metric(results, 'sum_1k', 'time')).toMatchObject({ observation: 'process', unit: 'ns', runs: expected });
  });

  test('one file gives one single value per benchmark', () => {
    const results = parseCargo(fromFixture('cargo/base/run-1.txt'));
    expect(results.benchmarks.map((b) => b.id)).toEqual(['fib/iter/500', 'fib/iter/1000', 'sum_1k']);
    expect(metric(results, 'fib/iter/500', 'time').observation).toBe('single');
  });

  test('reads libtest thousands separators and MB/s, and repeated lines as runs', () => {
    const text = [
      'running 2 tests',
      'test parse::big   ... bench:   1,234,567 ns/iter (+/- 8,910) = 81 MB/s',
      'test parse::small ... ignored',
      'test parse::big   ... bench:   1,200,000 ns/iter (+/- 100) = 83 MB/s',
      'test result: ok. 0 passed; 0 failed; 1 ignored; 0 measured',
    ].join('\n');
    const results = parseCargo(file('bench.txt', text));
    expect(metric(results, 'parse::big', 'time')).toMatchObject({ observation: 'process', runs: [1234567, 1200000] });
    expect(metric(results, 'parse::big', 'throughput')).toMatchObject({ unit: 'MB/s', direction: 'bigger', runs: [81, 83] });
  });

  test('a malformed bench line is reported with its line number', () => {
    expectFormatError(() => parseCargo(file('b.txt', 'x\ntest a ... bench: lots ns/iter (+/- 1)')), /bad time|cannot read/, 'line 2');
    expectFormatError(() => parseCargo(file('b.txt', 'no benches here')), /no 'test NAME/);
  });
});

describe('googlecpp', () => {
  test('each repetition is one process observation; aggregate rows are not double counted', () => {
    const json = fixtureJson('googlecpp/repetitions-base.json');
    const results = parseGooglecpp(fromFixture('googlecpp/repetitions-base.json'));
    expect(results.benchmarks.map((b) => b.id)).toEqual(['BM_Fib/500', 'BM_Fib/1000', 'BM_Sum']);
    const rows = json.benchmarks.filter((b: any) => b.run_name === 'BM_Sum' && b.run_type === 'iteration');
    const real = metric(results, 'BM_Sum', 'real-time');
    expect(real).toMatchObject({ observation: 'process', unit: 'ns', gate: true });
    expect(real.runs).toEqual(rows.map((r: any) => r.real_time));
    expect(real.iterations).toEqual(rows.map((r: any) => r.iterations));
    expect(metric(results, 'BM_Sum', 'cpu-time').gate).toBe(false);
    expect(metric(results, 'BM_Sum', 'items-rate')).toMatchObject({ unit: 'items/s', direction: 'bigger' });
    expect(results.createdAt).toBe(new Date(json.context.date).toISOString());
  });

  test('aggregates only: mean and stddev are kept and marked as such', () => {
    const json = fixtureJson('googlecpp/aggregates-base.json');
    const results = parseGooglecpp(fromFixture('googlecpp/aggregates-base.json'));
    const mean = json.benchmarks.find((b: any) => b.name === 'BM_Fib/500_mean');
    const sd = json.benchmarks.find((b: any) => b.name === 'BM_Fib/500_stddev');
    expect(metric(results, 'BM_Fib/500', 'real-time')).toMatchObject({
      observation: 'aggregate',
      runs: [mean.real_time],
      aggregate: { mean: mean.real_time, stddev: sd.real_time, count: 8 },
    });
  });

  test('without repetitions the one value is single', () => {
    const results = parseGooglecpp(fromFixture('googlecpp/single.json'));
    expect(metric(results, 'BM_Fib/500', 'real-time')).toMatchObject({ observation: 'single' });
    expect(metric(results, 'BM_Fib/500', 'real-time').runs).toHaveLength(1);
  });

  test('converts time units and marks errored benchmarks', () => {
    const text = JSON.stringify({
      context: {},
      benchmarks: [
        { name: 'BM_A', run_name: 'BM_A', run_type: 'iteration', iterations: 10, real_time: 1.5, cpu_time: 1.4, time_unit: 'ms' },
        {
          name: 'BM_B',
          run_name: 'BM_B',
          run_type: 'iteration',
          error_occurred: true,
          error_message: 'boom',
          iterations: 0,
          real_time: 0,
          cpu_time: 0,
          time_unit: 'ns',
        },
      ],
    });
    const results = parseGooglecpp(file('g.json', text));
    expect(metric(results, 'BM_A', 'real-time').runs).toEqual([1.5e6]);
    expect(benchmark(results, 'BM_B')).toMatchObject({ state: 'errored', error: 'boom' });
  });

  test('names the JSON path of a wrong value', () => {
    const text = JSON.stringify({ context: {}, benchmarks: [{ name: 'BM_A', iterations: 1, real_time: 'fast', cpu_time: 1 }] });
    expectFormatError(() => parseGooglecpp(file('g.json', text)), /expected a finite number, got a string/, 'benchmarks[0].real_time');
    expectFormatError(
      () => parseGooglecpp(file('g.json', '{"context":{},"benchmarks":[{"name":"BM_A","iterations":1,"real_time":1,"cpu_time":1,"time_unit":"fortnights"}]}')),
      /unknown time unit/,
      'benchmarks[0].time_unit',
    );
  });
});

describe('go', () => {
  test('-count=6 -benchmem gives six process runs of time, B/op, allocs/op and MB/s', () => {
    const results = parseGo(fromFixture('go/count-base.txt'));
    expect(results.benchmarks.map((b) => b.id)).toEqual([
      'example.com/benchfixture/Fib/n=500',
      'example.com/benchfixture/Fib/n=1000',
      'example.com/benchfixture/Words',
    ]);
    const lines = fixtureText('go/count-base.txt')
      .split('\n')
      .filter((l) => l.startsWith('BenchmarkWords'));
    const words = 'example.com/benchfixture/Words';
    expect(metric(results, words, 'time')).toMatchObject({ observation: 'process', unit: 'ns', gate: true });
    expect(metric(results, words, 'time').runs).toEqual(lines.map((l) => Number(/([\d.]+) ns\/op/.exec(l)![1])));
    expect(metric(results, words, 'time').iterations).toEqual(lines.map((l) => Number(l.split(/\s+/)[1])));
    expect(metric(results, words, 'alloc-bytes')).toMatchObject({ unit: 'B/op', direction: 'smaller', gate: false, runs: [496, 496, 496, 496, 496, 496] });
    expect(metric(results, words, 'allocs').runs).toEqual([5, 5, 5, 5, 5, 5]);
    expect(metric(results, words, 'throughput')).toMatchObject({ unit: 'MB/s', direction: 'bigger' });
  });

  test('one line per benchmark is single', () => {
    const results = parseGo(fromFixture('go/single.txt'));
    expect(metric(results, 'example.com/benchfixture/Words', 'time').observation).toBe('single');
  });

  test('keeps -cpu suffixes when they differ, and marks failed benchmarks errored', () => {
    const text = ['BenchmarkA-1 100 10.0 ns/op', 'BenchmarkA-4 100 4.0 ns/op', '--- FAIL: BenchmarkB', 'BenchmarkB 5 7 ns/op 2.5 widgets/op'].join('\n');
    const results = parseGo(file('go.txt', text));
    expect(results.benchmarks.map((b) => b.id)).toEqual(['A-1', 'A-4', 'B']);
    expect(benchmark(results, 'B').state).toBe('errored');
    expect(metric(results, 'B', 'widgets/op')).toMatchObject({ runs: [2.5], gate: false });
  });

  test('a broken result line names its line', () => {
    expectFormatError(() => parseGo(file('go.txt', 'pkg: x\nBenchmarkA 10 1.0 ns/op 5')), /value\/unit pairs/, 'line 2');
  });
});

describe('pytest', () => {
  test('stats.data rounds are samples in ns; ids are node ids', () => {
    const json = fixtureJson('pytest/base.json');
    const results = parsePytest(fromFixture('pytest/base.json'));
    expect(results.benchmarks.map((b) => b.id)).toEqual(['test_fib.py::test_fib[200]', 'test_fib.py::test_fib[400]', 'test_fib.py::test_split']);
    const time = metric(results, 'test_fib.py::test_split', 'time');
    expect(time.observation).toBe('sample');
    expect(time.runs).toEqual(json.benchmarks[2].stats.data.map((s: number) => s * 1e9));
  });

  test('without data the mean, stddev and rounds become an aggregate', () => {
    const json = fixtureJson('pytest/stats-only.json');
    const stats = json.benchmarks[0].stats;
    const time = metric(parsePytest(fromFixture('pytest/stats-only.json')), 'test_fib.py::test_fib[200]', 'time');
    expect(time.observation).toBe('aggregate');
    expect(time.aggregate!.mean).toBeCloseTo(stats.mean * 1e9, 6);
    expect(time.aggregate!.stddev).toBeCloseTo(stats.stddev * 1e9, 6);
    expect(time.aggregate!.count).toBe(stats.rounds);
  });

  test("Python's NaN is named by its JSON path", () => {
    const text = '{"machine_info":{},"benchmarks":[{"fullname":"t.py::a","stats":{"mean":1,"stddev":NaN,"rounds":1}}]}';
    expectFormatError(() => parsePytest(file('p.json', text)), /finite number, got null/, 'benchmarks[0].stats.stddev');
  });
});

describe('hyperfine', () => {
  test('every time is a sample in ns; names are kept verbatim', () => {
    const json = fixtureJson('hyperfine/base.json');
    const results = parseHyperfine(fromFixture('hyperfine/base.json'));
    expect(results.benchmarks.map((b) => b.id)).toEqual(['loop', 'steady <b>html</b>']);
    expect(metric(results, 'loop', 'time')).toMatchObject({ observation: 'sample', unit: 'ns' });
    expect(metric(results, 'loop', 'time').runs).toEqual(json.results[0].times.map((t: number) => t * 1e9));
  });

  test('a non-zero exit code makes the command errored', () => {
    const text = JSON.stringify({ results: [{ command: 'x', mean: 1, times: [1, 2], exit_codes: [0, 3] }] });
    expect(benchmark(parseHyperfine(file('h.json', text)), 'x')).toMatchObject({ state: 'errored', error: 'exit code 3 in execution 2' });
  });
});

describe('vitest', () => {
  test('vitest empties samples, so mean/sd/sampleCount become an aggregate in ns', () => {
    const json = fixtureJson('vitest/base.json');
    const results = parseVitest(fromFixture('vitest/base.json'));
    const id = 'test/formats/fixtures/vitest/fib.fixture-bench.ts > text > split <em>words</em>';
    const raw = json.files[0].groups[1].benchmarks[0];
    expect(metric(results, id, 'time')).toMatchObject({
      observation: 'aggregate',
      aggregate: { mean: raw.mean * 1e6, stddev: raw.sd * 1e6, count: raw.sampleCount },
    });
  });
});

describe('catch2', () => {
  test('mean and standard deviation over the samples become an aggregate; entities are decoded', () => {
    const results = parseCatch2(fromFixture('catch2/base.xml'));
    expect(results.benchmarks.map((b) => b.id)).toEqual(['Fibonacci/fib 500', 'Fibonacci/fib <1000> & more', 'Steady/sum']);
    const text = fixtureText('catch2/base.xml');
    const mean = Number(/name="sum"[\s\S]*?<mean value="([\d.]+)"/.exec(text)![1]);
    expect(metric(results, 'Steady/sum', 'time')).toMatchObject({ observation: 'aggregate', runs: [mean], aggregate: { mean, count: 20 } });
  });

  test('a failed test case makes its benchmarks errored; broken XML names the line', () => {
    const xml = `<Catch><TestCase name="T"><BenchmarkResults name="b" samples="3"><mean value="5"/><standardDeviation value="1"/></BenchmarkResults><OverallResult success="false"/></TestCase></Catch>`;
    expect(benchmark(parseCatch2(file('c.xml', xml)), 'T/b').state).toBe('errored');
    expectFormatError(() => parseCatch2(file('c.xml', '<Catch>\n<TestCase name="T">\n</Catch>')), /does not match/, 'line 3');
  });
});

describe('jmh (fixtures built from the documented format)', () => {
  test('modes become metrics with the right direction; rates per second; params in the id', () => {
    const json = fixtureJson('jmh/base.json');
    const results = parseJmh(fromFixture('jmh/base.json'));
    expect(results.benchmarks.map((b) => b.id)).toEqual(['org.example.Fib.fib(n=500)', 'org.example.Text.split']);
    const thrpt = metric(results, 'org.example.Fib.fib(n=500)', 'throughput');
    expect(thrpt).toMatchObject({ unit: 'ops/s', direction: 'bigger', gate: true, observation: 'sample' });
    expect(thrpt.runs).toEqual(json[0].primaryMetric.rawData.flat().map((v: number) => v * 1000));
    expect(metric(results, 'org.example.Fib.fib(n=500)', 'average-time')).toMatchObject({ unit: 'ns', direction: 'smaller' });
    expect(metric(results, 'org.example.Text.split', 'gc.alloc.rate.norm')).toMatchObject({ unit: 'B/op', gate: false });
  });
});

describe('jmh sample mode', () => {
  test('each iteration of rawDataHistogram becomes its weighted mean', () => {
    const text = JSON.stringify([
      {
        benchmark: 'a.B.c',
        mode: 'sample',
        primaryMetric: {
          score: 2,
          scoreUnit: 'us/op',
          rawDataHistogram: [
            [
              [
                [1, 3],
                [5, 1],
              ],
              [[2, 2]],
            ],
          ],
        },
      },
    ]);
    expect(metric(parseJmh(file('j.json', text)), 'a.B.c', 'sample-time')).toMatchObject({
      unit: 'ns',
      direction: 'smaller',
      observation: 'sample',
      runs: [2000, 2000],
    });
    const bad = JSON.stringify([{ benchmark: 'a', mode: 'sample', primaryMetric: { scoreUnit: 'us/op', rawDataHistogram: [[[[1, 'x']]]] } }]);
    expectFormatError(() => parseJmh(file('j.json', bad)), /finite number/, '$[0].primaryMetric.rawDataHistogram[0][0][0][1]');
  });
});

describe('benchmarkdotnet (fixtures built from the documented format)', () => {
  test('before 0.11 the final iterations were IterationMode Result, with no IterationStage', () => {
    const text = JSON.stringify({
      Benchmarks: [
        {
          FullName: 'A.B',
          Statistics: { Mean: 1, StandardDeviation: 0, N: 1 },
          Measurements: [
            { IterationMode: 'MainTarget', Operations: 4, Nanoseconds: 80 },
            { IterationMode: 'Result', Operations: 4, Nanoseconds: 40 },
            { IterationMode: 'Result', Operations: 4, Nanoseconds: 44 },
          ],
        },
      ],
    });
    expect(metric(parseBenchmarkdotnet(file('b.json', text)), 'A.B', 'time').runs).toEqual([10, 11]);
  });

  test('Workload/Result measurements are samples of ns per operation', () => {
    const json = fixtureJson('benchmarkdotnet/base.json');
    const results = parseBenchmarkdotnet(fromFixture('benchmarkdotnet/base.json'));
    expect(results.benchmarks.map((b) => b.id)).toEqual(['Example.Benchmarks.Fib(N: 500)', 'Example.Benchmarks.Split']);
    const time = metric(results, 'Example.Benchmarks.Split', 'time');
    const expected = json.Benchmarks[1].Measurements.filter((m: any) => m.IterationStage === 'Result').map((m: any) => m.Nanoseconds / m.Operations);
    expect(time.observation).toBe('sample');
    expect(time.runs).toEqual(expected);
    expect(metric(results, 'Example.Benchmarks.Split', 'alloc-bytes').runs).toEqual([312]);
  });

  test('the brief export becomes an aggregate', () => {
    const time = metric(parseBenchmarkdotnet(fromFixture('benchmarkdotnet/brief-base.json')), 'Example.Benchmarks.Split', 'time');
    expect(time.observation).toBe('aggregate');
    expect(time.aggregate!.count).toBe(14);
  });
});

describe('customSmallerIsBetter / customBiggerIsBetter', () => {
  test('repeated names are process runs; units normalise', () => {
    const json = fixtureJson('custom/base-smaller.json');
    const smaller = parseCustomSmallerIsBetter(fromFixture('custom/base-smaller.json'));
    expect(smaller.tool).toBe('customSmallerIsBetter');
    expect(metric(smaller, 'fib/500', 'value')).toMatchObject({ unit: 'ns', direction: 'smaller', observation: 'process' });
    expect(metric(smaller, 'fib/500', 'value').runs).toEqual(json.filter((e: any) => e.name === 'fib/500').map((e: any) => e.value));
    const bigger = parseCustomBiggerIsBetter(fromFixture('custom/base-bigger.json'));
    const ops = fixtureJson('custom/base-bigger.json')[1].value;
    expect(metric(bigger, 'sum <b>1k</b>', 'value')).toMatchObject({ unit: 'ops/s', direction: 'bigger' });
    expect(metric(bigger, 'sum <b>1k</b>', 'value').runs[0]).toBeCloseTo(ops * 1000, 6);
    expect(metric(parseCustomSmallerIsBetter(fromFixture('custom/single-smaller.json')), 'fib/500', 'value').observation).toBe('single');
  });

  test('one name with two units is refused at the second entry', () => {
    const text = '[{"name":"a","unit":"ms","value":1},{"name":"a","unit":"s","value":2}]';
    expectFormatError(() => parseCustomSmallerIsBetter(file('c.json', text)), /unit 's' here but 'ms'/, '$[1].unit');
  });
});

describe('benchgate', () => {
  test("reads benchgate's own results, e.g. an adapter's output written to disk", async () => {
    const results = await parseToolOutput(fixture('criterion/base'), 'criterion', { commit: 'abc', ref: 'main' });
    const again = parseBenchgate(file('r.json', JSON.stringify(results)));
    expect(again).toEqual(results);
    expectFormatError(() => parseBenchgate(file('r.json', '{"schema":"benchgate/results@9"}')), /newer/);
  });
});
