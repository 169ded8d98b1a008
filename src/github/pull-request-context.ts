/** What benchgate needs to know about the event that started the run. */
export interface PullRequestContext {
  /** The repository the run belongs to (the base repository of a pull request). */
  owner: string;
  repo: string;
  /** The pull request to comment on; null for pushes, and for a `workflow_run` from a fork PR (find it by `headSha`). */
  issueNumber: number | null;
  /** The commit that was measured: the PR head, the pushed commit, or the triggering run's head. */
  headSha: string;
  /** The pull request's base branch; null when there is no pull request. */
  baseRef: string | null;
  /** The branch of `headSha` (for a push, the pushed branch); null when unknown (a tag, a detached run). */
  headRef: string | null;
  /** Owner of the head repository (the fork's owner for a fork PR). */
  headOwner: string | null;
  /** Whether the head repository differs from the base one: the token is then read-only. */
  isFork: boolean;
  /** `GITHUB_EVENT_NAME`, e.g. `pull_request`, `push`, `workflow_run`. */
  eventName: string;
  /** For `workflow_run`: the event that started the triggering run (e.g. `pull_request`); otherwise null. */
  triggeringEvent: string | null;
}

/** The runner variables `readPullRequestContext` reads (a subset of `process.env`). */
export interface PullRequestEnv {
  GITHUB_EVENT_NAME?: string | undefined;
  GITHUB_REPOSITORY?: string | undefined;
  GITHUB_SHA?: string | undefined;
  GITHUB_REF?: string | undefined;
  GITHUB_HEAD_REF?: string | undefined;
  GITHUB_BASE_REF?: string | undefined;
}

/**
 * Reads the pull request context from the event payload (`GITHUB_EVENT_PATH`'s JSON) and the
 * runner variables. Understands `pull_request`, `pull_request_target`, `push` and `workflow_run`;
 * any other event yields a context without a pull request.
 * @param eventPayload the parsed event payload (`{}` when there is none)
 * @param env the runner variables
 * @returns the context
 * @throws Error naming the missing field when neither the payload nor `GITHUB_REPOSITORY` names the repository
 */
export function readPullRequestContext(eventPayload: unknown, env: PullRequestEnv): PullRequestContext {
  const payload = asRecord(eventPayload);
  const eventName = env.GITHUB_EVENT_NAME ?? (payload['pull_request'] !== undefined ? 'pull_request' : '');
  const fullName = str(asRecord(payload['repository'])['full_name']) ?? env.GITHUB_REPOSITORY;
  const [owner, repo, ...rest] = (fullName ?? '').split('/');
  if (owner === undefined || owner === '' || repo === undefined || repo === '' || rest.length > 0) {
    throw new Error(
      `cannot tell the repository: the event payload has no 'repository.full_name' and GITHUB_REPOSITORY is ${JSON.stringify(env.GITHUB_REPOSITORY ?? null)}`,
    );
  }
  const base = { owner, repo, eventName, triggeringEvent: null };

  const pull = asRecord(payload['pull_request']);
  if (payload['pull_request'] !== undefined) {
    const head = asRecord(pull['head']);
    const headRepo = str(asRecord(head['repo'])['full_name']);
    const baseRepo = str(asRecord(asRecord(pull['base'])['repo'])['full_name']) ?? fullName;
    return {
      ...base,
      issueNumber: num(pull['number']) ?? num(payload['number']),
      headSha: str(head['sha']) ?? requireSha(env),
      baseRef: str(asRecord(pull['base'])['ref']) ?? nonEmpty(env.GITHUB_BASE_REF),
      headRef: str(head['ref']) ?? nonEmpty(env.GITHUB_HEAD_REF),
      headOwner: str(asRecord(asRecord(head['repo'])['owner'])['login']) ?? str(asRecord(head['user'])['login']),
      // A deleted fork leaves head.repo null; that is still a fork.
      isFork: headRepo === null || headRepo.toLowerCase() !== baseRepo?.toLowerCase(),
    };
  }

  const run = asRecord(payload['workflow_run']);
  if (payload['workflow_run'] !== undefined) {
    const headSha = str(run['head_sha']) ?? requireSha(env);
    const pulls = Array.isArray(run['pull_requests']) ? run['pull_requests'].map(asRecord) : [];
    const own = pulls.find((p) => str(asRecord(p['head'])['sha']) === headSha) ?? null;
    const headRepo = asRecord(run['head_repository']);
    const headRepoName = str(headRepo['full_name']);
    return {
      ...base,
      triggeringEvent: str(run['event']),
      issueNumber: own === null ? null : num(own['number']),
      headSha,
      baseRef: own === null ? null : str(asRecord(own['base'])['ref']),
      headRef: str(run['head_branch']),
      headOwner: str(asRecord(headRepo['owner'])['login']),
      isFork: headRepoName !== null && headRepoName.toLowerCase() !== fullName?.toLowerCase(),
    };
  }

  const ref = str(payload['ref']) ?? env.GITHUB_REF ?? '';
  return {
    ...base,
    issueNumber: null,
    headSha: (eventName === 'push' ? str(payload['after']) : null) ?? requireSha(env),
    baseRef: null,
    headRef: ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : null,
    headOwner: owner,
    isFork: false,
  };
}

function requireSha(env: PullRequestEnv): string {
  const sha = nonEmpty(env.GITHUB_SHA);
  if (sha === null) throw new Error('cannot tell the commit: the event payload has no head SHA and GITHUB_SHA is not set');
  return sha;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}
