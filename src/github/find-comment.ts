import type { GitHubClient, IssueComment, WarningLog } from './client.ts';

/** Which issue or pull request to look in, the hidden marker our comment carries, and who writes ours. */
export interface FindCommentOptions {
  owner: string;
  repo: string;
  issueNumber: number;
  /** The hidden marker, e.g. `<!-- benchgate:default -->` from `commentMarker(set)`. */
  marker: string;
  /**
   * The login benchgate's comments are written by, or a function that finds it
   * (`resolveCommentAuthor`), called only when some comment carries the marker. A comment
   * carrying the marker by anyone else is never taken.
   */
  author: string | (() => Promise<string>);
  /** Receives one warning per look-alike: a comment with the marker by someone else. */
  log?: WarningLog;
}

/** Comments per page; GitHub's maximum. */
export const COMMENTS_PER_PAGE = 100;

function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * Finds benchgate's earlier comment for one benchmark set: the oldest comment that contains the
 * marker and was written by `author`, the token's own identity. A comment with the marker by
 * anyone else is a look-alike: it is ignored (never edited) and reported in the log. Walks every
 * page, because a busy pull request has more than 100 comments and ours is usually among the first.
 * @param octokit the REST client
 * @param options where to look, the marker and our author
 * @returns the comment, or null when there is none
 */
export async function findComment(octokit: GitHubClient, options: FindCommentOptions): Promise<IssueComment | null> {
  let author: string | null = typeof options.author === 'string' ? options.author : null;
  for (let page = 1; ; page++) {
    const { data } = await octokit.rest.issues.listComments({
      owner: options.owner,
      repo: options.repo,
      issue_number: options.issueNumber,
      per_page: COMMENTS_PER_PAGE,
      page,
    });
    for (const comment of data) {
      if (comment.body?.includes(options.marker) !== true) continue;
      author ??= await (options.author as () => Promise<string>)();
      const login = comment.user?.login;
      if (login !== undefined && sameLogin(login, author)) return comment;
      options.log?.warning(
        `benchgate ignored comment ${comment.html_url}: it carries benchgate's marker ${options.marker} but was written by ${login ?? 'a deleted account'}, not ${author}`,
      );
    }
    if (data.length < COMMENTS_PER_PAGE) return null;
  }
}
