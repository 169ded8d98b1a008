/** How long to wait between push attempts. */
export interface BackoffOptions {
  /** The first ceiling, ms; raised to the time the last rejected push took, so the wait scales with the server. */
  baseDelayMs: number;
  /** The largest ceiling, ms. */
  maxDelayMs: number;
}

/**
 * The wait before push attempt `attempt + 1`, with exponential backoff and "full jitter": a
 * uniform random fraction of a ceiling that doubles per attempt, starting at the larger of
 * `baseDelayMs` and the duration of the rejected push, capped at `maxDelayMs`. Scaling by the
 * push's own duration keeps writers apart on a slow server (one taking a second per push needs
 * waits of seconds, not of the half second that suits a fast one). Pure.
 * @param attempt the attempt that was just rejected, from 1
 * @param options the ceilings
 * @param pushMs how long the rejected push took
 * @param random a uniform number in [0, 1)
 * @returns whole milliseconds to wait
 * @example
 * backoffDelay(3, { baseDelayMs: 500, maxDelayMs: 30000 }, 1000, 0.5) // => 2000
 */
export function backoffDelay(attempt: number, options: BackoffOptions, pushMs: number, random: number): number {
  const base = Math.max(options.baseDelayMs, Number.isFinite(pushMs) ? pushMs : 0);
  const ceiling = Math.min(options.maxDelayMs, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling * Math.min(1, Math.max(0, random)));
}
