import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RESULTS_SCHEMA, type Results } from '../../src/results/schema.ts';
import type { StoreLog } from '../../src/baseline/store.ts';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

/** Runs git synchronously in a test. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** A results file for one commit, with one benchmark whose `ms` runs are `runs`. */
export function makeResults(commit: string, createdAt: string, runs: number[] = [10, 11, 12]): Results {
  return {
    schema: RESULTS_SCHEMA,
    tool: 'benchgate',
    commit,
    ref: 'refs/heads/main',
    createdAt,
    seed: 1,
    environment: { cpuModel: 'Test CPU', cores: 2, os: 'linux', arch: 'x64', node: 'v24.0.0', runnerImage: null },
    benchmarks: [
      {
        id: 'suite/task',
        state: 'completed',
        metrics: [{ name: 'time', unit: 'ms', direction: 'smaller', gate: true, observation: 'process', runs }],
      },
    ],
  };
}

/** An ISO time `n` minutes after a fixed start, so stored runs have a known order. */
export function minute(n: number): string {
  return new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString();
}

/** A log that records what the store said. */
export function recordingLog(): StoreLog & { infos: string[]; warnings: string[] } {
  const infos: string[] = [];
  const warnings: string[] = [];
  return { infos, warnings, info: (m) => infos.push(m), warning: (m) => warnings.push(m) };
}

/**
 * A bare "GitHub" repository with a `main` line of `count` commits, and a full clone of it as the
 * workspace. @returns paths and the main commits, oldest first
 */
export function makeRepository(count: number, allowFilter = true): { root: string; remote: string; workspace: string; main: string[]; cleanup: () => void } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'benchgate-store-test-'));
  const remote = path.join(root, 'remote.git');
  const workspace = path.join(root, 'workspace');
  git(root, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
  // GitHub serves partial clones; a plain bare repository does only when told to.
  if (allowFilter) git(remote, 'config', 'uploadpack.allowFilter', 'true');
  git(root, 'init', '--quiet', '--initial-branch=main', workspace);
  git(workspace, 'remote', 'add', 'origin', remote);
  const main: string[] = [];
  for (let i = 0; i < count; i++) main.push(commit(workspace, `main ${i}`));
  git(workspace, 'push', '--quiet', 'origin', 'main');
  return { root, remote, workspace, main, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Makes an empty commit and returns its SHA. */
export function commit(cwd: string, message: string): string {
  git(cwd, 'commit', '--quiet', '--allow-empty', '-m', message);
  return git(cwd, 'rev-parse', 'HEAD');
}

/** Every file of the data branch with its blob SHA (`git ls-tree -r`). */
export function listDataBranch(remote: string, branch = 'benchgate-data'): Map<string, string> {
  const out = git(remote, 'ls-tree', '-r', '-z', branch);
  const files = new Map<string, string>();
  for (const line of out.split('\0').filter(Boolean)) {
    const [meta, name] = line.split('\t') as [string, string];
    files.set(name, meta.split(' ')[2]!);
  }
  return files;
}

/** Commits files straight onto the remote's data branch, as another tool or a person might. */
export function commitToDataBranch(root: string, remote: string, files: Record<string, string>, branch = 'benchgate-data'): void {
  const clone = mkdtempSync(path.join(root, 'editor-'));
  git(clone, 'init', '--quiet');
  git(clone, 'fetch', '--quiet', remote, `${branch}`);
  git(clone, 'checkout', '--quiet', 'FETCH_HEAD');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(clone, name)), { recursive: true });
    writeFileSync(path.join(clone, name), text);
    git(clone, 'add', '--', name);
  }
  git(clone, 'commit', '--quiet', '-m', 'edit by hand');
  git(clone, 'push', '--quiet', remote, `HEAD:refs/heads/${branch}`);
  rmSync(clone, { recursive: true, force: true });
}
