import type { Report } from '../compare/schema.ts';
import type { ActionsCore, JobSummary } from './actions-core.ts';
import { annotateRegressions } from './annotate-regressions.ts';
import { readApiError } from './api-error.ts';
import type { GitHubClient } from './client.ts';
import { findPullRequestForSha } from './find-pull-request.ts';
import { postReportComment, type PostReportCommentResult } from './post-report-comment.ts';
import type { PullRequestContext } from './pull-request-context.ts';
import type { CommentOn } from './upsert-comment.ts';
import { writeJobSummary } from './write-job-summary.ts';
import { writeOutputs } from './write-outputs.ts';

/** What `publishReport` needs: the client (null when there is no token) and `@actions/core`. */
export interface PublishReportDeps {
  octokit: GitHubClient | null;
  core: ActionsCore;
  summary: JobSummary;
}

/** The rendered report and where it goes. */
export interface PublishReportOptions {
  report: Report;
  /** `renderComment(report)`: marker included, under 65,536 characters. */
  commentBody: string;
  /** `renderSummary(report)`: the full report. */
  summaryMarkdown: string;
  /** `commentMarker(report.benchmarkSet)`. */
  marker: string;
  commentOn: CommentOn;
  context: PullRequestContext;
  /** Paths of the report files, already written. */
  reportJson: string;
  reportMarkdown: string;
  /** Annotate regressions (off in `mode: comment`, where the measuring run already did). @default true */
  annotate?: boolean;
}

/** What `publishReport` did with the comment; null when there was no pull request to comment on. */
export interface PublishReportResult {
  comment: PostReportCommentResult | null;
  /** The pull request commented on (found by head SHA in companion mode), or null. */
  issueNumber: number | null;
}

/**
 * Publishes a report that is already written to disk: job summary, annotations, the sticky
 * comment, then the outputs (with the comment's URL). Every GitHub or summary failure is a
 * warning, never an exception, so the gate that follows always runs. Without a pull request
 * number in the event (a `workflow_run` from a fork), the pull request is found by head SHA, but
 * only when the triggering run was a pull request's: no other event is looked up.
 * @param deps the REST client (null skips the comment with a warning) and `@actions/core`
 * @param options the report, its renderings, the comment rule and the event context
 * @returns what happened to the comment
 */
export async function publishReport(deps: PublishReportDeps, options: PublishReportOptions): Promise<PublishReportResult> {
  const { core, octokit } = deps;
  try {
    const { truncated } = await writeJobSummary(deps.summary, options.summaryMarkdown);
    if (truncated) core.warning('The job summary was cut to fit 1 MiB; the full report is in the report-markdown file.');
  } catch (error: unknown) {
    core.warning(`benchgate could not write the job summary: ${readApiError(error).message}`);
  }
  if (options.annotate !== false) annotateRegressions(core, options.report);

  let comment: PostReportCommentResult | null = null;
  let issueNumber = options.context.issueNumber;
  if (options.commentOn !== 'never') {
    if (octokit === null) {
      core.warning("benchgate did not comment: 'github-token' is empty.");
    } else {
      if (issueNumber === null && isPullRequestRun(options.context)) {
        issueNumber = await findCompanionPullRequest(octokit, core, options.context);
      }
      if (issueNumber !== null) {
        comment = await postReportComment(octokit, {
          owner: options.context.owner,
          repo: options.context.repo,
          issueNumber,
          marker: options.marker,
          body: options.commentBody,
          commentOn: options.commentOn,
          hasChange: hasChange(options.report),
          isFork: options.context.isFork,
          log: core,
        });
        if (comment.action !== 'failed') core.info(`benchgate comment ${comment.action}${comment.url === null ? '' : `: ${comment.url}`}`);
      }
    }
  }
  writeOutputs(core, options.report, {
    reportJson: options.reportJson,
    reportMarkdown: options.reportMarkdown,
    commentUrl: comment?.url ?? null,
  });
  return { comment, issueNumber };
}

/**
 * Whether the report shows anything but `unchanged` (the `comment-on: change` rule).
 * @param report the report
 * @returns true when some comparison is regressed, improved, inconclusive, new, missing or errored
 */
export function hasChange(report: Report): boolean {
  return report.comparisons.some((comparison) => comparison.verdict !== 'unchanged');
}

/**
 * Whether a run without a pull request number may still belong to one: a `workflow_run` whose
 * triggering run was a pull request's (or whose trigger is unknown). A push's run is not looked up,
 * so its report never lands on a pull request whose head happens to be the pushed commit.
 */
function isPullRequestRun(context: PullRequestContext): boolean {
  if (context.eventName !== 'workflow_run') return false;
  return context.triggeringEvent === null || context.triggeringEvent.startsWith('pull_request');
}

async function findCompanionPullRequest(octokit: GitHubClient, core: ActionsCore, context: PullRequestContext): Promise<number | null> {
  try {
    const found = await findPullRequestForSha(octokit, {
      owner: context.owner,
      repo: context.repo,
      sha: context.headSha,
      ...(context.headOwner === null ? {} : { headOwner: context.headOwner }),
      ...(context.headRef === null ? {} : { headRef: context.headRef }),
    });
    if (found === null) core.warning(`benchgate did not comment: no open pull request has head ${context.headSha} (closed, or pushed to since).`);
    return found;
  } catch (error: unknown) {
    const { status, message } = readApiError(error);
    if (status === null) throw error;
    core.warning(`benchgate did not comment: looking up the pull request of ${context.headSha} failed (${status}: ${message}).`);
    return null;
  }
}
