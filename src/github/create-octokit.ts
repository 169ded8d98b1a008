import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { WarningLog } from './client.ts';
import { rateLimitWait } from './rate-limit-wait.ts';
import { registerSecret } from '../results/secrets.ts';

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
 * `@octokit/plugin-retry`. Rate limits (any 429; a 403 with `Retry-After`,
 * `x-ratelimit-remaining: 0` or a rate-limit message) are retried by benchgate itself: it waits
 * as GitHub asks (`rateLimitWait`), at most `rateLimitRetries` times and at most
 * `maxRetryAfterSeconds` per wait, warning each time with the attempt number.
 * `@octokit/plugin-throttling` only paces writes. 4xx answers other than rate limits are never retried.
 * The token is registered for redaction (`registerSecret`).
 * @param options token, API root, warning sink and retry bounds
 * @returns an Octokit with `rest.*` methods
 */
export function createOctokit(options: CreateOctokitOptions): Octokit {
  const settings = { ...DEFAULT_CREATE_OCTOKIT_OPTIONS, ...withoutUndefined(options) };
  // Whatever the caller does next, the token is redacted from every file benchgate writes.
  registerSecret(settings.token);
  const octokit = getOctokit(
    settings.token,
    {
      baseUrl: settings.baseUrl.replace(/\/+$/, ''),
      log: {
        debug: () => {},
        info: () => {},
        warn: (message: string) => settings.log.warning(message),
        error: (message: string) => settings.log.warning(message),
      },
      retry: {
        retries: settings.retries,
        retryAfterBaseValue: settings.retryBaseMs,
        // Rate limits are retried by retryRateLimits below, which honours Retry-After; the retry plugin would not.
        doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
      },
      throttle: {
        // Kept for its pacing of writes; its own retries are off, so every rate limit takes one path.
        id: settings.throttleId,
        retryAfterBaseValue: settings.retryBaseMs,
        onRateLimit: () => false,
        onSecondaryRateLimit: () => false,
      },
    },
    retry,
    throttling,
  );
  octokit.hook.wrap('request', (request, requestOptions) => retryRateLimits(request, requestOptions, settings));
  return octokit;
}

/** What `retryRateLimits` needs from the client's settings. */
type RateLimitSettings = Pick<Required<CreateOctokitOptions>, 'log' | 'retryBaseMs' | 'rateLimitRetries' | 'maxRetryAfterSeconds'>;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Sends a request, and while GitHub answers with a rate limit (`rateLimitWait`) waits as asked and
 * sends it again, at most `rateLimitRetries` more times and never waiting longer than
 * `maxRetryAfterSeconds` at once. Every wait is a warning naming the attempt; the error that ends
 * it carries `attempts`, the exact number of requests sent, for the final warning.
 */
async function retryRateLimits<T>(
  request: (options: never) => T | Promise<T>,
  options: { method: string; url: string },
  settings: RateLimitSettings,
): Promise<T> {
  const route = `${options.method} ${options.url}`;
  const allowed = settings.rateLimitRetries + 1;
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await request(options as never);
      if (attempt > 1) settings.log.info?.(`GitHub answered ${route} on attempt ${attempt} of ${allowed}`);
      return response;
    } catch (error: unknown) {
      const status = typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : null;
      const headers = (error as { response?: { headers?: Record<string, unknown> } }).response?.headers;
      const wait = status === null ? null : rateLimitWait(status, headers, error instanceof Error ? error.message : String(error), Date.now());
      if (wait === null) throw error;
      (error as { attempts?: number }).attempts = attempt;
      const limit = `GitHub ${wait.kind} rate limit on ${route} (${status})`;
      if (attempt >= allowed) {
        settings.log.warning(`${limit}: gave up after ${attempt} attempts`);
        throw error;
      }
      if (wait.seconds > settings.maxRetryAfterSeconds) {
        settings.log.warning(
          `${limit}: Retry-After ${wait.seconds} s exceeds ${settings.maxRetryAfterSeconds} s, not waiting (${attempt} attempt${attempt > 1 ? 's' : ''} made)`,
        );
        throw error;
      }
      const source = wait.from === 'default' ? ', no Retry-After given' : '';
      settings.log.warning(
        `${limit}: retrying after ${wait.seconds} s${source} (retry ${attempt} of ${settings.rateLimitRetries}, attempt ${attempt + 1} of ${allowed})`,
      );
      await sleep(wait.seconds * settings.retryBaseMs);
    }
  }
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
