import type { GitHubClient, PullRequestRef } from './client.ts';

/** The commit to find a pull request for, in the base repository. */
export interface FindPullRequestOptions {
  owner: string;
  repo: string;
  /** The pull request's head commit (`workflow_run.head_sha`). */
  sha: string;
  /** Owner of the head repository, e.g. the fork's (`workflow_run.head_repository.owner.login`). */
  headOwner?: string;
  /** Head branch (`workflow_run.head_branch`); with `headOwner` it allows a second lookup. */
  headRef?: string;
}

/**
 * Finds the open pull request whose head is `sha` (closed and merged ones never match), for the companion `workflow_run` workflow
 * (`mode: comment`): there, GitHub leaves `workflow_run.pull_requests` empty when the pull
 * request comes from a fork. Asks `GET /repos/{owner}/{repo}/commits/{sha}/pulls` first, then,
 * when the head branch is known, the open pull requests from `headOwner:headRef`. Only a pull
 * request whose head SHA is `sha` counts, so a later push to the branch cannot be commented with
 * an older report.
 * @param octokit the REST client
 * @param options repository, head SHA, and optionally the head owner and branch
 * @returns the pull request number, or null when none matches
 */
export async function findPullRequestForSha(octokit: GitHubClient, options: FindPullRequestOptions): Promise<number | null> {
  const baseRepo = `${options.owner}/${options.repo}`.toLowerCase();
  const matches = (pull: PullRequestRef): boolean =>
    pull.state === 'open' && pull.head.sha === options.sha && pull.base.repo.full_name.toLowerCase() === baseRepo;
  const { data: associated } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
    owner: options.owner,
    repo: options.repo,
    commit_sha: options.sha,
    per_page: 100,
  });
  const found = pickPullRequest(associated.filter(matches));
  if (found !== null) return found;
  if (options.headOwner === undefined || options.headRef === undefined) return null;
  const { data: open } = await octokit.rest.pulls.list({
    owner: options.owner,
    repo: options.repo,
    state: 'open',
    head: `${options.headOwner}:${options.headRef}`,
    per_page: 100,
  });
  return pickPullRequest(open.filter(matches));
}

/** Two open pull requests from the same commit: the newest (highest number). */
function pickPullRequest(pulls: PullRequestRef[]): number | null {
  return pulls.toSorted((a, b) => b.number - a.number)[0]?.number ?? null;
}
