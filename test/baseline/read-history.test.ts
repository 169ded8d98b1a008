import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createGitBranchStore } from '../../src/baseline/git-branch-store.ts';
import { readHistory } from '../../src/baseline/read-history.ts';
import { StoreError } from '../../src/baseline/store.ts';
import { FormatError } from '../../src/results/format-error.ts';
import { git, makeRepository, makeResults, minute, recordingLog } from './helpers.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});
function scratch(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'benchgate-read-history-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
const sha = (n: number) => n.toString(16).padStart(40, '0');
const write = (file: string, value: unknown) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
};

describe('readHistory', () => {
  test("a checkout of the data branch's folder gives exactly the store's history", async () => {
    const repo = makeRepository(6);
    cleanups.push(repo.cleanup);
    const store = createGitBranchStore({ workspace: repo.workspace, tempDir: repo.root }, { log: recordingLog() });
    for (let i = 0; i < 6; i++) {
      await store.save(makeResults(repo.main[i]!, minute(i), [10 + i, 12 + i, 11 + i, 30]), { benchmarkSet: 'default', branch: 'main', commit: repo.main[i]! });
    }
    const loaded = await store.load({ benchmarkSet: 'default', baseBranch: 'main', headCommit: repo.main[5]! });
    const checkout = path.join(repo.root, 'data');
    git(repo.root, 'clone', '--quiet', '--branch', 'benchgate-data', repo.remote, checkout);

    const read = await readHistory([path.join(checkout, 'default', 'main')]);
    expect(read.history).toEqual(loaded!.history);
    expect(read.history.map((job) => job.commit)).toEqual([...repo.main].reverse());
    expect(read.history[0]!.centers).toEqual({ 'suite/task::time': 16.5 });
    expect(read.warnings).toEqual([]);

    const capped = await readHistory([path.join(checkout, 'default', 'main')], { maxJobs: 4 });
    const storeCapped = await createGitBranchStore({ workspace: repo.workspace, tempDir: repo.root, maxHistoryJobs: 4 }, { log: recordingLog() }).load({
      benchmarkSet: 'default',
      baseBranch: 'main',
      headCommit: repo.main[5]!,
    });
    expect(capped.history).toEqual(storeCapped!.history);
  }, 60_000);

  test('results files given one by one are ordered newest first; the same file twice counts once', async () => {
    const dir = scratch();
    for (const i of [2, 0, 1]) write(path.join(dir, `run-${i}.json`), makeResults(sha(i + 1), minute(i), [i + 1, i + 1]));
    const files = [0, 1, 2].map((i) => path.join(dir, `run-${i}.json`));
    const read = await readHistory([...files, files[0]!]);
    expect(read.history).toEqual([
      { commit: sha(3), centers: { 'suite/task::time': 3 } },
      { commit: sha(2), centers: { 'suite/task::time': 2 } },
      { commit: sha(1), centers: { 'suite/task::time': 1 } },
    ]);
    expect(read.files).toEqual([files[2], files[1], files[0]]);
  });

  test('a folder without an index: every <commit>.json, others skipped with a warning naming them', async () => {
    const dir = scratch();
    write(path.join(dir, `${sha(1)}.json`), makeResults(sha(1), minute(1)));
    write(path.join(dir, `${sha(2)}-2.json`), makeResults(sha(2), minute(2)));
    write(path.join(dir, 'notes.json'), '{}');
    write(path.join(dir, `${sha(3)}.json`), '{"schema":');
    const read = await readHistory([dir]);
    expect(read.history.map((job) => job.commit)).toEqual([sha(2), sha(1)]);
    expect(read.warnings).toHaveLength(2);
    expect(read.warnings.join('\n')).toContain('notes.json: not a stored run');
    expect(read.warnings.join('\n')).toContain(`${sha(3)}.json`);
  });

  test('an index that lists a missing file: the rest are read, with a warning', async () => {
    const dir = scratch();
    write(path.join(dir, `${sha(1)}.json`), makeResults(sha(1), minute(1)));
    const environment = makeResults(sha(1), minute(1)).environment;
    write(path.join(dir, 'index.json'), {
      schema: 'benchgate/baseline-index@1',
      benchmarkSet: 'default',
      branch: 'main',
      runs: [
        { file: `${sha(2)}.json`, commit: sha(2), createdAt: minute(2), environment },
        { file: `${sha(1)}.json`, commit: sha(1), createdAt: minute(1), environment },
      ],
    });
    const read = await readHistory([dir]);
    expect(read.history.map((job) => job.commit)).toEqual([sha(1)]);
    expect(read.warnings.join('\n')).toContain(`${sha(2)}.json`);
  });

  test('a path that does not exist is an error naming it', async () => {
    const missing = path.join(scratch(), 'nope');
    await expect(readHistory([missing])).rejects.toThrow(FormatError);
    await expect(readHistory([missing])).rejects.toThrow(`${missing}: history path cannot be read`);
  });

  test('a file named directly that is not a results file is an error naming it', async () => {
    const file = path.join(scratch(), 'bad.json');
    write(file, '{"schema": "benchgate/results@1"}');
    await expect(readHistory([file])).rejects.toThrow(FormatError);
    await expect(readHistory([file])).rejects.toThrow(file);
  });

  test('maxJobs must be a whole number ≥ 1', async () => {
    await expect(readHistory([], { maxJobs: 0 })).rejects.toThrow(StoreError);
    await expect(readHistory([], { maxJobs: 0 })).rejects.toThrow("'maxJobs' must be a whole number ≥ 1, got 0");
  });
});
