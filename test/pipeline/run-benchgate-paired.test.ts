/**
 * The action pipeline in the same-runner design (`compare-with: base`): a real git repository,
 * real worktrees and real suite processes; the store and GitHub are fakes (their own tests cover them).
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createFileStore } from '../../src/baseline/file-store.ts';
import { ReportSchema } from '../../src/compare/schema.ts';
import { buildConfig, type Config } from '../../src/config/config.ts';
import type { JobSummary } from '../../src/github/actions-core.ts';
import type { PullRequestContext } from '../../src/github/pull-request-context.ts';
import { runBenchgate, type BenchgateDeps } from '../../src/pipeline.ts';
import { assignShard } from '../../src/results/assign-shard.ts';
import { ResultsSchema } from '../../src/results/schema.ts';
import { createFakeClient } from '../github/helpers.ts';
import { environment, git, makeRepository, scratchDir } from '../runner/paired-helpers.ts';

function config(repo: { workspace: string }, inputs: Record<string, string>): Config {
  const out = scratchDir('benchgate-paired-out-');
  const parsed = buildConfig(
    (name) => inputs[name] ?? '',
    5,
    () => false,
  );
  return {
    ...parsed,
    output: path.join(out, 'results.json'),
    reportJson: path.join(out, 'report.json'),
    reportMarkdown: path.join(out, 'report.md'),
    baselineFile: path.join(out, 'stored.json'),
    baselineStore: 'file',
  };
}

function deps(repo: { workspace: string; head: string }, eventName = 'pull_request') {
  const log: string[] = [];
  const outputs: Record<string, unknown> = {};
  const summary: JobSummary = { addRaw: () => summary, write: async () => summary };
  const core = {
    setOutput: (name: string, value: unknown) => void (outputs[name] = value),
    error: (message: string | Error) => void log.push(`error ${String(message)}`),
    warning: (message: string | Error) => void log.push(`warning ${String(message)}`),
    info: (message: string) => void log.push(`info ${message}`),
  };
  const context: PullRequestContext = {
    owner: 'o',
    repo: 'r',
    issueNumber: 3,
    headSha: repo.head,
    baseRef: 'main',
    headRef: 'change',
    headOwner: 'o',
    isFork: false,
    eventName,
    triggeringEvent: null,
  };
  const client = createFakeClient();
  const value: BenchgateDeps = {
    cwd: repo.workspace,
    env: { ...process.env, GITHUB_TOKEN: 'ghs_pipelinepairedtoken' },
    environment,
    event: { context, ref: 'refs/pull/3/merge', defaultBranch: 'main' },
    log: { info: core.info, warning: core.warning },
    createStore: (settings) => createFileStore({ path: settings.baselineFile!, saveBaseline: false, workspace: repo.workspace }, { log: core }),
    octokit: client.client,
    core,
    summary,
    tempDir: scratchDir('benchgate-paired-tmp-'),
  };
  return { deps: value, log, outputs, client };
}

const worktrees = (workspace: string) =>
  git(workspace, 'worktree', 'list', '--porcelain')
    .split('\n')
    .filter((line) => line.startsWith('worktree ')).length;

describe('runBenchgate with compare-with: base', () => {
  test('a pull request measures its merge base here, compares round by round, and fails on the regressed deterministic metric', async () => {
    const repo = makeRepository();
    const run = deps(repo);
    const settings = config(repo, {
      suites: 'benchmarks/*.bench.ts',
      runs: '8',
      time: '5',
      'warmup-time': '0',
      alpha: '0.05',
      'github-token': 'ghs_pipelinepairedtoken',
    });
    const outcome = await runBenchgate(settings, run.deps);
    const report = ReportSchema.parse(outcome.report);
    expect(report.baselineChoice).toMatchObject({ method: 'same-runner', commit: repo.base, branch: 'main', historyRuns: 0 });
    expect(report.baselineChoice!.description).toMatch(
      /^same-runner A\/B: the merge base [0-9a-f]{7} of main, measured on this runner with the current commit in 8 interleaved rounds; setup: package-lock\.json is byte-identical/,
    );
    expect(report.baseline!.commit).toBe(repo.base);
    expect(report.current.commit).toBe(repo.head);
    const tree = report.comparisons.find((c) => c.id === 'clock/spin' && c.metric === 'tree-value')!;
    expect(tree).toMatchObject({ verdict: 'regressed', design: 'paired' });
    expect(report.comparisons.filter((c) => c.id === 'extra/added').every((c) => c.verdict === 'new')).toBe(true);
    expect(outcome.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe('fail');
    expect(report.reproduce).toBe(`npx benchgate ab ${repo.base} --runs 8 --seed 5 --suites 'benchmarks/*.bench.ts' --threshold 5% --alpha 0.05`);
    // The token never reached the suites (the metric is 1 if any variable held it).
    expect(report.comparisons.find((c) => c.metric === 'token-visible')!.current!.center).toBe(0);
    expect(worktrees(repo.workspace)).toBe(1);
    expect(run.log.some((line) => line.startsWith('info round 8/8 · clock · '))).toBe(true);
  });

  test('a shard job (shard: i/n) measures its slice on both sides, writes both with its identity, and neither comments nor gates', async () => {
    const repo = makeRepository();
    const run = deps(repo);
    run.deps.env = { ...run.deps.env, GITHUB_RUN_ID: '8080', PAIRED_FIXTURE: '3' };
    const index = assignShard('clock/spin', 2);
    const settings = config(repo, { suites: 'benchmarks/*.bench.ts', runs: '8', time: '5', 'warmup-time': '0', alpha: '0.05', shard: `${index}/2` });
    const outcome = await runBenchgate(settings, run.deps);
    expect(outcome).toMatchObject({ exitCode: 0, failure: null, commentUrl: null });
    expect(run.client.calls).toEqual([]);
    // The slice's own comparison still ran (same design as one job), for the shard's report file.
    expect(outcome.report.comparisons.find((c) => c.id === 'clock/spin' && c.metric === 'tree-value')).toMatchObject({
      verdict: 'regressed',
      design: 'paired',
    });
    const written = ResultsSchema.parse(JSON.parse(readFileSync(settings.output, 'utf8')));
    const slice = ['clock/spin', 'extra/added'].filter((id) => assignShard(id, 2) === index);
    expect(written.shard).toMatchObject({ index, count: 2, runId: '8080', design: 'same-runner', assigned: slice });
    expect(written.shard!.base!.commit).toBe(repo.base);
    expect(written.shard!.base!.benchmarks.map((b) => b.id)).toEqual(['clock/spin']);
    expect(written.benchmarks.find((b) => b.id === 'clock/spin')!.metrics.find((m) => m.name === 'tree-value')!.runs).toHaveLength(8);
    expect(worktrees(repo.workspace)).toBe(1);
  });

  test('a base without the suites falls back to the stored design with a warning naming the cause', async () => {
    const repo = makeRepository();
    // Rewrite history so that main has no benchmarks folder: the base tree has none of the suites.
    git(repo.workspace, 'checkout', '-q', 'main');
    git(repo.workspace, 'rm', '-q', '-r', 'benchmarks');
    git(repo.workspace, 'commit', '-q', '-m', 'no suites');
    git(repo.workspace, 'push', '-q', 'origin', 'main');
    git(repo.workspace, 'checkout', '-q', '-b', 'adds-suites');
    git(repo.workspace, 'checkout', '-q', 'change', '--', 'benchmarks');
    git(repo.workspace, 'commit', '-q', '-m', 'add suites');
    const head = git(repo.workspace, 'rev-parse', 'HEAD');
    const run = deps({ workspace: repo.workspace, head });
    const outcome = await runBenchgate(
      config(repo, { 'compare-with': 'base', suites: 'benchmarks/*.bench.ts', runs: '2', time: '5', 'warmup-time': '0' }),
      run.deps,
    );
    expect(run.log).toContainEqual(
      expect.stringMatching(/^warning compare-with: base: the base tree has none of the suites: .* \(no-suites\); comparing with the stored baseline instead$/),
    );
    expect(outcome.report.baselineChoice).toBeNull();
    expect(outcome.report.baseline).toBeNull();
    expect(outcome.exitCode).toBe(0);
    expect(worktrees(repo.workspace)).toBe(1);
  });

  test('compare-with: auto on a push uses the stored design without touching git', async () => {
    const repo = makeRepository();
    rmSync(path.join(repo.workspace, 'benchmarks', 'extra.bench.ts'));
    const run = deps(repo, 'push');
    const outcome = await runBenchgate(config(repo, { suites: 'benchmarks/*.bench.ts', runs: '2', time: '5', 'warmup-time': '0' }), run.deps);
    expect(outcome.report.baselineChoice).toBeNull();
    expect(run.log.some((line) => line.includes('same-runner'))).toBe(false);
    expect(outcome.results!.benchmarks.find((b) => b.id === 'clock/spin')!.metrics[0]!.runs).toHaveLength(2);
    expect(worktrees(repo.workspace)).toBe(1);
  });

  test("the stored design runs 'command' once in the workspace, without the token, and reads its output", async () => {
    const repo = makeRepository();
    const run = deps(repo, 'push');
    const command = `test -z "$GITHUB_TOKEN" && echo '[{"name":"parse","unit":"ms","value":3}]' > out.json`;
    const outcome = await runBenchgate(config(repo, { command, 'output-file-path': 'out.json', tool: 'customSmallerIsBetter' }), run.deps);
    expect(outcome.results!.benchmarks.map((b) => b.id)).toEqual(['parse']);
    expect(run.log).toContain(`info running '${command}'`);
    const failing = await runBenchgate(
      config(repo, { command: 'exit 3', 'output-file-path': 'out.json', tool: 'customSmallerIsBetter' }),
      deps(repo, 'push').deps,
    ).catch((e: unknown) => e);
    expect((failing as Error).message).toMatch(/^input 'command' failed: 'exit 3' exited with code 3/);
  });
});
