import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createGitBranchStore, DEFAULT_GIT_BRANCH_STORE_OPTIONS } from '../../src/baseline/git-branch-store.ts';
import { parseIndex } from '../../src/baseline/layout.ts';
import { git, listDataBranch, makeRepository, makeResults, minute, recordingLog } from './helpers.ts';

/**
 * SLOW TEST (about a minute): 20 writers push at once to a remote whose pre-receive hook sleeps
 * one second, as a busy hosted server might take. They use the store's default attempts and
 * backoff (no test-only retry settings), and every one must land.
 */
const WRITERS = 20;
const SERVER_SECONDS = 1;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('the store under real latency', () => {
  test(`${WRITERS} concurrent writers against a server taking ${SERVER_SECONDS} s per push all land with the default retry settings [slow]`, async () => {
    const repo = makeRepository(1);
    cleanups.push(repo.cleanup);
    const hook = path.join(repo.remote, 'hooks', 'pre-receive');
    writeFileSync(hook, `#!/bin/sh\ncat >/dev/null\nsleep ${SERVER_SECONDS}\n`);
    chmodSync(hook, 0o755);
    const shas = Array.from({ length: WRITERS }, (_, i) => (i + 1).toString(16).padStart(40, '0'));
    const logs = shas.map(() => recordingLog());
    const started = Date.now();
    const outcomes = await Promise.all(
      shas.map((sha, i) =>
        createGitBranchStore({ workspace: repo.workspace, tempDir: repo.root }, { log: logs[i]! })
          .save(makeResults(sha, minute(i)), { benchmarkSet: 'default', branch: 'main', commit: sha })
          .catch((error: unknown) => error),
      ),
    );
    const seconds = (Date.now() - started) / 1000;
    const attempts = outcomes.map((outcome) => (outcome as { attempts?: number }).attempts ?? null);
    console.log(
      `${WRITERS} writers, ${SERVER_SECONDS} s per push: all done in ${seconds.toFixed(1)} s; attempts per writer ${JSON.stringify(attempts)}; limit ${DEFAULT_GIT_BRANCH_STORE_OPTIONS.retry.maxAttempts}`,
    );
    expect(outcomes.map((outcome) => (outcome as { state?: string }).state ?? String(outcome))).toEqual(shas.map(() => 'saved'));
    const files = [...listDataBranch(repo.remote).keys()].filter((name) => name !== 'default/main/index.json');
    expect(files.sort()).toEqual(shas.map((sha) => `default/main/${sha}.json`).sort());
    const index = parseIndex(git(repo.remote, 'show', 'benchgate-data:default/main/index.json'));
    expect(index.state === 'ok' && index.index.runs.map((run) => run.commit)).toEqual([...shas].reverse());
  }, 600_000);
});
