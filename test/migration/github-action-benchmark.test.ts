import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createBaselineStore } from '../../src/baseline/create-store.ts';
import { compareResults, decideGate } from '../../src/compare/index.ts';
import { buildConfig, ConfigError } from '../../src/config/config.ts';
import { parseToolOutput } from '../../src/formats/index.ts';
import { baselineSource, buildReport, renderCommentBody } from '../../src/pipeline.ts';
import { git, listDataBranch, makeRepository, makeResults, minute, recordingLog } from '../baseline/helpers.ts';
import { fixture } from '../formats/helpers.ts';
import { describeGate } from '../../src/report/describe-reason.ts';

const config = (inputs: Record<string, string>) =>
  buildConfig(
    (name) => inputs[name] ?? '',
    42,
    () => false,
  );

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** callgrind's fib benchmarks do twice the work in `slow` (throughput −50%); split is unchanged. */
async function callgrindPair() {
  return { base: await parseToolOutput(fixture('callgrind/base'), 'callgrind'), slow: await parseToolOutput(fixture('callgrind/slow'), 'callgrind') };
}

describe('fail-threshold: a separate, larger threshold for failing the check', () => {
  test('empty means the threshold; a value below the threshold is refused; one above is kept', () => {
    expect(config({}).failThreshold).toBeNull();
    expect(config({ threshold: '10%', 'fail-threshold': '30%' }).failThreshold).toBeCloseTo(0.3, 12);
    expect(() => config({ threshold: '10%', 'fail-threshold': '5%' })).toThrow(
      new ConfigError("input 'fail-threshold' must be at least 'threshold' (10%), got 5%"),
    );
    expect(() => config({ 'fail-threshold': '150%' })).toThrow(/input 'fail-threshold' must be a percentage/);
  });

  test('a regression beyond the threshold but not wholly beyond the fail threshold is reported and does not fail', async () => {
    const { base, slow } = await callgrindPair();
    const comparisons = compareResults(base, slow, {});
    expect(
      comparisons
        .filter((c) => c.gate && c.verdict === 'regressed')
        .map((c) => c.id)
        .sort(),
    ).toEqual(['fib 1000', 'fib 500']);
    const lenient = decideGate(comparisons, { failThreshold: 0.6 });
    expect(lenient.failed).toBe(false);
    expect(lenient.belowFailThreshold?.map((ref) => ref.id).sort()).toEqual(['fib 1000', 'fib 500']);
    const strict = decideGate(comparisons, { failThreshold: 0.4 });
    expect(strict.failed).toBe(true);
    expect(strict.blocking.map((ref) => ref.id).sort()).toEqual(['fib 1000', 'fib 500']);
    expect(strict.belowFailThreshold).toEqual([]);
    expect(decideGate(comparisons, {}).failed).toBe(true);
  });

  test('the action pipeline passes it to the gate', async () => {
    const { base, slow } = await callgrindPair();
    const report = await buildReport(config({ 'fail-threshold': '60%' }), { baseline: base, baselineChoice: null, history: [], current: slow, reproduce: 'x' });
    expect(report.gate.failed).toBe(false);
    expect(report.summary.gated.regressed).toBeGreaterThan(0);
    expect(describeGate(report).warnings.join('\n')).toMatch(
      /not failing on 2 regressions whose interval does not lie wholly beyond the fail threshold of 60\.0% throughput loss/,
    );
  });
});

describe('alert-comment-cc-users: mentions from the workflow file only', () => {
  test('names are validated and given an @; anything else is refused naming the input', () => {
    expect(config({ 'alert-comment-cc-users': '@octocat, hubot,@my-org/perf-team' }).alertCommentCcUsers).toEqual(['@octocat', '@hubot', '@my-org/perf-team']);
    expect(() => config({ 'alert-comment-cc-users': '@octocat,@bad!name' })).toThrow(/input 'alert-comment-cc-users' must list GitHub users or teams/);
    expect(() => config({ 'alert-comment-cc-users': '@-x' })).toThrow(/got '@-x'/);
  });

  test('the comment mentions them when a gated benchmark regressed, and not otherwise', async () => {
    const { base, slow } = await callgrindPair();
    const users = config({ 'alert-comment-cc-users': '@octocat,@my-org/perf' });
    const regressed = await buildReport(users, { baseline: base, baselineChoice: null, history: [], current: slow, reproduce: 'x' });
    expect(renderCommentBody(regressed, users).endsWith('\n\ncc @octocat @my-org/perf: 2 gated benchmarks regressed.\n')).toBe(true);
    const unchanged = await buildReport(users, { baseline: base, baselineChoice: null, history: [], current: base, reproduce: 'x' });
    expect(renderCommentBody(unchanged, users)).not.toContain('cc @');
    expect(renderCommentBody(regressed, config({}))).not.toContain('cc @');
  });

  test('a benchmark named like a mention mentions nobody: the report text escapes every @', async () => {
    const { base, slow } = await callgrindPair();
    const rename = (r: typeof base) => ({ ...r, benchmarks: r.benchmarks.map((b) => ({ ...b, id: `@octocat ${b.id}` })) });
    const report = await buildReport(config({}), { baseline: rename(base), baselineChoice: null, history: [], current: rename(slow), reproduce: 'x' });
    const body = renderCommentBody(report, config({}));
    expect(body).toContain('octocat');
    // GitHub links no mention inside a fenced code block (the plot), so only the text outside counts.
    expect(body.replace(/```[\s\S]*?```/g, '')).not.toMatch(/(^|[^\w])@octocat/);
  });
});

describe('data-repository: the data branch in another repository, with its own token', () => {
  test('owner/repo, github.com/owner/repo and https URLs are accepted; a token without a repository is refused', () => {
    expect(config({ 'data-repository': 'acme/bench-data' }).dataRepository).toBe('https://github.com/acme/bench-data.git');
    expect(config({ 'data-repository': 'github.com/acme/bench-data.git' }).dataRepository).toBe('https://github.com/acme/bench-data.git');
    expect(config({ 'data-repository': 'https://ghe.example.com/acme/data.git' }).dataRepository).toBe('https://ghe.example.com/acme/data.git');
    expect(() => config({ 'data-repository': 'acme' })).toThrow(/input 'data-repository' must be owner\/repo/);
    expect(() => config({ 'data-repository-token': 'x' })).toThrow(/'data-repository-token' is set but 'data-repository' is not/);
  });

  test('saving writes the data branch to that repository and leaves the workspace remote alone', async () => {
    const repo = makeRepository(2);
    cleanups.push(repo.cleanup);
    const dataRoot = mkdtempSync(path.join(repo.root, 'data-'));
    cleanups.push(() => rmSync(dataRoot, { recursive: true, force: true }));
    const dataRemote = path.join(dataRoot, 'data.git');
    git(dataRoot, 'init', '--bare', '--quiet', dataRemote);
    const store = createBaselineStore(
      { ...config({ 'data-repository': 'acme/data' }), dataRepository: dataRemote, dataRepositoryToken: null },
      { workspace: repo.workspace, log: recordingLog() },
    );
    const outcome = await store.save(makeResults(repo.main[0]!, minute(0)), { benchmarkSet: 'default', branch: 'main', commit: repo.main[0]! });
    expect(outcome.state).toBe('saved');
    expect([...listDataBranch(dataRemote).keys()].some((file) => file.startsWith('default/main/'))).toBe(true);
    expect(() => git(repo.remote, 'rev-parse', '--verify', '--quiet', 'refs/heads/benchgate-data')).toThrow();
    const loaded = await store.load({ benchmarkSet: 'default', baseBranch: 'main', headCommit: repo.main[1]! });
    expect(loaded?.results.commit).toBe(repo.main[0]);
  });

  test('the reproduce command fetches the stored run from the data repository', () => {
    const choice = { method: 'merge-base' as const, commit: 'abc123', date: null, branch: 'main', description: 'x', historyRuns: 0 };
    expect(baselineSource(config({ 'data-repository': 'acme/data' }), { choice })).toEqual({
      fetch: 'git fetch https://github.com/acme/data.git benchgate-data && git show FETCH_HEAD:default/main/abc123.json > baseline.json',
    });
    expect(baselineSource(config({}), { choice })).toEqual({
      fetch: 'git fetch origin benchgate-data && git show FETCH_HEAD:default/main/abc123.json > baseline.json',
    });
  });
});
