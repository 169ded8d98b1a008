import { describe, expect, test } from 'vitest';
import { findComment } from '../../src/github/find-comment.ts';
import { FORK_COMMENT_WARNING, postReportComment } from '../../src/github/post-report-comment.ts';
import { upsertComment, type CommentOn } from '../../src/github/upsert-comment.ts';
import { createFakeClient, FakeRequestError, recordWarnings } from './helpers.ts';

const marker = '<!-- benchgate:default -->';
const where = { owner: 'o', repo: 'r', issueNumber: 1, marker, author: 'github-actions[bot]' };
const body = (text: string) => `${marker}\n${text}`;

describe('findComment', () => {
  test('returns null on a pull request without comments', async () => {
    const fake = createFakeClient();
    expect(await findComment(fake.client, where)).toBeNull();
    expect(fake.calls).toHaveLength(1);
  });

  test('walks past the first 100 comments to find ours on page 3', async () => {
    const fake = createFakeClient({ comments: Array.from({ length: 230 }, (_, i) => ({ body: `chatter ${i}` })) });
    const ours = fake.add(1, body('report'));
    fake.add(1, 'more chatter');
    const found = await findComment(fake.client, where);
    expect(found?.id).toBe(ours.id);
    expect(fake.calls.map((c) => c.params['page'])).toEqual([1, 2, 3]);
    expect(fake.calls.every((c) => c.params['per_page'] === 100)).toBe(true);
  });

  test('stops after the last full page when nothing matches (exactly 200 comments)', async () => {
    const fake = createFakeClient({ comments: Array.from({ length: 200 }, (_, i) => ({ body: `chatter ${i}` })) });
    expect(await findComment(fake.client, where)).toBeNull();
    expect(fake.calls.map((c) => c.params['page'])).toEqual([1, 2, 3]);
  });

  test("another benchmark set's comment is not ours", async () => {
    const fake = createFakeClient({ comments: [{ body: '<!-- benchgate:default-linux -->\nother set' }] });
    expect(await findComment(fake.client, where)).toBeNull();
  });
});

describe('findComment takes only our own comments', () => {
  test('a look-alike by another user is skipped with a warning; ours after it is found', async () => {
    const fake = createFakeClient();
    fake.add(1, body('fake report'), 'mallory');
    const ours = fake.add(1, body('report'));
    const log = recordWarnings();
    expect((await findComment(fake.client, { ...where, log }))?.id).toBe(ours.id);
    expect(log.messages).toEqual([expect.stringContaining('was written by mallory, not github-actions[bot]')]);
  });

  test('a comment by a deleted account is never ours', async () => {
    const fake = createFakeClient();
    const ghost = fake.add(1, body('report'));
    (ghost as { user: unknown }).user = null;
    const log = recordWarnings();
    expect(await findComment(fake.client, { ...where, log })).toBeNull();
    expect(log.messages).toEqual([expect.stringContaining('was written by a deleted account')]);
  });

  test('the author is compared without regard to case', async () => {
    const fake = createFakeClient();
    const ours = fake.add(1, body('report'), 'GitHub-Actions[bot]');
    expect((await findComment(fake.client, where))?.id).toBe(ours.id);
  });

  test('upsertComment resolves the author only when a marker is present, once per client', async () => {
    const fake = createFakeClient({ identity: { kind: 'user', login: 'perf-bot' } });
    await upsertComment(fake.client, { ...where, author: undefined, body: body('one'), commentOn: 'always', hasChange: true });
    expect(fake.identityCalls).toEqual([]);
    await upsertComment(fake.client, { ...where, author: undefined, body: body('two'), commentOn: 'always', hasChange: true });
    await upsertComment(fake.client, { ...where, author: undefined, body: body('three'), commentOn: 'always', hasChange: true });
    expect(fake.identityCalls).toEqual(['getAuthenticated']);
    expect(fake.comments.map((c) => c.body)).toEqual([body('three')]);
  });
});

describe('upsertComment', () => {
  test('creates the comment when there is none', async () => {
    const fake = createFakeClient();
    const result = await upsertComment(fake.client, { ...where, body: body('first'), commentOn: 'always', hasChange: false });
    expect(result.action).toBe('created');
    expect(result.url).toBe(fake.comments[0]?.html_url);
    expect(fake.comments.map((c) => c.body)).toEqual([body('first')]);
  });

  test('updates the existing comment instead of adding a second', async () => {
    const fake = createFakeClient({ comments: [{ body: 'hello' }, { body: body('old') }] });
    const result = await upsertComment(fake.client, { ...where, body: body('new'), commentOn: 'always', hasChange: true });
    expect(result).toEqual({ action: 'updated', url: fake.comments[1]?.html_url });
    expect(fake.comments.map((c) => c.body)).toEqual(['hello', body('new')]);
    expect(fake.calls.map((c) => c.method)).toEqual(['listComments', 'updateComment']);
  });

  test('updates our comment found past 100 others', async () => {
    const fake = createFakeClient({ comments: Array.from({ length: 150 }, (_, i) => ({ body: `chatter ${i}` })) });
    const ours = fake.add(1, body('old'));
    const result = await upsertComment(fake.client, { ...where, body: body('new'), commentOn: 'change', hasChange: false });
    expect(result.action).toBe('updated');
    expect(ours.body).toBe(body('new'));
    expect(fake.comments).toHaveLength(151);
  });

  test.each<[CommentOn, boolean, boolean, string]>([
    ['always', false, false, 'created'],
    ['always', true, false, 'created'],
    ['always', false, true, 'updated'],
    ['change', true, false, 'created'],
    ['change', false, false, 'skipped'],
    ['change', false, true, 'updated'],
    ['change', true, true, 'updated'],
    ['never', true, false, 'skipped'],
    ['never', true, true, 'skipped'],
  ])('comment-on %s, hasChange %s, existing %s → %s', async (commentOn, hasChange, existing, expected) => {
    const fake = createFakeClient({ comments: existing ? [{ body: body('old') }] : [] });
    const result = await upsertComment(fake.client, { ...where, body: body('new'), commentOn, hasChange });
    expect(result.action).toBe(expected);
    if (expected === 'skipped') {
      expect(result.url).toBeNull();
      expect(fake.comments.map((c) => c.body)).toEqual(existing ? [body('old')] : []);
    } else {
      expect(fake.comments.map((c) => c.body)).toEqual([body('new')]);
    }
  });

  test("'never' makes no API call at all", async () => {
    const fake = createFakeClient({ comments: [{ body: body('old') }] });
    await upsertComment(fake.client, { ...where, body: body('new'), commentOn: 'never', hasChange: true });
    expect(fake.calls).toEqual([]);
  });

  test('refuses a body without its marker (it could never be found again)', async () => {
    const fake = createFakeClient();
    await expect(upsertComment(fake.client, { ...where, body: 'no marker', commentOn: 'always', hasChange: true })).rejects.toThrow(/marker/);
    expect(fake.calls).toEqual([]);
  });
});

describe('postReportComment', () => {
  const post = { ...where, body: body('report'), commentOn: 'always' as const, hasChange: true };

  test('passes the result of a successful upsert through, without warnings', async () => {
    const fake = createFakeClient();
    const log = recordWarnings();
    const result = await postReportComment(fake.client, { ...post, isFork: false, log });
    expect(result.action).toBe('created');
    expect(log.messages).toEqual([]);
  });

  test('a 403 on a fork pull request warns once, with the companion-mode fix', async () => {
    const fake = createFakeClient();
    fake.fail('createComment', new FakeRequestError(403, 'Resource not accessible by integration'));
    const log = recordWarnings();
    const result = await postReportComment(fake.client, { ...post, isFork: true, log });
    expect(result).toEqual({ action: 'failed', url: null, warning: FORK_COMMENT_WARNING });
    expect(log.messages).toEqual([FORK_COMMENT_WARNING]);
    expect(FORK_COMMENT_WARNING).toMatch(/workflow_run/);
    expect(FORK_COMMENT_WARNING).toMatch(/mode: comment/);
  });

  test('a 403 on listing and on writing still gives exactly one warning', async () => {
    const fake = createFakeClient();
    fake.fail('listComments', new FakeRequestError(403, 'Resource not accessible by integration'));
    fake.fail('createComment', new FakeRequestError(403, 'Resource not accessible by integration'));
    const log = recordWarnings();
    await postReportComment(fake.client, { ...post, isFork: true, log });
    expect(log.messages).toHaveLength(1);
  });

  test('a 403 on a same-repository pull request names the missing permission, not forks', async () => {
    const fake = createFakeClient();
    fake.fail('createComment', new FakeRequestError(403, 'Resource not accessible by integration'));
    const log = recordWarnings();
    const result = await postReportComment(fake.client, { ...post, isFork: false, log });
    expect(result.action).toBe('failed');
    expect(log.messages).toHaveLength(1);
    expect(log.messages[0]).toMatch(/pull-requests: write/);
    expect(log.messages[0]).not.toMatch(/fork/);
  });

  test('a rate limit that outlasted the retries is reported as such, even on a fork', async () => {
    const fake = createFakeClient();
    fake.fail('listComments', new FakeRequestError(403, 'API rate limit exceeded for installation'));
    const log = recordWarnings();
    await postReportComment(fake.client, { ...post, isFork: true, log });
    expect(log.messages[0]).toMatch(/rate limit/);
    expect(log.messages[0]).not.toBe(FORK_COMMENT_WARNING);
  });

  test.each([
    [404, /not found/],
    [422, /rejected the comment \(422/],
    [500, /\(500: boom\) after 1 attempt\./],
  ])('a %i becomes a warning naming it', async (status, pattern) => {
    const fake = createFakeClient();
    fake.fail('listComments', new FakeRequestError(status, 'boom'));
    const log = recordWarnings();
    const result = await postReportComment(fake.client, { ...post, isFork: false, log });
    expect(result.action).toBe('failed');
    expect(log.messages).toHaveLength(1);
    expect(log.messages[0]).toMatch(pattern);
    expect(log.messages[0]).toMatch(/o\/r#1/);
  });

  test('a network failure becomes a warning', async () => {
    const fake = createFakeClient();
    fake.fail('listComments', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }));
    const log = recordWarnings();
    const result = await postReportComment(fake.client, { ...post, isFork: false, log });
    expect(result.action).toBe('failed');
    expect(log.messages[0]).toMatch(/ECONNREFUSED/);
  });

  test('a programming error (not API trouble) is thrown, not hidden in a warning', async () => {
    const fake = createFakeClient();
    const log = recordWarnings();
    await expect(postReportComment(fake.client, { ...post, body: 'no marker', isFork: false, log })).rejects.toThrow(/marker/);
    expect(log.messages).toEqual([]);
  });
});
