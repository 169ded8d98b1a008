import { readApiError } from './api-error.ts';
import type { GitHubClient, WarningLog } from './client.ts';
import { upsertComment, type UpsertCommentOptions, type UpsertCommentResult } from './upsert-comment.ts';

/** `upsertComment`'s options, plus what the warnings need. */
export interface PostReportCommentOptions extends UpsertCommentOptions {
  /** Whether the pull request comes from a fork (its token is read-only there). */
  isFork: boolean;
  /** Receives the one warning when the comment cannot be written. */
  log: WarningLog;
}

/** What `postReportComment` did: `upsertComment`'s result, or the warning it gave instead. */
export type PostReportCommentResult = UpsertCommentResult | { action: 'failed'; url: null; warning: string };

/** The warning for a pull request from a fork, whose token cannot write comments. */
export const FORK_COMMENT_WARNING = [
  'benchgate could not comment: this pull request comes from a fork, and GitHub gives its workflows a read-only token (403).',
  'The job summary and the report files are still written, and the gate still applies.',
  "To get the comment, upload the report JSON as an artifact in this workflow and add a companion workflow on 'workflow_run'",
  "that downloads it and runs benchgate with 'mode: comment' and 'report-file' (permissions: pull-requests: write, actions: read);",
  "it matches the pull request by head SHA. Set 'comment-on: never' here for fork pull requests to silence this warning.",
  'See the README section "Pull requests from forks".',
].join(' ');

/**
 * Posts or updates the sticky report comment, turning every API failure into one warning:
 * the report files and the job summary are written before this runs, so nothing is lost and
 * the run goes on. A 403 on a fork pull request gets the explanation of the companion mode.
 * @param octokit the REST client
 * @param options `upsertComment`'s options, whether the PR is from a fork, and the warning sink
 * @returns what was done, or `failed` with the warning that was given
 */
export async function postReportComment(octokit: GitHubClient, options: PostReportCommentOptions): Promise<PostReportCommentResult> {
  const { isFork, log, ...upsert } = options;
  try {
    return await upsertComment(octokit, { ...upsert, log });
  } catch (error: unknown) {
    const { status, message, attempts } = readApiError(error);
    if (status === null && !isNetworkError(error)) throw error;
    const warning = describeCommentFailure(status, message, attempts, isFork, options);
    log.warning(warning);
    return { action: 'failed', url: null, warning };
  }
}

function describeCommentFailure(
  status: number | null,
  message: string,
  attempts: number,
  isFork: boolean,
  where: { owner: string; repo: string; issueNumber: number },
): string {
  const target = `${where.owner}/${where.repo}#${where.issueNumber}`;
  const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
  if (status === 429 || (status === 403 && /rate limit/i.test(message))) {
    return `benchgate could not comment on ${target}: GitHub's rate limit persisted after ${tries} (${status}: ${message}). The job summary and report files were written.`;
  }
  if (status === 403 && isFork) return FORK_COMMENT_WARNING;
  if (status === 403 || status === 401) {
    return `benchgate could not comment on ${target} (${status}: ${message}). Give the job 'permissions: pull-requests: write', or pass a token that has it as 'github-token'. The job summary and report files were written.`;
  }
  if (status === 404) {
    return `benchgate could not comment on ${target} (404: ${message}): the pull request was not found, or the token cannot see it. The job summary and report files were written.`;
  }
  if (status === 422) {
    return `benchgate could not comment on ${target}: GitHub rejected the comment (422: ${message}). The job summary and report files were written.`;
  }
  const cause = status === null ? message : `${status}: ${message}`;
  return `benchgate could not comment on ${target} (${cause}) after ${tries}. The job summary and report files were written.`;
}

/**
 * Whether an error is a network failure (connection refused, DNS, reset): fetch reports these as a
 * TypeError or an error with a network `code`.
 * @param error what was caught
 */
export function isNetworkError(error: unknown): boolean {
  if (error instanceof TypeError && /fetch failed/i.test(error.message)) return true;
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && /^E[A-Z]+/.test(error.code);
}
