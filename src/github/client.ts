/**
 * The slice of the Octokit REST client that benchgate calls. The client from `createOctokit`
 * satisfies it; unit tests hand in a small fake instead.
 */
export interface GitHubClient {
  rest: {
    issues: {
      listComments(params: {
        owner: string;
        repo: string;
        issue_number: number;
        per_page?: number;
        page?: number;
      }): Promise<{ data: IssueComment[] }>;
      createComment(params: { owner: string; repo: string; issue_number: number; body: string }): Promise<{
        data: IssueComment;
      }>;
      updateComment(params: { owner: string; repo: string; comment_id: number; body: string }): Promise<{
        data: IssueComment;
      }>;
    };
    repos: {
      createCommitComment(params: { owner: string; repo: string; commit_sha: string; body: string }): Promise<{ data: CommitComment }>;
      listPullRequestsAssociatedWithCommit(params: {
        owner: string;
        repo: string;
        commit_sha: string;
        per_page?: number;
        page?: number;
      }): Promise<{ data: PullRequestRef[] }>;
    };
    pulls: {
      list(params: {
        owner: string;
        repo: string;
        state?: 'open' | 'closed' | 'all';
        head?: string;
        per_page?: number;
        page?: number;
      }): Promise<{ data: PullRequestRef[] }>;
    };
  };
}

/** The fields of an issue comment that benchgate reads. */
export interface IssueComment {
  id: number;
  body?: string | null;
  html_url: string;
}

/** The fields of a commit comment that benchgate reads. */
export interface CommitComment {
  id: number;
  html_url: string;
}

/** The fields of a pull request that benchgate reads. */
export interface PullRequestRef {
  number: number;
  state: string;
  head: { sha: string; ref: string; repo?: { full_name: string } | null };
  base: { ref: string; repo: { full_name: string } };
}

/** Where a warning goes: `@actions/core`'s `warning`, or a test's recorder. */
export interface WarningLog {
  warning(message: string): void;
}
