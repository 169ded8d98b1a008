import type { GitHubClient, IssueComment } from './client.ts';

/** Which issue or pull request to look in, and the hidden marker our comment carries. */
export interface FindCommentOptions {
  owner: string;
  repo: string;
  issueNumber: number;
  /** The hidden marker, e.g. `<!-- benchgate:default -->` from `commentMarker(set)`. */
  marker: string;
}

/** Comments per page; GitHub's maximum. */
export const COMMENTS_PER_PAGE = 100;

/**
 * Finds benchgate's earlier comment for one benchmark set: the oldest comment whose body
 * contains the marker. Walks every page, because a busy pull request has more than 100
 * comments and ours is usually among the first.
 * @param octokit the REST client
 * @param options where to look and the marker
 * @returns the comment, or null when there is none
 */
export async function findComment(octokit: GitHubClient, options: FindCommentOptions): Promise<IssueComment | null> {
  for (let page = 1; ; page++) {
    const { data } = await octokit.rest.issues.listComments({
      owner: options.owner,
      repo: options.repo,
      issue_number: options.issueNumber,
      per_page: COMMENTS_PER_PAGE,
      page,
    });
    const found = data.find((comment) => comment.body?.includes(options.marker) === true);
    if (found !== undefined) return found;
    if (data.length < COMMENTS_PER_PAGE) return null;
  }
}
