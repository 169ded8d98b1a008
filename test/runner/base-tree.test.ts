import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { findMergeBase } from '../../src/baseline/find-merge-base.ts';
import { runGit } from '../../src/baseline/run-git.ts';
import { BaseUnusableError } from '../../src/runner/base-unusable-error.ts';
import { addWorkTree, resolveBaseCommit, withWorkTree, type SignalHooks } from '../../src/runner/base-tree.ts';
import { projectRoot, scratchDir } from './paired-helpers.ts';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function commitFile(cwd: string, file: string, text: string, message: string): string {
  mkdirSync(path.dirname(path.join(cwd, file)), { recursive: true });
  writeFileSync(path.join(cwd, file), text);
  git(cwd, 'add', file);
  git(cwd, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-q', '-m', message);
  return git(cwd, 'rev-parse', 'HEAD');
}

/** origin (bare) with main: 3 commits; a clone whose branch `feature` forks at main~1 and adds 2 commits. */
function makeRepository() {
  const dir = scratchDir('benchgate-tree-');
  const origin = path.join(dir, 'origin.git');
  const seed = path.join(dir, 'seed');
  git(dir, 'init', '-q', '--bare', '--initial-branch=main', origin);
  git(dir, 'clone', '-q', origin, seed);
  const first = commitFile(seed, 'app/version.txt', '1\n', 'one');
  const fork = commitFile(seed, 'app/version.txt', '2\n', 'two');
  git(seed, 'push', '-q', 'origin', 'main');
  git(seed, 'checkout', '-q', '-b', 'feature');
  commitFile(seed, 'app/feature.txt', 'f\n', 'feature one');
  const head = commitFile(seed, 'app/feature.txt', 'ff\n', 'feature two');
  git(seed, 'push', '-q', 'origin', 'feature');
  git(seed, 'checkout', '-q', 'main');
  const tip = commitFile(seed, 'app/version.txt', '3\n', 'three');
  git(seed, 'push', '-q', 'origin', 'main');
  return { dir, origin, seed, first, fork, head, tip };
}

const log = { info: (_line: string) => undefined };
const noSignals: SignalHooks = { on: () => undefined, off: () => undefined };

function worktrees(repository: string): string[] {
  return git(repository, 'worktree', 'list', '--porcelain')
    .split('\n')
    .filter((line) => line.startsWith('worktree '));
}

describe('the base tree, with real git', () => {
  test('the base is the merge base of the head and origin/<base>, found in a shallow clone by deepening', async () => {
    const repo = makeRepository();
    const shallow = path.join(repo.dir, 'shallow');
    git(repo.dir, 'clone', '-q', '--depth=1', '--branch=feature', `file://${repo.origin}`, shallow);
    expect(git(shallow, 'rev-parse', '--is-shallow-repository')).toBe('true');
    const lines: string[] = [];
    const lookup = (head: string, branch: string) =>
      findMergeBase(runGit, { workspace: shallow, remote: 'origin', log: { info: (l) => lines.push(l) } }, head, branch);
    const base = await resolveBaseCommit({ workspace: shallow, head: repo.head, baseBranch: 'main' }, lookup);
    expect(base).toBe(repo.fork);
    expect(lines.some((line) => line.includes('shallow clone: fetching more history (--deepen=100)'))).toBe(true);
  });

  test('a head that shares no history with the base branch is a BaseUnusableError (no-merge-base)', async () => {
    const repo = makeRepository();
    git(repo.seed, 'checkout', '-q', '--orphan', 'unrelated');
    const orphan = commitFile(repo.seed, 'other.txt', 'x\n', 'unrelated');
    const lookup = (head: string, branch: string) => findMergeBase(runGit, { workspace: repo.seed, remote: 'origin', log }, head, branch);
    const error = await resolveBaseCommit({ workspace: repo.seed, head: orphan, baseBranch: 'main' }, lookup).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BaseUnusableError);
    expect((error as BaseUnusableError).reason).toBe('no-merge-base');
    expect((error as Error).message).toMatch(/share no history/);
    const missing = await resolveBaseCommit({ workspace: repo.seed, head: repo.head, baseBranch: 'no-such-branch' }, lookup).catch((e: unknown) => e);
    expect((missing as BaseUnusableError).reason).toBe('no-merge-base');
    expect((missing as Error).message).toMatch(/no-such-branch/);
  });

  test('the worktree holds the base commit in the same subfolder, and is removed afterwards', async () => {
    const repo = makeRepository();
    git(repo.seed, 'checkout', '-q', 'feature');
    const workspace = path.join(repo.seed, 'app');
    const temp = scratchDir('benchgate-tmp-');
    const tree = await addWorkTree({ workspace, commit: repo.fork, tempDir: temp, log }, { git: runGit, signals: noSignals });
    expect(tree.cwd).toBe(path.join(tree.root, 'app'));
    expect(readFileSync(path.join(tree.cwd, 'version.txt'), 'utf8')).toBe('2\n');
    expect(existsSync(path.join(tree.cwd, 'feature.txt'))).toBe(false);
    expect(git(tree.root, 'rev-parse', 'HEAD')).toBe(repo.fork);
    expect(worktrees(repo.seed)).toHaveLength(2);
    await tree.remove();
    await tree.remove();
    expect(existsSync(tree.root)).toBe(false);
    expect(existsSync(path.dirname(tree.root))).toBe(false);
    expect(worktrees(repo.seed)).toHaveLength(1);
    // The head's checkout is untouched.
    expect(git(repo.seed, 'rev-parse', 'HEAD')).toBe(repo.head);
  });

  test('withWorkTree removes the worktree when the work throws', async () => {
    const repo = makeRepository();
    const temp = scratchDir('benchgate-tmp-');
    let root = '';
    const error = await withWorkTree({ workspace: repo.seed, commit: repo.first, tempDir: temp, log }, { git: runGit, signals: noSignals }, async (tree) => {
      root = tree.root;
      expect(existsSync(path.join(root, 'app', 'version.txt'))).toBe(true);
      throw new Error('measuring failed');
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('measuring failed');
    expect(existsSync(root)).toBe(false);
    expect(worktrees(repo.seed)).toHaveLength(1);
  });

  test('a commit git cannot check out is a BaseUnusableError (checkout-failed) and leaves nothing behind', async () => {
    const repo = makeRepository();
    const temp = scratchDir('benchgate-tmp-');
    const error = await addWorkTree({ workspace: repo.seed, commit: 'f'.repeat(40), tempDir: temp, log }, { git: runGit, signals: noSignals }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BaseUnusableError);
    expect((error as BaseUnusableError).reason).toBe('checkout-failed');
    expect(worktrees(repo.seed)).toHaveLength(1);
    expect(execFileSync('ls', ['-A', temp], { encoding: 'utf8' })).toBe('');
  });

  test.each(['SIGTERM', 'SIGINT'] as const)('%s while the worktree exists removes it and stops the process with that signal', async (signal) => {
    const repo = makeRepository();
    const temp = scratchDir('benchgate-tmp-');
    const script = path.join(repo.dir, 'hold-tree.ts');
    writeFileSync(
      script,
      [
        `import { addWorkTree } from ${JSON.stringify(path.join(projectRoot, 'src/runner/base-tree.ts'))};`,
        `import { runGit } from ${JSON.stringify(path.join(projectRoot, 'src/baseline/run-git.ts'))};`,
        `const tree = await addWorkTree({ workspace: ${JSON.stringify(repo.seed)}, commit: ${JSON.stringify(repo.first)}, tempDir: ${JSON.stringify(temp)}, log: { info: () => {} } }, { git: runGit });`,
        'console.log(tree.root);',
        'setInterval(() => {}, 1000);',
      ].join('\n'),
    );
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const root = await new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())));
    expect(existsSync(path.join(root, 'app', 'version.txt'))).toBe(true);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
    child.kill(signal);
    expect(await exited).toBe(signal);
    expect(existsSync(root)).toBe(false);
    expect(worktrees(repo.seed)).toHaveLength(1);
  });
});
