import { decideGate, passWithoutBaseline } from '../../src/compare/decide-gate.ts';
import { ComparisonSchema, REPORT_SCHEMA, ReportSchema, type Comparison, type Report, type Verdict } from '../../src/compare/schema.ts';
import { summarizeVerdicts } from '../../src/compare/summarize-verdicts.ts';
import type { GitHubClient, IssueComment, PullRequestRef } from '../../src/github/client.ts';

/** A warning sink that remembers what it was told. */
export function recordWarnings(): { warning(message: string): void; messages: string[] } {
  const messages: string[] = [];
  return { messages, warning: (message: string) => messages.push(message) };
}

/** An error shaped like Octokit's RequestError. */
export class FakeRequestError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
  }
}

/**
 * An in-memory client: comments live in an array, pages are cut like GitHub's, and any call can
 * be made to fail. `calls` records every call in order.
 */
export function createFakeClient(
  options: {
    comments?: Array<{ body: string; login?: string }>;
    pulls?: PullRequestRef[];
    /** Whose token the client holds: a user's (GET /user answers) or an app installation's (403; GraphQL viewer answers). @default installation of github-actions[bot] */
    identity?: { kind: 'user' | 'installation'; login: string };
    /** Whether GraphQL answers `viewer`. @default true */
    graphql?: boolean;
  } = {},
) {
  const identity = options.identity ?? { kind: 'installation', login: 'github-actions[bot]' };
  const comments: Array<IssueComment & { body: string; issueNumber: number; user: { login: string } }> = [];
  let nextId = 1;
  const add = (issueNumber: number, body: string, login = identity.login) => {
    const comment = { id: nextId, body, issueNumber, user: { login }, html_url: `https://github.com/o/r/pull/${issueNumber}#issuecomment-${nextId}` };
    nextId++;
    comments.push(comment);
    return comment;
  };
  for (const seed of options.comments ?? []) add(1, seed.body, seed.login);
  const calls: Array<{ method: string; params: Record<string, unknown> }> = [];
  /** Identity look-ups (GET /user, GraphQL), kept apart from `calls`. */
  const identityCalls: string[] = [];
  const failures: Record<string, Error | undefined> = {};
  const step = (method: string, params: object) => {
    calls.push({ method, params: { ...params } });
    const failure = failures[method];
    if (failure !== undefined) throw failure;
  };
  const pulls = options.pulls ?? [];
  const commitComments: Array<{ id: number; sha: string; body: string }> = [];
  const client: GitHubClient = {
    rest: {
      issues: {
        async listComments(params) {
          step('listComments', params);
          const perPage = params.per_page ?? 30;
          const page = params.page ?? 1;
          const mine = comments.filter((c) => c.issueNumber === params.issue_number);
          return { data: mine.slice((page - 1) * perPage, page * perPage) };
        },
        async createComment(params) {
          step('createComment', params);
          return { data: add(params.issue_number, params.body) };
        },
        async updateComment(params) {
          step('updateComment', params);
          const comment = comments.find((c) => c.id === params.comment_id);
          if (comment === undefined) throw new FakeRequestError(404, 'Not Found');
          comment.body = params.body;
          return { data: comment };
        },
      },
      repos: {
        async createCommitComment(params) {
          step('createCommitComment', params);
          const id = nextId++;
          commitComments.push({ id, sha: params.commit_sha, body: params.body });
          return { data: { id, html_url: `https://github.com/o/r/commit/${params.commit_sha}#commitcomment-${id}` } };
        },
        async listPullRequestsAssociatedWithCommit(params) {
          step('listPullRequestsAssociatedWithCommit', params);
          return { data: pulls.filter((p) => p.head.sha === params.commit_sha) };
        },
      },
      users: {
        async getAuthenticated() {
          identityCalls.push('getAuthenticated');
          if (identity.kind === 'installation') throw new FakeRequestError(403, 'Resource not accessible by integration');
          return { data: { login: identity.login } };
        },
      },
      pulls: {
        async list(params) {
          step('listPulls', params);
          return { data: pulls.filter((p) => params.head === undefined || `${p.head.repo?.full_name.split('/')[0]}:${p.head.ref}` === params.head) };
        },
      },
    },
    async graphql(query: string) {
      identityCalls.push('graphql');
      if (options.graphql === false || !/viewer\s*\{\s*login/.test(query)) throw new Error('Request failed due to following response errors');
      return { viewer: { login: identity.login } };
    },
  };
  return {
    client,
    comments,
    commitComments,
    calls,
    identityCalls,
    add,
    /** Makes every later call of `method` throw `error`. */
    fail(method: string, error: Error) {
      failures[method] = error;
    },
  };
}

/** A pull request as the REST API lists it (the fields we read). */
export function pullRequest(number: number, sha: string, options: { state?: string; headRepo?: string; baseRepo?: string; ref?: string } = {}): PullRequestRef {
  return {
    number,
    state: options.state ?? 'open',
    head: { sha, ref: options.ref ?? `feature-${number}`, repo: { full_name: options.headRepo ?? 'o/r' } },
    base: { ref: 'main', repo: { full_name: options.baseRepo ?? 'o/r' } },
  };
}

const environment = { cpuModel: 'Test CPU', cores: 2, os: 'linux', arch: 'x64', node: 'v24.0.0', runnerImage: null };

/** One comparison with the given verdict; a regression moves throughput by -21.3%. */
export function comparison(id: string, verdict: Verdict, overrides: Record<string, unknown> = {}): Comparison {
  const side = { runs: 10, center: 100, cv: 0.02, observation: 'process' as const };
  const ratio = verdict === 'regressed' ? 1.2706 : verdict === 'improved' ? 0.8 : 1.001;
  const reasons: Record<Verdict, unknown> = {
    regressed: { cause: 'beyond-threshold' },
    improved: { cause: 'beyond-threshold' },
    unchanged: { cause: 'not-significant' },
    inconclusive: { cause: 'straddles-threshold', significant: 'worse', runsNeeded: null },
    new: { cause: 'no-baseline' },
    missing: { cause: 'not-in-current' },
    errored: { cause: 'errored', side: 'current', message: 'boom' },
  };
  const tested = verdict === 'regressed' || verdict === 'improved' || verdict === 'unchanged' || verdict === 'inconclusive';
  return ComparisonSchema.parse({
    id,
    metric: 'time',
    unit: 'ms',
    direction: 'smaller',
    gate: true,
    verdict,
    reason: reasons[verdict],
    baseline: verdict === 'new' ? null : side,
    current: verdict === 'missing' ? null : { ...side, center: 100 * ratio },
    ...(tested
      ? {
          change: { ratio, metric: ratio - 1, throughput: 1 / ratio - 1 },
          interval: {
            method: 'hodges-lehmann',
            level: 0.95,
            ratio: [ratio - 0.02, ratio + 0.02],
            metric: [ratio - 1.02, ratio - 0.98],
            throughput: [-0.23, -0.194],
          },
          p: { test: 'mann-whitney', twoSided: 0.0002, worse: 0.0001, better: 0.9999, worseAdjusted: 0.0004, betterAdjusted: 1 },
          noise: { model: 'within-job' },
        }
      : {}),
    threshold: 0.05,
    alpha: 0.01,
    flags: [],
    ...overrides,
  });
}

/** A valid `benchgate/report@2` (checked with its schema) holding the given comparisons. */
export function makeReport(comparisons: Comparison[], options: { baseline?: boolean; gateFailed?: boolean } = {}): Report {
  const info = { tool: 'benchgate', commit: 'a'.repeat(40), ref: 'main', createdAt: '2026-11-22T00:00:00.000Z', environment, seed: 42 };
  const gate = options.baseline === false ? passWithoutBaseline() : decideGate(comparisons);
  return ReportSchema.parse({
    schema: REPORT_SCHEMA,
    benchmarkSet: 'default',
    baseline: options.baseline === false ? null : info,
    baselineChoice: null,
    current: { ...info, commit: 'b'.repeat(40), ref: 'feature' },
    settings: {
      threshold: 0.05,
      alpha: 0.01,
      interval: 'hodges-lehmann',
      confidence: 0.95,
      seed: 42,
      jobNoiseFloor: 0.03,
      minHistoryJobs: 5,
      failOn: 'regression',
      fingerprintMismatch: 'advisory',
    },
    comparisons,
    summary: summarizeVerdicts(comparisons),
    gate: { ...gate, failed: options.gateFailed ?? gate.failed },
    reproduce: 'npx benchgate compare base.json current.json',
  });
}
