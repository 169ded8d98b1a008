import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { main } from '../../src/cli.ts';
import { historyCommand, type HistoryJson } from '../../src/history-command.ts';
import { makeRuns, writeDataFolder } from './make-history.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'benchgate-history-test-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (text: string) => out.push(text), err: (text: string) => err.push(text) }, out, err };
}

const benchmarks = [
  { id: 'json/parse', level: 10, steps: [{ at: 30, factor: 1.1 }] },
  { id: 'flat', level: 2 },
];

describe('benchgate history <data-folder>', () => {
  test('prints each metric with its change points, and --json writes them', async () => {
    const data = path.join(root, 'data');
    const runs = makeRuns({ jobs: 60, seed: 1, benchmarks, environmentChangeAt: 45 });
    await writeDataFolder(data, 'default', 'main', runs);
    const { io, out, err } = capture();
    expect(await historyCommand(['data', '--json', 'history.json'], root, io)).toBe(0);
    const text = out.join('\n');
    expect(err).toEqual([]);
    expect(text).toContain("benchgate history: set 'default', branch 'main': 60 job(s), 2 metric series, 1 change point(s)");
    expect(text).toContain(
      'flat · time (ms, smaller is better): 60 job(s)\n  no change point\n  runner environment changed at job(s) 46 without a change point',
    );
    expect(text).toMatch(
      new RegExp(
        `json/parse · time \\(ms, smaller is better\\): 60 job\\(s\\)\\n  regressed \\+\\d+\\.\\d% \\(95% CI \\+\\d+\\.\\d% … \\+\\d+\\.\\d%\\) between ${runs[29]!.commit.slice(0, 7)} and ${runs[30]!.commit.slice(0, 7)}`,
      ),
    );
    const json = JSON.parse(await readFile(path.join(root, 'history.json'), 'utf8')) as HistoryJson;
    expect(json.series.map((series) => [series.benchmark, series.changePoints.map((point) => point.firstAfter.commit)])).toEqual([
      ['flat', []],
      ['json/parse', [runs[30]!.commit]],
    ]);
    expect(json.series[0]!.environmentChanges).toEqual([{ index: 45, commit: runs[45]!.commit }]);
  });

  test('a corrupt stored file is skipped with a warning naming it, and left as it was', async () => {
    const data = path.join(root, 'data');
    const folder = await writeDataFolder(data, 'default', 'main', makeRuns({ jobs: 12, benchmarks }));
    const corrupt = path.join(folder, `${'a'.repeat(40)}.json`);
    await writeFile(corrupt, '{"schema": "benchgate/results@1", "tool"');
    const { io, err } = capture();
    expect(await historyCommand([data], root, io)).toBe(0);
    expect(err.join('\n')).toContain(`warning: skipped default/main/${'a'.repeat(40)}.json`);
    expect(await readFile(corrupt, 'utf8')).toBe('{"schema": "benchgate/results@1", "tool"');
  });

  test('several sets or branches: asks for --set or --branch, naming them (exit 2)', async () => {
    const data = path.join(root, 'data');
    await writeDataFolder(data, 'linux', 'main', makeRuns({ jobs: 6, benchmarks }));
    await writeDataFolder(data, 'macos', 'main', makeRuns({ jobs: 6, benchmarks }));
    await writeDataFolder(data, 'macos', 'feature/x', makeRuns({ jobs: 6, benchmarks }));
    const first = capture();
    expect(await historyCommand(['data'], root, first.io)).toBe(2);
    expect(first.err.join('\n')).toContain("several benchmark sets; choose one with --set: 'linux', 'macos'");
    const second = capture();
    expect(await historyCommand(['data', '--set', 'macos', '--branch', 'feature/x'], root, second.io)).toBe(0);
    expect(second.out.join('\n')).toContain("set 'macos', branch 'feature/x': 6 job(s)");
    const third = capture();
    expect(await historyCommand(['data', '--set', 'macos', '--branch', 'dev'], root, third.io)).toBe(2);
    expect(third.err.join('\n')).toContain("no branch 'dev' in set 'macos'; there is 'feature/x', 'main'");
  });

  test('bad flags and a missing folder are usage errors naming them', async () => {
    const bad = capture();
    expect(await historyCommand(['--alpha', '2'], root, bad.io)).toBe(2);
    expect(bad.err.join('\n')).toContain("--alpha must be in [0.005, 1), got '2'");
    const missing = capture();
    expect(await historyCommand(['nowhere'], root, missing.io)).toBe(2);
    expect(missing.err.join('\n')).toContain(`cannot read the data folder '${path.join(root, 'nowhere')}'`);
  });
});

describe('benchgate history without a folder', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, {
      cwd,
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' },
    });

  test('fetches the data branch from origin into a temporary folder', async () => {
    const remote = path.join(root, 'remote.git');
    const seed = path.join(root, 'seed');
    const work = path.join(root, 'work');
    git(root, 'init', '--quiet', '--bare', remote);
    git(root, 'init', '--quiet', seed);
    await writeDataFolder(seed, 'default', 'main', makeRuns({ jobs: 40, seed: 1, benchmarks }));
    git(seed, 'checkout', '--quiet', '-b', 'benchgate-data');
    git(seed, 'add', '.');
    git(seed, 'commit', '--quiet', '-m', 'data');
    git(seed, 'push', '--quiet', remote, 'benchgate-data');
    git(root, 'init', '--quiet', work);
    git(work, 'remote', 'add', 'origin', remote);
    const { io, out } = capture();
    expect(await historyCommand([], work, io)).toBe(0);
    expect(out.join('\n')).toContain("set 'default', branch 'main': 40 job(s), 2 metric series, 1 change point(s)");
  });

  test('no data branch yet: says so (exit 2)', async () => {
    const remote = path.join(root, 'remote.git');
    const work = path.join(root, 'work');
    git(root, 'init', '--quiet', '--bare', remote);
    git(root, 'init', '--quiet', work);
    git(work, 'remote', 'add', 'origin', remote);
    const { io, err } = capture();
    expect(await historyCommand([], work, io)).toBe(2);
    expect(err.join('\n')).toContain("there is no data branch 'benchgate-data' on origin");
  });
});

describe('the CLI command table', () => {
  test('benchgate history and benchgate dashboard run from the CLI, with their own --help', async () => {
    const data = path.join(root, 'data');
    await writeDataFolder(data, 'default', 'main', makeRuns({ jobs: 40, seed: 1, benchmarks }));
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    const error = vi.spyOn(console, 'error').mockImplementation((line: string) => void printed.push(line));
    try {
      expect(await main(['history', 'data'], root, {})).toBe(0);
      expect(printed.join('\n')).toContain("set 'default', branch 'main': 40 job(s), 2 metric series, 1 change point(s)");
      expect(await main(['dashboard', 'data', '--out', 'site', '--commit-url', 'https://example.test/c/{commit}'], root, {})).toBe(0);
      expect(printed.join('\n')).toMatch(/wrote .*site: 2 benchmark\(s\), 2 metric series, 1 change point\(s\); 4 files/);
      expect(await main(['dashboard', 'data'], root, {})).toBe(2);
      expect(printed.join('\n')).toContain('benchgate dashboard: --out DIR is required: the folder to write the site to');
      expect(await main(['history', '--help'], root, {})).toBe(0);
      expect(printed.join('\n')).toContain('usage: benchgate history [<data-folder>] [--set S] [--branch B] [--json FILE]');
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  });

  test('dashboard refuses an output folder that holds other files', async () => {
    const data = path.join(root, 'data');
    await writeDataFolder(data, 'default', 'main', makeRuns({ jobs: 8, benchmarks }));
    await writeFile(path.join(root, 'precious.txt'), 'keep');
    const { io, err } = capture();
    const { dashboardCommand } = await import('../../src/dashboard-command.ts');
    expect(await dashboardCommand(['data', '--out', '.', '--commit-url', 'https://example.test/c/{commit}'], root, io)).toBe(2);
    expect(err.join('\n')).toContain(`the output folder '${root}' is not empty and holds no dashboard (no manifest.json)`);
    expect(await readFile(path.join(root, 'precious.txt'), 'utf8')).toBe('keep');
  });
});
