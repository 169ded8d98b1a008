/**
 * How long loading one pull request's baseline takes from a large store, against the 2 s budget
 * and against a loader that reads every stored file.
 *
 * Builds, with `git fast-import`, a bare repository holding a 220-commit `main` line, a pull
 * request branch, and a `benchgate-data` branch with 10,000 stored runs across 50 branches
 * (200 each; 10 benchmarks × 2 metrics × 10 runs per file), then times `load()` of the git
 * store (partial clone: index + chosen + 30 history files) and the naive loader side by side.
 *
 * Run: npx node benchmarks/baseline-load.ts [repetitions=5]
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createGitBranchStore } from '../src/baseline/git-branch-store.ts';
import { renderIndex, sortNewestFirst, toIndexEntry } from '../src/baseline/layout.ts';
import { runGit } from '../src/baseline/run-git.ts';
import { parseResults } from '../src/results/parse-results.ts';
import { RESULTS_SCHEMA, type Results } from '../src/results/schema.ts';

const BUDGET_MS = 2000;
const BRANCHES = 50;
const RUNS_PER_BRANCH = 200;
const MAIN_COMMITS = 220;
const repetitions = Number(process.argv[2] ?? 5);

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 }).trim();

function fastImport(repo: string, chunks: Iterable<string | Buffer>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['fast-import', '--quiet'], { cwd: repo, stdio: ['pipe', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import exited with ${code}`))));
    (async () => {
      for (const chunk of chunks) if (!child.stdin.write(chunk)) await new Promise((r) => child.stdin.once('drain', r));
      child.stdin.end();
    })().catch(reject);
  });
}

function* codeHistory(): Generator<string> {
  for (let i = 1; i <= MAIN_COMMITS; i++) {
    const body = `line ${i}\n`;
    yield `commit refs/heads/main\nmark :${i}\ncommitter Dev <dev@example.com> ${1_700_000_000 + i * 60} +0000\ndata 10\ncommit ${String(i).padStart(3, '0')}\n`;
    if (i > 1) yield `from :${i - 1}\n`;
    yield `M 100644 inline src.txt\ndata ${Buffer.byteLength(body)}\n${body}\n`;
  }
  yield `commit refs/heads/feature\ncommitter Dev <dev@example.com> ${1_800_000_000} +0000\ndata 7\nfeature\nfrom :150\nM 100644 inline feature.txt\ndata 2\nx\n\n`;
}

function makeRun(commit: string, minute: number, seed: number): Results {
  let state = seed;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return {
    schema: RESULTS_SCHEMA,
    tool: 'benchgate',
    commit,
    ref: 'refs/heads/main',
    createdAt: new Date(Date.UTC(2026, 0, 1) + minute * 60_000).toISOString(),
    seed,
    environment: {
      cpuModel: 'AMD EPYC 7763 64-Core Processor',
      cores: 4,
      os: 'linux 6.8.0',
      arch: 'x64',
      node: 'v24.11.0',
      runnerImage: 'ubuntu24/20260101.1',
    },
    benchmarks: Array.from({ length: 10 }, (_, b) => ({
      id: `models/task-${b}`,
      state: 'completed' as const,
      metrics: [
        {
          name: 'latency',
          unit: 'ns',
          direction: 'smaller' as const,
          gate: true,
          observation: 'process' as const,
          runs: Array.from({ length: 10 }, () => Math.round(1000 + 100 * random())),
        },
        {
          name: 'throughput',
          unit: 'ops/s',
          direction: 'bigger' as const,
          gate: false,
          observation: 'process' as const,
          runs: Array.from({ length: 10 }, () => Math.round(1e6 + 1e5 * random())),
        },
      ],
    })),
  };
}

function* dataBranch(mainCommits: string[]): Generator<string> {
  yield `commit refs/heads/benchgate-data\ncommitter Bot <bot@example.com> 1900000000 +0000\ndata 6\nstore\n`;
  let seed = 1;
  for (let b = 0; b < BRANCHES; b++) {
    const branch = b === 0 ? 'main' : `feature-${b}`;
    const entries = [];
    for (let r = 0; r < RUNS_PER_BRANCH; r++) {
      // main: runs for every commit except the 20 up to the pull request's merge base (commit 150),
      // so selection walks 20 first-parent steps.
      const commit = b === 0 ? mainCommits[r < 130 ? r : r + 20]! : (b * 100_000 + r).toString(16).padStart(40, '0');
      const results = makeRun(commit, r, seed++);
      const text = `${JSON.stringify(results, null, 2)}\n`;
      entries.push(toIndexEntry(`${commit}.json`, commit, results));
      yield `M 100644 inline default/${branch}/${commit}.json\ndata ${Buffer.byteLength(text)}\n${text}\n`;
    }
    const index = renderIndex('default', branch, sortNewestFirst(entries));
    yield `M 100644 inline default/${branch}/index.json\ndata ${Buffer.byteLength(index)}\n${index}\n`;
  }
}

/** The naive loader: fetch the whole data branch and parse every stored file. */
async function readEveryFile(remote: string, tempDir: string): Promise<number> {
  const dir = mkdtempSync(path.join(tempDir, 'naive-'));
  try {
    await runGit(['init', '--bare', '--quiet', dir], { cwd: tempDir });
    await runGit(['fetch', '--quiet', '--depth=1', '--no-tags', remote, '+refs/heads/benchgate-data:refs/data'], { cwd: dir });
    const names = (await runGit(['ls-tree', '-r', '-z', '--name-only', 'refs/data'], { cwd: dir }))
      .toString('utf8')
      .split('\0')
      .filter((n) => n.endsWith('.json') && !n.endsWith('index.json'));
    const out = await runGit(['cat-file', '--batch'], { cwd: dir, input: names.map((n) => `refs/data:${n}\n`).join('') });
    let position = 0;
    let parsed = 0;
    for (const name of names) {
      const end = out.indexOf(10, position);
      const size = Number(out.subarray(position, end).toString('utf8').split(' ')[2]);
      parseResults(out.subarray(end + 1, end + 1 + size).toString('utf8'), name);
      position = end + 1 + size + 1;
      parsed++;
    }
    return parsed;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

const root = mkdtempSync(path.join(os.tmpdir(), 'benchgate-baseline-load-'));
try {
  const remote = path.join(root, 'remote.git');
  git(root, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
  git(remote, 'config', 'uploadpack.allowFilter', 'true');
  let started = performance.now();
  await fastImport(remote, codeHistory());
  const mainCommits = git(remote, 'rev-list', '--reverse', 'main').split('\n');
  await fastImport(remote, dataBranch(mainCommits));
  const stored = git(remote, 'ls-tree', '-r', '--name-only', 'benchgate-data')
    .split('\n')
    .filter((n) => !n.endsWith('index.json')).length;
  const workspace = path.join(root, 'workspace');
  git(root, 'clone', '--quiet', '--branch', 'feature', remote, workspace);
  const head = git(workspace, 'rev-parse', 'HEAD');
  console.log(`built a store of ${stored} runs across ${BRANCHES} branches in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const log = { info: () => {}, warning: (m: string) => console.log(`warning: ${m}`) };
  const store = createGitBranchStore({ workspace, tempDir: root }, { log });
  const ours: number[] = [];
  const naive: number[] = [];
  let description = '';
  for (let i = 0; i < repetitions; i++) {
    started = performance.now();
    const loaded = await store.load({ benchmarkSet: 'default', baseBranch: 'main', headCommit: head });
    ours.push(performance.now() - started);
    if (loaded?.history.length !== 30) throw new Error('load did not find the baseline and 30 history jobs');
    description = `${loaded.choice.method}: ${loaded.choice.description}`;
    started = performance.now();
    const parsed = await readEveryFile(remote, root);
    naive.push(performance.now() - started);
    if (parsed !== stored) throw new Error(`the naive loader parsed ${parsed} of ${stored} files`);
  }
  const load = median(ours);
  const all = median(naive);
  console.log(`baseline chosen: ${description}`);
  console.log(`load (index + needed files), median of ${repetitions}: ${load.toFixed(0)} ms = ${(load / BUDGET_MS).toFixed(2)} × the ${BUDGET_MS} ms budget`);
  console.log(
    `read every file, median of ${repetitions}: ${all.toFixed(0)} ms; load takes ${(load / all).toFixed(2)} × its time (${(all / load).toFixed(1)}× faster)`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
