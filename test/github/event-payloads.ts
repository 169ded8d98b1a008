import { loadGitHubOpenApi, resolveRef, type OpenApiSpec } from './openapi-validator.ts';

/**
 * Event payloads shaped like the ones a runner finds at `GITHUB_EVENT_PATH`: every property that
 * GitHub's webhook schemas (`@octokit/openapi`, `webhook-pull-request-synchronize`, `webhook-push`,
 * `webhook-workflow-run-completed`) require is present with a value of its type, and the fields
 * benchgate reads carry the values given. For the end-to-end test of `dist/index.js` and for ours.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface PullRequestEventOptions {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  /** @default 40 × '0' */
  baseSha?: string;
  /** @default 'feature' */
  headRef?: string;
  /** @default 'main' */
  baseRef?: string;
  /** Another owner makes it a pull request from that owner's fork. @default owner */
  headOwner?: string;
}

/** A `pull_request` event (`action: synchronize`). */
export function pullRequestEvent(options: PullRequestEventOptions): JsonObject {
  const headOwner = options.headOwner ?? options.owner;
  const headRef = options.headRef ?? 'feature';
  const baseRef = options.baseRef ?? 'main';
  const baseSha = options.baseSha ?? '0'.repeat(40);
  const baseRepo = repository(options.owner, options.repo, false);
  const headRepo = repository(headOwner, options.repo, headOwner !== options.owner);
  return build('webhook-pull-request-synchronize', {
    action: 'synchronize',
    number: options.number,
    before: baseSha,
    after: options.headSha,
    pull_request: {
      number: options.number,
      state: 'open',
      title: 'Make it faster',
      html_url: `https://github.com/${options.owner}/${options.repo}/pull/${options.number}`,
      url: `https://api.github.com/repos/${options.owner}/${options.repo}/pulls/${options.number}`,
      head: { label: `${headOwner}:${headRef}`, ref: headRef, sha: options.headSha, repo: headRepo, user: user(headOwner) },
      base: { label: `${options.owner}:${baseRef}`, ref: baseRef, sha: baseSha, repo: baseRepo, user: user(options.owner) },
      user: user(headOwner),
    },
    repository: baseRepo,
    sender: user(headOwner),
  });
}

/** A `push` event to a branch. */
export function pushEvent(options: { owner: string; repo: string; branch: string; before?: string; after: string }): JsonObject {
  return build('webhook-push', {
    ref: `refs/heads/${options.branch}`,
    before: options.before ?? '0'.repeat(40),
    after: options.after,
    created: false,
    deleted: false,
    forced: false,
    base_ref: null,
    compare: `https://github.com/${options.owner}/${options.repo}/compare/${options.after.slice(0, 12)}`,
    commits: [],
    head_commit: null,
    repository: repository(options.owner, options.repo, false),
    pusher: { name: options.owner, email: null },
    sender: user(options.owner),
  });
}

/** A `workflow_run` event (`completed`) of a `pull_request` run; GitHub leaves `pull_requests` empty for forks. */
export function workflowRunEvent(options: {
  owner: string;
  repo: string;
  headSha: string;
  headRef: string;
  headOwner?: string;
  runId?: number;
  conclusion?: 'success' | 'failure';
  pullRequests?: Array<{ number: number; baseRef?: string }>;
}): JsonObject {
  const headOwner = options.headOwner ?? options.owner;
  const baseRepo = repository(options.owner, options.repo, false);
  const headRepo = repository(headOwner, options.repo, headOwner !== options.owner);
  const runId = options.runId ?? 1000;
  return build('webhook-workflow-run-completed', {
    action: 'completed',
    repository: baseRepo,
    sender: user(headOwner),
    workflow: { name: 'benchmarks', path: '.github/workflows/benchmarks.yml' },
    workflow_run: {
      id: runId,
      name: 'benchmarks',
      event: 'pull_request',
      status: 'completed',
      conclusion: options.conclusion ?? 'success',
      head_sha: options.headSha,
      head_branch: options.headRef,
      head_repository: headRepo,
      repository: baseRepo,
      pull_requests: (options.pullRequests ?? []).map((p) => ({
        id: p.number,
        number: p.number,
        url: `https://api.github.com/repos/${options.owner}/${options.repo}/pulls/${p.number}`,
        head: {
          ref: options.headRef,
          sha: options.headSha,
          repo: { id: 2, name: options.repo, url: `https://api.github.com/repos/${options.owner}/${options.repo}` },
        },
        base: {
          ref: p.baseRef ?? 'main',
          sha: '0'.repeat(40),
          repo: { id: 1, name: options.repo, url: `https://api.github.com/repos/${options.owner}/${options.repo}` },
        },
      })),
      html_url: `https://github.com/${options.owner}/${options.repo}/actions/runs/${runId}`,
    },
  });
}

function user(login: string): JsonObject {
  return { login, id: login.length * 1000 + 1, type: 'User', html_url: `https://github.com/${login}`, url: `https://api.github.com/users/${login}` };
}

function repository(owner: string, repo: string, fork: boolean): JsonObject {
  return {
    id: fork ? 2 : 1,
    name: repo,
    full_name: `${owner}/${repo}`,
    fork,
    private: false,
    default_branch: 'main',
    html_url: `https://github.com/${owner}/${repo}`,
    url: `https://api.github.com/repos/${owner}/${repo}`,
    owner: user(owner),
  };
}

/** The schema's required skeleton, with the given values laid over it. */
function build(schemaName: string, values: JsonObject): JsonObject {
  const spec = loadGitHubOpenApi();
  const skeleton = sample(spec, { $ref: `#/components/schemas/${schemaName}` }, 0);
  return merge(skeleton, values, spec, { $ref: `#/components/schemas/${schemaName}` }) as JsonObject;
}

/** A value of the schema holding only required properties, each a placeholder of its type. */
export function sample(spec: OpenApiSpec, schemaOrRef: Json, depth: number): Json {
  const schema = resolveRef(spec, schemaOrRef) as JsonObject | undefined;
  if (schema === undefined || depth > 12) return null;
  if (Array.isArray(schema['allOf'])) {
    return schema['allOf'].reduce<Json>((acc, part) => mergeObjects(acc, sample(spec, part, depth + 1)), {});
  }
  const alternatives = schema['anyOf'] ?? schema['oneOf'];
  if (Array.isArray(alternatives)) {
    if (schema['nullable'] === true) return null;
    const concrete = alternatives.find((a) => (resolveRef(spec, a) as JsonObject | undefined)?.['type'] !== 'null') ?? alternatives[0];
    return concrete === undefined ? null : sample(spec, concrete, depth + 1);
  }
  if (Array.isArray(schema['enum'])) return schema['enum'][0] ?? null;
  if (schema['nullable'] === true) return null;
  switch (schema['type']) {
    case 'string':
      return schema['format'] === 'date-time' ? '2026-01-01T00:00:00Z' : schema['format'] === 'uri' ? 'https://github.com' : 'x';
    case 'integer':
    case 'number':
      return typeof schema['minimum'] === 'number' ? schema['minimum'] : 1;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'null':
      return null;
    default: {
      const properties = (schema['properties'] ?? {}) as JsonObject;
      const out: JsonObject = {};
      for (const name of (schema['required'] ?? []) as string[]) out[name] = sample(spec, properties[name] ?? {}, depth + 1);
      return out;
    }
  }
}

function merge(base: Json, over: Json, spec: OpenApiSpec, schemaOrRef: Json): Json {
  if (over === null || typeof over !== 'object' || Array.isArray(over)) {
    if (Array.isArray(over)) {
      const schema = resolveRef(spec, schemaOrRef) as JsonObject | undefined;
      const items = schema?.['items'] ?? {};
      return over.map((item) => merge(sample(spec, items, 0), item, spec, items));
    }
    return over;
  }
  // A nullable object (head.repo, head_commit) starts as null; fill its skeleton before laying values over it.
  const schema = resolveRef(spec, schemaOrRef) as JsonObject | undefined;
  const start = base === null || typeof base !== 'object' || Array.isArray(base) ? (schema === undefined ? {} : sampleNonNull(spec, schema)) : base;
  const out: JsonObject = { ...(start as JsonObject) };
  for (const [key, value] of Object.entries(over)) out[key] = merge(out[key] ?? null, value, spec, propertySchema(spec, schema, key));
  return out;
}

function sampleNonNull(spec: OpenApiSpec, schema: JsonObject): Json {
  const alternatives = schema['anyOf'] ?? schema['oneOf'];
  if (Array.isArray(alternatives)) {
    const concrete = alternatives.find((a) => (resolveRef(spec, a) as JsonObject | undefined)?.['type'] === 'object');
    if (concrete !== undefined) return sample(spec, concrete, 0) ?? {};
  }
  const sampled = sample(spec, { ...schema, nullable: false }, 0);
  return sampled ?? {};
}

function propertySchema(spec: OpenApiSpec, schema: JsonObject | undefined, key: string): Json {
  if (schema === undefined) return {};
  for (const part of [schema, ...((schema['allOf'] ?? []) as Json[]), ...((schema['anyOf'] ?? schema['oneOf'] ?? []) as Json[])]) {
    const resolved = resolveRef(spec, part) as JsonObject | undefined;
    const properties = resolved?.['properties'] as JsonObject | undefined;
    if (properties?.[key] !== undefined) return properties[key];
  }
  return {};
}

function mergeObjects(a: Json, b: Json): Json {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) return { ...a, ...b };
  return b;
}
