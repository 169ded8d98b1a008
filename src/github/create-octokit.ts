import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { WarningLog } from './client.ts';

/** The Octokit REST client with the retry and throttling plugins. */
export type Octokit = ReturnType<typeof getOctokit>;

/** How `createOctokit` builds the client. */
export interface CreateOctokitOptions {
  /** A token with `pull-requests: write` (the workflow's `github-token` input). */
  token: string;
  /**
   * The REST API root, `GITHUB_API_URL` on a runner (differs on GitHub Enterprise Server).
   * @default 'https://api.github.com'
   */
  baseUrl?: string;
  /** Receives a warning for every rate limit hit. */
  log: WarningLog;
  /**
   * Retries of a request that failed with a 5xx or network error, waiting `(n + 1)² × retryBaseMs`.
   * @default 3
   */
  retries?: number;
  /**
   * Milliseconds per unit of back-off: multiplies `(n + 1)²` for 5xx retries and `Retry-After` seconds for
   * rate limits. Tests lower it so retries take milliseconds; real runs keep one second.
   * @default 1000
   */
  retryBaseMs?: number;
  /**
   * How often one request may be retried after a rate limit; past this it fails (and becomes a warning).
   * @default 2
   */
  rateLimitRetries?: number;
  /**
   * Longest `Retry-After` (seconds) we wait for; a longer one fails the request instead of stalling the job.
   * @default 120
   */
  maxRetryAfterSeconds?: number;
  /**
   * Key of the throttling plugin's request queues; clients with the same id share its one-write-per-second pacing.
   * @default 'benchgate'
   */
  throttleId?: string;
}

/** The defaults of the optional `CreateOctokitOptions` fields. */
export const DEFAULT_CREATE_OCTOKIT_OPTIONS = {
  baseUrl: 'https://api.github.com',
  retries: 3,
  retryBaseMs: 1000,
  rateLimitRetries: 2,
  maxRetryAfterSeconds: 120,
  throttleId: 'benchgate',
} as const;

/**
 * Builds the REST client every `src/github` function takes. 5xx answers are retried by
 * `@octokit/plugin-retry`; rate limits (primary, and the secondary 403/429 with `Retry-After`)
 * by `@octokit/plugin-throttling`, which waits as GitHub asks, up to `rateLimitRetries` times,
 * warning each time. 4xx answers other than rate limits are never retried.
 * @param options token, API root, warning sink and retry bounds
 * @returns an Octokit with `rest.*` methods
 */
export function createOctokit(options: CreateOctokitOptions): Octokit {
  const settings = { ...DEFAULT_CREATE_OCTOKIT_OPTIONS, ...withoutUndefined(options) };
  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
    const route = `${request.method} ${request.url}`;
    if (retryCount >= settings.rateLimitRetries) {
      settings.log.warning(`GitHub ${kind} rate limit on ${route}: gave up after ${retryCount} retries`);
      return false;
    }
    if (retryAfter > settings.maxRetryAfterSeconds) {
      settings.log.warning(
        `GitHub ${kind} rate limit on ${route}: Retry-After ${retryAfter} s exceeds ${settings.maxRetryAfterSeconds} s, not waiting`,
      );
      return false;
    }
    settings.log.warning(`GitHub ${kind} rate limit on ${route}: retrying after ${retryAfter} s (retry ${retryCount + 1} of ${settings.rateLimitRetries})`);
    return true;
  };
  return getOctokit(
    settings.token,
    {
      baseUrl: settings.baseUrl.replace(/\/+$/, ''),
      log: { debug: () => {}, info: () => {}, warn: (message: string) => settings.log.warning(message), error: (message: string) => settings.log.warning(message) },
      retry: {
        retries: settings.retries,
        retryAfterBaseValue: settings.retryBaseMs,
        // Rate limits are the throttling plugin's: it honours Retry-After, the retry plugin would not.
        doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
      },
      throttle: {
        id: settings.throttleId,
        retryAfterBaseValue: settings.retryBaseMs,
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary'),
      },
    },
    retry,
    throttling,
  );
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
