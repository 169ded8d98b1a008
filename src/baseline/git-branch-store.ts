import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FormatError } from '../formats/format-error.ts';
import { parseResults } from '../results/parse-results.ts';
import type { Results } from '../results/schema.ts';
import {
  INDEX_FILE,
  applyRetention,
  branchFolder,
  checkCommit,
  chooseFileName,
  commitOfFile,
  parseIndex,
  rankCandidates,
  renderIndex,
  sortNewestFirst,
  summarizeJob,
  toIndexEntry,
  type Candidate,
  type IndexEntry,
} from './layout.ts';
import { ensureCommit as ensureCommitIn, findMergeBase as findMergeBaseIn } from './find-merge-base.ts';
import { GitCommandError, runGit, type GitRunner } from './run-git.ts';
import { StoreError, type BaselineQuery, type BaselineStore, type HistoryJob, type LoadedBaseline, type SaveOutcome, type SaveTarget, type StoreLog } from './store.ts';

/** How `save` retries when another writer pushed first. */
export interface RetryOptions {
  /** Push attempts before `save` gives up with `StoreError('push-exhausted')`. @default 8 */
  maxAttempts: number;
  /** First backoff ceiling; it doubles per attempt and the wait is a uniform random fraction of it ("full jitter"). @default 500 */
  baseDelayMs: number;
  /** Largest backoff ceiling. @default 15000 */
  maxDelayMs: number;
}

/** Options of the git data-branch store. */
export interface GitBranchStoreOptions {
  /** The branch of the workspace's remote that holds the stored runs. @default 'benchgate-data' */
  dataBranch: string;
  /** The checked-out repository (for its remote URL, credentials and merge-base lookup). @default '.' */
  workspace: string;
  /** The workspace's remote to read and push. @default 'origin' */
  remote: string;
  /** The data repository's URL; null reads `git remote get-url <remote>` in the workspace. @default null */
  remoteUrl: string | null;
  /**
   * A token for https remotes, sent as an `http.extraheader` (basic `x-access-token`). null copies
   * the workspace's `http.*.extraheader` settings, which actions/checkout writes. @default null
   */
  token: string | null;
  /** Stored runs kept per branch; older ones are deleted by a pruning commit. @default 100 */
  maxHistory: number;
  /** Stored runs of the base branch summarized into `LoadedBaseline.history`. @default 30 */
  maxHistoryJobs: number;
  /** First-parent commits searched from the merge base for a stored run. @default 1000 */
  searchDepth: number;
  /** Where `save` writes its local copy before pushing; null means `<workspace>/.benchgate/saved`. @default null */
  localCopyDir: string | null;
  /** Parent of the temporary data repository; null means the OS temporary folder. @default null */
  tempDir: string | null;
  /** @default { maxAttempts: 8, baseDelayMs: 500, maxDelayMs: 15000 } */
  retry: RetryOptions;
  /** Author and committer of data-branch commits. @default github-actions[bot] */
  author: { name: string; email: string };
}

/** The defaults of `GitBranchStoreOptions`. */
export const DEFAULT_GIT_BRANCH_STORE_OPTIONS: GitBranchStoreOptions = {
  dataBranch: 'benchgate-data',
  workspace: '.',
  remote: 'origin',
  remoteUrl: null,
  token: null,
  maxHistory: 100,
  maxHistoryJobs: 30,
  searchDepth: 1000,
  localCopyDir: null,
  tempDir: null,
  retry: { maxAttempts: 8, baseDelayMs: 500, maxDelayMs: 15_000 },
  author: { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' },
};

/** What the git store needs from outside; tests may hand in fakes for the clock and randomness. */
export interface GitBranchStoreDeps {
  /** @default the real git CLI */
  git?: GitRunner;
  log: StoreLog;
  /** @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
  /** @default Math.random */
  random?: () => number;
}

/** Results up to this many characters are also written to the log, which outlives the runner's workspace. */
const LOGGED_RESULTS_LIMIT = 64 * 1024;

/** A push that lost the race against another writer; `save` fetches and tries again. */
const REJECTED_PUSH = /\[rejected\]|\[remote rejected\]|non-fast-forward|fetch first|cannot lock ref|failed to update ref|incorrect old value|stale info/i;

/**
 * A store on a branch of the workspace's own repository: one results file per stored run at
 * `<set>/<branch>/<commit>.json` plus `<set>/<branch>/index.json`. It works in a temporary bare
 * repository holding a depth-1 fetch of the data branch, writes commits with git plumbing
 * (no checkout of the data), never force-pushes, and retries a rejected push on top of the
 * new tip with exponential backoff and jitter.
 * @param options see `GitBranchStoreOptions`; missing fields come from the defaults
 * @param deps git runner and log
 */
export function createGitBranchStore(options: Partial<GitBranchStoreOptions>, deps: GitBranchStoreDeps): BaselineStore {
  const settings: GitBranchStoreOptions = { ...DEFAULT_GIT_BRANCH_STORE_OPTIONS, ...options };
  const git = deps.git ?? runGit;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = deps.random ?? Math.random;
  const workspace = path.resolve(settings.workspace);
  const dataRef = `refs/remotes/origin/${settings.dataBranch}`;

  const text = async (args: string[], cwd: string, env?: Record<string, string>): Promise<string> =>
    (await git(args, env ? { cwd, env } : { cwd })).toString('utf8').trim();

  /**
   * Creates the temporary bare repository, pointed at the remote with the workspace's credentials.
   * @param partial fetch trees only and blobs on demand (a partial clone), so `load` transfers the
   *   index and the files it reads, not the whole store
   */
  async function openDataRepo(partial: boolean): Promise<DataRepo> {
    const url = settings.remoteUrl ?? (await text(['remote', 'get-url', settings.remote], workspace));
    const dir = await mkdtemp(path.join(settings.tempDir ?? os.tmpdir(), 'benchgate-data-'));
    const close = () => rm(dir, { recursive: true, force: true });
    try {
      await git(['init', '--bare', '--quiet', dir], { cwd: workspace });
      await git(['config', 'remote.origin.url', url], { cwd: dir });
      if (partial) {
        // A promisor remote: git fetches any blob still missing by itself, so a server that
        // ignores the filter, or refuses a batch request, only costs speed.
        await git(['config', 'remote.origin.promisor', 'true'], { cwd: dir });
        await git(['config', 'remote.origin.partialclonefilter', 'blob:none'], { cwd: dir });
      }
      if (settings.token) {
        const basic = Buffer.from(`x-access-token:${settings.token}`).toString('base64');
        await git(['config', 'http.extraheader', `AUTHORIZATION: basic ${basic}`], { cwd: dir });
      } else {
        for (const [key, value] of await readExtraHeaders()) await git(['config', '--add', key, value], { cwd: dir });
      }
      return { dir, partial, fetched: new Set(), close };
    } catch (error: unknown) {
      await close();
      throw error;
    }
  }

  /** actions/checkout stores the workflow token as `http.<url>.extraheader` in the workspace's config. */
  async function readExtraHeaders(): Promise<[string, string][]> {
    let listing: string;
    try {
      listing = await text(['config', '--includes', '--get-regexp', '^http\\..*extraheader$'], workspace);
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

  /** Fetches the tip of the data branch (depth 1). @returns its commit, or null when the branch does not exist yet */
  async function fetchTip(repo: DataRepo): Promise<string | null> {
    const filter = repo.partial ? ['--filter=blob:none'] : [];
    try {
      await git(['fetch', '--quiet', '--depth=1', '--no-tags', ...filter, 'origin', `+refs/heads/${settings.dataBranch}:${dataRef}`], { cwd: repo.dir });
    } catch (error: unknown) {
      if (error instanceof GitCommandError && /couldn't find remote ref/i.test(error.stderr)) return null;
      throw error;
    }
    return text(['rev-parse', dataRef], repo.dir);
  }

  /**
   * Reads files of the data branch with one `git cat-file --batch`; in a partial clone, first
   * fetches the blobs it lacks in one request.
   * @returns contents by path, null when missing
   */
  async function readBlobs(repo: DataRepo, tip: string, paths: readonly string[]): Promise<Map<string, Buffer | null>> {
    const found = new Map<string, Buffer | null>();
    if (paths.length === 0) return found;
    if (repo.partial) await prefetchBlobs(repo, tip, paths);
    const specs = paths.map((file) => `${tip}:${file}`);
    const out = await git(['cat-file', '--batch'], { cwd: repo.dir, input: specs.map((spec) => `${spec}\n`).join('') });
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

  /** Fetches the blobs of `paths` that this partial clone has not fetched yet, in one request. */
  async function prefetchBlobs(repo: DataRepo, tip: string, paths: readonly string[]): Promise<void> {
    const listing = (await git(['ls-tree', '-z', tip, '--', ...paths], { cwd: repo.dir })).toString('utf8');
    const wanted = listing
      .split('\0')
      .filter(Boolean)
      .map((line) => line.split(/\s/)[2]!)
      .filter((oid) => !repo.fetched.has(oid));
    if (wanted.length === 0) return;
    const args = ['-c', 'fetch.negotiationAlgorithm=noop', 'fetch', '--quiet', '--no-tags', '--no-write-fetch-head', '--filter=blob:none', '--stdin', 'origin'];
    try {
      await git(args, { cwd: repo.dir, input: wanted.map((oid) => `${oid}\n`).join('') });
      for (const oid of wanted) repo.fetched.add(oid);
    } catch (error: unknown) {
      // cat-file will fetch them one by one instead (slower, same result).
      deps.log.info(`batch fetch of ${wanted.length} stored file(s) failed, fetching them one by one: ${(error as Error).message}`);
    }
  }

  /** Lists the file names of one folder at a commit. */
  async function listFolder(repo: DataRepo, tip: string, folder: string): Promise<string[]> {
    const out = (await git(['ls-tree', '-z', '--name-only', tip, '--', `${folder}/`], { cwd: repo.dir })).toString('utf8');
    return out.split('\0').filter(Boolean).map((name) => name.slice(folder.length + 1));
  }

  /**
   * Reads every results file of a folder. Corrupt, truncated and unknown-schema files are
   * skipped with a warning naming them (they stay untouched); newer-schema files are reported.
   */
  async function readFolder(repo: DataRepo, tip: string, folder: string, warn: (message: string) => void) {
    const listed = await listFolder(repo, tip, folder);
    const files = listed.filter((name) => name !== INDEX_FILE);
    const hasIndex = listed.length > files.length;
    const blobs = await readBlobs(repo, tip, [...files, ...(hasIndex ? [INDEX_FILE] : [])].map((file) => `${folder}/${file}`));
    const index = hasIndex ? (blobs.get(`${folder}/${INDEX_FILE}`) ?? null) : null;
    const entries: IndexEntry[] = [];
    const newer: string[] = [];
    const parsed = new Map<string, Results>();
    for (const file of files) {
      const where = `${settings.dataBranch}:${folder}/${file}`;
      const commit = commitOfFile(file);
      if (commit === null) {
        warn(`skipped ${where}: not a stored run (expected <commit>.json)`);
        continue;
      }
      const outcome = parseStored(blobs.get(`${folder}/${file}`) ?? null, where);
      if (outcome.state === 'ok') {
        entries.push(toIndexEntry(file, commit, outcome.results));
        parsed.set(file, outcome.results);
      } else {
        if (outcome.newer) newer.push(where);
        warn(`skipped ${outcome.message}`);
      }
    }
    return { files, entries: sortNewestFirst(entries), newer, parsed, index };
  }

  async function load(query: BaselineQuery): Promise<LoadedBaseline | null> {
    const warnings: string[] = [];
    const warn = (message: string) => {
      warnings.push(message);
      deps.log.warning(message);
    };
    const folder = branchFolder(query.benchmarkSet, query.baseBranch);
    const where = `set '${query.benchmarkSet}' on branch '${query.baseBranch}'`;
    let repo: DataRepo;
    try {
      repo = await openDataRepo(true);
    } catch (error: unknown) {
      warn(`cannot read stored baselines: ${(error as Error).message}`);
      return null;
    }
    try {
      let tip: string | null;
      try {
        tip = await fetchTip(repo);
      } catch (error: unknown) {
        warn(`cannot fetch data branch '${settings.dataBranch}': ${(error as Error).message}`);
        return null;
      }
      if (tip === null) {
        deps.log.info(`no data branch '${settings.dataBranch}' yet: nothing is stored, so there is no baseline`);
        return null;
      }
      const indexPath = `${folder}/${INDEX_FILE}`;
      const indexText = (await readBlobs(repo, tip, [indexPath])).get(indexPath) ?? null;
      let entries: IndexEntry[];
      const parsed = new Map<string, Results>();
      const index = indexText === null ? null : parseIndex(indexText.toString('utf8'));
      if (index?.state === 'ok') {
        entries = index.index.runs;
      } else {
        if (index !== null) warn(`${settings.dataBranch}:${folder}/${INDEX_FILE} cannot be used (${index.message}); reading the folder's files instead`);
        const folderRead = await readFolder(repo, tip, folder, warn);
        entries = folderRead.entries;
        for (const [file, results] of folderRead.parsed) parsed.set(file, results);
      }
      if (entries.length === 0) {
        deps.log.info(`nothing is stored for ${where} yet, so there is no baseline`);
        return null;
      }

      const line = await resolveFirstParentLine(query);
      const candidates = rankCandidates(entries, line.commits);
      const historyEntries = entries.slice(0, settings.maxHistoryJobs);
      const readFiles = async (files: string[]) => {
        const wanted = files.filter((file) => !parsed.has(file));
        const blobs = await readBlobs(repo, tip, wanted.map((file) => `${folder}/${file}`));
        for (const file of wanted) {
          const outcome = parseStored(blobs.get(`${folder}/${file}`) ?? null, `${settings.dataBranch}:${folder}/${file}`);
          if (outcome.state === 'ok') parsed.set(file, outcome.results);
          else warn(`skipped ${outcome.message}`);
        }
      };
      await readFiles([...new Set([candidates[0]!.entry.file, ...historyEntries.map((entry) => entry.file)])]);
      let chosen: { candidate: Candidate; results: Results } | null = null;
      for (const candidate of candidates) {
        if (!parsed.has(candidate.entry.file)) await readFiles([candidate.entry.file]);
        const results = parsed.get(candidate.entry.file);
        if (results) {
          chosen = { candidate, results };
          break;
        }
      }
      if (chosen === null) {
        warn(`no readable stored run for ${where}, so there is no baseline`);
        return null;
      }
      const history: HistoryJob[] = [];
      for (const entry of historyEntries) {
        const results = parsed.get(entry.file);
        if (results) history.push(summarizeJob(results, entry.commit));
      }
      const description = describeChoice(chosen.candidate, query.baseBranch, line);
      if (chosen.candidate.method === 'latest-on-branch') warn(`baseline fallback: ${description}`);
      return {
        results: chosen.results,
        choice: {
          method: chosen.candidate.method,
          commit: chosen.candidate.entry.commit,
          date: chosen.results.createdAt,
          branch: query.baseBranch,
          description,
          historyRuns: history.length,
        },
        history,
        warnings,
      };
    } catch (error: unknown) {
      // Git trouble while reading (not bad input) is infrastructure: no baseline, and say why.
      if (error instanceof StoreError) throw error;
      warn(`cannot load the baseline for ${where}: ${(error as Error).message}`);
      return null;
    } finally {
      await repo.close();
    }
  }

  /**
   * The merge base of the head and the base branch, then its first-parent ancestors, from the
   * workspace repository. A shallow workspace is deepened (`--deepen`, then `--unshallow`) until
   * the merge base is found. Failure is not an error: the caller falls back to the newest run.
   */
  async function resolveFirstParentLine(query: BaselineQuery): Promise<{ commits: string[]; mergeBase: string | null; note: string }> {
    if (!query.mergeBase && !query.headCommit) return { commits: [], mergeBase: null, note: 'no head commit was given' };
    try {
      const mergeBase = query.mergeBase ? checkCommit(query.mergeBase, 'mergeBase') : await findMergeBase(checkCommit(query.headCommit!, 'headCommit'), query.baseBranch);
      if (mergeBase === null) return { commits: [], mergeBase: null, note: `no merge base of ${short(query.headCommit!)} and ${query.baseBranch} was found` };
      await ensureCommit(mergeBase);
      const list = await text(['rev-list', '--first-parent', `--max-count=${settings.searchDepth}`, mergeBase, '--'], workspace);
      return { commits: list.split('\n').filter(Boolean), mergeBase, note: `merge base ${short(mergeBase)}` };
    } catch (error: unknown) {
      if (error instanceof StoreError) throw error;
      return { commits: [], mergeBase: null, note: `the merge base could not be looked up (${(error as Error).message})` };
    }
  }

  const mergeBaseOptions = { workspace, remote: settings.remote, log: deps.log };
  const ensureCommit = (commit: string) => ensureCommitIn(git, mergeBaseOptions, commit);
  const findMergeBase = (head: string, baseBranch: string) => findMergeBaseIn(git, mergeBaseOptions, head, baseBranch);

  async function save(results: Results, target: SaveTarget): Promise<SaveOutcome> {
    const warnings: string[] = [];
    const warn = (message: string) => {
      warnings.push(message);
      deps.log.warning(message);
    };
    const commit = checkCommit(target.commit, 'commit');
    const folder = branchFolder(target.benchmarkSet, target.branch);
    const content = `${JSON.stringify(results, null, 2)}\n`;
    const localCopy = await writeLocalCopy(target, content);
    deps.log.info(`saved this run to ${localCopy} before pushing it to '${settings.dataBranch}'`);
    if (content.length <= LOGGED_RESULTS_LIMIT) deps.log.info(`benchgate run of ${commit}: ${JSON.stringify(results)}`);

    try {
      return await pushRun(target, commit, folder, content, localCopy, warn, warnings);
    } catch (error: unknown) {
      if (error instanceof StoreError) throw error;
      throw new StoreError(`cannot store the run on '${settings.dataBranch}': ${(error as Error).message}; the run is kept at ${localCopy}`, 'git');
    }
  }

  async function pushRun(
    target: SaveTarget,
    commit: string,
    folder: string,
    content: string,
    localCopy: string,
    warn: (message: string) => void,
    warnings: string[],
  ): Promise<SaveOutcome> {
    const repo = await openDataRepo(false);
    try {
      const { retry } = settings;
      let lastFailure = '';
      for (let attempt = 1; attempt <= retry.maxAttempts; attempt++) {
        let tip: string | null;
        try {
          tip = await fetchTip(repo);
        } catch (error: unknown) {
          throw new StoreError(`cannot fetch '${settings.dataBranch}': ${(error as Error).message}; the run is kept at ${localCopy}`, 'git');
        }
        const attemptWarnings: string[] = [];
        const built = await buildCommits(repo, tip, attempt, folder, target, commit, content, (message) => attemptWarnings.push(message));
        try {
          await git(['push', '--quiet', 'origin', `${built.head}:refs/heads/${settings.dataBranch}`], { cwd: repo.dir });
        } catch (error: unknown) {
          const stderr = error instanceof GitCommandError ? `${error.stderr}\n${error.message}` : String(error);
          if (!REJECTED_PUSH.test(stderr)) {
            throw new StoreError(`cannot push to '${settings.dataBranch}': ${(error as Error).message}; the run is kept at ${localCopy}`, 'git');
          }
          lastFailure = (error as Error).message;
          if (attempt === retry.maxAttempts) break;
          const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
          const wait = Math.round(ceiling * random());
          deps.log.info(`push to '${settings.dataBranch}' was rejected (another writer was first); attempt ${attempt + 1} in ${wait} ms`);
          await sleep(wait);
          continue;
        }
        for (const message of attemptWarnings) warn(message);
        deps.log.info(`stored ${settings.dataBranch}:${folder}/${built.file}${built.pruned.length ? `, pruned ${built.pruned.length} old run(s)` : ''}`);
        return {
          state: 'saved',
          location: `${settings.dataBranch}:${folder}/${built.file}`,
          storeCommit: built.head,
          attempts: attempt,
          pruned: built.pruned,
          localCopy,
          warnings,
        };
      }
      throw new StoreError(
        `gave up pushing to '${settings.dataBranch}' after ${retry.maxAttempts} attempts (${lastFailure}); the run is kept at ${localCopy}`,
        'push-exhausted',
      );
    } finally {
      await repo.close();
    }
  }

  async function writeLocalCopy(target: SaveTarget, content: string): Promise<string> {
    const dir = path.resolve(workspace, settings.localCopyDir ?? path.join('.benchgate', 'saved'), branchFolder(target.benchmarkSet, target.branch));
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${target.commit}.json`);
    await writeFile(file, content);
    return file;
  }

  /**
   * Builds the commit that adds the run (and rewrites the folder's index), plus a second
   * commit that deletes runs beyond `maxHistory`, on top of `tip`.
   * @throws StoreError when a newer-schema file is in the folder
   */
  async function buildCommits(repo: DataRepo, tip: string | null, attempt: number, folder: string, target: SaveTarget, commit: string, content: string, warn: (message: string) => void) {
    const existing = tip === null ? { files: [], entries: [], newer: [], parsed: new Map<string, Results>(), index: null } : await readFolder(repo, tip, folder, warn);
    if (existing.newer.length > 0) {
      throw new StoreError(
        `${existing.newer.join(', ')} ${existing.newer.length === 1 ? 'was' : 'were'} written by a newer benchgate; refusing to write beside ${existing.newer.length === 1 ? 'it' : 'them'}: upgrade benchgate`,
        'newer-schema',
      );
    }
    const parsedIndex = existing.index ? parseIndex(existing.index.toString('utf8')) : null;
    if (parsedIndex?.state === 'newer') {
      throw new StoreError(`${settings.dataBranch}:${folder}/${INDEX_FILE}: ${parsedIndex.message}; refusing to rewrite it: upgrade benchgate`, 'newer-schema');
    }
    if (parsedIndex?.state === 'invalid') warn(`${settings.dataBranch}:${folder}/${INDEX_FILE} was unreadable (${parsedIndex.message}); rebuilt it from the folder's files`);

    const file = chooseFileName(commit, new Set(existing.files));
    const results = parseResults(content, `${folder}/${file}`);
    const entries = sortNewestFirst([...existing.entries, toIndexEntry(file, commit, results)]);
    const { keep, drop } = applyRetention(entries, settings.maxHistory);
    const pruned = drop.map((entry) => `${folder}/${entry.file}`);
    // One `git fast-import` writes both commits on top of the fetched tip: no checkout, no index.
    const ref = `refs/benchgate/attempt-${attempt}`;
    const person = `${settings.author.name} <${settings.author.email}> now`;
    const data = (body: string) => `data ${Buffer.byteLength(body)}\n${body}\n`;
    const header = (mark: number, message: string) => `commit ${ref}\nmark :${mark}\nauthor ${person}\ncommitter ${person}\n${data(message)}`;
    let stream = header(1, `benchgate: store ${target.benchmarkSet}/${target.branch} run of ${short(commit)}`);
    if (tip !== null) stream += `from ${tip}\n`;
    stream += `M 100644 inline ${folder}/${file}\n${data(content)}`;
    stream += `M 100644 inline ${folder}/${INDEX_FILE}\n${data(renderIndex(target.benchmarkSet, target.branch, entries))}`;
    if (drop.length > 0) {
      stream += header(2, `benchgate: prune ${drop.length} run(s) of ${target.benchmarkSet}/${target.branch} beyond max-history ${settings.maxHistory}`);
      stream += 'from :1\n';
      for (const name of pruned) stream += `D ${name}\n`;
      stream += `M 100644 inline ${folder}/${INDEX_FILE}\n${data(renderIndex(target.benchmarkSet, target.branch, keep))}`;
    }
    stream += 'done\n';
    const marks = path.join(repo.dir, `benchgate-marks-${attempt}`);
    await git(['fast-import', '--quiet', '--date-format=now', '--done', `--export-marks=${marks}`], { cwd: repo.dir, input: stream });
    const exported = new Map((await readFile(marks, 'utf8')).trim().split('\n').map((line) => line.split(' ') as [string, string]));
    const head = exported.get(drop.length > 0 ? ':2' : ':1')!;
    return { head, file, pruned };
  }

  return { load, save };
}

/** The temporary bare repository one `load` or `save` works in. */
interface DataRepo {
  dir: string;
  /** A partial clone (trees only; blobs fetched on demand). */
  partial: boolean;
  /** Blobs already fetched into the partial clone. */
  fetched: Set<string>;
  close: () => Promise<void>;
}

function short(commit: string): string {
  return commit.slice(0, 7);
}

function describeChoice(candidate: Candidate, branch: string, line: { mergeBase: string | null; note: string }): string {
  const commit = short(candidate.entry.commit);
  if (candidate.method === 'merge-base') return `newest stored run at the merge base ${commit} on ${branch}`;
  if (candidate.method === 'ancestor') {
    return `newest stored run at ${commit}, ${candidate.distance} first-parent commit(s) before the merge base ${short(line.mergeBase ?? '')} on ${branch}`;
  }
  const why = line.mergeBase ? `no stored run at or before the ${line.note} on its first-parent line` : line.note;
  return `newest stored run on ${branch} (${commit}), because ${why}`;
}

/** Parses one stored file; never throws for bad content, so one bad file cannot hide the others. */
function parseStored(blob: Buffer | null, where: string): { state: 'ok'; results: Results } | { state: 'bad'; message: string; newer: boolean } {
  if (blob === null) return { state: 'bad', message: `${where}: listed in the index but missing`, newer: false };
  try {
    return { state: 'ok', results: parseResults(blob.toString('utf8'), where) };
  } catch (error: unknown) {
    if (error instanceof FormatError) return { state: 'bad', message: error.message, newer: error.reason === 'newer-schema' };
    throw error;
  }
}
