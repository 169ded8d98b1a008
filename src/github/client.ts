/**
 * The slice of the Octokit REST client that benchgate calls. The client from `createOctokit`
 * satisfies it; unit tests hand in a small fake instead.
 */
export interface GitHubClient {
  rest: {
    issues: {
      listComments(params: { owner: string; repo: string; issue_number: number; per_page?: number; page?: number }): Promise<{ data: IssueComment[] }>;
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
    users: {
      /** `GET /user`: works for a user's token; an installation token (the GITHUB_TOKEN) gets 403. */
      getAuthenticated(): Promise<{ data: { login: string } }>;
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
  /** GraphQL (`POST /graphql`); used only for `{ viewer { login } }`, which an installation token may ask. */
  graphql(query: string): Promise<unknown>;
}

/** The fields of an issue comment that benchgate reads. */
export interface IssueComment {
  id: number;
  body?: string | null;
  html_url: string;
  /** The author; GitHub sets it (null for a deleted account). */
  user?: { login: string } | null;
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

/** Where a warning goes: `@actions/core`'s `warning`, or a test's recorder; `info` for plain log lines when given. */
export interface WarningLog {
  warning(message: string): void;
  info?(message: string): void;
}
