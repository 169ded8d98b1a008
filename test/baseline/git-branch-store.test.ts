import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createGitBranchStore, type GitBranchStoreOptions } from '../../src/baseline/git-branch-store.ts';
import { parseIndex } from '../../src/baseline/layout.ts';
import { runGit, type GitRunner } from '../../src/baseline/run-git.ts';
import { StoreError } from '../../src/baseline/store.ts';
import { commit, commitToDataBranch, git, listDataBranch, makeRepository, makeResults, minute, recordingLog } from './helpers.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function setup(count = 5, allowFilter = true) {
  const repo = makeRepository(count, allowFilter);
  cleanups.push(repo.cleanup);
  const log = recordingLog();
  const make = (options: Partial<GitBranchStoreOptions> = {}, git?: GitRunner) =>
    createGitBranchStore(
      { workspace: repo.workspace, tempDir: repo.root, retry: { maxAttempts: 40, baseDelayMs: 5, maxDelayMs: 150 }, ...options },
      git ? { log, git } : { log },
    );
  return { ...repo, log, store: make(), make };
}

const target = (commitSha: string, branch = 'main') => ({ benchmarkSet: 'default', branch, commit: commitSha });

function readIndex(remote: string, folder = 'default/main') {
  const parsed = parseIndex(git(remote, 'show', `benchgate-data:${folder}/index.json`));
  if (parsed.state !== 'ok') throw new Error(parsed.message);
  return parsed.index;
}

describe('load with nothing stored', () => {
  test('returns null when the data branch does not exist yet', async () => {
    const { store, main, log } = setup(2);
    expect(await store.load({ benchmarkSet: 'default', baseBranch: 'main', headCommit: main[1]! })).toBeNull();
    expect(log.infos.join('\n')).toContain("no data branch 'benchgate-data'");
  });

  test('returns null when the branch has no stored run for this set', async () => {
    const { store, main } = setup(2);
    await store.save(makeResults(main[0]!, minute(0)), { ...target(main[0]!), benchmarkSet: 'other' });
    expect(await store.load({ benchmarkSet: 'default', baseBranch: 'main', headCommit: main[1]! })).toBeNull();
  });
});

describe('save', () => {
  test('stores the run, its index entry and a local copy, and never rewrites history', async () => {
    const { store, main, remote, workspace } = setup(2);
    const first = await store.save(makeResults(main[0]!, minute(0)), target(main[0]!));
    const tipAfterFirst = git(remote, 'rev-parse', 'benchgate-data');
    const second = await store.save(makeResults(main[1]!, minute(1)), target(main[1]!));
    expect(first).toMatchObject({ state: 'saved', attempts: 1, location: `benchgate-data:default/main/${main[0]}.json` });
    expect(second.state === 'saved' && existsSync(second.localCopy!)).toBe(true);
    expect(second.state === 'saved' && second.localCopy!.startsWith(path.join(workspace, '.benchgate'))).toBe(true);
    git(remote, 'merge-base', '--is-ancestor', tipAfterFirst, 'benchgate-data');
    expect(readIndex(remote).runs.map((run) => run.commit)).toEqual([main[1], main[0]]);
    expect(JSON.parse(git(remote, 'show', `benchgate-data:default/main/${main[1]}.json`))).toEqual(makeResults(main[1]!, minute(1)));
  });

  test('a re-run of the same commit is stored beside the first, not over it', async () => {
    const { store, main, remote } = setup(1);
    await store.save(makeResults(main[0]!, minute(0), [1]), target(main[0]!));
    const again = await store.save(makeResults(main[0]!, minute(1), [2]), target(main[0]!));
    expect(again).toMatchObject({ location: `benchgate-data:default/main/${main[0]}-2.json` });
    expect([...listDataBranch(remote).keys()].sort()).toEqual([`default/main/${main[0]}-2.json`, `default/main/${main[0]}.json`, 'default/main/index.json']);
  });

  test('branch names with a slash stay one folder', async () => {
    const { store, main, remote } = setup(1);
    await store.save(makeResults(main[0]!, minute(0)), target(main[0]!, 'release/1.x'));
    expect(listDataBranch(remote).has(`default/release%2F1.x/${main[0]}.json`)).toBe(true);
  });

  test('retention deletes the oldest runs in a separate pruning commit', async () => {
    const { make, main, remote } = setup(5);
    const store = make({ maxHistory: 3 });
    for (const [i, sha] of main.entries()) await store.save(makeResults(sha, minute(i)), target(sha));
    const files = [...listDataBranch(remote).keys()].sort();
    expect(files).toEqual([...main.slice(2).map((sha) => `default/main/${sha}.json`), 'default/main/index.json'].sort());
    expect(readIndex(remote).runs.map((run) => run.commit)).toEqual(main.slice(2).reverse());
    const lastCommit = git(remote, 'log', '-1', '--format=%s', 'benchgate-data');
    expect(lastCommit).toMatch(/^benchgate: prune 1 run/);
    expect(git(remote, 'show', '--name-status', '--format=', 'benchgate-data')).toContain(`D\tdefault/main/${main[1]}.json`);
    // The pruned file is still in the branch's history.
    expect(git(remote, 'log', '--format=%s', 'benchgate-data').split('\n')).toHaveLength(5 + 2);
  });

  test('a newer-schema file stops the write and leaves the branch untouched', async () => {
    const { store, main, remote, root } = setup(2);
    await store.save(makeResults(main[0]!, minute(0)), target(main[0]!));
    const newer = { ...makeResults('f'.repeat(40), minute(5)), schema: 'benchgate/results@2' };
    commitToDataBranch(root, remote, { [`default/main/${'f'.repeat(40)}.json`]: JSON.stringify(newer) });
    const tip = git(remote, 'rev-parse', 'benchgate-data');
    const failure = await store.save(makeResults(main[1]!, minute(1)), target(main[1]!)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as StoreError).reason).toBe('newer-schema');
    expect((failure as StoreError).message).toContain(`${'f'.repeat(40)}.json`);
    expect(git(remote, 'rev-parse', 'benchgate-data')).toBe(tip);
  });

  test('corrupt, truncated and unknown-schema files are skipped with a warning and left byte for byte', async () => {
    const { store, main, remote, root, log } = setup(3);
    await store.save(makeResults(main[0]!, minute(0)), target(main[0]!));
    const good = JSON.stringify(makeResults(main[1]!, minute(1)), null, 2);
    const bad = {
      [`default/main/${'a'.repeat(40)}.json`]: good.slice(0, 100),
      [`default/main/${'b'.repeat(40)}.json`]: JSON.stringify({ ...makeResults('b'.repeat(40), minute(2)), schema: 'someone-else/v1' }),
      [`default/main/${'c'.repeat(40)}.json`]: '\u0000\u0001 not json',
    };
    commitToDataBranch(root, remote, bad);
    const before = listDataBranch(remote);
    const outcome = await store.save(makeResults(main[2]!, minute(3)), target(main[2]!));
    const after = listDataBranch(remote);
    for (const name of Object.keys(bad)) expect(outcome.warnings.join('\n')).toContain(name);
    expect(log.warnings).toHaveLength(3);
    for (const [name, blob] of before) if (!name.endsWith('index.json')) expect(after.get(name)).toBe(blob);
    expect(readIndex(remote).runs.map((run) => run.commit)).toEqual([main[2], main[0]]);
  });

  test('a corrupt file listed in the index is skipped on load, with a warning naming it', async () => {
    const { store, main, remote, root } = setup(3);
    await store.save(makeResults(main[0]!, minute(0)), target(main[0]!));
    await store.save(makeResults(main[1]!, minute(1)), target(main[1]!));
    commitToDataBranch(root, remote, { [`default/main/${main[1]}.json`]: '{"schema": "benchgate/results@1", "tool": ' });
    const loaded = await store.load({ benchmarkSet: 'default', baseBranch: 'main', headCommit: main[2]! });
    expect(loaded?.choice).toMatchObject({ method: 'ancestor', commit: main[0] });
    expect(loaded?.warnings.join('\n')).toContain(`default/main/${main[1]}.json`);
    expect(loaded?.history.map((job) => job.commit)).toEqual([main[0]]);
  });

  test('a push that loses a race is re-applied on the new tip', async () => {
    const { make, main, remote, root } = setup(2);
    await make().save(makeResults(main[0]!, minute(0)), target(main[0]!));
    let raced = false;
    // Another writer stores a run between this writer's fetch and its push.
    const racingGit: GitRunner = async (args, options) => {
      if (args[0] === 'push' && !raced) {
        raced = true;
        commitToDataBranch(root, remote, { [`default/other/${'d'.repeat(40)}.json`]: JSON.stringify(makeResults('d'.repeat(40), minute(9))) });
      }
      return runGit(args, options);
    };
    const outcome = await make({}, racingGit).save(makeResults(main[1]!, minute(1)), target(main[1]!));
    expect(outcome).toMatchObject({ state: 'saved', attempts: 2 });
    const files = listDataBranch(remote);
    expect(files.has(`default/other/${'d'.repeat(40)}.json`)).toBe(true);
    expect(files.has(`default/main/${main[1]}.json`)).toBe(true);
  });

  test('gives up with a StoreError when every push loses, keeping the local copy', async () => {
    const { make, main, remote, root, workspace } = setup(1);
    await make().save(makeResults(main[0]!, minute(0)), target(main[0]!));
    let n = 0;
    const alwaysRaced: GitRunner = async (args, options) => {
      if (args[0] === 'push') commitToDataBranch(root, remote, { [`default/other/${String(n++).padStart(40, 'e')}.json`]: '{}' });
      return runGit(args, options);
    };
    const failure = await make({ retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 } }, alwaysRaced)
      .save(makeResults(main[0]!, minute(1)), target(main[0]!))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as StoreError).reason).toBe('push-exhausted');
    expect((failure as StoreError).message).toContain('after 3 attempts');
    const copy = path.join(workspace, '.benchgate', 'saved', 'default', 'main', `${main[0]}.json`);
    expect(JSON.parse(readFileSync(copy, 'utf8'))).toEqual(makeResults(main[0]!, minute(1)));
  });

  test('an unreachable remote fails the save with a StoreError naming the kept local copy', async () => {
    const { make, root, main } = setup(1);
    const failure = await make({ remoteUrl: path.join(root, 'missing.git') })
      .save(makeResults(main[0]!, minute(0)), target(main[0]!))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as StoreError).reason).toBe('git');
    expect((failure as StoreError).message).toMatch(/the run is kept at .*\.benchgate/);
  });
});

describe('choosing the baseline', () => {
  test('the run at the merge base wins; without one, the nearest first-parent ancestor', async () => {
    const { store, main, workspace } = setup(4);
    git(workspace, 'checkout', '--quiet', '-b', 'feature', main[2]!);
    const head = commit(workspace, 'feature work');
    await store.save(makeResults(main[0]!, minute(0)), target(main[0]!));
    await store.save(makeResults(main[1]!, minute(1)), target(main[1]!));
    await store.save(makeResults(main[3]!, minute(3)), target(main[3]!));
    const viaAncestor = await store.load({ benchmarkSet: 'default', baseBranch: 'main', headCommit: head });
    expect(viaAncestor?.choice).toMatchObject({ method: 'ancestor', commit: main[1], branch: 'main', date: minute(1), historyRuns: 3 });
    expect(viaAncestor?.choice.description).toContain(`1 first-parent commit(s) before the merge base ${main[2]!.slice(0, 7)}`);
    expect(viaAncestor?.results.commit).toBe(main[1]);
    expect(viaAncestor?.warnings).toEqual([]);

    await store.save(makeResults(main[2]!, minute(2), [20, 30, 25]), target(main[2]!));
    const atMergeBase = await store.load({ benchmarkSet: 'default', baseBranch: 'main', headCommit: head });
    expect(atMergeBase?.choice).toMatchObject({ method: 'merge-base', commit: main[2] });
    expect(atMergeBase?.history.map((job) => job.commit)).toEqual([main[3], main[2], main[1], main[0]]);
    expect(atMergeBase?.history[1]?.centers).toEqual({ 'suite/task::time': 25 });
  });

  test('a run reachable only through a merge commit’s second parent is not chosen', async () => {
    const { store, main, workspace } = setup(2);
    git(workspace, 'checkout', '--quiet', '-b', 'side', main[0]!);
    const side = commit(workspace, 'side work');
    git(workspace, 'checkout', '--quiet', 'main');
    git(workspace, 'merge', '--quiet', '--no-ff', '-m', 'merge side', 'side');
    const merge = git(workspace, 'rev-parse', 'HEAD');
    git(workspace, 'push', '--quiet', 'origin', 'main');
    git(workspace, 'checkout', '--quiet', '-b', 'pr', merge);
    const head = commit(workspace, 'pr work');
    await store.save(makeResults(main[0]!, minute(0)), target(main[0]!));
    await store.save(makeResults(side, minute(5)), target(side));
    const loaded = await store.load({ benchmarkSet: 'default', baseBranch: 'main', headCommit: head });
    expect(loaded?.choice).toMatchObject({ method: 'ancestor', commit: main[0] });
  });

  test('falls back to the newest run on the branch, says why, and warns', async () => {
    const { store, main, workspace } = setup(3);
    await store.save(makeResults(main[0]!, minute(0)), target(main[0]!));
    await store.save(makeResults(main[1]!, minute(1)), target(main[1]!));
    git(workspace, 'checkout', '--quiet', '--orphan', 'unrelated');
    const unrelated = commit(workspace, 'no common history');
    const loaded = await store.load({ benchmarkSet: 'default', baseBranch: 'main', headCommit: unrelated });
    expect(loaded?.choice.method).toBe('latest-on-branch');
    expect(loaded?.choice.commit).toBe(main[1]);
    expect(loaded?.choice.description).toContain('no merge base');
    expect(loaded?.warnings.join('\n')).toContain('baseline fallback');

    const noHead = await store.load({ benchmarkSet: 'default', baseBranch: 'main' });
    expect(noHead?.choice).toMatchObject({ method: 'latest-on-branch', commit: main[1] });
    expect(noHead?.choice.description).toContain('no head commit was given');
  });

  test('works from a shallow clone, deepening it to find the merge base', async () => {
    const { store, main, remote, root, log } = setup(6);
    const author = path.join(root, 'author');
    git(root, 'clone', '--quiet', remote, author);
    git(author, 'checkout', '--quiet', '-b', 'feature', main[1]!);
    commit(author, 'feature 1');
    const head = commit(author, 'feature 2');
    git(author, 'push', '--quiet', 'origin', 'feature');
    await store.save(makeResults(main[1]!, minute(1)), target(main[1]!));
    await store.save(makeResults(main[5]!, minute(5)), target(main[5]!));

    const shallow = path.join(root, 'shallow');
    git(root, 'clone', '--quiet', '--depth=1', '--branch', 'feature', `file://${remote}`, shallow);
    expect(git(shallow, 'rev-parse', '--is-shallow-repository')).toBe('true');
    const shallowStore = createGitBranchStore({ workspace: shallow, tempDir: root }, { log });
    const loaded = await shallowStore.load({ benchmarkSet: 'default', baseBranch: 'main', headCommit: head });
    expect(loaded?.choice).toMatchObject({ method: 'merge-base', commit: main[1] });
    expect(log.infos.join('\n')).toContain('shallow clone');
  });

  test('load fetches the index and the files it reads, not the rest of the store', async () => {
    const { make, main, log } = setup(3);
    const writer = make();
    for (const [i, sha] of main.entries()) await writer.save(makeResults(sha, minute(i)), target(sha));
    for (let i = 0; i < 5; i++) await writer.save(makeResults(String(i).repeat(40), minute(i)), target(String(i).repeat(40), 'other'));
    let missing: string[] = [];
    const observing: GitRunner = async (args, options) => {
      const out = await runGit(args, options);
      if (args[0] === 'cat-file' && args[1] === '--batch') {
        const objects = (await runGit(['rev-list', '--objects', '--missing=print', 'refs/remotes/origin/benchgate-data'], options)).toString('utf8');
        missing = objects.split('\n').filter((line) => line.startsWith('?'));
      }
      return out;
    };
    const loaded = await make({ maxHistoryJobs: 2 }, observing).load({ benchmarkSet: 'default', baseBranch: 'main', headCommit: main[1]! });
    expect(loaded?.choice).toMatchObject({ method: 'merge-base', commit: main[1] });
    expect(loaded?.history.map((job) => job.commit)).toEqual([main[2], main[1]]);
    // Never fetched: the 5 files and the index of the other branch, and main's oldest run.
    expect(missing).toHaveLength(7);
    expect(log.infos.join('\n')).not.toContain('batch fetch');
  });

  test('a server without partial-clone support still works', async () => {
    const { store, main } = setup(2, false);
    await store.save(makeResults(main[0]!, minute(0)), target(main[0]!));
    const loaded = await store.load({ benchmarkSet: 'default', baseBranch: 'main', headCommit: main[1]! });
    expect(loaded?.choice).toMatchObject({ method: 'ancestor', commit: main[0] });
  });

  test('the remote base branch decides, even when the local one has diverged from it', async () => {
    const { store, main, workspace } = setup(3);
    git(workspace, 'checkout', '--quiet', '-b', 'pr', main[1]!);
    const head = commit(workspace, 'pr work');
    // The workspace's own main is rewritten to a line that shares nothing with the remote's.
    git(workspace, 'checkout', '--quiet', '--orphan', 'rewritten');
    commit(workspace, 'local only');
    git(workspace, 'branch', '--quiet', '-f', 'main', 'rewritten');
    await store.save(makeResults(main[1]!, minute(1)), target(main[1]!));
    await store.save(makeResults(main[2]!, minute(2)), target(main[2]!));
    const loaded = await store.load({ benchmarkSet: 'default', baseBranch: 'main', headCommit: head });
    expect(loaded?.choice).toMatchObject({ method: 'merge-base', commit: main[1] });
  });

  test('an unreachable remote is a warning and no baseline, not an exception', async () => {
    const { make, root, main } = setup(1);
    const loaded = await make({ remoteUrl: path.join(root, 'missing.git') }).load({ benchmarkSet: 'default', baseBranch: 'main', headCommit: main[0]! });
    expect(loaded).toBeNull();
  });

  test('an explicit merge base is used as given', async () => {
    const { store, main } = setup(3);
    await store.save(makeResults(main[0]!, minute(0)), target(main[0]!));
    await store.save(makeResults(main[2]!, minute(2)), target(main[2]!));
    const loaded = await store.load({ benchmarkSet: 'default', baseBranch: 'main', mergeBase: main[1]! });
    expect(loaded?.choice).toMatchObject({ method: 'ancestor', commit: main[0] });
  });
});
