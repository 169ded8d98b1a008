import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadGitHubOpenApi, matchOperation, resolveRef, validateRequest, validateValue, type OpenApiSpec } from './openapi-validator.ts';

/**
 * A loopback stand-in for GitHub's REST API, for integration tests and the end-to-end test of
 * `dist/index.js`. It plays the endpoints benchgate calls (issue comments, commit comments, pull
 * requests of a commit, pull request list), checks every request's method, path, query and JSON body against
 * GitHub's OpenAPI description (`@octokit/openapi`), and checks its own answers against the
 * response schemas too. Every mismatch is answered with 400 and recorded in `violations`, so a
 * test can assert `violations` is empty. It never touches the network.
 *
 * The server lives in the test's own process: start a child (`dist/index.js`) with the async
 * `spawn`/`execFile`, never `spawnSync`/`execFileSync`, which would block the loop that answers it.
 * Point the child at it with `GITHUB_API_URL=<url>`.
 */

/** A pull request the fake knows about; the issue comments endpoints accept only these numbers. */
export interface FakePullSeed {
  number: number;
  headSha: string;
  /** @default `feature-<number>` */
  headRef?: string;
  /** @default 'main' */
  baseRef?: string;
  /** Owner of the head repository; another owner makes it a fork pull request. @default the repository owner */
  headOwner?: string;
  /** @default 'open' */
  state?: 'open' | 'closed';
}

export interface FakeGitHubOptions {
  /** @default 'octo-org' */
  owner?: string;
  /** @default 'benchgate-demo' */
  repo?: string;
  /** When set, requests must carry it (`Authorization: token …` or `Bearer …`), else 401. @default null */
  token?: string | null;
  pulls?: FakePullSeed[];
  /** Comments present before the test starts, oldest first; written by `identity` unless `login` says otherwise. */
  comments?: Array<{ issueNumber: number; body: string; login?: string }>;
  /** Answer every write with 403 "Resource not accessible by integration", as GitHub does to a fork PR's token. */
  readOnly?: boolean;
  /**
   * Whose token the requests carry. `installation` (the GITHUB_TOKEN, or another app's): `GET /user`
   * answers 403 and GraphQL's `viewer` gives the login. `user`: `GET /user` answers. Comments the
   * fake creates are written by this login.
   * @default { kind: 'installation', login: 'github-actions[bot]' }
   */
  identity?: { kind: 'user' | 'installation'; login: string };
  /** Whether `POST /graphql` answers (it is not in the REST description; the fake plays `viewer` only). @default true */
  graphql?: boolean;
}

/** One issue comment as the fake stores it. */
export interface FakeComment {
  id: number;
  issueNumber: number;
  body: string;
  login: string;
  createdAt: string;
  updatedAt: string;
}

/** One commit comment as the fake stores it. */
export interface FakeCommitComment {
  id: number;
  sha: string;
  body: string;
  createdAt: string;
}

/** A request as the fake saw it, with the status it answered. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body, undefined when there was none. */
  body: unknown;
  /** The OpenAPI operation it matched, e.g. `issues/create-comment`; null when none. */
  operationId: string | null;
  status: number;
}

/** A failure to answer instead of the real response. */
export interface Injection {
  status: 403 | 404 | 422 | 429 | 500 | 502 | 503;
  /** Only requests with this method. @default any */
  method?: string;
  /** Only requests whose path equals this string or matches this expression. @default any */
  path?: string | RegExp;
  /** How many matching requests fail. @default 1 */
  times?: number;
  /** Seconds for the Retry-After header (429 and 403 rate limits); null sends none. @default 1 for 429 */
  retryAfter?: number | null;
  /** The error message; defaults to GitHub's message for the status. */
  message?: string;
  /** Extra response headers, e.g. `x-ratelimit-remaining: '0'` for a primary rate limit. */
  headers?: Record<string, string>;
}

export interface FakeGitHub {
  /** Base URL for Octokit's `baseUrl` / `GITHUB_API_URL`, e.g. `http://127.0.0.1:41234`. */
  url: string;
  owner: string;
  repo: string;
  requests: RecordedRequest[];
  comments: FakeComment[];
  /** Comments written on commits (pushes), oldest first. */
  commitComments: FakeCommitComment[];
  /** Requests (or answers) that did not match GitHub's OpenAPI description. */
  violations: string[];
  inject(injection: Injection): void;
  close(): Promise<void>;
}

const DEFAULT_MESSAGES: Record<number, string> = {
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  422: 'Validation Failed',
  429: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
  500: 'Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/**
 * Starts the fake on 127.0.0.1 with a random port.
 * @param options repository, token, seeded pull requests and comments, read-only mode
 * @returns the running fake; `close()` it when done
 */
export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const spec = loadGitHubOpenApi();
  const owner = options.owner ?? 'octo-org';
  const repo = options.repo ?? 'benchgate-demo';
  const pulls = (options.pulls ?? []).map((p) => ({
    number: p.number,
    headSha: p.headSha,
    headRef: p.headRef ?? `feature-${p.number}`,
    baseRef: p.baseRef ?? 'main',
    headOwner: p.headOwner ?? owner,
    state: p.state ?? 'open',
  }));
  const identity = options.identity ?? { kind: 'installation' as const, login: 'github-actions[bot]' };
  const injections: Array<Required<Pick<Injection, 'status' | 'times'>> & Injection> = [];
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const comments: FakeComment[] = [];
  const commitComments: FakeCommitComment[] = [];
  let nextCommentId = 1_000_001;
  const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const seed of options.comments ?? []) {
    comments.push({
      id: nextCommentId++,
      issueNumber: seed.issueNumber,
      body: seed.body,
      login: seed.login ?? identity.login,
      createdAt: now(),
      updatedAt: now(),
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      violations.push(`fake GitHub crashed on ${req.method} ${req.url}: ${String(error)}`);
      if (!res.headersSent) send(res, 500, { message: 'fake GitHub crashed' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const target = new URL(req.url ?? '/', url);
    const raw = await readBody(req);
    const record: RecordedRequest = {
      method,
      path: target.pathname,
      query: Object.fromEntries(target.searchParams),
      headers: req.headers,
      body: undefined,
      operationId: null,
      status: 0,
    };
    requests.push(record);
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      send(res, status, body, headers);
    };
    const reject = (status: number, problem: string) => {
      violations.push(`${method} ${target.pathname}${target.search}: ${problem}`);
      answer(status, { message: problem, documentation_url: 'https://docs.github.com/rest' });
    };

    if (raw.length > 0) {
      try {
        record.body = JSON.parse(raw);
      } catch {
        return reject(400, 'Problems parsing JSON');
      }
    }
    if (method === 'POST' && target.pathname === '/graphql') {
      // GraphQL is not in the REST description: the fake checks the shape Octokit sends and plays `viewer`.
      const query = (record.body as { query?: unknown } | undefined)?.query;
      if (typeof query !== 'string') return reject(400, 'graphql: the body must be {"query": "..."}');
      if (options.graphql === false) return answer(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/graphql' });
      if (!/viewer\s*\{\s*login\s*\}/.test(query)) return reject(501, `fake GitHub does not play the GraphQL query ${query}`);
      return answer(200, { data: { viewer: { login: identity.login } } });
    }
    const matched = matchOperation(spec, method, target.pathname);
    if (matched === null) return reject(404, `no operation in GitHub's OpenAPI description for ${method} ${target.pathname}`);
    record.operationId = matched.operation.operationId;
    const problems = validateRequest(spec, matched, target.searchParams, req.headers['content-type'], record.body);
    if (problems.length > 0) return reject(400, `${matched.operation.operationId}: ${problems.join('; ')}`);

    if (options.token != null) {
      const auth = req.headers.authorization ?? '';
      if (auth !== `token ${options.token}` && auth !== `Bearer ${options.token}` && auth !== `bearer ${options.token}`) {
        return answer(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
      }
    }

    const injection = injections.find(
      (i) =>
        i.times > 0 &&
        (i.method === undefined || i.method.toUpperCase() === method) &&
        (i.path === undefined || (typeof i.path === 'string' ? i.path === target.pathname : i.path.test(target.pathname))),
    );
    if (injection !== undefined) {
      injection.times--;
      const headers: Record<string, string> = {};
      if (injection.retryAfter !== null && (injection.retryAfter !== undefined || injection.status === 429))
        headers['retry-after'] = String(injection.retryAfter ?? 1);
      Object.assign(headers, injection.headers);
      const body: Record<string, unknown> = {
        message: injection.message ?? DEFAULT_MESSAGES[injection.status] ?? 'Error',
        documentation_url: 'https://docs.github.com/rest',
        status: String(injection.status),
      };
      if (injection.status === 422)
        body['errors'] = [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }];
      return answer(injection.status, body, headers);
    }

    const { pathParams } = matched;
    if (matched.operation.operationId === 'users/get-authenticated') {
      if (identity.kind === 'installation') {
        return answer(403, {
          message: DEFAULT_MESSAGES[403],
          documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
          status: '403',
        });
      }
      const user = { ...example(spec, 'private-user'), ...renderUser(example(spec, 'private-user'), identity.login) };
      checkResponse(spec, matched.operation.responses, 200, user, `${method} ${target.pathname}`, violations);
      return answer(200, user);
    }
    if (pathParams['owner']?.toLowerCase() !== owner.toLowerCase() || pathParams['repo']?.toLowerCase() !== repo.toLowerCase()) {
      return answer(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
    }
    const isWrite = method !== 'GET' && method !== 'HEAD';
    if (isWrite && options.readOnly === true) {
      return answer(403, {
        message: DEFAULT_MESSAGES[403],
        documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
        status: '403',
      });
    }

    const respond = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      checkResponse(spec, matched.operation.responses, status, body, `${method} ${target.pathname}`, violations);
      answer(status, body, headers);
    };
    const notFound = () => answer(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
    const body = record.body as Record<string, unknown> | undefined;

    switch (matched.operation.operationId) {
      case 'issues/list-comments': {
        const issueNumber = Number(pathParams['issue_number']);
        if (!pulls.some((p) => p.number === issueNumber)) return notFound();
        const all = comments.filter((c) => c.issueNumber === issueNumber);
        const { page, headers } = paginate(all, target, url);
        return respond(
          200,
          page.map((c) => renderComment(spec, c, owner, repo, url)),
          headers,
        );
      }
      case 'issues/create-comment': {
        const issueNumber = Number(pathParams['issue_number']);
        if (!pulls.some((p) => p.number === issueNumber)) return notFound();
        const comment: FakeComment = {
          id: nextCommentId++,
          issueNumber,
          body: String(body?.['body']),
          login: identity.login,
          createdAt: now(),
          updatedAt: now(),
        };
        comments.push(comment);
        const rendered = renderComment(spec, comment, owner, repo, url);
        return respond(201, rendered, { location: rendered.url });
      }
      case 'issues/update-comment': {
        const comment = comments.find((c) => c.id === Number(pathParams['comment_id']));
        if (comment === undefined) return notFound();
        comment.body = String(body?.['body']);
        comment.updatedAt = now();
        return respond(200, renderComment(spec, comment, owner, repo, url));
      }
      case 'repos/create-commit-comment': {
        const sha = pathParams['commit_sha'] ?? '';
        const comment = { id: nextCommentId++, sha, body: String(body?.['body']), createdAt: now() };
        commitComments.push(comment);
        const rendered = {
          ...example(spec, 'commit-comment'),
          id: comment.id,
          node_id: Buffer.from(`CommitComment${comment.id}`).toString('base64'),
          body: comment.body,
          commit_id: sha,
          url: `${url}/repos/${owner}/${repo}/comments/${comment.id}`,
          html_url: `https://github.com/${owner}/${repo}/commit/${sha}#commitcomment-${comment.id}`,
          created_at: comment.createdAt,
          updated_at: comment.createdAt,
        };
        return respond(201, rendered, { location: rendered.url });
      }
      case 'repos/list-pull-requests-associated-with-commit': {
        const sha = pathParams['commit_sha'] ?? '';
        const found = pulls.filter((p) => p.headSha === sha);
        const { page, headers } = paginate(found, target, url);
        return respond(
          200,
          page.map((p) => renderPull(spec, p, owner, repo)),
          headers,
        );
      }
      case 'pulls/list': {
        const state = target.searchParams.get('state') ?? 'open';
        const head = target.searchParams.get('head');
        const found = pulls.filter(
          (p) => (state === 'all' || p.state === state) && (head === null || head.toLowerCase() === `${p.headOwner}:${p.headRef}`.toLowerCase()),
        );
        const { page, headers } = paginate(found, target, url);
        return respond(
          200,
          page.map((p) => renderPull(spec, p, owner, repo)),
          headers,
        );
      }
      default:
        return reject(501, `fake GitHub does not play ${matched.operation.operationId}`);
    }
  }

  return {
    url,
    owner,
    repo,
    requests,
    comments,
    commitComments,
    violations,
    inject(injection: Injection): void {
      injections.push({ ...injection, times: injection.times ?? 1 });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'x-github-request-id': randomBytes(8).toString('hex').toUpperCase(),
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    'x-ratelimit-resource': 'core',
    ...headers,
  });
  res.end(text);
}

/** GitHub's page/per_page pagination (default 30, at most 100) with a Link header. */
function paginate<T>(items: T[], target: URL, base: string): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(target.searchParams.get('per_page') ?? 30)));
  const page = Math.max(1, Number(target.searchParams.get('page') ?? 1));
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number, rel: string) => {
    const next = new URL(target.pathname, base);
    for (const [k, v] of target.searchParams) next.searchParams.set(k, v);
    next.searchParams.set('per_page', String(perPage));
    next.searchParams.set('page', String(n));
    return `<${next.href}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return { page: items.slice((page - 1) * perPage, page * perPage), headers: links.length > 0 ? { link: links.join(', ') } : {} };
}

/** Answers must match the response schema too, so the fake cannot drift from real GitHub shapes. */
function checkResponse(spec: OpenApiSpec, responses: Record<string, unknown>, status: number, body: unknown, where: string, violations: string[]): void {
  const response = resolveRef(spec, responses[String(status)] as never) as { content?: Record<string, { schema?: unknown }> } | undefined;
  const schema = response?.content?.['application/json']?.schema;
  if (schema === undefined) {
    violations.push(`${where}: the description has no JSON response for status ${status}`);
    return;
  }
  for (const problem of validateValue(spec, schema as never, body as never, 'response')) violations.push(`${where}: ${problem}`);
}

function example(spec: OpenApiSpec, name: string): Record<string, unknown> {
  const found = resolveRef(spec, { $ref: `#/components/examples/${name}` }) as { value: unknown };
  const value = Array.isArray(found.value) ? found.value[0] : found.value;
  return structuredClone(value) as Record<string, unknown>;
}

function renderUser(template: unknown, login: string): Record<string, unknown> {
  const user = structuredClone(template) as Record<string, unknown>;
  const bot = login.endsWith('[bot]');
  return {
    ...user,
    login,
    id: bot ? 41898282 : 583231,
    type: bot ? 'Bot' : 'User',
    url: `https://api.github.com/users/${encodeURIComponent(login)}`,
    html_url: `https://github.com/${login}`,
  };
}

function renderComment(spec: OpenApiSpec, comment: FakeComment, owner: string, repo: string, base: string): Record<string, unknown> & { url: string } {
  const shape = example(spec, 'issue-comment');
  return {
    ...shape,
    id: comment.id,
    node_id: Buffer.from(`IssueComment${comment.id}`).toString('base64'),
    url: `${base}/repos/${owner}/${repo}/issues/comments/${comment.id}`,
    html_url: `https://github.com/${owner}/${repo}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${base}/repos/${owner}/${repo}/issues/${comment.issueNumber}`,
    body: comment.body,
    user: renderUser(shape['user'], comment.login),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: comment.login.endsWith('[bot]') ? 'NONE' : 'CONTRIBUTOR',
  };
}

interface FakePull {
  number: number;
  headSha: string;
  headRef: string;
  baseRef: string;
  headOwner: string;
  state: 'open' | 'closed';
}

function renderPull(spec: OpenApiSpec, pull: FakePull, owner: string, repo: string): Record<string, unknown> {
  const shape = example(spec, 'pull-request-simple-items');
  const head = shape['head'] as Record<string, unknown>;
  const baseSide = shape['base'] as Record<string, unknown>;
  const renderRepo = (template: unknown, repoOwner: string, fork: boolean) => {
    const value = structuredClone(template) as Record<string, unknown>;
    return { ...value, name: repo, full_name: `${repoOwner}/${repo}`, fork, owner: renderUser(value['owner'], repoOwner) };
  };
  return {
    ...shape,
    number: pull.number,
    state: pull.state,
    html_url: `https://github.com/${owner}/${repo}/pull/${pull.number}`,
    // GitHub's example team lacks a field its own schema requires; no reviewers keeps the answer valid.
    requested_teams: [],
    requested_reviewers: [],
    head: {
      ...head,
      sha: pull.headSha,
      ref: pull.headRef,
      label: `${pull.headOwner}:${pull.headRef}`,
      repo: renderRepo(head['repo'], pull.headOwner, pull.headOwner !== owner),
      user: renderUser(head['user'], pull.headOwner),
    },
    base: {
      ...baseSide,
      ref: pull.baseRef,
      label: `${owner}:${pull.baseRef}`,
      repo: renderRepo(baseSide['repo'], owner, false),
      user: renderUser(baseSide['user'], owner),
    },
  };
}
