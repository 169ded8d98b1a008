import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { main } from '../../src/cli.ts';
import { ReportSchema } from '../../src/compare/schema.ts';
import { assignShard } from '../../src/results/assign-shard.ts';
import { ResultsSchema } from '../../src/results/schema.ts';
import { git, makeRepository, scratchDir } from '../runner/paired-helpers.ts';

let printed: string[];

beforeEach(() => {
  printed = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

const worktrees = (workspace: string) =>
  git(workspace, 'worktree', 'list', '--porcelain')
    .split('\n')
    .filter((line) => line.startsWith('worktree ')).length;

describe('benchgate ab --shard and benchgate merge', () => {
  test('each shard writes both sides of its slice; the merge keeps both sides of the whole suite', async () => {
    const repo = makeRepository();
    const out = scratchDir('benchgate-ab-shard-');
    const files: string[] = [];
    for (const index of [1, 2]) {
      const file = path.join(out, `shard-${index}.json`);
      const code = await main(
        [
          'ab',
          'main',
          '--suites',
          'benchmarks/*.bench.ts',
          '--runs',
          '3',
          '--time',
          '5',
          '--warmup-time',
          '0',
          '--seed',
          '3',
          '--shard',
          `${index}/2`,
          '--output',
          file,
          '--report-json',
          path.join(out, `r${index}.json`),
          '--report-markdown',
          path.join(out, `r${index}.md`),
        ],
        repo.workspace,
        { ...process.env, GITHUB_RUN_ID: '42', PAIRED_FIXTURE: '3' },
      );
      expect(code, printed.join('\n')).toBe(0);
      const written = ResultsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
      const slice = ['clock/spin', 'extra/added'].filter((id) => assignShard(id, 2) === index);
      expect(written.shard).toMatchObject({ index, count: 2, runId: '42', design: 'same-runner', assigned: slice });
      expect(written.benchmarks.map((b) => b.id).sort()).toEqual(slice);
      // The base lacks the extra suite; its side holds the rest of the slice, measured in the same rounds.
      expect(written.shard!.base!.commit).toBe(repo.base);
      expect(written.shard!.base!.benchmarks.map((b) => b.id)).toEqual(slice.filter((id) => id === 'clock/spin'));
      files.push(file);
    }
    const merged = path.join(out, 'merged.json');
    printed = [];
    expect(await main(['merge', ...files, '--output', merged], out, {}), printed.join('\n')).toBe(0);
    const whole = ResultsSchema.parse(JSON.parse(readFileSync(merged, 'utf8')));
    expect(whole.benchmarks.map((b) => b.id)).toEqual(['clock/spin', 'extra/added']);
    expect(whole.shard).toMatchObject({ index: 1, count: 1, design: 'same-runner', assigned: ['clock/spin', 'extra/added'] });
    expect(whole.shard!.base!.benchmarks.map((b) => b.id)).toEqual(['clock/spin']);
    expect(whole.benchmarks[0]!.metrics.find((m) => m.name === 'tree-value')!.runs).toEqual([2, 2, 2]);
    expect(whole.shard!.base!.benchmarks[0]!.metrics.find((m) => m.name === 'tree-value')!.runs).toEqual([1, 1, 1]);
    expect(worktrees(repo.workspace)).toBe(1);
  });
});

describe('benchgate ab', () => {
  test('measures main against the working tree, prints the compare table, writes the report, exits with the gate', async () => {
    const repo = makeRepository();
    const out = scratchDir('benchgate-ab-');
    const args = ['ab', 'main', '--suites', 'benchmarks/clock.bench.ts', '--runs', '8', '--time', '5', '--warmup-time', '0', '--alpha', '0.05', '--seed', '3'];
    const code = await main([...args, '--report-json', path.join(out, 'r.json'), '--report-markdown', path.join(out, 'r.md')], repo.workspace, process.env);
    expect(code, printed.join('\n')).toBe(1);
    const report = ReportSchema.parse(JSON.parse(readFileSync(path.join(out, 'r.json'), 'utf8')));
    expect(report.baselineChoice).toMatchObject({ method: 'same-runner', commit: repo.base });
    expect(report.comparisons.find((c) => c.metric === 'tree-value')).toMatchObject({ verdict: 'regressed', design: 'paired' });
    expect(printed.some((line) => line.includes('clock/spin'))).toBe(true);
    expect(
      printed.some((line) => new RegExp(`^\\n8 rounds \\(\\d+ s measuring\\) · base ${repo.base.slice(0, 7)} · head the working tree · seed 3$`).test(line)),
    ).toBe(true);
    expect(worktrees(repo.workspace)).toBe(1);
  });

  test('an explicit head ref is measured from its own worktree; --fail-on never passes', async () => {
    const repo = makeRepository();
    git(repo.workspace, 'checkout', '-q', 'main');
    const out = scratchDir('benchgate-ab-');
    const code = await main(
      [
        'ab',
        'main',
        'change',
        '--suites',
        'benchmarks/clock.bench.ts',
        '--runs',
        '3',
        '--time',
        '5',
        '--warmup-time',
        '0',
        '--fail-on',
        'never',
        '--report-json',
        path.join(out, 'r.json'),
        '--report-markdown',
        path.join(out, 'r.md'),
      ],
      repo.workspace,
      process.env,
    );
    expect(code, printed.join('\n')).toBe(0);
    const report = ReportSchema.parse(JSON.parse(readFileSync(path.join(out, 'r.json'), 'utf8')));
    expect(report.current.commit).toBe(repo.head);
    expect(report.comparisons.find((c) => c.metric === 'tree-value')!.current!.center).toBe(2);
    expect(worktrees(repo.workspace)).toBe(1);
  });

  test('bad input exits 2 naming it: an unknown ref, command without output-file-path, a base without the suites, a missing argument', async () => {
    const repo = makeRepository();
    expect(await main(['ab', 'no-such-ref', '--runs', '2'], repo.workspace, process.env)).toBe(2);
    expect(printed.join('\n')).toContain("'no-such-ref' is not a commit of the repository");
    expect(await main(['ab', 'main', '--command', 'true', '--runs', '2'], repo.workspace, process.env)).toBe(2);
    expect(printed.join('\n')).toContain("input 'command' needs 'output-file-path'");
    expect(await main(['ab', 'main', '--suites', 'benchmarks/extra.bench.ts', '--runs', '2'], repo.workspace, process.env)).toBe(2);
    expect(printed.join('\n')).toMatch(/the base main cannot be measured: the base tree has none of the suites/);
    expect(await main(['ab'], repo.workspace, process.env)).toBe(2);
    expect(printed.join('\n')).toContain("'benchgate ab' takes 1 to 2 arguments, <base-ref> [<head-ref>]; got none");
    expect(worktrees(repo.workspace)).toBe(1);
  });
});
