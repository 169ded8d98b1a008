import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { createFileStore } from '../../src/baseline/file-store.ts';
import type { SaveTarget } from '../../src/baseline/store.ts';
import { buildConfig, type Config } from '../../src/config/config.ts';
import type { JobSummary } from '../../src/github/actions-core.ts';
import type { PullRequestContext } from '../../src/github/pull-request-context.ts';
import { commentLinks, runBenchgate, type BenchgateDeps } from '../../src/pipeline.ts';
import { bench, ENVIRONMENT, metric, results } from '../compare/helpers.ts';
import { createFakeClient } from '../github/helpers.ts';

const baseRuns = [100, 101, 99, 100.5, 100.2, 99.8, 100.1, 99.9, 100.3, 100.4];
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'benchgate-push-'));
});

function write(name: string, runs: number[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(results([bench('suite/task', metric(runs))], { commit: null, ref: null })));
  return file;
}

function config(inputs: Record<string, string>): Config {
  const parsed = buildConfig(
    (name) => inputs[name] ?? '',
    5,
    () => false,
  );
  return { ...parsed, output: path.join(dir, 'results.json'), reportJson: path.join(dir, 'report.json'), reportMarkdown: path.join(dir, 'report.md') };
}

const pushContext = (): PullRequestContext => ({
  owner: 'o',
  repo: 'r',
  issueNumber: null,
  headSha: 'c'.repeat(40),
  baseRef: null,
  headRef: 'main',
  headOwner: 'o',
  isFork: false,
  eventName: 'push',
  triggeringEvent: null,
});

const prContext = (): PullRequestContext => ({ ...pushContext(), issueNumber: 7, baseRef: 'main', headRef: 'feature', eventName: 'pull_request' });

type AfterPush = NonNullable<BenchgateDeps['reportHistoryAfterPush']>;

/**
 * Fakes for one run: the file store (wrapped to record save targets, optionally posing as the
 * git-branch store), the fake REST client, a job summary that keeps its text, and a recording
 * stand-in for reportHistoryAfterPush.
 */
function deps(options: { context?: PullRequestContext; octokit?: boolean; ref?: string } = {}) {
  const client = createFakeClient();
  const log: string[] = [];
  const saved: SaveTarget[] = [];
  const afterPush: Array<Parameters<AfterPush>> = [];
  const summaryText: string[] = [];
  const summary: JobSummary = {
    addRaw: (text: string) => {
      summaryText.push(text);
      return summary;
    },
    write: async () => summary,
  };
  const core = {
    setOutput: () => {},
    error: (message: string | Error) => void log.push(`error ${String(message)}`),
    warning: (message: string | Error) => void log.push(`warning ${String(message)}`),
    info: (message: string) => void log.push(`info ${message}`),
  };
  const value: BenchgateDeps = {
    cwd: dir,
    env: { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '42' },
    environment: ENVIRONMENT,
    event: { context: options.context ?? pushContext(), ref: options.ref ?? 'refs/heads/main', defaultBranch: 'main' },
    log: { info: core.info, warning: core.warning },
    createStore: (settings) => {
      const store = createFileStore({ path: settings.baselineFile!, saveBaseline: settings.saveBaseline, workspace: dir }, { log: core });
      return {
        load: (query) => store.load(query),
        save: async (run, target) => {
          saved.push(target);
          return store.save(run, target);
        },
      };
    },
    octokit: options.octokit === false ? null : client.client,
    core,
    summary,
    reportHistoryAfterPush: async (...args: Parameters<AfterPush>) => {
      afterPush.push(args);
      await args[1].appendSummary('CHANGE POINTS');
      await args[1].createCommitComment('d'.repeat(40), 'change point body');
      return { found: [], published: null };
    },
  };
  return { deps: value, log, saved, afterPush, summaryText, client };
}

/** A push whose current run is `factor` times the stored baseline, with the given extra inputs. */
function pushInputs(factor: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'output-file-path': write(
      'current.json',
      baseRuns.map((v) => v * factor),
    ),
    'baseline-file': write('base.json', baseRuns),
    'save-baseline': 'true',
    ...extra,
  };
}

describe('runBenchgate on a push to the default branch', () => {
  test('a regression: the summary says it was a push, the commit gets a comment, and the run is stored marked as a regression', async () => {
    const run = deps();
    const outcome = await runBenchgate(config(pushInputs(1.25)), run.deps);
    expect(outcome.report.summary.gated.regressed).toBe(1);
    expect(run.saved).toEqual([{ benchmarkSet: 'default', branch: 'main', commit: 'c'.repeat(40), regression: true }]);
    expect(run.summaryText.join('')).toContain('Push to **main**, compared with the previous stored run on main');
    const comments = run.client.calls.filter((call) => call.method === 'createCommitComment');
    expect(comments).toHaveLength(1);
    expect(comments[0]!.params).toMatchObject({ owner: 'o', repo: 'r', commit_sha: 'c'.repeat(40) });
    expect(comments[0]!.params.body).toContain('marked as a regression in the stored index');
    expect(run.log).toContain(`info commented on commit ccccccc: https://github.com/o/r/commit/${'c'.repeat(40)}#commitcomment-1`);
  });

  test('no regression: no commit comment under comment-on-push regression, one under always, none under never; stored unmarked', async () => {
    for (const [rule, count] of [
      ['regression', 0],
      ['always', 1],
      ['never', 0],
    ] as const) {
      const run = deps();
      await runBenchgate(config(pushInputs(1, { 'comment-on-push': rule })), run.deps);
      expect(
        run.client.calls.filter((call) => call.method === 'createCommitComment'),
        rule,
      ).toHaveLength(count);
      expect(run.saved.map((target) => target.regression)).toEqual([false]);
    }
  });

  test('without a token the commit comment is a warning, and the run is still stored', async () => {
    const run = deps({ octokit: false });
    await runBenchgate(config(pushInputs(1.25)), run.deps);
    expect(run.log).toContain(`warning no commit comment on ccccccc (comment-on-push: regression): there is no github-token`);
    expect(run.saved).toHaveLength(1);
  });

  test('a push that does not store (not a save-on branch) writes the plain summary, comments nowhere and saves nothing', async () => {
    const run = deps({ context: { ...pushContext(), headRef: 'topic' }, ref: 'refs/heads/topic' });
    await runBenchgate(config(pushInputs(1.25)), run.deps);
    expect(run.saved).toEqual([]);
    expect(run.client.calls).toEqual([]);
    expect(run.summaryText.join('')).not.toContain('Push to');
    expect(run.afterPush).toEqual([]);
  });

  test('after the data branch stored the run, the history is reported: options from the config, summary and commit comments wired', async () => {
    const run = deps();
    const settings = { ...config(pushInputs(1.25, { dashboard: 'true' })), baselineStore: 'git-branch' as const };
    await runBenchgate(settings, run.deps);
    expect(run.afterPush).toHaveLength(1);
    const [options] = run.afterPush[0]!;
    expect(options).toEqual({
      workspace: dir,
      dataBranch: 'benchgate-data',
      benchmarkSet: 'default',
      branch: 'main',
      commit: 'c'.repeat(40),
      commitUrl: 'https://github.com/o/r/commit/{commit}',
      commentOnCommit: true,
      dashboard: { folder: 'dashboard', url: 'https://o.github.io/r/dashboard/' },
      token: null,
    });
    expect(run.summaryText).toContain('CHANGE POINTS');
    const comments = run.client.calls.filter((call) => call.method === 'createCommitComment');
    expect(comments.map((call) => [call.params.commit_sha, call.params.body === 'change point body'])).toEqual([
      ['c'.repeat(40), false],
      ['d'.repeat(40), true],
    ]);
  });

  test('history is not reported when the save failed, with the file store, or with data-repository', async () => {
    const unsaved = deps();
    await runBenchgate({ ...config(pushInputs(1.25, { 'save-baseline': 'false' })), baselineStore: 'git-branch' }, unsaved.deps);
    expect(unsaved.afterPush).toEqual([]);
    const file = deps();
    await runBenchgate(config(pushInputs(1.25)), file.deps);
    expect(file.afterPush).toEqual([]);
    const elsewhere = deps();
    await runBenchgate({ ...config(pushInputs(1.25, { 'data-repository': 'acme/data' })), baselineStore: 'git-branch' }, elsewhere.deps);
    expect(elsewhere.afterPush).toEqual([]);
    expect(elsewhere.log.some((line) => line.includes('with data-repository they are skipped'))).toBe(true);
  });

  test('dashboard off: no dashboard to publish; comment-on-push never: no change-point comments; dashboard-url is used as given', async () => {
    const off = deps();
    await runBenchgate({ ...config(pushInputs(1, { 'comment-on-push': 'never' })), baselineStore: 'git-branch' }, off.deps);
    expect(off.afterPush[0]![0]).toMatchObject({ dashboard: null, commentOnCommit: false });
    const given = deps();
    await runBenchgate(
      { ...config(pushInputs(1, { dashboard: 'true', 'dashboard-url': 'https://perf.example.com/bench/' })), baselineStore: 'git-branch' },
      given.deps,
    );
    expect(given.afterPush[0]![0].dashboard).toEqual({ folder: 'dashboard', url: 'https://perf.example.com/bench/' });
  });
});

describe('dashboard links in the pull request comment', () => {
  test('with dashboard on, the regressed benchmark links to its page for the base branch; off, no link', async () => {
    const on = deps({ context: prContext(), ref: 'refs/pull/7/merge' });
    await runBenchgate(config(pushInputs(1.25, { dashboard: 'true', 'save-baseline': 'false' })), on.deps);
    const body = String(on.client.calls.find((call) => call.method === 'createComment')!.params.body);
    expect(body).toContain('<sub>[history](https://o.github.io/r/dashboard/?set=default&branch=main&bench=suite%2Ftask)</sub>');
    const off = deps({ context: prContext(), ref: 'refs/pull/7/merge' });
    await runBenchgate(config(pushInputs(1.25, { 'save-baseline': 'false' })), off.deps);
    expect(String(off.client.calls.find((call) => call.method === 'createComment')!.params.body)).not.toContain('[history]');
  });

  test('commentLinks: only gated regressions, keyed by benchmark id', async () => {
    const run = deps({ context: prContext(), ref: 'refs/pull/7/merge' });
    const { report } = await runBenchgate(config(pushInputs(1.25, { 'save-baseline': 'false', 'fail-on': 'never' })), run.deps);
    const links = commentLinks(report, { dashboard: true, dashboardUrl: 'https://x.io/d', benchmarkSet: 'a b' }, run.deps);
    expect([...links]).toEqual([['suite/task', 'https://x.io/d/?set=a+b&branch=main&bench=suite%2Ftask']]);
    expect(commentLinks(report, { dashboard: false, dashboardUrl: null, benchmarkSet: 'default' }, run.deps).size).toBe(0);
  });
});

describe('the first push', () => {
  test('nothing stored yet: the summary does not claim a comparison, no commit comment, the run is stored unmarked', async () => {
    const run = deps();
    const outcome = await runBenchgate(
      config({
        'output-file-path': write('current.json', baseRuns),
        'baseline-file': path.join(dir, 'none.json'),
        'save-baseline': 'true',
        'comment-on-push': 'always',
      }),
      run.deps,
    );
    expect(outcome.report.baseline).toBeNull();
    expect(run.summaryText.join('')).not.toContain('compared with the previous stored run');
    expect(run.client.calls).toEqual([]);
    expect(run.saved.map((target) => target.regression)).toEqual([false]);
  });
});
