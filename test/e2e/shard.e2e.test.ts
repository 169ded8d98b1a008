/**
 * End to end, sharding (issue 16): the bundled action (`index.js` of a fresh `scripts/build.ts`)
 * run as GitHub runs it, against a bare git repository on disk as `origin` and the OpenAPI-checked
 * loopback GitHub from test/github.
 *
 * 1. A push to main: three shard jobs (`shard: i/3`) each measure their slice and write it; none
 *    comments or touches the data branch. The merge job (`mode: merge`) stores the whole suite.
 * 2. A pull request: three shard jobs again (no comment), then the merge job compares the whole
 *    suite with the stored baseline and comments once.
 * 3. The merge job with shard 2 missing, and with shard 3 duplicated: it fails naming the shard,
 *    still reports the partial results, and stores nothing.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ReportSchema } from '../../src/compare/schema.ts';
import { assignShard } from '../../src/results/assign-shard.ts';
import { ResultsSchema } from '../../src/results/schema.ts';
import { startFakeGitHub, type FakeGitHub } from '../github/fake-github-server.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const owner = 'octo-org';
const repo = 'benchgate-shards';
const PR = 12;
const TASKS = Array.from({ length: 9 }, (_, i) => `many/task-${i + 1}`);

let action: string;
let scratch: string;
let workspace: string;
let origin: string;
let github: FakeGitHub;
let mainSha: string;
let headSha: string;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

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

const pushEvent = () => ({
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
});

const pullRequestEvent = () => ({
  name: 'pull_request',
  ref: `refs/pull/${PR}/merge`,
  sha: headSha,
  payload: {
    action: 'synchronize',
    number: PR,
    pull_request: {
      number: PR,
      state: 'open',
      title: 'Tune the tasks',
      html_url: `https://github.com/${owner}/${repo}/pull/${PR}`,
      head: { ref: 'tune', sha: headSha, repo: repository(), user: { login: owner } },
      base: { ref: 'main', sha: mainSha, repo: repository(), user: { login: owner } },
      user: { login: 'alan' },
    },
    repository: repository(),
    sender: { login: 'alan' },
  },
});

interface ActionRun {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

async function runAction(
  event: { name: string; payload: unknown; ref: string; sha: string },
  inputs: Record<string, string>,
  runId: string,
): Promise<ActionRun> {
  const step = mkdtempSync(path.join(scratch, 'step-'));
  const eventPath = path.join(step, 'event.json');
  const outputPath = path.join(step, 'output');
  const summaryPath = path.join(step, 'summary');
  writeFileSync(eventPath, JSON.stringify(event.payload));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const all: Record<string, string> = {
    suites: 'benchmarks/*.bench.mjs',
    runs: '2',
    time: '5',
    'warmup-time': '0',
    seed: '3',
    'github-token': 'test-token',
    'comment-on': 'always',
    'compare-with': 'stored',
    // The gate must not depend on this shared machine's timing noise.
    threshold: '90%',
    ...inputs,
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
    GITHUB_RUN_ID: runId,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: step,
    ...Object.fromEntries(Object.entries(all).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
  };
  const child = spawn(process.execPath, [action], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, outputs: readOutputs(outputPath), summary: readFileSync(summaryPath, 'utf8') };
}

/** Runs the three shard jobs of one workflow run into `folder` (like download-artifact with merge-multiple). */
async function runShards(event: { name: string; payload: unknown; ref: string; sha: string }, folder: string, runId: string): Promise<void> {
  mkdirSync(path.join(workspace, folder), { recursive: true });
  for (const index of [1, 2, 3]) {
    const run = await runAction(event, { shard: `${index}/3`, output: `${folder}/shard-${index}.json` }, runId);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`shard ${index}/3: \\d+ benchmark\\(s\\) of the suite measured; this job neither comments nor stores`));
    const written = ResultsSchema.parse(JSON.parse(readFileSync(path.join(workspace, folder, `shard-${index}.json`), 'utf8')));
    const slice = TASKS.filter((id) => assignShard(id, 3) === index).sort();
    expect(written.shard).toMatchObject({ index, count: 3, runId, design: 'stored', assigned: slice });
  }
}

function dataBranchFiles(): string {
  try {
    return git(origin, 'ls-tree', '-r', '--name-only', 'benchgate-data');
  } catch {
    return '';
  }
}

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'benchgate-shard-e2e-'));
  execFileSync(process.execPath, [path.join(projectRoot, 'scripts', 'build.ts'), path.join(scratch, 'dist')], { stdio: 'pipe' });
  action = path.join(scratch, 'dist', 'index.js');
  origin = path.join(scratch, 'origin.git');
  workspace = path.join(scratch, 'workspace');
  git(scratch, 'init', '--bare', '--initial-branch=main', origin);
  git(scratch, 'clone', origin, workspace);
  git(workspace, 'config', 'user.name', 'Test');
  git(workspace, 'config', 'user.email', 'test@example.com');
  mkdirSync(path.join(workspace, 'benchmarks'));
  const tinybench = pathToFileURL(path.join(projectRoot, 'node_modules', 'tinybench', 'dist', 'index.js')).href;
  writeFileSync(
    path.join(workspace, 'benchmarks', 'many.bench.mjs'),
    `import { Bench } from ${JSON.stringify(tinybench)};\nconst bench = new Bench();\nfor (let t = 1; t <= ${TASKS.length}; t++) bench.add(\`task-\${t}\`, () => { let s = 0; for (let i = 0; i < 20 * t; i++) s += i; return s; });\nexport default bench;\n`,
  );
  writeFileSync(path.join(workspace, '.gitignore'), 'shards*/\n*.json\n*.md\n');
  git(workspace, 'add', '.');
  git(workspace, 'commit', '-m', 'suite');
  git(workspace, 'push', 'origin', 'main');
  mainSha = git(workspace, 'rev-parse', 'HEAD');
  git(workspace, 'checkout', '-b', 'tune');
  writeFileSync(path.join(workspace, 'NOTES'), 'tuned\n');
  git(workspace, 'add', 'NOTES');
  git(workspace, 'commit', '-m', 'Tune');
  git(workspace, 'push', 'origin', 'tune');
  headSha = git(workspace, 'rev-parse', 'HEAD');
  git(workspace, 'checkout', '-q', 'main');
  github = await startFakeGitHub({ owner, repo, token: 'test-token', pulls: [{ number: PR, headSha, headRef: 'tune', baseRef: 'main' }] });
}, 180_000);

afterAll(async () => {
  await github?.close();
});

describe('sharding, end to end with the bundled action', () => {
  test('push: shard jobs never store; the merge job stores the whole suite', { timeout: 300_000 }, async () => {
    git(workspace, 'checkout', '-q', 'main');
    await runShards(pushEvent(), 'shards-push', '501');
    expect(dataBranchFiles()).toBe('');
    expect(github.comments).toHaveLength(0);

    const merged = await runAction(pushEvent(), { mode: 'merge', 'results-files': 'shards-push/*.json' }, '501');
    expect(merged.code, merged.stdout).toBe(0);
    expect(merged.stdout).toContain('merged 3 of 3 shard(s) (stored design): 9 benchmark(s)');
    expect(merged.stdout).toMatch(/baseline saved to/);
    expect(dataBranchFiles()).toContain(`default/main/${mainSha}.json`);
    const stored = ResultsSchema.parse(JSON.parse(git(origin, 'show', `benchgate-data:default/main/${mainSha}.json`)));
    expect(stored.benchmarks.map((b) => b.id)).toEqual([...TASKS].sort());
    expect(stored.shard).toBeUndefined();
  });

  test('pull request: shard jobs never comment; the merge job compares the whole suite and comments once; a missing or duplicated shard fails it and stores nothing', {
    timeout: 400_000,
  }, async () => {
    git(workspace, 'checkout', '-q', 'tune');
    await runShards(pullRequestEvent(), 'shards-pr', '502');
    expect(github.comments).toHaveLength(0);

    const merged = await runAction(pullRequestEvent(), { mode: 'merge', 'results-files': 'shards-pr/*.json' }, '502');
    expect(merged.code, merged.stdout).toBe(0);
    const report = ReportSchema.parse(JSON.parse(readFileSync(merged.outputs['report-json']!, 'utf8')));
    expect(report.baselineChoice?.commit).toBe(mainSha);
    expect(new Set(report.comparisons.map((c) => c.id))).toEqual(new Set(TASKS));
    expect(report.comparisons.every((c) => c.verdict !== 'new' && c.verdict !== 'missing')).toBe(true);
    expect(report.shards).toEqual({ count: 3, merged: [1, 2, 3], problems: [], environments: [] });
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]!.issueNumber).toBe(PR);

    // Shard 2's artifact never arrived.
    const before = git(origin, 'rev-parse', 'benchgate-data');
    rmSync(path.join(workspace, 'shards-pr', 'shard-2.json'));
    const missing = await runAction(pullRequestEvent(), { mode: 'merge', 'results-files': 'shards-pr/*.json' }, '502');
    expect(missing.code).not.toBe(0);
    expect(missing.outputs.verdict).toBe('fail');
    expect(missing.stdout).toContain('benchgate: the shard results are incomplete: shard 2/3 is missing');
    const partial = ReportSchema.parse(JSON.parse(readFileSync(missing.outputs['report-json']!, 'utf8')));
    expect(partial.shards).toMatchObject({ merged: [1, 3], problems: [{ kind: 'missing', index: 2 }] });
    expect(partial.comparisons.some((c) => c.verdict === 'missing')).toBe(true);
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]!.body).toContain('shard 2/3 is missing');

    // Shard 2 re-run, but shard 3's artifact came twice.
    await runShards(pullRequestEvent(), 'shards-pr', '502');
    copyFileSync(path.join(workspace, 'shards-pr', 'shard-3.json'), path.join(workspace, 'shards-pr', 'shard-3-again.json'));
    const duplicated = await runAction(pullRequestEvent(), { mode: 'merge', 'results-files': 'shards-pr/*.json' }, '502');
    expect(duplicated.code).not.toBe(0);
    expect(duplicated.stdout).toContain('shard 3/3 is present 2 times (shards-pr/shard-3-again.json, shards-pr/shard-3.json); none of them was merged');
    expect(git(origin, 'rev-parse', 'benchgate-data')).toBe(before);
    expect(github.violations).toEqual([]);
  });
});
