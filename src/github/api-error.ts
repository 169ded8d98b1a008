/** The parts of an Octokit `RequestError` that the warnings quote. */
export interface ApiErrorInfo {
  /** HTTP status, or null for a network failure or a non-HTTP error. */
  status: number | null;
  message: string;
  /** Requests sent for the call that failed: rate-limit attempts, or 5xx retries plus one. */
  attempts: number;
}

/**
 * Reads the status and message of anything the REST client threw, without trusting its shape.
 * @param error what was caught
 * @returns status (null when there is none), message and the number of attempts made
 */
export function readApiError(error: unknown): ApiErrorInfo {
  const status = typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : null;
  const message = error instanceof Error ? error.message : String(error);
  return { status, message, attempts: attemptsOf(error) };
}

function attemptsOf(error: unknown): number {
  if (typeof error !== 'object' || error === null) return 1;
  const own = (error as { attempts?: unknown }).attempts;
  if (typeof own === 'number' && own >= 1) return own;
  // @octokit/plugin-retry counts its retries on the request options it hands back with the error.
  const retries = (error as { request?: { request?: { retryCount?: unknown } } }).request?.request?.retryCount;
  return typeof retries === 'number' && retries >= 0 ? retries + 1 : 1;
}
