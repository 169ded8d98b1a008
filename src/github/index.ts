export type { ActionsCore, AnnotationProperties, JobSummary } from './actions-core.ts';
export { annotateRegressions, describeRegression } from './annotate-regressions.ts';
export type { CommitComment, GitHubClient, IssueComment, PullRequestRef, WarningLog } from './client.ts';
export {
  createCommitComment,
  DEFAULT_COMMENT_ON_PUSH,
  shouldCommentOnPush,
  type CommentOnPush,
  type CreateCommitCommentOptions,
  type CreateCommitCommentResult,
} from './create-commit-comment.ts';
export { createOctokit, DEFAULT_CREATE_OCTOKIT_OPTIONS, type CreateOctokitOptions, type Octokit } from './create-octokit.ts';
export { COMMENTS_PER_PAGE, findComment, type FindCommentOptions } from './find-comment.ts';
export { findPullRequestForSha, type FindPullRequestOptions } from './find-pull-request.ts';
export {
  FORK_COMMENT_WARNING,
  postReportComment,
  type PostReportCommentOptions,
  type PostReportCommentResult,
} from './post-report-comment.ts';
export { GITHUB_ACTIONS_LOGIN, resolveCommentAuthor, type CommentAuthor } from './resolve-comment-author.ts';
export { registerToken } from './register-token.ts';
export { readPullRequestContext, type PullRequestContext, type PullRequestEnv } from './pull-request-context.ts';
export { upsertComment, type CommentOn, type UpsertCommentOptions, type UpsertCommentResult } from './upsert-comment.ts';
export { JOB_SUMMARY_LIMIT_BYTES, writeJobSummary } from './write-job-summary.ts';
export { decideOutputVerdict, writeOutputs, type ExtraOutputs, type OutputVerdict } from './write-outputs.ts';
export { hasChange, publishReport, type PublishReportDeps, type PublishReportOptions, type PublishReportResult } from './publish-report.ts';
