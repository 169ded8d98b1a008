import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { publishFolder } from '../../src/baseline/publish-folder.ts';
import { createGitBranchStore } from '../../src/baseline/git-branch-store.ts';
import { StoreError } from '../../src/baseline/store.ts';
import { publishDashboard } from '../../src/dashboard/publish-dashboard.ts';
import type { DashboardManifest } from '../../src/history/index.ts';
import { detectOnPush } from '../../src/history-io/detect-on-push.ts';
import { git, listDataBranch, makeRepository, recordingLog } from '../baseline/helpers.ts';
import { makeRuns, writeDataFolder } from '../history/make-history.ts';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

const benchmarks = [
  { id: 'json/parse', level: 10, steps: [{ at: 30, factor: 1.1 }] },
  { id: 'flat', level: 2 },
];

/** A repository whose data branch holds the first `jobs` runs of the fixture, committed as the store lays them out. */
async function repositoryWithHistory(jobs: number) {
  const repo = makeRepository(1);
  cleanup = repo.cleanup;
  const runs = makeRuns({ jobs: 40, seed: 1, benchmarks });
  const seed = mkdtempSync(path.join(repo.root, 'seed-'));
  git(seed, 'init', '--quiet', '--initial-branch=benchgate-data');
  await writeDataFolder(seed, 'default', 'main', runs.slice(0, jobs));
  git(seed, 'add', '.');
  git(seed, 'commit', '--quiet', '-m', 'stored runs');
  git(seed, 'push', '--quiet', repo.remote, 'benchgate-data');
  return { ...repo, runs };
}

describe('publishDashboard / publishFolder', () => {
  test('publishes the site into a folder of the data branch, leaving every stored run as it was', async () => {
    const repo = await repositoryWithHistory(33);
    const before = listDataBranch(repo.remote);
    const log = recordingLog();
    const outcome = await publishDashboard({ workspace: repo.workspace, commitUrl: null }, { log });
    expect(outcome.state).toBe('published');
    const after = listDataBranch(repo.remote);
    for (const [name, blob] of before) expect(after.get(name)).toBe(blob);
    const added = [...after.keys()].filter((name) => !before.has(name)).sort();
    expect(added).toHaveLength(5);
    expect(added).toEqual(expect.arrayContaining(['.nojekyll', 'dashboard/index.html', 'dashboard/manifest.json']));
    expect(added.filter((name) => /^dashboard\/data\/b[0-9a-f]{8}\.json$/.test(name))).toHaveLength(2);
    const manifest = JSON.parse(git(repo.remote, 'show', 'benchgate-data:dashboard/manifest.json')) as DashboardManifest;
    expect(manifest.benchmarks.map((entry) => [entry.benchmark, entry.jobs])).toEqual([
      ['flat', 33],
      ['json/parse', 33],
    ]);
  });

  test('nothing changed: no new commit; a stored run later: the dashboard follows', async () => {
    const repo = await repositoryWithHistory(33);
    const log = recordingLog();
    await publishDashboard({ workspace: repo.workspace, commitUrl: null }, { log });
    const tip = git(repo.remote, 'rev-parse', 'benchgate-data');
    // The manifest carries its build time, so pin it by publishing the same files directly.
    const files = git(repo.remote, 'ls-tree', '-r', '--name-only', 'benchgate-data', 'dashboard/')
      .split('\n')
      .map((name) => ({
        path: name.slice('dashboard/'.length),
        content: git(repo.remote, 'show', `benchgate-data:${name}`) + (name.endsWith('.html') ? '\n' : ''),
      }));
    const again = await publishFolder(files, { workspace: repo.workspace, folder: 'dashboard', message: 'again' }, { log });
    expect(again).toEqual({ state: 'unchanged', commit: tip });
    expect(git(repo.remote, 'rev-parse', 'benchgate-data')).toBe(tip);

    const store = createGitBranchStore({ workspace: repo.workspace, tempDir: repo.root }, { log });
    await store.save(repo.runs[33]!.results, { benchmarkSet: 'default', branch: 'main', commit: repo.runs[33]!.commit });
    await publishDashboard({ workspace: repo.workspace, commitUrl: null }, { log });
    const manifest = JSON.parse(git(repo.remote, 'show', 'benchgate-data:dashboard/manifest.json')) as DashboardManifest;
    expect(manifest.benchmarks.map((entry) => entry.jobs)).toEqual([34, 34]);
  });

  test('refuses to replace a folder that holds stored runs', async () => {
    const repo = await repositoryWithHistory(5);
    const before = listDataBranch(repo.remote);
    const publish = publishFolder(
      [{ path: 'manifest.json', content: '{}' }],
      { workspace: repo.workspace, folder: 'default', message: 'oops' },
      { log: recordingLog() },
    );
    await expect(publish).rejects.toThrow(
      new StoreError("'benchgate-data:default' holds files that are not a published dashboard (no manifest.json); refusing to replace them", 'invalid'),
    );
    expect(listDataBranch(repo.remote)).toEqual(before);
    await expect(publishFolder([], { workspace: repo.workspace, folder: '../x', message: 'm' }, { log: recordingLog() })).rejects.toThrow(
      "the publishing folder must be a relative path without '.', '..' or hidden parts, got '../x'",
    );
  });

  test('creates the data branch when there is none yet', async () => {
    const repo = makeRepository(1);
    cleanup = repo.cleanup;
    const outcome = await publishFolder(
      [{ path: 'manifest.json', content: '{}' }],
      { workspace: repo.workspace, folder: 'dashboard', message: 'first' },
      { log: recordingLog() },
    );
    expect(outcome.state).toBe('published');
    expect([...listDataBranch(repo.remote).keys()].sort()).toEqual(['.nojekyll', 'dashboard/manifest.json']);
  });
});

describe('detectOnPush', () => {
  test('the push that makes a step certain reports it once, on the first commit after it', async () => {
    const repo = await repositoryWithHistory(32);
    const log = recordingLog();
    const store = createGitBranchStore({ workspace: repo.workspace, tempDir: repo.root }, { log });
    const job = repo.runs[32]!;
    await store.save(job.results, { benchmarkSet: 'default', branch: 'main', commit: job.commit });
    const { found, warnings } = await detectOnPush({ workspace: repo.workspace, benchmarkSet: 'default', branch: 'main', commit: job.commit });
    expect(warnings).toEqual([]);
    expect(found.map(({ series, changePoint }) => [series.benchmark, changePoint.firstAfter.commit, changePoint.change])).toEqual([
      ['json/parse', repo.runs[30]!.commit, 'regressed'],
    ]);
    const next = repo.runs[33]!;
    await store.save(next.results, { benchmarkSet: 'default', branch: 'main', commit: next.commit });
    expect((await detectOnPush({ workspace: repo.workspace, benchmarkSet: 'default', branch: 'main', commit: next.commit })).found).toEqual([]);
  });
});

describe('publishFolder when another writer pushes first', () => {
  test("fetches the new tip and tries again, keeping the other writer's commit", async () => {
    const repo = makeRepository(1);
    cleanup = repo.cleanup;
    const { runGit } = await import('../../src/baseline/run-git.ts');
    let pushes = 0;
    const racing: typeof runGit = async (args, options) => {
      if (args[0] === 'push' && pushes++ === 0) {
        // Another writer lands a commit on the data branch just before our first push.
        await publishFolder(
          [{ path: 'manifest.json', content: '{"other":true}' }],
          { workspace: repo.workspace, folder: 'other', message: 'other writer' },
          { log: recordingLog() },
        );
      }
      return runGit(args, options);
    };
    const log = recordingLog();
    const outcome = await publishFolder(
      [{ path: 'manifest.json', content: '{}' }],
      { workspace: repo.workspace, folder: 'dashboard', message: 'mine' },
      { git: racing, log, sleep: async () => {}, random: () => 0 },
    );
    expect(outcome).toMatchObject({ state: 'published', attempts: 2 });
    expect([...listDataBranch(repo.remote).keys()].sort()).toEqual(['.nojekyll', 'dashboard/manifest.json', 'other/manifest.json']);
    expect(log.infos.some((line) => line.includes('was rejected (another writer was first); attempt 2'))).toBe(true);
  });
});

describe('reportHistoryAfterPush', () => {
  test('job summary, one commit comment on the first commit after the step, and the dashboard', async () => {
    const repo = await repositoryWithHistory(32);
    const log = recordingLog();
    const store = createGitBranchStore({ workspace: repo.workspace, tempDir: repo.root }, { log });
    const job = repo.runs[32]!;
    await store.save(job.results, { benchmarkSet: 'default', branch: 'main', commit: job.commit });
    const summaries: string[] = [];
    const comments: [string, string][] = [];
    const { reportHistoryAfterPush } = await import('../../src/dashboard/report-history-after-push.ts');
    const outcome = await reportHistoryAfterPush(
      {
        workspace: repo.workspace,
        benchmarkSet: 'default',
        branch: 'main',
        commit: job.commit,
        commitUrl: 'https://github.com/octo/repo/commit/{commit}',
        commentOnCommit: true,
        dashboard: { folder: 'dashboard', url: 'https://octo.github.io/repo/dashboard/' },
      },
      {
        log,
        appendSummary: async (markdown) => void summaries.push(markdown),
        createCommitComment: async (commit, body) => void comments.push([commit, body]),
      },
    );
    expect(outcome.found).toHaveLength(1);
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toContain('| [json/parse](https://octo.github.io/repo/dashboard/?set=default&branch=main&bench=json%2Fparse) | time | 🔴 regressed |');
    expect(comments.map(([commit]) => commit)).toEqual([repo.runs[30]!.commit]);
    expect(comments[0]![1]).toContain('**benchgate** found a change in the stored benchmark history that shows from this commit on');
    expect(outcome.published?.state).toBe('published');
    expect(listDataBranch(repo.remote).has('dashboard/manifest.json')).toBe(true);
  });

  test('infrastructure trouble is a warning, never an exception', async () => {
    const repo = makeRepository(1);
    cleanup = repo.cleanup;
    const log = recordingLog();
    const { reportHistoryAfterPush } = await import('../../src/dashboard/report-history-after-push.ts');
    const outcome = await reportHistoryAfterPush(
      {
        workspace: repo.workspace,
        benchmarkSet: 'default',
        branch: 'main',
        commit: 'a'.repeat(40),
        dashboard: { folder: 'dashboard', url: 'https://x.test/' },
      },
      { log, appendSummary: async () => {}, createCommitComment: async () => {} },
    );
    expect(outcome).toEqual({ found: [], published: null });
    expect(log.warnings).toEqual([
      "could not look for change points in the stored history: there is no data branch 'benchgate-data' on origin (" + repo.remote + ') yet: nothing is stored',
      "could not publish the dashboard: there is no data branch 'benchgate-data' on origin (" + repo.remote + ') yet: nothing is stored',
    ]);
  });
});
