import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { createFileStore } from '../../src/baseline/file-store.ts';
import { ReportSchema } from '../../src/compare/schema.ts';
import { buildConfig, type Config } from '../../src/config/config.ts';
import type { JobSummary } from '../../src/github/actions-core.ts';
import type { PullRequestContext } from '../../src/github/pull-request-context.ts';
import { runBenchgate, type BenchgateDeps } from '../../src/pipeline.ts';
import { describeGate } from '../../src/report/describe-reason.ts';
import { assignShard } from '../../src/results/assign-shard.ts';
import { ResultsSchema, type Results } from '../../src/results/schema.ts';
import { bench, ENVIRONMENT, metric, noisyRuns, results } from '../compare/helpers.ts';
import { createFakeClient } from '../github/helpers.ts';
import { shardResults, suiteIds } from '../results/shard-helpers.ts';

const fixture = path.resolve(import.meta.dirname, '../runner/fixtures/many.bench.ts');
const ids = suiteIds(30);
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'benchgate-shard-pipeline-'));
});

function config(inputs: Record<string, string>): Config {
  const parsed = buildConfig(
    (name) => inputs[name] ?? '',
    5,
    () => false,
  );
  return { ...parsed, output: path.join(dir, 'results.json'), reportJson: path.join(dir, 'report.json'), reportMarkdown: path.join(dir, 'report.md') };
}

function deps(eventName: 'push' | 'pull_request') {
  const pr = eventName === 'pull_request';
  const context: PullRequestContext = {
    owner: 'o',
    repo: 'r',
    issueNumber: pr ? 7 : null,
    headSha: 'h'.repeat(40),
    baseRef: pr ? 'main' : null,
    headRef: pr ? 'feature' : 'main',
    headOwner: 'o',
    isFork: false,
    eventName,
    triggeringEvent: null,
  };
  const client = createFakeClient();
  const log: string[] = [];
  const summaries: string[] = [];
  const summary: JobSummary = {
    addRaw: (text: string) => {
      summaries.push(text);
      return summary;
    },
    write: async () => summary,
  };
  const core = {
    setOutput: () => undefined,
    error: (message: string | Error) => void log.push(`error ${String(message)}`),
    warning: (message: string | Error) => void log.push(`warning ${String(message)}`),
    info: (message: string) => void log.push(`info ${message}`),
  };
  const value: BenchgateDeps = {
    cwd: dir,
    env: { ...process.env, GITHUB_RUN_ID: '99' },
    environment: ENVIRONMENT,
    event: { context, ref: pr ? 'refs/pull/7/merge' : 'refs/heads/main', defaultBranch: 'main' },
    log: { info: core.info, warning: core.warning },
    createStore: (settings) => createFileStore({ path: settings.baselineFile!, saveBaseline: settings.saveBaseline, workspace: dir }, { log: core }),
    octokit: client.client,
    core,
    summary,
  };
  return { deps: value, client, log, summaries };
}

function writeJson(name: string, value: unknown): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value));
  return file;
}

/** The whole suite's stored baseline: every id near 100. */
function storedBaseline(): string {
  return writeJson(
    'baseline.json',
    results(
      ids.map((id, i) => bench(id, metric(noisyRuns(10, 100, 0.01, 90000 + i)))),
      { commit: 'b'.repeat(40) },
    ),
  );
}

const read = (file: string) => ResultsSchema.parse(JSON.parse(readFileSync(file, 'utf8'))) as Results;

describe('a shard job (shard: i/n) in the action', () => {
  test('on a save-on push it measures its slice, writes it with its identity, and neither stores nor comments', async () => {
    const baseline = storedBaseline();
    const before = readFileSync(baseline, 'utf8');
    const run = deps('push');
    const outcome = await runBenchgate(
      config({
        suites: fixture,
        shard: '2/3',
        runs: '1',
        time: '1',
        'compare-with': 'stored',
        'baseline-file': baseline,
        'save-baseline': 'true',
        'comment-on-push': 'always',
      }),
      run.deps,
    );
    const written = read(path.join(dir, 'results.json'));
    const slice = Array.from({ length: 12 }, (_, i) => `many/task-${i + 1}`)
      .filter((id) => assignShard(id, 3) === 2)
      .sort();
    expect(written.shard).toMatchObject({ index: 2, count: 3, runId: '99', design: 'stored', assigned: slice });
    expect(written.benchmarks.map((b) => b.id).sort()).toEqual(slice);
    expect(outcome).toMatchObject({ exitCode: 0, failure: null, commentUrl: null });
    expect(readFileSync(baseline, 'utf8')).toBe(before);
    expect(run.client.calls).toEqual([]);
    expect(run.log.some((line) => /shard 2\/3: \d+ benchmark\(s\) of the suite measured; this job neither comments nor stores/.test(line))).toBe(true);
    expect(run.log.some((line) => line.includes('baseline saved'))).toBe(false);
    expect(run.summaries.join('')).toContain(
      `## benchgate: shard 2 of 3\n\nThis job measured its slice of the suite: ${slice.length} benchmarks. It neither comments, stores nor gates`,
    );
    expect(run.summaries.join('')).toContain(`- ${slice[0]}`);
  });

  test('on a pull request it never comments, even when its slice regressed', async () => {
    const run = deps('pull_request');
    const many = Array.from({ length: 12 }, (_, i) => `many/task-${i + 1}`);
    const baseline = writeJson(
      'many-baseline.json',
      results(
        many.map((id) => bench(id, metric([1, 1.1, 0.9]))),
        { commit: 'b'.repeat(40) },
      ),
    );
    const outcome = await runBenchgate(
      config({ suites: fixture, shard: '1/2', runs: '1', time: '1', 'compare-with': 'stored', 'baseline-file': baseline, 'comment-on': 'always' }),
      run.deps,
    );
    expect(outcome.exitCode).toBe(0);
    expect(run.client.calls).toEqual([]);
    // Its report covers its slice only: the stored baseline's other benchmarks are not 'missing'.
    expect(outcome.report.comparisons.some((c) => c.verdict === 'missing')).toBe(false);
    expect([...new Set(outcome.report.comparisons.map((c) => c.id))].sort()).toEqual([...new Set(many.filter((id) => assignShard(id, 2) === 1))].sort());
  });

  test("refuses another tool's output: shards split benchgate's own suites", async () => {
    await expect(runBenchgate(config({ shard: '1/2', 'output-file-path': storedBaseline() }), deps('push').deps)).rejects.toThrow(
      /input 'shard' splits benchgate's own suites/,
    );
  });
});

describe('mode: merge in the action', () => {
  function writeShards(count: number, options: Parameters<typeof shardResults>[3] = {}, skip: number[] = []): void {
    for (let index = 1; index <= count; index++) if (!skip.includes(index)) writeJson(`shards/shard-${index}.json`, shardResults(ids, index, count, options));
  }

  test('merges the shards, compares the whole suite with the stored baseline, comments once and gates', async () => {
    writeShards(3, { factor: 1.3 });
    const run = deps('pull_request');
    const outcome = await runBenchgate(config({ mode: 'merge', 'results-files': 'shards/*.json', 'baseline-file': storedBaseline() }), run.deps);
    const report = ReportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')));
    expect(report.comparisons).toHaveLength(ids.length);
    expect(report.comparisons.every((c) => c.verdict === 'regressed')).toBe(true);
    expect(report.shards).toEqual({ count: 3, merged: [1, 2, 3], problems: [], environments: [] });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.failure).toMatch(/^benchgate: 30 regressions/);
    expect(run.client.calls.map((call) => call.method)).toEqual(['listComments', 'createComment']);
    expect(read(path.join(dir, 'results.json')).benchmarks).toHaveLength(ids.length);
  });

  test('on a save-on push the merged results are stored as one job would store them', async () => {
    writeShards(3);
    const baseline = storedBaseline();
    const run = deps('push');
    const outcome = await runBenchgate(
      config({ mode: 'merge', 'results-files': 'shards/*.json', 'baseline-file': baseline, 'save-baseline': 'true' }),
      run.deps,
    );
    expect(outcome.exitCode).toBe(0);
    const stored = read(baseline);
    expect(stored.benchmarks.map((b) => b.id)).toEqual([...ids].sort());
    expect(stored.shard).toBeUndefined();
    expect(stored.commit).toBe('h'.repeat(40));
  });

  test('a missing shard: the partial results are still compared and reported, the run fails naming it, and nothing is stored', async () => {
    writeShards(3, {}, [2]);
    const baseline = storedBaseline();
    const before = readFileSync(baseline, 'utf8');
    const run = deps('push');
    const outcome = await runBenchgate(
      config({ mode: 'merge', 'results-files': 'shards/*.json', 'baseline-file': baseline, 'save-baseline': 'true' }),
      run.deps,
    );
    expect(outcome.exitCode).toBe(1);
    expect(outcome.failure).toBe('benchgate: the shard results are incomplete: shard 2/3 is missing');
    expect(outcome.report.shards).toMatchObject({ count: 3, merged: [1, 3], problems: [{ kind: 'missing', index: 2 }] });
    // The gate in the report fails too, so the comment, the outputs and the exit status agree.
    expect(outcome.report.gate).toMatchObject({ failed: true });
    expect(describeGate(outcome.report).reasons[0]).toBe('the shard results are incomplete: shard 2/3 is missing');
    expect(outcome.report.comparisons.some((c) => c.verdict === 'unchanged')).toBe(true);
    expect(readFileSync(baseline, 'utf8')).toBe(before);
    expect(run.log).toContain('warning shard 2/3 is missing');
    expect(readFileSync(path.join(dir, 'report.md'), 'utf8')).toContain('shard 2/3 is missing');
  });

  test('a duplicated shard is named, and shards on different machines are flagged', async () => {
    writeShards(3);
    writeJson('shards/copy-of-3.json', shardResults(ids, 3, 3));
    const other = shardResults(ids, 1, 3);
    writeJson('shards/shard-1.json', { ...other, environment: { ...ENVIRONMENT, cores: 16 } });
    const run = deps('pull_request');
    const outcome = await runBenchgate(config({ mode: 'merge', 'results-files': 'shards/*.json', 'baseline-file': storedBaseline() }), run.deps);
    expect(outcome.failure).toBe(
      'benchgate: the shard results are incomplete: shard 3/3 is present 2 times (shards/copy-of-3.json, shards/shard-3.json); none of them was merged',
    );
    expect(outcome.report.shards!.environments).toEqual([{ index: 2, differences: [{ field: 'cores', baseline: '16', current: '2' }] }]);
    expect(readFileSync(path.join(dir, 'report.md'), 'utf8')).toMatch(/shard 2 ran on a different machine/);
  });

  test("same-runner shards are compared round by round, Holm's family being the whole suite", async () => {
    // 16 rounds: the smallest signed-rank p, 2^-16, passes Holm's alpha / 30 for every benchmark.
    writeShards(2, { paired: true, factor: 1.3, runs: 16 });
    const run = deps('pull_request');
    const outcome = await runBenchgate(config({ mode: 'merge', 'results-files': 'shards/*.json' }), run.deps);
    expect(outcome.report.baselineChoice).toMatchObject({ method: 'same-runner', commit: 'b'.repeat(40), branch: 'main' });
    expect(outcome.report.comparisons).toHaveLength(ids.length);
    expect(outcome.report.comparisons.map((c) => `${c.verdict} ${c.design}`)).toEqual(ids.map(() => 'regressed paired'));
    expect(outcome.exitCode).toBe(1);
  });

  test('a glob that matches nothing, or no results-files at all, is an error naming the input', async () => {
    await expect(runBenchgate(config({ mode: 'merge', 'results-files': 'nowhere/*.json' }), deps('push').deps)).rejects.toThrow(
      /no results file matches 'nowhere\/\*\.json'/,
    );
    await expect(runBenchgate(config({ mode: 'merge' }), deps('push').deps)).rejects.toThrow("input 'results-files' is required with 'mode: merge'");
    expect(existsSync(path.join(dir, 'report.json'))).toBe(false);
  });
});
