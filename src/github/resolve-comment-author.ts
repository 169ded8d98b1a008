import { readApiError } from './api-error.ts';
import type { GitHubClient, WarningLog } from './client.ts';

/**
 * The login of the GitHub Actions app, which writes every comment made with a workflow's
 * `GITHUB_TOKEN` (an app installation token: GitHub's "Automatic token authentication" docs).
 */
export const GITHUB_ACTIONS_LOGIN = 'github-actions[bot]';

/** Who benchgate's comments are written by, and how that was learnt. */
export interface CommentAuthor {
  login: string;
  /**
   * - `user`: `GET /user` answered (a personal or OAuth token);
   * - `viewer`: `GET /user` refused an installation token and GraphQL's `viewer` named the app's bot;
   * - `assumed`: neither answered, so the author is taken to be `github-actions[bot]` (the `GITHUB_TOKEN`).
   */
  source: 'user' | 'viewer' | 'assumed';
}

const resolved = new WeakMap<GitHubClient, Promise<CommentAuthor>>();

async function resolve(octokit: GitHubClient, log: WarningLog | undefined): Promise<CommentAuthor> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    if (typeof data.login === 'string' && data.login) return { login: data.login, source: 'user' };
  } catch (error: unknown) {
    // An installation token gets 403 "Resource not accessible by integration"; anything else is
    // an outage or a bad token, which the comment calls that follow will report.
    const { status } = readApiError(error);
    if (status === null) throw error;
  }
  try {
    const answer = (await octokit.graphql('query { viewer { login } }')) as { viewer?: { login?: unknown } } | null;
    const login = answer?.viewer?.login;
    if (typeof login === 'string' && login) return { login, source: 'viewer' };
  } catch (error: unknown) {
    const { status, message } = readApiError(error);
    log?.info?.(`benchgate could not ask GraphQL who the token belongs to (${status ?? 'no status'}: ${message}); taking it to be ${GITHUB_ACTIONS_LOGIN}`);
  }
  return { login: GITHUB_ACTIONS_LOGIN, source: 'assumed' };
}

/**
 * Finds out, once per client, whose comments are benchgate's: the token's own identity. For a
 * user's token `GET /user` names it. The workflow's `GITHUB_TOKEN` is a GitHub App installation
 * token, for which `GET /user` fails with 403; then GraphQL's `viewer` names the app's bot
 * (`github-actions[bot]`, or `<app>[bot]` for another app's token), and when that fails too the
 * author is taken to be `github-actions[bot]`.
 * @param octokit the REST client (the answer is remembered for it)
 * @param log where to say how the identity was found
 * @returns the login comments must carry to count as benchgate's
 * @throws the client's error when the API cannot be reached at all
 */
export function resolveCommentAuthor(octokit: GitHubClient, log?: WarningLog): Promise<CommentAuthor> {
  let found = resolved.get(octokit);
  if (found === undefined) {
    found = resolve(octokit, log).then((author) => {
      log?.info?.(`benchgate's comments are the ones written by ${author.login} (${describeSource(author.source)})`);
      return author;
    });
    found.catch(() => resolved.delete(octokit));
    resolved.set(octokit, found);
  }
  return found;
}

function describeSource(source: CommentAuthor['source']): string {
  if (source === 'user') return "the token's user, from GET /user";
  if (source === 'viewer') return "the token's app, from GraphQL viewer";
  return 'the GITHUB_TOKEN is assumed';
}
