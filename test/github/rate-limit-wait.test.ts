import { describe, expect, test } from 'vitest';
import { DEFAULT_RATE_LIMIT_WAIT_SECONDS, rateLimitWait } from '../../src/github/rate-limit-wait.ts';

const now = Date.parse('2026-12-02T08:00:00Z');

describe('rateLimitWait', () => {
  test.each([
    ['a 429 with Retry-After', 429, { 'retry-after': '7' }, 'Too Many Requests', { kind: 'secondary', seconds: 7, from: 'retry-after' }],
    [
      'a 429 with an HTTP-date Retry-After',
      429,
      { 'retry-after': 'Wed, 02 Dec 2026 08:00:30 GMT' },
      '',
      { kind: 'secondary', seconds: 30, from: 'retry-after' },
    ],
    ['a 429 with nothing', 429, {}, 'Too Many Requests', { kind: 'secondary', seconds: DEFAULT_RATE_LIMIT_WAIT_SECONDS, from: 'default' }],
    [
      'a 403 primary limit',
      403,
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 10) },
      'API rate limit exceeded',
      { kind: 'primary', seconds: 11, from: 'x-ratelimit-reset' },
    ],
    [
      'a 403 secondary limit message',
      403,
      {},
      'You have exceeded a secondary rate limit',
      { kind: 'secondary', seconds: DEFAULT_RATE_LIMIT_WAIT_SECONDS, from: 'default' },
    ],
    ['a 403 with Retry-After', 403, { 'retry-after': '2' }, 'Forbidden', { kind: 'secondary', seconds: 2, from: 'retry-after' }],
  ])('%s', (_name, status, headers, message, expected) => {
    expect(rateLimitWait(status, headers, message, now)).toEqual(expected);
  });

  test.each([
    ['a permission 403', 403, {}, 'Resource not accessible by integration'],
    ['a 500', 500, { 'retry-after': '3' }, 'Server Error'],
    ['a 404', 404, {}, 'Not Found'],
  ])('%s is not a rate limit', (_name, status, headers, message) => {
    expect(rateLimitWait(status, headers, message, now)).toBeNull();
  });

  test('a reset time in the past waits nothing', () => {
    expect(rateLimitWait(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 - 100) }, '', now)?.seconds).toBe(0);
  });
});
