/** The parts of an Octokit `RequestError` that the warnings quote. */
export interface ApiErrorInfo {
  /** HTTP status, or null for a network failure or a non-HTTP error. */
  status: number | null;
  message: string;
}

/**
 * Reads the status and message of anything the REST client threw, without trusting its shape.
 * @param error what was caught
 * @returns status (null when there is none) and message
 */
export function readApiError(error: unknown): ApiErrorInfo {
  const status =
    typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : null;
  const message = error instanceof Error ? error.message : String(error);
  return { status, message };
}
