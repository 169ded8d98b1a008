import { describe, expect, test } from 'vitest';
import { findPullRequestForSha } from '../../src/github/find-pull-request.ts';
import { readPullRequestContext } from '../../src/github/pull-request-context.ts';
import { createFakeClient, pullRequest } from './helpers.ts';

const sha = 'c'.repeat(40);
const env = { GITHUB_REPOSITORY: 'octo-org/demo', GITHUB_SHA: 'f'.repeat(40), GITHUB_EVENT_NAME: 'pull_request' };

function pullRequestPayload(headRepo: string | null) {
  return {
    action: 'synchronize',
    number: 12,
    pull_request: {
      number: 12,
      head: {
        sha,
        ref: 'faster-parser',
        repo: headRepo === null ? null : { full_name: headRepo, owner: { login: headRepo.split('/')[0] } },
        user: { login: 'contributor' },
      },
      base: { sha: 'b'.repeat(40), ref: 'main', repo: { full_name: 'octo-org/demo' } },
    },
    repository: { full_name: 'octo-org/demo' },
  };
}

describe('readPullRequestContext', () => {
  test('a same-repository pull request', () => {
    expect(readPullRequestContext(pullRequestPayload('octo-org/demo'), env)).toEqual({
      owner: 'octo-org',
      repo: 'demo',
      issueNumber: 12,
      headSha: sha,
      baseRef: 'main',
      headRef: 'faster-parser',
      headOwner: 'octo-org',
      isFork: false,
      eventName: 'pull_request',
      triggeringEvent: null,
    });
  });

  test('a pull request from a fork', () => {
    const context = readPullRequestContext(pullRequestPayload('contributor/demo'), env);
    expect(context.isFork).toBe(true);
    expect(context.headOwner).toBe('contributor');
    expect(context.owner).toBe('octo-org');
  });

  test('a pull request whose fork was deleted (head.repo null) counts as a fork', () => {
    const context = readPullRequestContext(pullRequestPayload(null), env);
    expect(context.isFork).toBe(true);
    expect(context.headOwner).toBe('contributor');
  });

  test('a push to main has no pull request and uses the pushed commit', () => {
    const payload = { ref: 'refs/heads/main', after: 'a'.repeat(40), repository: { full_name: 'octo-org/demo' } };
    expect(readPullRequestContext(payload, { ...env, GITHUB_EVENT_NAME: 'push' })).toMatchObject({
      issueNumber: null,
      headSha: 'a'.repeat(40),
      headRef: 'main',
      baseRef: null,
      isFork: false,
      eventName: 'push',
    });
  });

  test('a workflow_run from a fork pull request: no PR number in the payload, head SHA and fork owner known', () => {
    const payload = {
      action: 'completed',
      workflow_run: {
        event: 'pull_request',
        head_sha: sha,
        head_branch: 'faster-parser',
        pull_requests: [],
        head_repository: { full_name: 'contributor/demo', owner: { login: 'contributor' } },
      },
      repository: { full_name: 'octo-org/demo' },
    };
    expect(readPullRequestContext(payload, { ...env, GITHUB_EVENT_NAME: 'workflow_run' })).toMatchObject({
      issueNumber: null,
      headSha: sha,
      headRef: 'faster-parser',
      headOwner: 'contributor',
      isFork: true,
      eventName: 'workflow_run',
      triggeringEvent: 'pull_request',
    });
  });

  test('a workflow_run from a same-repository pull request takes the number whose head matches', () => {
    const payload = {
      workflow_run: {
        event: 'pull_request',
        head_sha: sha,
        head_branch: 'faster-parser',
        pull_requests: [
          { number: 3, head: { sha: 'd'.repeat(40) }, base: { ref: 'release' } },
          { number: 12, head: { sha }, base: { ref: 'main' } },
        ],
        head_repository: { full_name: 'octo-org/demo', owner: { login: 'octo-org' } },
      },
      repository: { full_name: 'octo-org/demo' },
    };
    expect(readPullRequestContext(payload, { ...env, GITHUB_EVENT_NAME: 'workflow_run' })).toMatchObject({ issueNumber: 12, baseRef: 'main', isFork: false });
  });

  test('another event falls back to the runner variables', () => {
    const context = readPullRequestContext(
      {},
      { GITHUB_REPOSITORY: 'octo-org/demo', GITHUB_SHA: 'e'.repeat(40), GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_REF: 'refs/heads/dev' },
    );
    expect(context).toMatchObject({
      owner: 'octo-org',
      repo: 'demo',
      issueNumber: null,
      headSha: 'e'.repeat(40),
      headRef: 'dev',
      eventName: 'workflow_dispatch',
    });
  });

  test('no repository anywhere is an error naming GITHUB_REPOSITORY', () => {
    expect(() => readPullRequestContext({}, { GITHUB_SHA: sha })).toThrow(/GITHUB_REPOSITORY/);
    expect(() => readPullRequestContext({}, { GITHUB_REPOSITORY: 'not-a-slug', GITHUB_SHA: sha })).toThrow(/"not-a-slug"/);
  });

  test('no commit anywhere is an error naming GITHUB_SHA', () => {
    expect(() => readPullRequestContext({}, { GITHUB_REPOSITORY: 'octo-org/demo' })).toThrow(/GITHUB_SHA/);
  });

  test('a payload that is not an object is read as empty', () => {
    expect(readPullRequestContext(null, env).issueNumber).toBeNull();
    expect(readPullRequestContext([1, 2], env).headSha).toBe(env.GITHUB_SHA);
  });
});

describe('findPullRequestForSha', () => {
  test('finds the pull request through the commit', async () => {
    const fake = createFakeClient({ pulls: [pullRequest(5, 'd'.repeat(40)), pullRequest(12, sha)] });
    expect(await findPullRequestForSha(fake.client, { owner: 'o', repo: 'r', sha })).toBe(12);
    expect(fake.calls.map((c) => c.method)).toEqual(['listPullRequestsAssociatedWithCommit']);
  });

  test('only an open pull request matches; of two, the newest', async () => {
    const fake = createFakeClient({ pulls: [pullRequest(20, sha, { state: 'closed' }), pullRequest(9, sha), pullRequest(14, sha)] });
    expect(await findPullRequestForSha(fake.client, { owner: 'o', repo: 'r', sha })).toBe(14);
    const merged = createFakeClient({ pulls: [pullRequest(20, sha, { state: 'closed' })] });
    expect(await findPullRequestForSha(merged.client, { owner: 'o', repo: 'r', sha })).toBeNull();
  });

  test('ignores pull requests into another repository', async () => {
    const fake = createFakeClient({ pulls: [pullRequest(12, sha, { baseRepo: 'someone/else' })] });
    expect(await findPullRequestForSha(fake.client, { owner: 'o', repo: 'r', sha })).toBeNull();
  });

  test("falls back to the fork's open pull requests by head branch", async () => {
    const fork = pullRequest(12, sha, { headRepo: 'contributor/r', ref: 'faster' });
    // GitHub may list no pull request for a commit that only lives in a fork; the branch lookup finds it.
    const empty = createFakeClient({ pulls: [fork] });
    empty.client.rest.repos.listPullRequestsAssociatedWithCommit = async (params) => {
      empty.calls.push({ method: 'listPullRequestsAssociatedWithCommit', params });
      return { data: [] };
    };
    expect(await findPullRequestForSha(empty.client, { owner: 'o', repo: 'r', sha, headOwner: 'contributor', headRef: 'faster' })).toBe(12);
    expect(empty.calls.map((c) => c.method)).toEqual(['listPullRequestsAssociatedWithCommit', 'listPulls']);
    expect(empty.calls[1]?.params).toMatchObject({ state: 'open', head: 'contributor:faster' });
  });

  test('a branch whose head moved on since the run is not matched', async () => {
    const fake = createFakeClient({ pulls: [pullRequest(12, 'e'.repeat(40), { headRepo: 'contributor/r', ref: 'faster' })] });
    expect(await findPullRequestForSha(fake.client, { owner: 'o', repo: 'r', sha, headOwner: 'contributor', headRef: 'faster' })).toBeNull();
  });
});
