import { cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { findMergeBase } from '../../src/baseline/find-merge-base.ts';
import { runGit } from '../../src/baseline/run-git.ts';
import { BaseUnusableError } from '../../src/runner/base-unusable-error.ts';
import { measurePaired, type MeasurePairedOptions } from '../../src/runner/measure-paired.ts';
import { RunnerError } from '../../src/runner/runner-error.ts';
import { environment, git, makeRepository, scratchDir } from './paired-helpers.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures', 'paired');

function options(repo: ReturnType<typeof makeRepository>, overrides: Partial<MeasurePairedOptions> = {}): MeasurePairedOptions {
  return {
    workspace: repo.workspace,
    base: { kind: 'merge-base', headCommit: repo.head, baseBranch: 'main' },
    head: { kind: 'workspace', commit: repo.head },
    setup: null,
    setupTimeout: 60_000,
    tempDir: scratchDir('benchgate-measure-tmp-'),
    mode: { kind: 'suites', suites: 'benchmarks/*.bench.ts', time: 5, warmupTime: 0, retainSamples: false, filter: null, runTimeout: 30_000 },
    plan: { kind: 'fixed', rounds: 2 },
    seed: 5,
    env: { ...process.env },
    ...overrides,
  };
}

function deps(workspace: string, lines: string[]) {
  const log = { info: (line: string) => lines.push(line), warning: (line: string) => lines.push(`warning: ${line}`) };
  return { log, git: runGit, findMergeBase: (head: string, branch: string) => findMergeBase(runGit, { workspace, remote: 'origin', log }, head, branch) };
}

function worktreeCount(workspace: string): number {
  return git(workspace, 'worktree', 'list', '--porcelain')
    .split('\n')
    .filter((line) => line.startsWith('worktree ')).length;
}

const meta = { base: { ref: 'refs/heads/main' }, head: { ref: 'refs/pull/3/merge', commit: null }, environment };

describe('measurePaired with real git and real processes', () => {
  test('a pull request: the merge base in a worktree with the head node_modules linked, both measured, the worktree removed', async () => {
    const repo = makeRepository();
    const lines: string[] = [];
    const measured = await measurePaired(options(repo), meta, deps(repo.workspace, lines));
    expect(measured.baseCommit).toBe(repo.base);
    expect(measured.headCommit).toBe(repo.head);
    expect(measured.base.commit).toBe(repo.base);
    expect(measured.head.commit).toBe(repo.head);
    expect(measured.setup.base).toMatchObject({ kind: 'linked', lockfile: 'package-lock.json' });
    const value = (side: 'base' | 'head') => measured[side].benchmarks.find((b) => b.id === 'clock/spin')!.metrics.find((m) => m.name === 'tree-value')!.runs;
    expect(value('base')).toEqual([1, 1]);
    expect(value('head')).toEqual([2, 2]);
    expect(measured.headOnly).toEqual(['extra']);
    expect(worktreeCount(repo.workspace)).toBe(1);
    expect(
      lines.some((line) =>
        line.startsWith(`same-runner comparison: base ${repo.base.slice(0, 7)} (merge base with origin/main), head ${repo.head.slice(0, 7)}`),
      ),
    ).toBe(true);
    expect(lines.some((line) => /^removed the worktree of /.test(line))).toBe(true);
  });

  test('an explicit head commit gets its own worktree; both are removed', async () => {
    const repo = makeRepository();
    git(repo.workspace, 'checkout', '-q', 'main');
    const lines: string[] = [];
    const measured = await measurePaired(
      options(repo, { base: { kind: 'commit', commit: repo.base }, head: { kind: 'commit', commit: repo.head } }),
      meta,
      deps(repo.workspace, lines),
    );
    expect(measured.head.benchmarks.find((b) => b.id === 'clock/spin')!.metrics.find((m) => m.name === 'tree-value')!.runs).toEqual([2, 2]);
    expect(measured.base.benchmarks.find((b) => b.id === 'clock/spin')!.metrics.find((m) => m.name === 'tree-value')!.runs).toEqual([1, 1]);
    expect(worktreeCount(repo.workspace)).toBe(1);
  });

  test('when measuring fails, the worktree is still removed', async () => {
    const repo = makeRepository();
    cpSync(path.join(fixtures, 'broken.bench.ts'), path.join(repo.workspace, 'benchmarks', 'clock.bench.ts'));
    const error = await measurePaired(options(repo), meta, deps(repo.workspace, [])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunnerError);
    expect(worktreeCount(repo.workspace)).toBe(1);
  });

  test('a base branch that does not exist is BaseUnusableError (no-merge-base)', async () => {
    const repo = makeRepository();
    const error = await measurePaired(
      options(repo, { base: { kind: 'merge-base', headCommit: repo.head, baseBranch: 'develop' } }),
      meta,
      deps(repo.workspace, []),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BaseUnusableError);
    expect((error as BaseUnusableError).reason).toBe('no-merge-base');
    expect(worktreeCount(repo.workspace)).toBe(1);
  });
});
