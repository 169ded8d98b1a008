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
 * 3b. The regressing commit is pushed to main (`dashboard: true`): the job fails, the commit gets a
 *    comment, the run is stored marked as a regression in the index, and the dashboard is published.
 * (1–3b use `compare-with: stored`.)
 * 4. Same-runner A/B (`compare-with: auto` on pull_request events): in a second repository whose
 *    pull request keeps the layout model's error inline in its own suite file, the action measures
 *    the merge base in a worktree, interleaved with the head, and fails on bytes-copied; a second
 *    pull request whose base lacks a suite the head adds reports that suite's benchmarks as new.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
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

async function runAction(
  event: { name: string; payload: unknown; ref: string; sha: string },
  variant: string | null,
  overrides: { inputs?: Record<string, string>; workspace?: string; github?: FakeGitHub } = {},
): Promise<ActionRun> {
  const cwd = overrides.workspace ?? workspace;
  const api = overrides.github ?? github;
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
    'compare-with': 'stored',
    ...overrides.inputs,
  };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? scratch,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: `${owner}/${repo}`,
    GITHUB_API_URL: api.url,
    GITHUB_SHA: event.sha,
    GITHUB_REF: event.ref,
    GITHUB_WORKSPACE: cwd,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: step,
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    ...(variant ? { BENCHGATE_VARIANT: variant } : {}),
  };
  // The fake GitHub answers from this process, so the action must run asynchronously.
  const child = spawn(process.execPath, [action], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
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

function pullRequestPayload(pr = { number: PR, headRef: 'inline-error', headSha, baseSha: mainSha, title: 'Keep the error inline' }) {
  return {
    action: 'synchronize',
    number: pr.number,
    pull_request: {
      number: pr.number,
      state: 'open',
      title: pr.title,
      html_url: `https://github.com/${owner}/${repo}/pull/${pr.number}`,
      head: { ref: pr.headRef, sha: pr.headSha, repo: repository(), user: { login: owner } },
      base: { ref: 'main', sha: pr.baseSha, repo: repository(), user: { login: owner } },
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
      {
        name: 'push',
        ref: 'refs/heads/main',
        sha: mainSha,
        payload: {
          ref: 'refs/heads/main',
          before: '0'.repeat(40),
          after: mainSha,
          repository: repository(),
          pusher: { name: 'barbara' },
          sender: { login: 'barbara' },
        },
      },
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

    // The regressing commit lands on main by a push: it fails, comments on the commit, is stored
    // all the same (marked as a regression in the index), and the dashboard is published.
    git(workspace, 'checkout', '-q', 'main');
    git(workspace, 'merge', '-q', '--ff-only', 'inline-error');
    git(workspace, 'push', '-q', 'origin', 'main');
    const landed = await runAction(
      {
        name: 'push',
        ref: 'refs/heads/main',
        sha: headSha,
        payload: {
          ref: 'refs/heads/main',
          before: mainSha,
          after: headSha,
          repository: repository(),
          pusher: { name: 'barbara' },
          sender: { login: 'barbara' },
        },
      },
      'layout=inline-error',
      { inputs: { dashboard: 'true' } },
    );
    expect(landed.code, landed.stdout).not.toBe(0);
    expect(landed.summary).toContain('Push to **main**, compared with the previous stored run on main');
    expect(github.commitComments.map((c) => c.sha)).toEqual([headSha]);
    expect(github.commitComments[0]!.body).toContain('marked as a regression in the stored index');
    const stored = git(origin, 'ls-tree', '-r', '--name-only', 'benchgate-data');
    expect(stored).toContain(`default/main/${headSha}.json`);
    expect(stored).toContain('dashboard/index.html');
    const index = JSON.parse(git(origin, 'show', 'benchgate-data:default/main/index.json')) as { runs: Array<{ commit: string; regression?: boolean }> };
    expect(index.runs.map((run) => [run.commit, run.regression ?? false])).toEqual([
      [headSha, true],
      [mainSha, false],
    ]);
    expect(landed.stdout).toContain('dashboard published: https://octo-org.github.io/');
    expect(github.violations).toEqual([]);
  });
  test('same-runner A/B: the inline-error pull request fails on bytes-copied against its merge base; a suite the base lacks is new', {
    timeout: 400_000,
  }, async () => {
    // A second repository whose suite files are its own: the base tree's wrapper runs the layout
    // suite as it is, the head's keeps DistriErr inline. The variant lives in the code, as in a
    // real pull request, so both sides get the same environment.
    const pairedOrigin = path.join(scratch, 'paired-origin.git');
    const pairedWorkspace = path.join(scratch, 'paired-workspace');
    git(scratch, 'init', '--bare', '--initial-branch=main', pairedOrigin);
    git(scratch, 'clone', pairedOrigin, pairedWorkspace);
    git(pairedWorkspace, 'config', 'user.name', 'Test');
    git(pairedWorkspace, 'config', 'user.email', 'test@example.com');
    const wrapper = (variant: string | null) =>
      [
        `// Runs benchgate's own layout suite${variant ? ` with BENCHGATE_VARIANT=${variant}` : ''}.`,
        ...(variant ? [`process.env.BENCHGATE_VARIANT = ${JSON.stringify(variant)};`] : []),
        `const suite = await import(${JSON.stringify(suite)});`,
        'export default suite.default;',
        'export const metrics = suite.metrics;',
        '',
      ].join('\n');
    mkdirSync(path.join(pairedWorkspace, 'benchmarks'));
    writeFileSync(path.join(pairedWorkspace, 'benchmarks', 'layout.bench.mjs'), wrapper(null));
    git(pairedWorkspace, 'add', '.');
    git(pairedWorkspace, 'commit', '-m', 'layout suite');
    git(pairedWorkspace, 'push', 'origin', 'main');
    const base = git(pairedWorkspace, 'rev-parse', 'HEAD');

    git(pairedWorkspace, 'checkout', '-b', 'inline-error');
    writeFileSync(path.join(pairedWorkspace, 'benchmarks', 'layout.bench.mjs'), wrapper('layout=inline-error'));
    git(pairedWorkspace, 'commit', '-am', 'Keep DistriErr inline');
    git(pairedWorkspace, 'push', 'origin', 'inline-error');
    const inlineHead = git(pairedWorkspace, 'rev-parse', 'HEAD');

    git(pairedWorkspace, 'checkout', '-b', 'adds-suite', 'main');
    writeFileSync(
      path.join(pairedWorkspace, 'benchmarks', 'parse.bench.mjs'),
      `import { Bench } from ${JSON.stringify(pathToFileURL(path.join(projectRoot, 'node_modules', 'tinybench', 'dist', 'index.js')).href)};\nconst bench = new Bench();\nbench.add('split', () => 'a,b,c,d'.split(','));\nexport default bench;\n`,
    );
    git(pairedWorkspace, 'add', '.');
    git(pairedWorkspace, 'commit', '-m', 'Add a parse suite');
    git(pairedWorkspace, 'push', 'origin', 'adds-suite');
    const addsHead = git(pairedWorkspace, 'rev-parse', 'HEAD');

    const pairedGitHub = await startFakeGitHub({
      owner,
      repo,
      token: 'test-token',
      pulls: [
        { number: 8, headSha: inlineHead, headRef: 'inline-error', baseRef: 'main' },
        { number: 9, headSha: addsHead, headRef: 'adds-suite', baseRef: 'main' },
      ],
    });
    try {
      const inputs = { suites: 'benchmarks/*.bench.mjs', filter: '^(layout/ddsplit-replay|parse/.*)$', 'compare-with': 'auto', 'data-branch': 'no-data-here' };
      git(pairedWorkspace, 'checkout', '-q', 'inline-error');
      const inlinePr = { number: 8, headRef: 'inline-error', headSha: inlineHead, baseSha: base, title: 'Keep the error inline' };
      const regressed = await runAction({ name: 'pull_request', ref: 'refs/pull/8/merge', sha: inlineHead, payload: pullRequestPayload(inlinePr) }, null, {
        inputs,
        workspace: pairedWorkspace,
        github: pairedGitHub,
      });
      expect(regressed.code, regressed.stdout + regressed.summary).not.toBe(0);
      expect(regressed.outputs.verdict).toBe('fail');
      const report = ReportSchema.parse(JSON.parse(readFileSync(regressed.outputs['report-json']!, 'utf8')));
      expect(report.baselineChoice).toMatchObject({ method: 'same-runner', commit: base, branch: 'main' });
      expect(report.current.commit).toBe(inlineHead);
      const copied = report.comparisons.find((c) => c.id === 'layout/ddsplit-replay' && c.metric === 'bytes-copied')!;
      expect(copied).toMatchObject({ verdict: 'regressed', design: 'paired' });
      expect(changeOf(copied)!.ratio).toBeGreaterThan(3);
      expect(report.reproduce).toContain(`npx benchgate ab ${base} --runs 10 --seed 11`);
      expect(regressed.stdout).toMatch(/same-runner comparison: base [0-9a-f]{7} \(merge base with origin\/main\)/);
      expect(regressed.stdout).toMatch(/round 10\/10 · layout · (base|head) \d+\.\d s, then (base|head) \d+\.\d s/);
      expect(regressed.stdout).toMatch(/removed the worktree of [0-9a-f]{7}/);
      expect(pairedGitHub.comments).toHaveLength(1);
      expect(pairedGitHub.comments[0]!.issueNumber).toBe(8);
      expect(pairedGitHub.comments[0]!.body).toMatch(/❌/);
      expect(pairedGitHub.comments[0]!.body).toContain('same-runner A/B');
      expect(regressed.summary).toContain('same-runner A/B');

      git(pairedWorkspace, 'checkout', '-q', 'adds-suite');
      const addsPr = { number: 9, headRef: 'adds-suite', headSha: addsHead, baseSha: base, title: 'Add a parse suite' };
      const added = await runAction({ name: 'pull_request', ref: 'refs/pull/9/merge', sha: addsHead, payload: pullRequestPayload(addsPr) }, null, {
        inputs: { ...inputs, runs: '3' },
        workspace: pairedWorkspace,
        github: pairedGitHub,
      });
      expect(added.code, added.stdout + added.summary).toBe(0);
      const addedReport = ReportSchema.parse(JSON.parse(readFileSync(added.outputs['report-json']!, 'utf8')));
      expect(addedReport.baselineChoice?.method).toBe('same-runner');
      const parse = addedReport.comparisons.filter((c) => c.id === 'parse/split');
      expect(parse.length).toBeGreaterThan(0);
      expect(parse.every((c) => c.verdict === 'new')).toBe(true);
      expect(addedReport.comparisons.find((c) => c.id === 'layout/ddsplit-replay' && c.metric === 'bytes-copied')!.verdict).not.toBe('regressed');
      expect(added.stdout).toContain('suite parse is new in the head: its benchmarks have no base');
      // Every worktree was removed, and nothing was stored from a pull request.
      expect(
        git(pairedWorkspace, 'worktree', 'list', '--porcelain')
          .split('\n')
          .filter((line) => line.startsWith('worktree ')),
      ).toHaveLength(1);
      expect(pairedGitHub.violations).toEqual([]);
    } finally {
      await pairedGitHub.close();
    }
  });
});
