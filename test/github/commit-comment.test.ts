import { afterEach, describe, expect, test } from 'vitest';
import { createCommitComment, shouldCommentOnPush } from '../../src/github/create-commit-comment.ts';
import { createOctokit } from '../../src/github/create-octokit.ts';
import { renderCommitComment } from '../../src/report/render-comment.ts';
import { renderSummary } from '../../src/report/render-summary.ts';
import { startFakeGitHub, type FakeGitHub } from './fake-github-server.ts';
import { comparison, createFakeClient, FakeRequestError, makeReport, recordWarnings } from './helpers.ts';

const sha = '9c1e7b05aa2d4f6e8b0c1d2e3f4a5b6c7d8e9f01';
const regressed = makeReport([comparison('layout/ddsplit-replay', 'regressed'), comparison('a/y', 'unchanged')]);
const quiet = makeReport([comparison('a/y', 'unchanged'), comparison('a/z', 'regressed', { gate: false })]);

describe('shouldCommentOnPush (input comment-on-push)', () => {
  test.each([
    ['regression', regressed, true],
    ['regression', quiet, false],
    ['always', quiet, true],
    ['never', regressed, false],
  ] as const)('%s: %#', (rule, report, expected) => {
    expect(shouldCommentOnPush(report, rule)).toBe(expected);
  });

  test('nothing stored before: nothing to compare, no comment even with always', () => {
    expect(shouldCommentOnPush(makeReport([comparison('a/x', 'new')], { baseline: false }), 'always')).toBe(false);
  });
});

describe('renderCommitComment', () => {
  test('the decision first, then what the push was compared with and that it is stored, marked', () => {
    const body = renderCommitComment(regressed, { branch: 'main' });
    const lines = body.split('\n');
    expect(lines[1]).toMatch(/^### ❌ fail: 1 regression, 0 improvements — layout\/ddsplit-replay throughput −21\.3%/);
    expect(lines[3]).toBe(
      'Push to **main**, compared with the previous stored run on main (aaaaaaa). This run is stored all the same, since it is what main measures now, and is marked as a regression in the stored index.',
    );
    expect(renderSummary(regressed, undefined, { branch: 'main' })).toContain('Push to **main**, compared with the previous stored run');
  });
});

describe('createCommitComment with a fake client', () => {
  test('posts the body on the pushed commit and returns its URL', async () => {
    const fake = createFakeClient();
    const result = await createCommitComment(fake.client, { owner: 'o', repo: 'r', sha, body: 'hello', log: recordWarnings() });
    expect(result).toEqual({ action: 'created', url: `https://github.com/o/r/commit/${sha}#commitcomment-1` });
    expect(fake.calls).toEqual([{ method: 'createCommitComment', params: { owner: 'o', repo: 'r', commit_sha: sha, body: 'hello' } }]);
  });

  test('a 403 is one warning naming the permission, never an exception', async () => {
    const fake = createFakeClient();
    fake.fail('createCommitComment', new FakeRequestError(403, 'Resource not accessible by integration'));
    const log = recordWarnings();
    const result = await createCommitComment(fake.client, { owner: 'o', repo: 'r', sha, body: 'x', log });
    expect(result.action).toBe('failed');
    expect(log.messages).toEqual([
      expect.stringMatching(
        /^benchgate could not comment on commit o\/r@9c1e7b0 \(403: Resource not accessible by integration\)\. Give the job 'permissions: contents: write'/,
      ),
    ]);
  });

  test('a programming error is not swallowed', async () => {
    const fake = createFakeClient();
    fake.fail('createCommitComment', new RangeError('bug'));
    await expect(createCommitComment(fake.client, { owner: 'o', repo: 'r', sha, body: 'x', log: recordWarnings() })).rejects.toThrow('bug');
  });
});

describe('createCommitComment against the fake GitHub (requests checked with the OpenAPI description)', () => {
  let fake: FakeGitHub | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  test('POST /repos/{owner}/{repo}/commits/{sha}/comments with the rendered comment', async () => {
    fake = await startFakeGitHub({ token: 'ghs_fake' });
    const log = recordWarnings();
    const octokit = createOctokit({ token: 'ghs_fake', baseUrl: fake.url, log, retryBaseMs: 1, throttleId: 'commit-comment' });
    const body = renderCommitComment(regressed, { branch: 'main' });
    const result = await createCommitComment(octokit, { owner: fake.owner, repo: fake.repo, sha, body, log });
    expect(result).toEqual({
      action: 'created',
      url: `https://github.com/${fake.owner}/${fake.repo}/commit/${sha}#commitcomment-${fake.commitComments[0]!.id}`,
    });
    expect(fake.requests.map((r) => `${r.method} ${r.path} → ${r.status}`)).toEqual([`POST /repos/${fake.owner}/${fake.repo}/commits/${sha}/comments → 201`]);
    expect(fake.commitComments.map((c) => c.body)).toEqual([body]);
    expect(fake.violations).toEqual([]);
    expect(log.messages).toEqual([]);
  });
});
