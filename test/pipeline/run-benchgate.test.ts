import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { createFileStore } from '../../src/baseline/file-store.ts';
import { ReportSchema } from '../../src/compare/schema.ts';
import { buildConfig, type Config } from '../../src/config/config.ts';
import type { AnnotationProperties, JobSummary } from '../../src/github/actions-core.ts';
import type { PullRequestContext } from '../../src/github/pull-request-context.ts';
import { runBenchgate, type BenchgateDeps } from '../../src/pipeline.ts';
import { bench, ENVIRONMENT, metric, results } from '../compare/helpers.ts';
import { createFakeClient } from '../github/helpers.ts';

const baseRuns = [100, 101, 99, 100.5, 100.2, 99.8, 100.1, 99.9, 100.3, 100.4];
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'benchgate-pipeline-'));
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

const context = (eventName: string, issueNumber: number | null): PullRequestContext => ({
  owner: 'o',
  repo: 'r',
  issueNumber,
  headSha: 'c'.repeat(40),
  baseRef: issueNumber === null ? null : 'main',
  headRef: issueNumber === null ? 'main' : 'feature',
  headOwner: 'o',
  isFork: false,
  eventName,
  triggeringEvent: null,
});

function deps(eventName: string, issueNumber: number | null, client = createFakeClient()) {
  const log: string[] = [];
  const outputs: Record<string, unknown> = {};
  const summary: JobSummary = {
    addRaw: () => summary,
    write: async () => summary,
  };
  const core = {
    setOutput: (name: string, value: unknown) => void (outputs[name] = value),
    error: (message: string | Error, properties?: AnnotationProperties) => void log.push(`error ${properties?.title ?? ''} ${String(message)}`),
    warning: (message: string | Error) => void log.push(`warning ${String(message)}`),
    info: (message: string) => void log.push(`info ${message}`),
  };
  const value: BenchgateDeps = {
    cwd: dir,
    env: {},
    environment: ENVIRONMENT,
    event: { context: context(eventName, issueNumber), ref: 'refs/heads/main', defaultBranch: 'main' },
    log: { info: core.info, warning: core.warning },
    createStore: (settings) => createFileStore({ path: settings.baselineFile!, saveBaseline: settings.saveBaseline, workspace: dir }, { log: core }),
    octokit: client.client,
    core,
    summary,
  };
  return { deps: value, log, outputs, client };
}

describe('runBenchgate, the action pipeline', () => {
  test('a regressed pull request: report files, outputs, one comment, and the exit status from the gate', async () => {
    const run = deps('pull_request', 7);
    const outcome = await runBenchgate(
      config({
        'output-file-path': write(
          'current.json',
          baseRuns.map((v) => v * 1.25),
        ),
        'baseline-file': write('base.json', baseRuns),
      }),
      run.deps,
    );
    expect(outcome.exitCode).toBe(1);
    expect(outcome.failure).toMatch(/^benchgate: 1 regression: suite\/task latency-p50/);
    expect(ReportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'))).gate.failed).toBe(true);
    expect(readFileSync(path.join(dir, 'report.md'), 'utf8')).toContain('suite/task');
    expect(run.outputs).toMatchObject({ verdict: 'fail', regressions: '1', 'results-file': path.join(dir, 'results.json') });
    expect(run.client.calls.map((call) => call.method)).toEqual(['listComments', 'createComment']);
    expect(outcome.commentUrl).toMatch(/issuecomment/);
    expect(run.log.some((line) => line.startsWith('error '))).toBe(true);
  });

  test("'fail-on: never' reports the regression but passes", async () => {
    const run = deps('pull_request', 7);
    const outcome = await runBenchgate(
      config({
        'output-file-path': write(
          'current.json',
          baseRuns.map((v) => v * 1.25),
        ),
        'baseline-file': write('base.json', baseRuns),
        'fail-on': 'never',
      }),
      run.deps,
    );
    expect(outcome.exitCode).toBe(0);
    expect(outcome.failure).toBeNull();
    expect(outcome.report.comparisons[0]?.verdict).toBe('regressed');
  });

  test('a push looks up no pull request and comments nowhere; the first run has no baseline and passes', async () => {
    const run = deps('push', null);
    const outcome = await runBenchgate(config({ 'output-file-path': write('current.json', baseRuns), 'baseline-file': path.join(dir, 'none.json') }), run.deps);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.report.baseline).toBeNull();
    expect(run.client.calls).toEqual([]);
    expect(run.outputs.verdict).toBe('no-baseline');
  });

  test('mode comment publishes the stored report without gating or annotating', async () => {
    const first = deps('pull_request', 7);
    await runBenchgate(
      config({
        'output-file-path': write(
          'current.json',
          baseRuns.map((v) => v * 1.25),
        ),
        'baseline-file': write('base.json', baseRuns),
      }),
      first.deps,
    );
    const run = deps('pull_request', 7);
    const outcome = await runBenchgate(config({ mode: 'comment', 'report-file': path.join(dir, 'report.json') }), run.deps);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.results).toBeNull();
    expect(run.client.calls.map((call) => call.method)).toEqual(['listComments', 'createComment']);
    expect(run.log.some((line) => line.startsWith('error '))).toBe(false);
  });

  test('mode comment in a workflow_run started by a push looks up no pull request; one started by a pull request does', async () => {
    const first = deps('pull_request', 7);
    await runBenchgate(
      config({ 'output-file-path': write('current.json', baseRuns), 'baseline-file': write('base.json', baseRuns), 'comment-on': 'always' }),
      first.deps,
    );
    for (const [trigger, calls] of [
      ['push', []],
      ['pull_request', ['listPullRequestsAssociatedWithCommit']],
    ] as const) {
      const run = deps('workflow_run', null);
      run.deps.event.context.triggeringEvent = trigger;
      await runBenchgate(config({ mode: 'comment', 'report-file': path.join(dir, 'report.json'), 'comment-on': 'always' }), run.deps);
      expect(run.client.calls.map((call) => call.method).slice(0, 1)).toEqual(calls);
    }
  });

  test('mode comment without a report file is an error naming the input', async () => {
    await expect(runBenchgate(config({ mode: 'comment' }), deps('pull_request', 7).deps)).rejects.toThrow(
      "input 'report-file' is required with 'mode: comment'",
    );
  });
});
