import type { GitRunner } from '../baseline/run-git.ts';

/**
 * The commit link template of a GitHub remote: `https://github.com/<owner>/<repo>/commit/{commit}`
 * from an https, ssh or scp-style remote URL of github.com.
 * @param remoteUrl e.g. `git@github.com:octo/repo.git`
 * @returns the template, or null for any other host
 * @example
 * githubCommitUrl('git@github.com:octo/repo.git') // => 'https://github.com/octo/repo/commit/{commit}'
 */
export function githubCommitUrl(remoteUrl: string): string | null {
  const match = /^(?:https:\/\/(?:[^@/]+@)?github\.com\/|ssh:\/\/git@github\.com\/|git@github\.com:)([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(
    remoteUrl.trim(),
  );
  return match ? `https://github.com/${match[1]}/${match[2]}/commit/{commit}` : null;
}

/**
 * The commit link template of the workspace's `origin` when it is on GitHub, else null.
 * @param cwd the workspace
 * @param git the git runner
 */
export async function commitUrlFromRemote(cwd: string, git: GitRunner): Promise<string | null> {
  try {
    return githubCommitUrl((await git(['remote', 'get-url', 'origin'], { cwd })).toString('utf8'));
  } catch {
    return null;
  }
}
