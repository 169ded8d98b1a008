import { spawn } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { backoffDelay } from '../../src/baseline/backoff.ts';
import { renderFastImport } from '../../src/baseline/fast-import.ts';
import { createGitBranchStore, type GitBranchStoreOptions } from '../../src/baseline/git-branch-store.ts';
import { parseIndex, renderIndex, toIndexEntry } from '../../src/baseline/layout.ts';
import { runGit, type GitRunner } from '../../src/baseline/run-git.ts';
import type { Results } from '../../src/results/schema.ts';
import { commitToDataBranch, git, makeRepository, makeResults, minute, recordingLog } from './helpers.ts';

const TOKEN = 'ghs_R3liab1lityT0kenValue0123456789';
const BASIC = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function setup(count = 3) {
  const repo = makeRepository(count);
  cleanups.push(repo.cleanup);
  const log = recordingLog();
  const make = (options: Partial<GitBranchStoreOptions> = {}, gitRunner?: GitRunner) =>
    createGitBranchStore({ workspace: repo.workspace, tempDir: repo.root, ...options }, gitRunner ? { log, git: gitRunner } : { log });
  return { ...repo, log, make };
}

const target = (commit: string, extra: { regression?: boolean } = {}) => ({ benchmarkSet: 'default', branch: 'main', commit, ...extra });

/** Every file under a folder whose bytes contain one of the needles. */
function filesContaining(root: string, needles: string[]): string[] {
  const hits: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      let info: ReturnType<typeof statSync>;
      try {
        info = statSync(file);
      } catch {
        continue;
      }
      if (info.isDirectory()) walk(file);
      else if (info.isFile()) {
        const text = readFileSync(file).toString('latin1');
        if (needles.some((needle) => text.includes(needle))) hits.push(file);
      }
    }
  };
  walk(root);
  return hits;
}

function readIndex(remote: string) {
  const parsed = parseIndex(git(remote, 'show', 'benchgate-data:default/main/index.json'));
  if (parsed.state !== 'ok') throw new Error(parsed.message);
  return parsed.index;
}

describe('credentials never touch disk or a command line', () => {
  test('the token reaches git only through the environment of its children', async () => {
    const { make, main, root } = setup(2);
    const seen: { args: readonly string[]; cwd: string; env: Record<string, string> | undefined; leaked: string[] }[] = [];
    const watching: GitRunner = async (args, options) => {
      // Look at the disk while the temporary repository exists, before every git command.
      seen.push({ args, cwd: options.cwd, env: options.env, leaked: filesContaining(root, [TOKEN, BASIC]) });
      return runGit(args, options);
    };
    const store = make({ token: TOKEN }, watching);
    await store.save(makeResults(main[0]!, minute(0)), target(main[0]!));
    await store.load({ benchmarkSet: 'default', baseBranch: 'main', headCommit: main[1]! });
    expect(seen.length).toBeGreaterThan(10);
    for (const call of seen) {
      expect(call.args.join(' ')).not.toContain(TOKEN);
      expect(call.args.join(' ')).not.toContain(BASIC);
      expect(call.leaked).toEqual([]);
    }
    const network = seen.filter((call) => path.basename(call.cwd).startsWith('benchgate-data-') && (call.args.includes('fetch') || call.args.includes('push')));
    expect(network.length).toBeGreaterThan(0);
    for (const call of network)
      expect(call.env).toMatchObject({ GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraheader', GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${BASIC}` });
    expect(filesContaining(root, [TOKEN, BASIC])).toEqual([]);
    expect(readdirSync(root).filter((name) => name.startsWith('benchgate-data-'))).toEqual([]);
  });

  test("the token in a benchmark's error never reaches the data branch, the local copy or the log", async () => {
    const { make, main, remote, root, log } = setup(1);
    const results: Results = makeResults(main[0]!, minute(0));
    results.benchmarks.push({ id: 'suite/leaky', state: 'errored', error: `env: {"INPUT_GITHUB-TOKEN":"${TOKEN}"}`, metrics: [] });
    const outcome = await make({ token: TOKEN }).save(results, target(main[0]!));
    expect(outcome.state).toBe('saved');
    const stored = git(remote, 'show', `benchgate-data:default/main/${main[0]}.json`);
    expect(stored).not.toContain(TOKEN);
    expect(JSON.parse(stored).benchmarks[1].error).toBe('env: {"INPUT_GITHUB-TOKEN":"***"}');
    expect(filesContaining(root, [TOKEN, BASIC])).toEqual([]);
    expect(git(remote, 'log', '-p', '--all')).not.toContain(TOKEN);
    expect([...log.infos, ...log.warnings].join('\n')).not.toContain(TOKEN);
  });

  test('a save killed by SIGTERM in the middle of a push leaves no temporary repository behind', async () => {
    const { workspace, root, remote, main } = setup(1);
    const hook = path.join(remote, 'hooks', 'pre-receive');
    writeFileSync(hook, '#!/bin/sh\ncat >/dev/null\nsleep 30\n');
    chmodSync(hook, 0o755);
    const node = path.join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'node');
    const child = spawn(node, [path.join(import.meta.dirname, 'fixtures', 'save-and-wait.ts'), workspace, root, TOKEN, main[0]!], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    // Wait for the push: the temporary repository exists and the hook is sleeping.
    const deadline = Date.now() + 30_000;
    while (!/saved this run/.test(output) || readdirSync(root).filter((name) => name.startsWith('benchgate-data-')).length === 0) {
      if (Date.now() > deadline) throw new Error(`the save did not start: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(filesContaining(root, [TOKEN, BASIC])).toEqual([]);
    child.kill('SIGTERM');
    const { signal } = await exited;
    expect(signal).toBe('SIGTERM');
    expect(output).not.toContain('\nsaved\n');
    expect(readdirSync(root).filter((name) => name.startsWith('benchgate-data-'))).toEqual([]);
  }, 60_000);
});

describe('load with an index that disagrees with the folder', () => {
  test('an index listing a missing file falls back to the files of the folder', async () => {
    const { make, main, remote, root } = setup(3);
    const store = make();
    await store.save(makeResults(main[0]!, minute(0)), target(main[0]!));
    // A stale index: it lists only a run whose file is gone, and not the run that is there.
    const ghost = toIndexEntry(`${'9'.repeat(40)}.json`, '9'.repeat(40), makeResults('9'.repeat(40), minute(5)));
    commitToDataBranch(root, remote, { 'default/main/index.json': renderIndex('default', 'main', [ghost]) });
    const loaded = await store.load({ benchmarkSet: 'default', baseBranch: 'main', headCommit: main[2]! });
    expect(loaded?.choice).toMatchObject({ commit: main[0] });
    expect(loaded?.warnings.join('\n')).toMatch(/index\.json lists 1 file\(s\) that are missing \(9{40}\.json\); reading the folder's files instead/);
  });

  test('a run file the index does not list is read, and a newer one among them is warned about', async () => {
    const { make, main, remote, root } = setup(3);
    const store = make();
    await store.save(makeResults(main[0]!, minute(0)), target(main[0]!));
    commitToDataBranch(root, remote, {
      [`default/main/${main[1]}.json`]: JSON.stringify(makeResults(main[1]!, minute(1))),
      [`default/main/${'e'.repeat(40)}.json`]: JSON.stringify({ ...makeResults('e'.repeat(40), minute(2)), schema: 'benchgate/results@2' }),
    });
    const loaded = await store.load({ benchmarkSet: 'default', baseBranch: 'main', headCommit: main[2]! });
    expect(loaded?.choice).toMatchObject({ method: 'ancestor', commit: main[1] });
    const warnings = loaded?.warnings.join('\n') ?? '';
    expect(warnings).toMatch(/does not list 2 file\(s\)/);
    expect(warnings).toMatch(/e{40}\.json.*newer than this benchgate reads/);
  });

  test('an index entry with a newer schema is warned about without fetching its file', async () => {
    const { make, main, remote, root } = setup(3);
    const store = make();
    await store.save(makeResults(main[0]!, minute(0)), target(main[0]!));
    await store.save(makeResults(main[1]!, minute(1)), target(main[1]!));
    const index = readIndex(remote);
    index.runs[0]!.schema = 'benchgate/results@2';
    commitToDataBranch(root, remote, { 'default/main/index.json': renderIndex('default', 'main', index.runs) });
    const loaded = await store.load({ benchmarkSet: 'default', baseBranch: 'main', headCommit: main[2]! });
    expect(loaded?.choice).toMatchObject({ commit: main[0] });
    expect(loaded?.warnings.join('\n')).toContain(`skipped benchgate-data:default/main/${main[1]}.json: its schema 'benchgate/results@2'`);
  });
});

describe('the regression flag (for issue 13)', () => {
  test('save records regression: true in the index, and later saves keep it', async () => {
    const { make, main, remote } = setup(3);
    const store = make();
    await store.save(makeResults(main[0]!, minute(0)), target(main[0]!));
    await store.save(makeResults(main[1]!, minute(1)), target(main[1]!, { regression: true }));
    await store.save(makeResults(main[2]!, minute(2)), target(main[2]!));
    const runs = readIndex(remote).runs;
    expect(runs.map((run) => [run.commit, run.regression ?? false])).toEqual([
      [main[2], false],
      [main[1], true],
      [main[0], false],
    ]);
    expect(runs.every((run) => run.schema === 'benchgate/results@1')).toBe(true);
  });
});

describe('pure parts of the store', () => {
  test('backoff doubles from the larger of the base and the push time, capped, times the random fraction', () => {
    const options = { baseDelayMs: 500, maxDelayMs: 30_000 };
    expect(backoffDelay(1, options, 100, 1)).toBe(500);
    expect(backoffDelay(1, options, 1200, 1)).toBe(1200);
    expect(backoffDelay(3, options, 1000, 0.5)).toBe(2000);
    expect(backoffDelay(10, options, 1000, 1)).toBe(30_000);
    expect(backoffDelay(4, options, 1000, 0)).toBe(0);
    expect(backoffDelay(2, options, Number.NaN, 1)).toBe(1000);
  });

  test('the fast-import stream chains commits and measures data in bytes', () => {
    const stream = renderFastImport({
      ref: 'refs/x',
      person: 'A <a@b>',
      parent: 'f'.repeat(40),
      commits: [
        { message: 'add', write: [{ path: 'a/é.json', content: 'é' }] },
        { message: 'prune', delete: ['a/old.json'], write: [{ path: 'a/index.json', content: '{}' }] },
      ],
    });
    expect(stream).toBe(
      [
        'commit refs/x',
        'mark :1',
        'author A <a@b> now',
        'committer A <a@b> now',
        'data 3',
        'add',
        `from ${'f'.repeat(40)}`,
        'M 100644 inline a/é.json',
        'data 2',
        'é',
        'commit refs/x',
        'mark :2',
        'author A <a@b> now',
        'committer A <a@b> now',
        'data 5',
        'prune',
        'from :1',
        'D a/old.json',
        'M 100644 inline a/index.json',
        'data 2',
        '{}',
        'done',
        '',
      ].join('\n'),
    );
  });
});
