import type { Report } from '../compare/schema.ts';
import { readApiError } from './api-error.ts';
import type { GitHubClient, WarningLog } from './client.ts';
import { isNetworkError } from './post-report-comment.ts';

/**
 * When a push to the default branch gets a commit comment (input `comment-on-push`):
 * - `regression`: when a gated comparison regressed against the previous stored run, or the gate failed;
 * - `always`: whenever there was a previous stored run to compare with;
 * - `never`: no commit comments.
 */
export type CommentOnPush = 'regression' | 'always' | 'never';

/** The input's default. */
export const DEFAULT_COMMENT_ON_PUSH: CommentOnPush = 'regression';

/**
 * Whether a push's report gets a commit comment under the `comment-on-push` rule.
 * @param report the push's report (compared with the previous stored run on the branch)
 * @param rule the `comment-on-push` input
 * @returns true when a comment should be written
 */
export function shouldCommentOnPush(report: Pick<Report, 'baseline' | 'summary' | 'gate'>, rule: CommentOnPush): boolean {
  if (rule === 'never' || report.baseline === null) return false;
  if (rule === 'always') return true;
  return report.summary.gated.regressed > 0 || report.gate.failed;
}

/** Where and what to comment. */
export interface CreateCommitCommentOptions {
  owner: string;
  repo: string;
  /** The pushed commit. */
  sha: string;
  /** `renderCommitComment(report, …)`. */
  body: string;
  /** Receives the one warning when the comment cannot be written. */
  log: WarningLog;
}

/** What `createCommitComment` did: the comment's URL, or the warning it gave instead. */
export type CreateCommitCommentResult = { action: 'created'; url: string } | { action: 'failed'; url: null; warning: string };

/**
 * Writes a comment on a pushed commit (`POST /repos/{owner}/{repo}/commits/{commit_sha}/comments`).
 * Trouble with the API is a warning, never an exception: the run's results are already stored
 * and the job summary written. A 403 names the permission the job needs (`contents: write`).
 * @param octokit the REST client
 * @param options the commit, the body and the warning sink
 * @returns the comment's URL, or the warning
 */
export async function createCommitComment(octokit: GitHubClient, options: CreateCommitCommentOptions): Promise<CreateCommitCommentResult> {
  try {
    const { data } = await octokit.rest.repos.createCommitComment({ owner: options.owner, repo: options.repo, commit_sha: options.sha, body: options.body });
    return { action: 'created', url: data.html_url };
  } catch (error: unknown) {
    const { status, message } = readApiError(error);
    if (status === null && !isNetworkError(error)) throw error;
    const where = `${options.owner}/${options.repo}@${options.sha.slice(0, 7)}`;
    const cause = status === null ? message : `${status}: ${message}`;
    const hint =
      status === 403 || status === 401 ? " Give the job 'permissions: contents: write' (commit comments need it), or set 'comment-on-push: never'." : '';
    const warning = `benchgate could not comment on commit ${where} (${cause}).${hint} The job summary and the stored run are not affected.`;
    options.log.warning(warning);
    return { action: 'failed', url: null, warning };
  }
}
