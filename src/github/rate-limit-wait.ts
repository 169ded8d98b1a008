/** A rate-limited answer: which limit, and how long GitHub asks us to wait. */
export interface RateLimitWait {
  /** `primary` when the hourly quota is spent (`x-ratelimit-remaining: 0`), else `secondary`. */
  kind: 'primary' | 'secondary';
  /** Whole seconds to wait before the next attempt. */
  seconds: number;
  /** Where `seconds` came from, for the log. */
  from: 'retry-after' | 'x-ratelimit-reset' | 'default';
}

/**
 * Seconds to wait when a rate-limited answer carries neither `Retry-After` nor a reset time:
 * GitHub's REST documentation asks for at least one minute in that case.
 */
export const DEFAULT_RATE_LIMIT_WAIT_SECONDS = 60;

function header(headers: Readonly<Record<string, unknown>> | undefined, name: string): string | undefined {
  const value = headers?.[name] ?? headers?.[name.toLowerCase()];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/**
 * Decides whether an error answer is a rate limit and how long to wait, from its status, headers
 * and message. A 429 always is; a 403 is when it has `Retry-After`, `x-ratelimit-remaining: 0`
 * or says "rate limit" (a 403 without any of these is a permission problem, never retried).
 * The wait is `Retry-After` (seconds or an HTTP date), else the time until `x-ratelimit-reset`
 * plus one second, else `DEFAULT_RATE_LIMIT_WAIT_SECONDS`.
 * @param status the HTTP status
 * @param headers the response headers (lower-case names)
 * @param message the error message
 * @param nowMs the current time, ms since the epoch
 * @returns the wait, or null when the answer is not a rate limit
 * @example
 * rateLimitWait(429, { 'retry-after': '3' }, 'Too Many Requests', 0) // => { kind: 'secondary', seconds: 3, from: 'retry-after' }
 */
export function rateLimitWait(status: number, headers: Readonly<Record<string, unknown>> | undefined, message: string, nowMs: number): RateLimitWait | null {
  const retryAfter = header(headers, 'retry-after');
  const remaining = header(headers, 'x-ratelimit-remaining');
  const limited = status === 429 || (status === 403 && (retryAfter !== undefined || remaining === '0' || /rate limit/i.test(message)));
  if (!limited) return null;
  const kind = remaining === '0' ? 'primary' : 'secondary';
  if (retryAfter !== undefined) {
    const seconds = /^\s*\d+\s*$/.test(retryAfter) ? Number(retryAfter) : Math.ceil((Date.parse(retryAfter) - nowMs) / 1000);
    if (Number.isFinite(seconds)) return { kind, seconds: Math.max(0, seconds), from: 'retry-after' };
  }
  const reset = Number(header(headers, 'x-ratelimit-reset'));
  if (remaining === '0' && Number.isFinite(reset) && reset > 0) {
    return { kind, seconds: Math.max(0, Math.ceil(reset - nowMs / 1000) + 1), from: 'x-ratelimit-reset' };
  }
  return { kind, seconds: DEFAULT_RATE_LIMIT_WAIT_SECONDS, from: 'default' };
}
