import { describe, expect, test } from 'vitest';
import { readPullRequestContext } from '../../src/github/pull-request-context.ts';
import { pullRequestEvent, pushEvent, workflowRunEvent } from './event-payloads.ts';
import { loadGitHubOpenApi, validateValue } from './openapi-validator.ts';

const sha = 'abc123'.padEnd(40, '0');
const valid = (schema: string, payload: unknown) => validateValue(loadGitHubOpenApi(), { $ref: `#/components/schemas/${schema}` }, payload as never, 'payload');

describe("event payloads match GitHub's webhook schemas and read back", () => {
  test('pull_request from the same repository', () => {
    const payload = pullRequestEvent({ owner: 'octo-org', repo: 'demo', number: 7, headSha: sha });
    expect(valid('webhook-pull-request-synchronize', payload)).toEqual([]);
    expect(readPullRequestContext(payload, { GITHUB_EVENT_NAME: 'pull_request' })).toMatchObject({
      owner: 'octo-org',
      repo: 'demo',
      issueNumber: 7,
      headSha: sha,
      baseRef: 'main',
      headRef: 'feature',
      isFork: false,
    });
  });

  test('pull_request from a fork', () => {
    const payload = pullRequestEvent({ owner: 'octo-org', repo: 'demo', number: 7, headSha: sha, headOwner: 'contributor', headRef: 'faster' });
    expect(valid('webhook-pull-request-synchronize', payload)).toEqual([]);
    expect(readPullRequestContext(payload, { GITHUB_EVENT_NAME: 'pull_request' })).toMatchObject({ isFork: true, headOwner: 'contributor', headRef: 'faster' });
  });

  test('push', () => {
    const payload = pushEvent({ owner: 'octo-org', repo: 'demo', branch: 'main', after: sha });
    expect(valid('webhook-push', payload)).toEqual([]);
    expect(readPullRequestContext(payload, { GITHUB_EVENT_NAME: 'push' })).toMatchObject({ issueNumber: null, headSha: sha, headRef: 'main', isFork: false });
  });

  test('workflow_run from a fork (no pull_requests) and from the same repository', () => {
    const fork = workflowRunEvent({ owner: 'octo-org', repo: 'demo', headSha: sha, headRef: 'faster', headOwner: 'contributor' });
    expect(valid('webhook-workflow-run-completed', fork)).toEqual([]);
    expect(readPullRequestContext(fork, { GITHUB_EVENT_NAME: 'workflow_run' })).toMatchObject({
      issueNumber: null,
      isFork: true,
      headOwner: 'contributor',
      triggeringEvent: 'pull_request',
    });
    const own = workflowRunEvent({ owner: 'octo-org', repo: 'demo', headSha: sha, headRef: 'faster', pullRequests: [{ number: 7 }] });
    expect(valid('webhook-workflow-run-completed', own)).toEqual([]);
    expect(readPullRequestContext(own, { GITHUB_EVENT_NAME: 'workflow_run' })).toMatchObject({ issueNumber: 7, isFork: false, baseRef: 'main' });
  });

  test('the schema check can fail: a payload without its pull_request is refused', () => {
    const payload = pullRequestEvent({ owner: 'octo-org', repo: 'demo', number: 7, headSha: sha });
    delete payload['pull_request'];
    expect(valid('webhook-pull-request-synchronize', payload)).toContain('payload.pull_request is required');
  });
});
