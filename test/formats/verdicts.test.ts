import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compareResults, historyKey, pValuesOf, type Comparison, type HistoryJob } from '../../src/compare/index.ts';
import { describeReason } from '../../src/report/describe-reason.ts';
import { repeatedRunsHint } from '../../src/report/describe-tool-hint.ts';
import { parseToolOutput, type ToolName } from '../../src/formats/index.ts';
import type { Results } from '../../src/results/schema.ts';
import { fixture, median } from './helpers.ts';

/**
 * The fixtures' unchanged benchmarks (sum, words, split, steady); BENCH_SLOW=1 makes every other
 * one (the Fibonacci benchmarks, hyperfine's `loop`) do its work twice.
 */
const STEADY = /sum|words|split|steady/i;

async function load(tool: ToolName, relative: string): Promise<Results> {
  return parseToolOutput(fixture(relative), tool);
}

function gated(comparisons: Comparison[]): Comparison[] {
  const list = comparisons.filter((c) => c.gate);
  expect(list.length).toBeGreaterThan(0);
  return list;
}

function verdicts(comparisons: Comparison[]): Record<string, string> {
  return Object.fromEntries(gated(comparisons).map((c) => [`${c.id} ${c.metric}`, c.verdict]));
}

function expectUnchanged(comparisons: Comparison[]) {
  const all = verdicts(comparisons);
  expect(all).toEqual(Object.fromEntries(Object.keys(all).map((key) => [key, 'unchanged'])));
}

function expectSlowdownCaught(comparisons: Comparison[]) {
  const all = verdicts(comparisons);
  const expected = Object.fromEntries(Object.keys(all).map((key) => [key, STEADY.test(key) ? 'unchanged' : 'regressed']));
  expect(all).toEqual(expected);
  expect(Object.values(expected)).toContain('regressed');
  expect(Object.values(expected)).toContain('unchanged');
}

/** Tools whose fixtures keep repeated runs or samples: compare can decide without history. */
const REPEATED: [ToolName, string, string, string][] = [
  ['benchgate', 'benchgate/base.json', 'benchgate/same.json', 'benchgate/slow.json'],
  ['criterion', 'criterion/base', 'criterion/same', 'criterion/slow'],
  ['cargo', 'cargo/base', 'cargo/same', 'cargo/slow'],
  ['googlecpp', 'googlecpp/repetitions-base.json', 'googlecpp/repetitions-same.json', 'googlecpp/repetitions-slow.json'],
  ['go', 'go/count-base.txt', 'go/count-same.txt', 'go/count-slow.txt'],
  ['pytest', 'pytest/base.json', 'pytest/same.json', 'pytest/slow.json'],
  ['hyperfine', 'hyperfine/base.json', 'hyperfine/same.json', 'hyperfine/slow.json'],
  ['jmh', 'jmh/base.json', 'jmh/same.json', 'jmh/slow.json'],
  ['mitata', 'mitata/base.json', 'mitata/same.json', 'mitata/slow.json'],
  ['vitest', 'vitest5/base.json', 'vitest5/same.json', 'vitest5/slow.json'],
  ['divan', 'divan/base', 'divan/same', 'divan/slow'],
  ['callgrind', 'callgrind/base', 'callgrind/same', 'callgrind/slow'],
  ['iai-callgrind', 'iai-callgrind/base/summary', 'iai-callgrind/same/summary', 'iai-callgrind/slow/summary'],
  ['iai-callgrind', 'iai-callgrind/base/terminal', 'iai-callgrind/same/terminal', 'iai-callgrind/slow/terminal'],
  ['benchmarkjs', 'benchmarkjs/base.json', 'benchmarkjs/same.json', 'benchmarkjs/slow.json'],
  ['benchmarkdotnet', 'benchmarkdotnet/base.json', 'benchmarkdotnet/same.json', 'benchmarkdotnet/slow.json'],
  ['customSmallerIsBetter', 'custom/base-smaller.json', 'custom/same-smaller.json', 'custom/slow-smaller.json'],
  ['customBiggerIsBetter', 'custom/base-bigger.json', 'custom/same-bigger.json', 'custom/slow-bigger.json'],
];

describe.each(REPEATED)('%s: verdicts from the real fixtures', (tool, base, same, slow) => {
  test('the unchanged pair is unchanged', async () => {
    expectUnchanged(compareResults(await load(tool, base), await load(tool, same), {}));
  });

  test('the known slowdown is a regression, and only there', async () => {
    expectSlowdownCaught(compareResults(await load(tool, base), await load(tool, slow), {}));
  });
});

/** Tools that give one value or only an aggregate per benchmark and job. */
const ONE_VALUE: [ToolName, string, string, string, string | null][] = [
  ['googlecpp', 'googlecpp/aggregates-base.json', 'googlecpp/aggregates-same.json', 'googlecpp/aggregates-slow.json', 'googlecpp/history'],
  ['vitest', 'vitest/base.json', 'vitest/same.json', 'vitest/slow.json', 'vitest/history'],
  ['benchmarkjs', 'benchmarkjs/base.txt', 'benchmarkjs/same.txt', 'benchmarkjs/slow.txt', 'benchmarkjs/history'],
  ['catch2', 'catch2/base.xml', 'catch2/same.xml', 'catch2/slow.xml', 'catch2/history'],
  ['cargo', 'cargo/base/run-1.txt', 'cargo/same/run-1.txt', 'cargo/slow/run-1.txt', null],
  ['go', 'go/single.txt', 'go/single.txt', 'go/single.txt', null],
  ['divan', 'divan/base/run-1.txt', 'divan/same/run-1.txt', 'divan/slow/run-1.txt', null],
  ['iai-callgrind', 'iai-callgrind/base/terminal/run-1.txt', 'iai-callgrind/same/terminal/run-1.txt', 'iai-callgrind/slow/terminal/run-1.txt', null],
];

async function historyOf(tool: ToolName, folder: string): Promise<HistoryJob[]> {
  const names = readdirSync(fixture(folder)).sort();
  return Promise.all(
    names.map(async (name) => {
      const results = await load(tool, `${folder}/${name}`);
      const centers: Record<string, number> = {};
      for (const benchmark of results.benchmarks) {
        for (const metric of benchmark.metrics) centers[historyKey(benchmark.id, metric.name)] = metric.aggregate?.mean ?? median(metric.runs);
      }
      return { commit: `history-${name}`, centers };
    }),
  );
}

describe.each(ONE_VALUE)('%s with one value per job (%s)', (tool, base, same, slow, history) => {
  test('without history nothing is invented: inconclusive, with the hint for this tool', async () => {
    for (const other of [same, slow]) {
      for (const comparison of gated(compareResults(await load(tool, base), await load(tool, other), {}))) {
        expect(comparison.verdict).toBe('inconclusive');
        expect(comparison.verdict === 'inconclusive' && comparison.p).toBeNull();
        expect(comparison.reason).toMatchObject({ cause: 'untestable', oneValuePerJob: true });
        expect(describeReason(comparison, { tool })).toContain(repeatedRunsHint(tool));
      }
    }
  });

  // The fixtures hold 5 stored jobs, fewer than the 8 the default needs, so the test lowers the
  // minimum to use them. The robust estimate from 5 jobs has about 3 degrees of freedom, so a
  // slowdown may stay inconclusive, but it is tested and never read as unchanged or improved.
  // The unchanged pair is never a false alarm. It may be inconclusive: in the googlecpp fixtures
  // one stored job and the "same" job both ran 8–10% fast (`BM_Fib/500`), and σ_job leaves the odd
  // stored job out, so the fast "same" job reads as "beyond the threshold, not significant".
  test.runIf(history !== null)(
    'with five stored jobs of history (minHistoryJobs 5): no false alarm on the unchanged pair, the slowdown is never missed',
    async () => {
      const jobs = await historyOf(tool, history!);
      expect(jobs).toHaveLength(5);
      const unchanged = gated(compareResults(await load(tool, base), await load(tool, same), { history: jobs, minHistoryJobs: 5 }));
      for (const comparison of unchanged) expect(comparison.verdict).toMatch(/^(unchanged|inconclusive)$/);
      expect(unchanged.filter((comparison) => comparison.verdict === 'unchanged').length).toBeGreaterThanOrEqual(unchanged.length - 1);
      const slowed = gated(compareResults(await load(tool, base), await load(tool, slow), { history: jobs, minHistoryJobs: 5 }));
      for (const comparison of slowed) {
        expect(pValuesOf(comparison)).not.toBeNull();
        expect(comparison.verdict).toMatch(STEADY.test(comparison.id) ? /^unchanged$/ : /^(regressed|inconclusive)$/);
      }
      expect(slowed.map((comparison) => comparison.verdict)).toContain('regressed');
    },
  );
});
