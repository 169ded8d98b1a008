import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { main } from '../../src/cli.ts';
import { noiseOf, ReportSchema } from '../../src/compare/schema.ts';
import { bench, metric, noisyRuns, results } from '../compare/helpers.ts';

let dir: string;
let printed: string[];
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'benchgate-cli-history-'));
  printed = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const sha = (n: number) => n.toString(16).padStart(40, '0');
function write(file: string, runs: number[], n: number): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    JSON.stringify(results([bench('suite/task', metric(runs))], { commit: sha(n), createdAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString() })),
  );
  return file;
}

describe('benchgate compare --history', () => {
  // A quiet base branch: 10 stored jobs within about ±1%; the current job is 12% slower with tight runs.
  const quiet = [1000, 1008, 994, 1003, 997, 1011, 990, 1005, 999, 1002];
  const setup = () => {
    const folder = path.join(dir, 'benchgate-data', 'default', 'main');
    quiet.forEach((center, i) => write(path.join(folder, `${sha(i + 1)}.json`), noisyRuns(10, center, 0.003, i + 1), i + 1));
    const baseline = write(path.join(dir, 'a.json'), noisyRuns(10, 1000, 0.003, 50), 50);
    const current = write(path.join(dir, 'b.json'), noisyRuns(10, 1120, 0.003, 51), 51);
    return { folder, baseline, current, out: ['--json', path.join(dir, 'r.json'), '--markdown', path.join(dir, 'r.md')] };
  };
  const report = () => ReportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8')));

  test('without history the prior floor (3% per job) cannot call a 12% slower job a regression', async () => {
    const { baseline, current, out } = setup();
    expect(await main(['compare', baseline, current, ...out], dir, process.env)).toBe(0);
    expect(noiseOf(report().comparisons[0]!)).toMatchObject({ model: 'prior-floor', sd: 0.03 });
  });

  test("a quiet branch's data folder as history: the same 12% is a regression, and the report says which model decided", async () => {
    const { folder, baseline, current, out } = setup();
    expect(await main(['compare', baseline, current, '--history', path.relative(dir, folder), ...out], dir, process.env)).toBe(1);
    const written = report();
    expect(written.comparisons[0]!.verdict).toBe('regressed');
    expect(noiseOf(written.comparisons[0]!)).toMatchObject({ model: 'history', jobs: 10 });
    expect(written.baselineChoice!.historyRuns).toBe(10);
    expect(written.reproduce).toContain(`--history ${folder}`);
  });

  test('history files one by one, comma-separated, count the same as the folder', async () => {
    const { folder, baseline, current, out } = setup();
    const files = quiet.map((_, i) => path.join(folder, `${sha(i + 1)}.json`));
    expect(await main(['compare', baseline, current, '--history', files.join(','), ...out], dir, process.env)).toBe(1);
    expect(noiseOf(report().comparisons[0]!)).toMatchObject({ model: 'history', jobs: 10 });
  });

  test('a history path that does not exist exits 2 naming it', async () => {
    const { baseline, current, out } = setup();
    expect(await main(['compare', baseline, current, '--history', 'nowhere', ...out], dir, process.env)).toBe(2);
    expect(printed.join('\n')).toContain(`${path.join(dir, 'nowhere')}: history path cannot be read`);
  });

  test('a corrupt file inside a history folder is skipped with a warning naming it', async () => {
    const { folder, baseline, current, out } = setup();
    writeFileSync(path.join(folder, `${sha(99)}.json`), '{"schema":');
    expect(await main(['compare', baseline, current, '--history', folder, ...out], dir, process.env)).toBe(1);
    expect(printed.join('\n')).toMatch(new RegExp(`warning: skipped .*${sha(99)}\\.json`));
  });
});
