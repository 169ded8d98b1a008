import { execFileSync } from 'node:child_process';

/**
 * The commit and ref being measured: GitHub's `GITHUB_SHA`/`GITHUB_REF` in a workflow,
 * else what `git` says of the working directory, else null.
 * @param cwd the working directory
 * @param env the process environment
 */
export function describeCheckout(cwd: string, env: Record<string, string | undefined>): { commit: string | null; ref: string | null } {
  const git = (...args: string[]): string | null => {
    try {
      return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
    } catch {
      // Not a git checkout, or no git: the results simply carry no commit.
      return null;
    }
  };
  return {
    commit: env.GITHUB_SHA || git('rev-parse', 'HEAD'),
    ref: env.GITHUB_REF || git('symbolic-ref', '-q', 'HEAD'),
  };
}
