import { afterEach, describe, expect, test } from 'vitest';
import { createOctokit } from '../../src/github/create-octokit.ts';
import { findPullRequestForSha } from '../../src/github/find-pull-request.ts';
import { FORK_COMMENT_WARNING, postReportComment } from '../../src/github/post-report-comment.ts';
import type { GitHubClient } from '../../src/github/client.ts';
import { publishReport } from '../../src/github/publish-report.ts';
import { readPullRequestContext, type PullRequestContext } from '../../src/github/pull-request-context.ts';
import { upsertComment } from '../../src/github/upsert-comment.ts';
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from './fake-github-server.ts';
import { loadGitHubOpenApi, matchOperation, validateValue } from './openapi-validator.ts';
import { comparison, makeReport, recordWarnings } from './helpers.ts';

const token = 'ghs_fake_token';
const headSha = '1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c';
const marker = '<!-- benchgate:default -->';
let fake: FakeGitHub | undefined;
let clients = 0;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(options: FakeGitHubOptions = {}) {
  fake = await startFakeGitHub({ token, pulls: [{ number: 7, headSha }], ...options });
  const log = recordWarnings();
  // A fresh throttle id per client: the plugin spaces writes one second apart per id.
  const octokit = createOctokit({ token, baseUrl: fake.url, log, retryBaseMs: 1, throttleId: `integration-${clients++}` });
  const comment = { owner: fake.owner, repo: fake.repo, issueNumber: 7, marker, commentOn: 'change' as const, hasChange: true };
  return { fake, log, octokit, comment };
}

/** The identity look-ups (`GET /user`, `POST /graphql`), made once per client; the tests below them check them. */
const isIdentity = (r: { path: string }) => r.path === '/user' || r.path === '/graphql';
const routes = (server: FakeGitHub) => server.requests.filter((r) => !isIdentity(r)).map((r) => `${r.method} ${r.path} → ${r.status}`);

describe('against the fake GitHub (requests checked with the OpenAPI description)', () => {
  test('creates the comment, then updates the same one', async () => {
    const { fake, log, octokit, comment } = await setup();
    const first = await postReportComment(octokit, { ...comment, body: `${marker}\n❌ slower`, isFork: false, log });
    const second = await postReportComment(octokit, { ...comment, body: `${marker}\n✅ fixed`, hasChange: false, isFork: false, log });
    expect(first.action).toBe('created');
    expect(second).toEqual({ action: 'updated', url: first.url });
    expect(fake.comments.map((c) => c.body)).toEqual([`${marker}\n✅ fixed`]);
    expect(routes(fake)).toEqual([
      'GET /repos/octo-org/benchgate-demo/issues/7/comments → 200',
      'POST /repos/octo-org/benchgate-demo/issues/7/comments → 201',
      'GET /repos/octo-org/benchgate-demo/issues/7/comments → 200',
      'PATCH /repos/octo-org/benchgate-demo/issues/comments/1000001 → 200',
    ]);
    expect(fake.requests[1]?.body).toEqual({ body: `${marker}\n❌ slower` });
    expect(fake.requests[0]?.headers.authorization).toBe(`token ${token}`);
    expect(fake.violations).toEqual([]);
    expect(log.messages).toEqual([]);
  });

  test('finds our comment on the third page of a busy pull request', async () => {
    const comments = Array.from({ length: 230 }, (_, i) => ({ issueNumber: 7, body: i === 215 ? `${marker}\nold` : `comment ${i}` }));
    const { fake, octokit, comment } = await setup({ comments });
    const result = await upsertComment(octokit, { ...comment, body: `${marker}\nnew` });
    expect(result.action).toBe('updated');
    expect(fake.comments[215]?.body).toBe(`${marker}\nnew`);
    expect(fake.comments).toHaveLength(230);
    expect(fake.requests.filter((r) => r.method === 'GET' && !isIdentity(r)).map((r) => r.query)).toEqual([
      { per_page: '100', page: '1' },
      { per_page: '100', page: '2' },
      { per_page: '100', page: '3' },
    ]);
    expect(fake.violations).toEqual([]);
  });

  test('retries a 500 and succeeds without a warning', async () => {
    const { fake, log, octokit, comment } = await setup();
    fake.inject({ status: 500, method: 'GET', times: 2 });
    const result = await postReportComment(octokit, { ...comment, body: `${marker}\nx`, isFork: false, log });
    expect(result.action).toBe('created');
    expect(fake.requests.map((r) => r.status)).toEqual([500, 500, 200, 201]);
    expect(log.messages).toEqual([]);
  });

  test('a 500 that persists past the retries becomes one warning, and nothing is created', async () => {
    const { fake, log, octokit, comment } = await setup();
    fake.inject({ status: 500, times: 100 });
    const result = await postReportComment(octokit, { ...comment, body: `${marker}\nx`, isFork: false, log });
    expect(result.action).toBe('failed');
    expect(fake.requests.map((r) => r.status)).toEqual([500, 500, 500, 500]);
    expect(log.messages).toHaveLength(1);
    expect(log.messages[0]).toMatch(/500/);
    expect(fake.comments).toEqual([]);
  });

  test('a 429 with Retry-After is waited out and retried, with a warning naming the wait', async () => {
    const { fake, log, octokit, comment } = await setup();
    fake.inject({ status: 429, method: 'POST', retryAfter: 3 });
    const result = await postReportComment(octokit, { ...comment, body: `${marker}\nx`, isFork: false, log });
    expect(result.action).toBe('created');
    expect(fake.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['GET 200', 'POST 429', 'POST 201']);
    expect(log.messages).toEqual([expect.stringMatching(/secondary rate limit on POST .*retrying after 3 s \(retry 1 of 2, attempt 2 of 3\)/)]);
    expect(fake.comments).toHaveLength(1);
  });

  test('a rate limit that outlasts the bound fails into one comment warning', async () => {
    const { fake, log, octokit, comment } = await setup();
    fake.inject({ status: 429, method: 'GET', retryAfter: 1, times: 10 });
    const result = await postReportComment(octokit, { ...comment, body: `${marker}\nx`, isFork: false, log });
    expect(result.action).toBe('failed');
    expect(fake.requests.map((r) => r.status)).toEqual([429, 429, 429]);
    expect(log.messages.filter((m) => /retrying after 1 s/.test(m))).toHaveLength(2);
    expect(log.messages.at(-1)).toMatch(/could not comment.*rate limit/);
  });

  test('a Retry-After longer than the bound is not waited for', async () => {
    const { fake, log, octokit, comment } = await setup();
    fake.inject({ status: 429, method: 'GET', retryAfter: 3600 });
    const result = await postReportComment(octokit, { ...comment, body: `${marker}\nx`, isFork: false, log });
    expect(result.action).toBe('failed');
    expect(fake.requests).toHaveLength(1);
    expect(log.messages[0]).toMatch(/Retry-After 3600 s exceeds 120 s/);
  });

  test('a 403 secondary rate limit is waited out and retried, not mistaken for a fork', async () => {
    const { fake, log, octokit, comment } = await setup();
    fake.inject({
      status: 403,
      method: 'GET',
      retryAfter: 2,
      message: 'You have exceeded a secondary rate limit and have been temporarily blocked from content creation.',
    });
    const result = await postReportComment(octokit, { ...comment, body: `${marker}\nx`, isFork: true, log });
    expect(result.action).toBe('created');
    expect(fake.requests.map((r) => r.status)).toEqual([403, 200, 201]);
    expect(log.messages).toEqual([expect.stringMatching(/secondary rate limit on GET .*retrying after 2 s/)]);
  });

  test('a primary rate limit (403, x-ratelimit-remaining 0) waits for the reset time and retries', async () => {
    const { fake, log, octokit, comment } = await setup();
    const reset = String(Math.floor(Date.now() / 1000) + 5);
    fake.inject({
      status: 403,
      method: 'GET',
      message: 'API rate limit exceeded for installation ID 1.',
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
    });
    const result = await postReportComment(octokit, { ...comment, body: `${marker}\nx`, isFork: false, log });
    expect(result.action).toBe('created');
    expect(fake.requests.map((r) => r.status)).toEqual([403, 200, 201]);
    expect(log.messages).toEqual([expect.stringMatching(/primary rate limit on GET .*retrying after \d+ s/)]);
  });

  test("a fork pull request's read-only token: 403, one warning explaining the companion mode, no retry", async () => {
    const { fake, log, octokit, comment } = await setup({ readOnly: true, pulls: [{ number: 7, headSha, headOwner: 'contributor' }] });
    const result = await postReportComment(octokit, { ...comment, body: `${marker}\nx`, isFork: true, log });
    expect(result).toEqual({ action: 'failed', url: null, warning: FORK_COMMENT_WARNING });
    expect(log.messages).toEqual([FORK_COMMENT_WARNING]);
    expect(fake.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['GET 200', 'POST 403']);
    expect(fake.violations).toEqual([]);
  });

  test('a 422 on update becomes a warning and is not retried', async () => {
    const { fake, log, octokit, comment } = await setup({ comments: [{ issueNumber: 7, body: `${marker}\nold` }] });
    fake.inject({ status: 422, method: 'PATCH' });
    const result = await postReportComment(octokit, { ...comment, body: `${marker}\nnew`, isFork: false, log });
    expect(result.action).toBe('failed');
    expect(log.messages).toEqual([expect.stringMatching(/rejected the comment \(422: Validation Failed/)]);
    expect(fake.requests.filter((r) => !isIdentity(r)).map((r) => r.status)).toEqual([200, 422]);
    expect(fake.comments[0]?.body).toBe(`${marker}\nold`);
  });

  test('a pull request that does not exist (404) becomes a warning', async () => {
    const { log, octokit, comment } = await setup();
    const result = await postReportComment(octokit, { ...comment, issueNumber: 99, body: `${marker}\nx`, isFork: false, log });
    expect(result.action).toBe('failed');
    expect(log.messages[0]).toMatch(/#99 \(404/);
  });

  test('a wrong token (401) becomes a warning naming the permission', async () => {
    const { fake } = await setup();
    const log = recordWarnings();
    const octokit = createOctokit({ token: 'wrong', baseUrl: fake.url, log, retryBaseMs: 1, throttleId: `integration-${clients++}` });
    const result = await postReportComment(octokit, {
      owner: fake.owner,
      repo: fake.repo,
      issueNumber: 7,
      marker,
      body: `${marker}\nx`,
      commentOn: 'always',
      hasChange: true,
      isFork: false,
      log,
    });
    expect(result.action).toBe('failed');
    expect(log.messages[0]).toMatch(/401.*pull-requests: write/);
  });

  test('finds a fork pull request by head SHA for the companion workflow', async () => {
    const { fake, octokit } = await setup({
      pulls: [
        { number: 3, headSha: 'a'.repeat(40) },
        { number: 7, headSha, headOwner: 'contributor', headRef: 'faster' },
      ],
    });
    expect(await findPullRequestForSha(octokit, { owner: fake.owner, repo: fake.repo, sha: headSha, headOwner: 'contributor', headRef: 'faster' })).toBe(7);
    expect(
      await findPullRequestForSha(octokit, { owner: fake.owner, repo: fake.repo, sha: 'b'.repeat(40), headOwner: 'contributor', headRef: 'faster' }),
    ).toBeNull();
    expect(fake.requests.map((r) => r.operationId)).toEqual([
      'repos/list-pull-requests-associated-with-commit',
      'repos/list-pull-requests-associated-with-commit',
      'pulls/list',
    ]);
    expect(fake.violations).toEqual([]);
  });
});

test('fork flow: the pull request run warns once; the workflow_run companion finds the PR by SHA and comments', async () => {
  const pulls = [{ number: 7, headSha, headOwner: 'contributor', headRef: 'faster' }];
  const forkRun = await setup({ readOnly: true, pulls });
  const forkPayload = {
    number: 7,
    pull_request: {
      number: 7,
      head: { sha: headSha, ref: 'faster', repo: { full_name: 'contributor/benchgate-demo', owner: { login: 'contributor' } } },
      base: { ref: 'main', repo: { full_name: 'octo-org/benchgate-demo' } },
    },
    repository: { full_name: 'octo-org/benchgate-demo' },
  };
  const prContext = readPullRequestContext(forkPayload, { GITHUB_EVENT_NAME: 'pull_request' });
  const report = makeReport([comparison('layout/ddsplit-replay', 'regressed')]);
  const publish = (octokit: GitHubClient, context: PullRequestContext, warnings: string[]) =>
    publishReport(
      {
        octokit,
        core: { setOutput: () => {}, error: () => {}, info: () => {}, warning: (m: string | Error) => warnings.push(String(m)) },
        summary: {
          addRaw() {
            return this;
          },
          write: async () => undefined,
        },
      },
      {
        report,
        commentBody: `${marker}\n❌ 1 regression`,
        summaryMarkdown: '# report',
        marker,
        commentOn: 'change',
        context,
        reportJson: 'r.json',
        reportMarkdown: 'r.md',
      },
    );
  const prWarnings: string[] = [];
  expect((await publish(forkRun.octokit, prContext, prWarnings)).comment?.action).toBe('failed');
  expect(prWarnings).toEqual([FORK_COMMENT_WARNING]);
  await forkRun.fake.close();

  // The companion runs in the base repository with a write token; its payload has no PR number.
  const companion = await setup({ pulls });
  const runPayload = {
    action: 'completed',
    workflow_run: {
      event: 'pull_request',
      head_sha: headSha,
      head_branch: 'faster',
      pull_requests: [],
      head_repository: { full_name: 'contributor/benchgate-demo', owner: { login: 'contributor' } },
    },
    repository: { full_name: 'octo-org/benchgate-demo' },
  };
  const runContext = readPullRequestContext(runPayload, { GITHUB_EVENT_NAME: 'workflow_run' });
  const companionWarnings: string[] = [];
  const result = await publish(companion.octokit, runContext, companionWarnings);
  expect(result).toMatchObject({ issueNumber: 7, comment: { action: 'created' } });
  expect(companion.fake.comments.map((c) => [c.issueNumber, c.body])).toEqual([[7, `${marker}\n❌ 1 regression`]]);
  expect(companionWarnings).toEqual([]);
  expect(companion.fake.violations).toEqual([]);
});

describe('rate limits: every 429, and a 403 that says so, waits and retries; the log counts the attempts', () => {
  test('a plain 429 "Too Many Requests" with Retry-After is waited out and retried', async () => {
    const { fake, log, octokit, comment } = await setup();
    fake.inject({ status: 429, method: 'POST', retryAfter: 2, message: 'Too Many Requests' });
    const result = await postReportComment(octokit, { ...comment, body: `${marker}\nx`, isFork: false, log });
    expect(result.action).toBe('created');
    expect(fake.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['GET 200', 'POST 429', 'POST 201']);
    expect(log.messages).toEqual([
      'GitHub secondary rate limit on POST /repos/{owner}/{repo}/issues/{issue_number}/comments (429): retrying after 2 s (retry 1 of 2, attempt 2 of 3)',
    ]);
  });

  test('a 429 without any header waits the documented minute (scaled in tests) and retries', async () => {
    const { fake, log, octokit, comment } = await setup();
    fake.inject({ status: 429, method: 'GET', message: 'Too Many Requests', retryAfter: null });
    const result = await postReportComment(octokit, { ...comment, body: `${marker}\nx`, isFork: false, log });
    expect(result.action).toBe('created');
    expect(log.messages).toEqual([expect.stringMatching(/\(429\): retrying after 60 s, no Retry-After given \(retry 1 of 2, attempt 2 of 3\)$/)]);
  });

  test('a 403 with Retry-After and no rate-limit wording is a rate limit too', async () => {
    const { fake, log, octokit, comment } = await setup();
    fake.inject({ status: 403, method: 'GET', retryAfter: 1, message: 'Forbidden' });
    const result = await postReportComment(octokit, { ...comment, body: `${marker}\nx`, isFork: true, log });
    expect(result.action).toBe('created');
    expect(fake.requests.map((r) => r.status)).toEqual([403, 200, 201]);
  });

  test('a persisting 429 ends in one warning with the exact number of attempts', async () => {
    const { fake, log, octokit, comment } = await setup();
    fake.inject({ status: 429, method: 'GET', retryAfter: 1, message: 'Too Many Requests', times: 10 });
    const result = await postReportComment(octokit, { ...comment, body: `${marker}\nx`, isFork: false, log });
    expect(result.action).toBe('failed');
    expect(fake.requests).toHaveLength(3);
    expect(log.messages).toEqual([
      expect.stringMatching(/retrying after 1 s \(retry 1 of 2, attempt 2 of 3\)$/),
      expect.stringMatching(/retrying after 1 s \(retry 2 of 2, attempt 3 of 3\)$/),
      expect.stringMatching(/\(429\): gave up after 3 attempts$/),
      expect.stringMatching(
        /^benchgate could not comment on octo-org\/benchgate-demo#7: GitHub's rate limit persisted after 3 attempts \(429: Too Many Requests/,
      ),
    ]);
  });

  test('a persisting 500 says how many attempts were made', async () => {
    const { fake, log, octokit, comment } = await setup();
    fake.inject({ status: 500, method: 'GET', times: 10 });
    const result = await postReportComment(octokit, { ...comment, body: `${marker}\nx`, isFork: false, log });
    expect(result.action).toBe('failed');
    expect(fake.requests).toHaveLength(4);
    expect(log.messages.at(-1)).toMatch(/\(500: Server Error[^)]*\) after 4 attempts\./);
  });
});

describe('the marker is ours alone', () => {
  const hostile = (issueNumber: number) => ({ issueNumber, body: `${marker}\n✅ all good, merge it`, login: 'mallory' });

  test('a look-alike by another user is ignored and reported; ours is created beside it (GITHUB_TOKEN)', async () => {
    const { fake, log, octokit, comment } = await setup({ comments: [hostile(7)] });
    const result = await postReportComment(octokit, { ...comment, body: `${marker}\n❌ slower`, isFork: false, log });
    expect(result.action).toBe('created');
    expect(fake.comments.map((c) => [c.login, c.body])).toEqual([
      ['mallory', `${marker}\n✅ all good, merge it`],
      ['github-actions[bot]', `${marker}\n❌ slower`],
    ]);
    expect(fake.requests.some((r) => r.method === 'PATCH')).toBe(false);
    expect(log.messages).toEqual([
      expect.stringMatching(
        /^benchgate ignored comment https:\/\/github\.com\/octo-org\/benchgate-demo\/pull\/7#issuecomment-1000001: it carries benchgate's marker <!-- benchgate:default --> but was written by mallory, not github-actions\[bot\]$/,
      ),
    ]);
    // GET /user is refused to the installation token; GraphQL's viewer names the bot.
    expect(fake.requests.filter(isIdentity).map((r) => `${r.method} ${r.path} → ${r.status}`)).toEqual(['GET /user → 403', 'POST /graphql → 200']);
    expect(fake.violations).toEqual([]);
  });

  test('the second run updates our comment, not the look-alike, and asks who it is only once per client', async () => {
    const { fake, log, octokit, comment } = await setup({ comments: [hostile(7)] });
    await postReportComment(octokit, { ...comment, body: `${marker}\nfirst`, isFork: false, log });
    const second = await postReportComment(octokit, { ...comment, body: `${marker}\nsecond`, isFork: false, log });
    expect(second.action).toBe('updated');
    expect(fake.comments.map((c) => [c.login, c.body.split('\n')[1]])).toEqual([
      ['mallory', '✅ all good, merge it'],
      ['github-actions[bot]', 'second'],
    ]);
    expect(fake.requests.filter(isIdentity)).toHaveLength(2);
  });

  test("a user's token: GET /user names the author, and that user's own comment is ours", async () => {
    const { fake, log, octokit, comment } = await setup({
      identity: { kind: 'user', login: 'perf-bot' },
      comments: [
        hostile(7),
        { issueNumber: 7, body: `${marker}\nold`, login: 'perf-bot' },
        { issueNumber: 7, body: `${marker}\nbot`, login: 'github-actions[bot]' },
      ],
    });
    const result = await upsertComment(octokit, { ...comment, body: `${marker}\nnew`, log });
    expect(result.action).toBe('updated');
    expect(fake.comments.map((c) => [c.login, c.body.split('\n')[1]])).toEqual([
      ['mallory', '✅ all good, merge it'],
      ['perf-bot', 'new'],
      ['github-actions[bot]', 'bot'],
    ]);
    expect(fake.requests.filter(isIdentity).map((r) => `${r.method} ${r.path} → ${r.status}`)).toEqual(['GET /user → 200']);
    expect(log.messages).toHaveLength(1);
    expect(fake.violations).toEqual([]);
  });

  test("another app's installation token: GraphQL's viewer names <app>[bot]", async () => {
    const { fake, octokit, comment } = await setup({
      identity: { kind: 'installation', login: 'perf-app[bot]' },
      comments: [
        { issueNumber: 7, body: `${marker}\nold`, login: 'github-actions[bot]' },
        { issueNumber: 7, body: `${marker}\nmine`, login: 'perf-app[bot]' },
      ],
    });
    expect((await upsertComment(octokit, { ...comment, body: `${marker}\nnew` })).action).toBe('updated');
    expect(fake.comments.map((c) => c.body.split('\n')[1])).toEqual(['old', 'new']);
  });

  test('without GraphQL the GITHUB_TOKEN is assumed: github-actions[bot]', async () => {
    const { fake, octokit, comment } = await setup({ graphql: false, comments: [hostile(7), { issueNumber: 7, body: `${marker}\nold` }] });
    expect((await upsertComment(octokit, { ...comment, body: `${marker}\nnew` })).action).toBe('updated');
    expect(fake.comments.map((c) => c.body.split('\n')[1])).toEqual(['✅ all good, merge it', 'new']);
  });

  test('a pull request with no marker anywhere costs no identity look-up', async () => {
    const { fake, octokit, comment } = await setup({ comments: [{ issueNumber: 7, body: 'lgtm', login: 'mallory' }] });
    expect((await upsertComment(octokit, { ...comment, body: `${marker}\nnew` })).action).toBe('created');
    expect(fake.requests.filter(isIdentity)).toEqual([]);
  });
});

describe('the fake checks requests against the OpenAPI description', () => {
  test('a body of the wrong type, an undeclared query parameter and a non-integer path parameter are refused', async () => {
    const { fake, octokit } = await setup();
    await expect(
      octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: fake.owner,
        repo: fake.repo,
        issue_number: 7,
        body: 42 as unknown as string,
      }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: fake.owner, repo: fake.repo, issue_number: 7, perPage: 100 }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        owner: fake.owner,
        repo: fake.repo,
        comment_id: 'abc' as unknown as number,
        body: 'x',
      }),
    ).rejects.toMatchObject({ status: 400 });
    const withoutBody = { owner: fake.owner, repo: fake.repo, issue_number: 7 } as { owner: string; repo: string; issue_number: number; body: string };
    await expect(octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', withoutBody)).rejects.toMatchObject({ status: 400 });
    expect(fake.violations).toEqual([
      expect.stringMatching(/body\.body must be string, got number/),
      expect.stringMatching(/query parameter 'perPage' is not declared/),
      expect.stringMatching(/path parameter 'comment_id' must be an integer, got "abc"/),
      expect.stringMatching(/requires a JSON body|body\.body is required/),
    ]);
    expect(fake.comments).toEqual([]);
  });

  test('routes by the most literal template, as GitHub does', () => {
    const spec = loadGitHubOpenApi();
    expect(matchOperation(spec, 'PATCH', '/repos/o/r/issues/comments/5')?.operation.operationId).toBe('issues/update-comment');
    expect(matchOperation(spec, 'GET', '/repos/o/r/issues/comments')?.operation.operationId).toBe('issues/list-comments-for-repo');
    expect(matchOperation(spec, 'GET', '/repos/o/r/issues/5/comments')?.operation.operationId).toBe('issues/list-comments');
    expect(matchOperation(spec, 'DELETE', '/repos/o/r/issues/5/comments')).toBeNull();
  });

  test('the response check would catch a comment missing required fields', () => {
    const spec = loadGitHubOpenApi();
    expect(validateValue(spec, { $ref: '#/components/schemas/issue-comment' }, { id: 1, body: 'x' }, 'response')).toEqual(
      expect.arrayContaining(['response.node_id is required', 'response.html_url is required', 'response.user is required']),
    );
  });
});
