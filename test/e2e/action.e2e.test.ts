/**
 * End to end: the bundled action (`index.js` of a fresh `scripts/build.ts`) run as GitHub runs it — a real process with the
 * runner's environment (GITHUB_EVENT_PATH with a real-shaped payload, GITHUB_API_URL, INPUT_*,
 * GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) — against a bare git repository on disk as `origin` and the
 * OpenAPI-checked loopback GitHub from test/github.
 *
 * 1. A push to main stores a baseline on the data branch (first run: no baseline, not failed).
 * 2. A pull request with BENCHGATE_VARIANT=layout=inline-error comments a regression on the
 *    layout benchmark, sets verdict=fail and exits non-zero.
 * 3. The same pull request with the default variant updates the same comment to green and passes.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { changeOf, ReportSchema } from '../../src/compare/schema.ts';
import { startFakeGitHub, type FakeGitHub } from '../github/fake-github-server.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
/** The action as `scripts/build.ts` bundles it from the current src/, built into the scratch folder (dist/ is checked against the same build by `npm test`). */
let action: string;
const suite = path.join(projectRoot, 'benchmarks', 'layout.bench.ts');
const owner = 'octo-org';
const repo = 'benchgate-demo';
const PR = 7;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** Parses the GITHUB_OUTPUT file format (`name<<delimiter`, value lines, `delimiter`). */
function readOutputs(file: string): Record<string, string> {
  const lines = readFileSync(file, 'utf8').split('\n');
  const outputs: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i]!);
    outputs[match[1]!] = value.join('\n');
  }
  return outputs;
}

interface ActionRun {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

let scratch: string;
let workspace: string;
let origin: string;
let github: FakeGitHub;
let mainSha: string;
let headSha: string;

async function runAction(event: { name: string; payload: unknown; ref: string; sha: string }, variant: string | null): Promise<ActionRun> {
  const step = mkdtempSync(path.join(scratch, 'step-'));
  const eventPath = path.join(step, 'event.json');
  const outputPath = path.join(step, 'output');
  const summaryPath = path.join(step, 'summary');
  writeFileSync(eventPath, JSON.stringify(event.payload));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const inputs: Record<string, string> = {
    suites: suite,
    filter: '^layout/ddsplit-replay$',
    runs: '10',
    time: '60',
    'warmup-time': '20',
    seed: '11',
    // The gate must not depend on this shared machine's timing noise (an A/A pair of jobs has
    // shifted by 4.5% with an interval reaching −10%): at 50% only the deterministic
    // bytes-copied metric (a 4× change) can decide it.
    threshold: '50%',
    'github-token': 'test-token',
    'comment-on': 'change',
    'benchmark-set': 'default',
    'data-branch': 'benchgate-data',
    'fail-on': 'regression',
    'fingerprint-mismatch': 'advisory',
  };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? scratch,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: `${owner}/${repo}`,
    GITHUB_API_URL: github.url,
    GITHUB_SHA: event.sha,
    GITHUB_REF: event.ref,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: step,
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    ...(variant ? { BENCHGATE_VARIANT: variant } : {}),
  };
  // The fake GitHub answers from this process, so the action must run asynchronously.
  const child = spawn(process.execPath, [action], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, outputs: readOutputs(outputPath), summary: readFileSync(summaryPath, 'utf8') };
}

function repository() {
  return {
    id: 1,
    name: repo,
    full_name: `${owner}/${repo}`,
    default_branch: 'main',
    owner: { login: owner, id: 2, type: 'Organization' },
    private: false,
    html_url: `https://github.com/${owner}/${repo}`,
  };
}

function pullRequestPayload() {
  return {
    action: 'synchronize',
    number: PR,
    pull_request: {
      number: PR,
      state: 'open',
      title: 'Keep the error inline',
      html_url: `https://github.com/${owner}/${repo}/pull/${PR}`,
      head: { ref: 'inline-error', sha: headSha, repo: repository(), user: { login: owner } },
      base: { ref: 'main', sha: mainSha, repo: repository(), user: { login: owner } },
      user: { login: 'alan' },
    },
    repository: repository(),
    sender: { login: 'alan' },
  };
}

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'benchgate-e2e-'));
  execFileSync(process.execPath, [path.join(projectRoot, 'scripts', 'build.ts'), path.join(scratch, 'dist')], { stdio: 'pipe' });
  action = path.join(scratch, 'dist', 'index.js');
  origin = path.join(scratch, 'origin.git');
  workspace = path.join(scratch, 'workspace');
  git(scratch, 'init', '--bare', '--initial-branch=main', origin);
  git(scratch, 'clone', origin, workspace);
  git(workspace, 'config', 'user.name', 'Test');
  git(workspace, 'config', 'user.email', 'test@example.com');
  writeFileSync(path.join(workspace, 'README.md'), '# demo\n');
  git(workspace, 'add', 'README.md');
  git(workspace, 'commit', '-m', 'initial');
  git(workspace, 'push', 'origin', 'main');
  mainSha = git(workspace, 'rev-parse', 'HEAD');
  git(workspace, 'checkout', '-b', 'inline-error');
  mkdirSync(path.join(workspace, 'src'));
  writeFileSync(path.join(workspace, 'src', 'error.rs'), 'pub enum DistriErr { Payload([u8; 51200]) }\n');
  git(workspace, 'add', 'src');
  git(workspace, 'commit', '-m', 'Keep DistriErr inline');
  git(workspace, 'push', 'origin', 'inline-error');
  headSha = git(workspace, 'rev-parse', 'HEAD');
  github = await startFakeGitHub({ owner, repo, token: 'test-token', pulls: [{ number: PR, headSha, headRef: 'inline-error', baseRef: 'main' }] });
});

afterAll(async () => {
  await github?.close();
});

describe('the bundled action, end to end', () => {
  test('push stores a baseline; a regressing PR fails with a comment; the fixed PR turns it green', { timeout: 240_000 }, async () => {
    git(workspace, 'checkout', '-q', 'main');
    const push = await runAction(
      { name: 'push', ref: 'refs/heads/main', sha: mainSha, payload: { ref: 'refs/heads/main', before: '0'.repeat(40), after: mainSha, repository: repository(), pusher: { name: 'barbara' }, sender: { login: 'barbara' } } },
      null,
    );
    expect(push.code, push.stdout).toBe(0);
    expect(push.outputs.verdict).toBe('no-baseline');
    expect(push.stdout).toMatch(/baseline saved to/);
    expect(git(origin, 'ls-tree', '-r', '--name-only', 'benchgate-data')).toContain(`default/main/${mainSha}.json`);
    expect(github.comments).toHaveLength(0);

    git(workspace, 'checkout', '-q', 'inline-error');
    const pullRequestEvent = { name: 'pull_request', ref: `refs/pull/${PR}/merge`, sha: headSha, payload: pullRequestPayload() };
    const regressed = await runAction(pullRequestEvent, 'layout=inline-error');
    expect(regressed.code, regressed.stdout + regressed.summary).not.toBe(0);
    expect(regressed.outputs.verdict).toBe('fail');
    expect(Number(regressed.outputs.regressions)).toBeGreaterThanOrEqual(1);
    expect(regressed.stdout).toMatch(/::error title=.*layout\/ddsplit-replay/);
    const report = ReportSchema.parse(JSON.parse(readFileSync(regressed.outputs['report-json']!, 'utf8')));
    // The model's own metric is deterministic, so its verdict cannot depend on this machine's noise;
    // the timing's verdict can, and is left to the benchmarks (see README, "What a regression looks like").
    const copied = report.comparisons.find((c) => c.id === 'layout/ddsplit-replay' && c.metric === 'bytes-copied')!;
    expect(copied.verdict).toBe('regressed');
    expect(changeOf(copied)!.ratio).toBeGreaterThan(3);
    expect(report.comparisons.some((c) => c.id === 'layout/ddsplit-replay' && c.metric === 'latency-p50')).toBe(true);
    expect(report.baselineChoice?.commit).toBe(mainSha);
    expect(report.reproduce).toContain(`git fetch origin benchgate-data && git show FETCH_HEAD:default/main/${mainSha}.json > baseline.json`);
    expect(report.reproduce).toContain('--seed 11');
    expect(github.comments).toHaveLength(1);
    const [comment] = github.comments;
    expect(comment!.issueNumber).toBe(PR);
    expect(comment!.body).toContain('<!-- benchgate:default -->');
    expect(comment!.body.split('\n')[1]).toMatch(/^### ❌ fail: \d+ regressions?, /);
    expect(comment!.body).toMatch(/bytes copied ×\d/);
    expect(comment!.body).toContain('layout/ddsplit-replay');
    expect(regressed.outputs['comment-url']).toMatch(/^https?:\/\//);
    expect(regressed.summary).toContain('layout/ddsplit-replay');

    const fixed = await runAction(pullRequestEvent, null);
    expect(fixed.code, fixed.stdout).toBe(0);
    expect(fixed.outputs.verdict).toBe('pass');
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]!.id).toBe(comment!.id);
    expect(github.comments[0]!.body).not.toMatch(/❌/);
    expect(github.comments[0]!.body.split('\n')[1]).toMatch(/^### ✅ pass: 0 regressions, /);
    const fixedReport = ReportSchema.parse(JSON.parse(readFileSync(fixed.outputs['report-json']!, 'utf8')));
    expect(fixedReport.comparisons.find((c) => c.id === 'layout/ddsplit-replay' && c.metric === 'bytes-copied')!.verdict).toBe('unchanged');
    expect(github.violations).toEqual([]);
    // A pull request never stores its numbers as a baseline.
    expect(git(origin, 'ls-tree', '-r', '--name-only', 'benchgate-data')).not.toContain(headSha);
  });
});
