import type { GitHubClient } from './client.ts';
import { findComment, type FindCommentOptions } from './find-comment.ts';

/**
 * When to write the comment (input `comment-on`):
 * - `always`: create or update it on every run.
 * - `change`: create it when some verdict is not `unchanged`; update an existing one on every run,
 *   so a pull request that was fixed shows green.
 * - `never`: leave comments alone.
 */
export type CommentOn = (typeof COMMENT_ON_MODES)[number];

/** The values of the `comment-on` input. */
export const COMMENT_ON_MODES = ['always', 'change', 'never'] as const;

/** What to write, and the rule that decides whether to. */
export interface UpsertCommentOptions extends FindCommentOptions {
  /** The whole comment, marker included (`renderComment(report)`). */
  body: string;
  commentOn: CommentOn;
  /** Whether any comparison's verdict is other than `unchanged`. */
  hasChange: boolean;
}

/** What `upsertComment` did. `url` is the comment's `html_url`, null when skipped. */
export interface UpsertCommentResult {
  action: 'created' | 'updated' | 'skipped';
  url: string | null;
}

/**
 * Keeps one sticky comment per benchmark set: updates the comment that carries the marker,
 * or creates it, following the `comment-on` rule. API errors propagate (see `postReportComment`).
 * @param octokit the REST client
 * @param options where, what, and the `comment-on` rule
 * @returns what was done and the comment's URL
 */
export async function upsertComment(octokit: GitHubClient, options: UpsertCommentOptions): Promise<UpsertCommentResult> {
  if (!options.body.includes(options.marker)) {
    // Without its marker the comment could never be found again, and each run would add another.
    throw new Error(`comment body does not contain its marker ${JSON.stringify(options.marker)}`);
  }
  if (options.commentOn === 'never') return { action: 'skipped', url: null };
  const existing = await findComment(octokit, options);
  if (existing !== null) {
    const { data } = await octokit.rest.issues.updateComment({
      owner: options.owner,
      repo: options.repo,
      comment_id: existing.id,
      body: options.body,
    });
    return { action: 'updated', url: data.html_url };
  }
  if (options.commentOn === 'change' && !options.hasChange) return { action: 'skipped', url: null };
  const { data } = await octokit.rest.issues.createComment({
    owner: options.owner,
    repo: options.repo,
    issue_number: options.issueNumber,
    body: options.body,
  });
  return { action: 'created', url: data.html_url };
}
