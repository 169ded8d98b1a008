import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GitCommandError, type GitRunner } from './run-git.ts';
import { releaseTempDir, trackTempDir } from './temp-dirs.ts';

/** Where the data repository comes from and how to authenticate. */
export interface DataRepoOptions {
  /** The checked-out repository (for its remote URL and actions/checkout's credentials). */
  workspace: string;
  /** The workspace's remote. */
  remote: string;
  /** The data repository's URL; null reads `git remote get-url <remote>` in the workspace. */
  remoteUrl: string | null;
  /** A token for https remotes; null reuses the workspace's `http.*.extraheader` settings. */
  token: string | null;
  /** Parent of the temporary repository; null means the OS temporary folder. */
  tempDir: string | null;
  /** The data branch. */
  dataBranch: string;
}

/**
 * The temporary bare repository one `load` or `save` works in. Credentials are never written to
 * its config or put on a command line: they reach each git child through that child's own
 * environment (`GIT_CONFIG_COUNT`/`GIT_CONFIG_KEY_n`/`GIT_CONFIG_VALUE_n`, read by git ≥ 2.31).
 */
export interface DataRepo {
  dir: string;
  /** A partial clone (trees only; blobs fetched on demand). */
  partial: boolean;
  /** Blobs already fetched into the partial clone. */
  fetched: Set<string>;
  /** The ref the data branch is fetched to. */
  dataRef: string;
  /** Runs git in the repository with the credentials in its environment. */
  run(args: readonly string[], input?: string | Buffer): Promise<Buffer>;
  /** Removes the repository (also done on exit and on SIGINT/SIGTERM/SIGHUP). */
  close(): Promise<void>;
}

/**
 * The environment that gives one git child the credentials, as configuration only it sees.
 * @param headers `[key, value]` pairs such as `['http.extraheader', 'AUTHORIZATION: basic …']`
 * @returns `GIT_CONFIG_COUNT` and the numbered key/value variables; empty for no headers
 */
export function credentialEnvironment(headers: readonly (readonly [string, string])[]): Record<string, string> {
  if (headers.length === 0) return {};
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(headers.length) };
  headers.forEach(([key, value], index) => {
    env[`GIT_CONFIG_KEY_${index}`] = key;
    env[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  return env;
}

/**
 * The `http.extraheader` a token becomes (basic auth as `x-access-token`, as actions/checkout sends it).
 * @param token the token
 */
export function tokenHeader(token: string): [string, string] {
  return ['http.extraheader', `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`];
}

/** actions/checkout stores the workflow token as `http.<url>.extraheader` in the workspace's config. */
async function readExtraHeaders(git: GitRunner, workspace: string): Promise<[string, string][]> {
  let listing: string;
  try {
    listing = (await git(['config', '--includes', '--get-regexp', '^http\\..*extraheader$'], { cwd: workspace })).toString('utf8').trim();
  } catch {
    // Exit code 1: no such setting (a public repository, or a local remote in tests).
    return [];
  }
  return listing
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const space = line.indexOf(' ');
      return [line.slice(0, space), line.slice(space + 1)];
    });
}

/**
 * Creates the temporary bare repository, pointed at the remote, with the credentials kept in
 * memory for its git children.
 * @param git the git runner
 * @param options remote, token, folders
 * @param partial fetch trees only and blobs on demand (a partial clone), so `load` transfers the
 *   index and the files it reads, not the whole store
 */
export async function openDataRepo(git: GitRunner, options: DataRepoOptions, partial: boolean): Promise<DataRepo> {
  const workspace = options.workspace;
  const url = options.remoteUrl ?? (await git(['remote', 'get-url', options.remote], { cwd: workspace })).toString('utf8').trim();
  const headers = options.token ? [tokenHeader(options.token)] : await readExtraHeaders(git, workspace);
  const env = credentialEnvironment(headers);
  const dir = await mkdtemp(path.join(options.tempDir ?? os.tmpdir(), 'benchgate-data-'));
  trackTempDir(dir);
  const close = async () => {
    await rm(dir, { recursive: true, force: true });
    releaseTempDir(dir);
  };
  const run = (args: readonly string[], input?: string | Buffer) => git(args, { cwd: dir, env, ...(input === undefined ? {} : { input }) });
  try {
    await git(['init', '--bare', '--quiet', dir], { cwd: workspace });
    await git(['config', 'remote.origin.url', url], { cwd: dir });
    if (partial) {
      // A promisor remote: git fetches any blob still missing by itself, so a server that
      // ignores the filter, or refuses a batch request, only costs speed.
      await git(['config', 'remote.origin.promisor', 'true'], { cwd: dir });
      await git(['config', 'remote.origin.partialclonefilter', 'blob:none'], { cwd: dir });
    }
    return { dir, partial, fetched: new Set(), dataRef: `refs/remotes/origin/${options.dataBranch}`, run, close };
  } catch (error: unknown) {
    await close();
    throw error;
  }
}

/**
 * Fetches the tip of the data branch (depth 1).
 * @returns its commit, or null when the branch does not exist yet
 */
export async function fetchTip(repo: DataRepo, dataBranch: string): Promise<string | null> {
  const filter = repo.partial ? ['--filter=blob:none'] : [];
  try {
    await repo.run(['fetch', '--quiet', '--depth=1', '--no-tags', ...filter, 'origin', `+refs/heads/${dataBranch}:${repo.dataRef}`]);
  } catch (error: unknown) {
    if (error instanceof GitCommandError && /couldn't find remote ref/i.test(error.stderr)) return null;
    throw error;
  }
  return (await repo.run(['rev-parse', repo.dataRef])).toString('utf8').trim();
}

/**
 * Reads files of the data branch with one `git cat-file --batch`; in a partial clone, first
 * fetches the blobs it lacks in one request.
 * @param onBatchFailure told when the one-request fetch failed (cat-file then fetches blob by blob)
 * @returns contents by path, null when missing
 */
export async function readBlobs(
  repo: DataRepo,
  tip: string,
  paths: readonly string[],
  onBatchFailure: (message: string) => void,
): Promise<Map<string, Buffer | null>> {
  const found = new Map<string, Buffer | null>();
  if (paths.length === 0) return found;
  if (repo.partial) await prefetchBlobs(repo, tip, paths, onBatchFailure);
  const out = await repo.run(['cat-file', '--batch'], paths.map((file) => `${tip}:${file}\n`).join(''));
  let position = 0;
  for (const spec of paths) {
    const end = out.indexOf(10, position);
    const header = out.subarray(position, end).toString('utf8');
    position = end + 1;
    const size = /^[0-9a-f]+ blob (\d+)$/.exec(header);
    if (!size) {
      found.set(spec, null);
      continue;
    }
    found.set(spec, out.subarray(position, position + Number(size[1])));
    position += Number(size[1]) + 1;
  }
  return found;
}

async function prefetchBlobs(repo: DataRepo, tip: string, paths: readonly string[], onBatchFailure: (message: string) => void): Promise<void> {
  const listing = (await repo.run(['ls-tree', '-z', tip, '--', ...paths])).toString('utf8');
  const wanted = listing
    .split('\0')
    .filter(Boolean)
    .map((line) => line.split(/\s/)[2]!)
    .filter((oid) => !repo.fetched.has(oid));
  if (wanted.length === 0) return;
  const args = ['-c', 'fetch.negotiationAlgorithm=noop', 'fetch', '--quiet', '--no-tags', '--no-write-fetch-head', '--filter=blob:none', '--stdin', 'origin'];
  try {
    await repo.run(args, wanted.map((oid) => `${oid}\n`).join(''));
    for (const oid of wanted) repo.fetched.add(oid);
  } catch (error: unknown) {
    onBatchFailure(`batch fetch of ${wanted.length} stored file(s) failed, fetching them one by one: ${(error as Error).message}`);
  }
}

/**
 * Lists the file names of one folder at a commit (trees only: no blob is fetched).
 * @returns names relative to the folder
 */
export async function listFolder(repo: DataRepo, tip: string, folder: string): Promise<string[]> {
  const out = (await repo.run(['ls-tree', '-z', '--name-only', tip, '--', `${folder}/`])).toString('utf8');
  return out
    .split('\0')
    .filter(Boolean)
    .map((name) => name.slice(folder.length + 1));
}
