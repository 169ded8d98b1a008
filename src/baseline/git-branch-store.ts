import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FormatError } from '../results/format-error.ts';
import { decodeText } from '../results/decode-text.ts';
import { parseResults } from '../results/parse-results.ts';
import { redactDeep, redactText, secretForms } from '../results/redact.ts';
import { RESULTS_SCHEMA, type Results } from '../results/schema.ts';
import { registeredSecrets } from '../results/secrets.ts';
import { backoffDelay } from './backoff.ts';
import { fetchTip, listFolder, openDataRepo, readBlobs, type DataRepo } from './data-repo.ts';
import { renderFastImport, type FastImportCommit } from './fast-import.ts';
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
import { resolveFirstParentLine } from './merge-base.ts';
import { GitCommandError, runGit, type GitRunner } from './run-git.ts';
import {
  StoreError,
  type BaselineQuery,
  type BaselineStore,
  type HistoryJob,
  type LoadedBaseline,
  type SaveOutcome,
  type SaveTarget,
  type StoreLog,
} from './store.ts';

/** How `save` retries when another writer pushed first. */
export interface RetryOptions {
  /** Push attempts before `save` gives up with `StoreError('push-exhausted')`. @default 16 */
  maxAttempts: number;
  /**
   * First backoff ceiling, ms, raised to the duration of the rejected push; it doubles per attempt
   * and the wait is a uniform random fraction of it ("full jitter", see `backoffDelay`). @default 500
   */
  baseDelayMs: number;
  /** Largest backoff ceiling, ms. @default 30000 */
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
   * A token for https remotes, sent as an `http.extraheader` (basic `x-access-token`) through the
   * git children's environment only (never written to disk or put on a command line), and
   * redacted from every stored run and log line. null reuses the workspace's
   * `http.*.extraheader` settings, which actions/checkout writes, the same way. @default null
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
  /**
   * Sized so that 20 writers pushing at once to a server that takes a second per push all land
   * (test/baseline/slow-server.test.ts). @default { maxAttempts: 16, baseDelayMs: 500, maxDelayMs: 30000 }
   */
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
  retry: { maxAttempts: 16, baseDelayMs: 500, maxDelayMs: 30_000 },
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
 * repository holding a depth-1 fetch of the data branch (`data-repo.ts`), writes commits with
 * `git fast-import` (`fast-import.ts`; no checkout of the data), never force-pushes, and retries a
 * rejected push on top of the new tip with exponential backoff and jitter (`backoff.ts`).
 * @param options see `GitBranchStoreOptions`; missing fields come from the defaults
 * @param deps git runner and log
 */
export function createGitBranchStore(options: Partial<GitBranchStoreOptions>, deps: GitBranchStoreDeps): BaselineStore {
  const settings: GitBranchStoreOptions = { ...DEFAULT_GIT_BRANCH_STORE_OPTIONS, ...options };
  const git = deps.git ?? runGit;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = deps.random ?? Math.random;
  const workspace = path.resolve(settings.workspace);
  const secrets = [...secretForms(settings.token), ...registeredSecrets()];
  const repoOptions = {
    workspace,
    remote: settings.remote,
    remoteUrl: settings.remoteUrl,
    token: settings.token,
    tempDir: settings.tempDir,
    dataBranch: settings.dataBranch,
  };
  // Nothing the store logs or raises may carry the token (a git error can quote a URL with it).
  const log: StoreLog = {
    info: (message) => deps.log.info(redactText(message, secrets)),
    warning: (message) => deps.log.warning(redactText(message, secrets)),
  };
  const messageOf = (error: unknown) => redactText(error instanceof Error ? error.message : String(error), secrets);

  const read = (repo: DataRepo, tip: string, paths: readonly string[]) => readBlobs(repo, tip, paths, log.info);

  /**
   * Reads every results file of a folder. Corrupt, truncated and unknown-schema files are
   * skipped with a warning naming them (they stay untouched); newer-schema files are reported.
   */
  async function readFolder(repo: DataRepo, tip: string, folder: string, warn: (message: string) => void, listed?: string[]) {
    const names = listed ?? (await listFolder(repo, tip, folder));
    const files = names.filter((name) => name !== INDEX_FILE);
    const hasIndex = names.length > files.length;
    const blobs = await read(
      repo,
      tip,
      [...files, ...(hasIndex ? [INDEX_FILE] : [])].map((file) => `${folder}/${file}`),
    );
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

  /**
   * The entries `load` ranks: the index's, when it agrees with the folder; else (a file listed
   * but missing, a run file not listed, an unreadable index) every file of the folder, read and
   * checked one by one, each problem a warning. An index entry whose file has a newer schema is
   * skipped with a warning without fetching the file.
   */
  async function loadEntries(
    repo: DataRepo,
    tip: string,
    folder: string,
    warn: (message: string) => void,
  ): Promise<{ entries: IndexEntry[]; parsed: Map<string, Results> }> {
    const listed = await listFolder(repo, tip, folder);
    if (listed.length === 0) return { entries: [], parsed: new Map() };
    const indexPath = `${folder}/${INDEX_FILE}`;
    const indexText = listed.includes(INDEX_FILE) ? ((await read(repo, tip, [indexPath])).get(indexPath) ?? null) : null;
    const index = indexText === null ? null : parseIndex(indexText.toString('utf8'));
    const useFolder = async (why: string) => {
      warn(`${settings.dataBranch}:${indexPath} ${why}; reading the folder's files instead`);
      const { entries, parsed } = await readFolder(repo, tip, folder, warn, listed);
      return { entries, parsed };
    };
    if (index === null) return useFolder('is missing');
    if (index.state !== 'ok') return useFolder(`cannot be used (${index.message})`);
    const present = new Set(listed);
    const missing = index.index.runs.filter((entry) => !present.has(entry.file)).map((entry) => entry.file);
    if (missing.length > 0) return useFolder(`lists ${missing.length} file(s) that are missing (${missing.join(', ')})`);
    const known = new Set(index.index.runs.map((entry) => entry.file));
    const unlisted = listed.filter((name) => name !== INDEX_FILE && !known.has(name));
    if (unlisted.length > 0) return useFolder(`does not list ${unlisted.length} file(s) of the folder (${unlisted.join(', ')})`);
    const entries: IndexEntry[] = [];
    for (const entry of index.index.runs) {
      if (entry.schema !== undefined && entry.schema !== RESULTS_SCHEMA) {
        warn(
          `skipped ${settings.dataBranch}:${folder}/${entry.file}: its schema '${entry.schema}' is not '${RESULTS_SCHEMA}' (written by a newer benchgate?); upgrade benchgate`,
        );
      } else entries.push(entry);
    }
    return { entries, parsed: new Map() };
  }

  async function load(query: BaselineQuery): Promise<LoadedBaseline | null> {
    const warnings: string[] = [];
    const warn = (message: string) => {
      const clean = redactText(message, secrets);
      warnings.push(clean);
      deps.log.warning(clean);
    };
    const folder = branchFolder(query.benchmarkSet, query.baseBranch);
    const where = `set '${query.benchmarkSet}' on branch '${query.baseBranch}'`;
    let repo: DataRepo;
    try {
      repo = await openDataRepo(git, repoOptions, true);
    } catch (error: unknown) {
      warn(`cannot read stored baselines: ${messageOf(error)}`);
      return null;
    }
    try {
      let tip: string | null;
      try {
        tip = await fetchTip(repo, settings.dataBranch);
      } catch (error: unknown) {
        warn(`cannot fetch data branch '${settings.dataBranch}': ${messageOf(error)}`);
        return null;
      }
      if (tip === null) {
        log.info(`no data branch '${settings.dataBranch}' yet: nothing is stored, so there is no baseline`);
        return null;
      }
      const { entries, parsed } = await loadEntries(repo, tip, folder, warn);
      if (entries.length === 0) {
        log.info(`nothing is stored for ${where} yet, so there is no baseline`);
        return null;
      }

      const line = await resolveFirstParentLine(git, { workspace, remote: settings.remote, searchDepth: settings.searchDepth }, query, log.info);
      const candidates = rankCandidates(entries, line.commits);
      const historyEntries = entries.slice(0, settings.maxHistoryJobs);
      const readFiles = async (files: string[]) => {
        const wanted = files.filter((file) => !parsed.has(file));
        const blobs = await read(
          repo,
          tip,
          wanted.map((file) => `${folder}/${file}`),
        );
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
      warn(`cannot load the baseline for ${where}: ${messageOf(error)}`);
      return null;
    } finally {
      await repo.close();
    }
  }

  async function save(results: Results, target: SaveTarget): Promise<SaveOutcome> {
    const warnings: string[] = [];
    const warn = (message: string) => {
      const clean = redactText(message, secrets);
      warnings.push(clean);
      deps.log.warning(clean);
    };
    const commit = checkCommit(target.commit, 'commit');
    const folder = branchFolder(target.benchmarkSet, target.branch);
    // The token never reaches the data branch, whatever a benchmark's error message printed.
    const content = `${JSON.stringify(redactDeep(results, secrets), null, 2)}\n`;
    const localCopy = await writeLocalCopy(target, content);
    log.info(`saved this run to ${localCopy} before pushing it to '${settings.dataBranch}'`);
    if (content.length <= LOGGED_RESULTS_LIMIT) log.info(`benchgate run of ${commit}: ${JSON.stringify(JSON.parse(content))}`);

    try {
      return await pushRun(target, commit, folder, content, localCopy, warn, warnings);
    } catch (error: unknown) {
      if (error instanceof StoreError) throw new StoreError(redactText(error.message, secrets), error.reason);
      throw new StoreError(`cannot store the run on '${settings.dataBranch}': ${messageOf(error)}; the run is kept at ${localCopy}`, 'git');
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
    const repo = await openDataRepo(git, repoOptions, false);
    try {
      const { retry } = settings;
      let lastFailure = '';
      for (let attempt = 1; attempt <= retry.maxAttempts; attempt++) {
        let tip: string | null;
        try {
          tip = await fetchTip(repo, settings.dataBranch);
        } catch (error: unknown) {
          throw new StoreError(`cannot fetch '${settings.dataBranch}': ${messageOf(error)}; the run is kept at ${localCopy}`, 'git');
        }
        const attemptWarnings: string[] = [];
        const built = await buildCommits(repo, tip, attempt, folder, target, commit, content, (message) => attemptWarnings.push(message));
        const started = Date.now();
        try {
          await repo.run(['push', '--quiet', 'origin', `${built.head}:refs/heads/${settings.dataBranch}`]);
        } catch (error: unknown) {
          const stderr = error instanceof GitCommandError ? `${error.stderr}\n${error.message}` : String(error);
          if (!REJECTED_PUSH.test(stderr)) {
            throw new StoreError(`cannot push to '${settings.dataBranch}': ${messageOf(error)}; the run is kept at ${localCopy}`, 'git');
          }
          lastFailure = messageOf(error);
          if (attempt === retry.maxAttempts) break;
          const wait = backoffDelay(attempt, retry, Date.now() - started, random());
          log.info(`push to '${settings.dataBranch}' was rejected (another writer was first); attempt ${attempt + 1} of ${retry.maxAttempts} in ${wait} ms`);
          await sleep(wait);
          continue;
        }
        for (const message of attemptWarnings) warn(message);
        log.info(
          `stored ${settings.dataBranch}:${folder}/${built.file} on attempt ${attempt} of ${retry.maxAttempts}${built.pruned.length ? `, pruned ${built.pruned.length} old run(s)` : ''}`,
        );
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
  async function buildCommits(
    repo: DataRepo,
    tip: string | null,
    attempt: number,
    folder: string,
    target: SaveTarget,
    commit: string,
    content: string,
    warn: (message: string) => void,
  ) {
    const existing =
      tip === null ? { files: [], entries: [], newer: [], parsed: new Map<string, Results>(), index: null } : await readFolder(repo, tip, folder, warn);
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
    if (parsedIndex?.state === 'invalid')
      warn(`${settings.dataBranch}:${folder}/${INDEX_FILE} was unreadable (${parsedIndex.message}); rebuilt it from the folder's files`);
    // The regression flags live only in the index; carry them over when it is rebuilt.
    const flagged = new Set(parsedIndex?.state === 'ok' ? parsedIndex.index.runs.filter((entry) => entry.regression === true).map((entry) => entry.file) : []);
    const carried = existing.entries.map((entry) => (flagged.has(entry.file) ? { ...entry, regression: true } : entry));

    const file = chooseFileName(commit, new Set(existing.files));
    const results = parseResults(content, `${folder}/${file}`);
    const entries = sortNewestFirst([...carried, toIndexEntry(file, commit, results, target.regression === true)]);
    const { keep, drop } = applyRetention(entries, settings.maxHistory);
    const pruned = drop.map((entry) => `${folder}/${entry.file}`);
    const commits: FastImportCommit[] = [
      {
        message: `benchgate: store ${target.benchmarkSet}/${target.branch} run of ${short(commit)}`,
        write: [
          { path: `${folder}/${file}`, content },
          { path: `${folder}/${INDEX_FILE}`, content: renderIndex(target.benchmarkSet, target.branch, entries) },
        ],
      },
    ];
    if (drop.length > 0) {
      commits.push({
        message: `benchgate: prune ${drop.length} run(s) of ${target.benchmarkSet}/${target.branch} beyond max-history ${settings.maxHistory}`,
        delete: pruned,
        write: [{ path: `${folder}/${INDEX_FILE}`, content: renderIndex(target.benchmarkSet, target.branch, keep) }],
      });
    }
    // One `git fast-import` writes both commits on top of the fetched tip: no checkout, no index.
    const stream = renderFastImport({
      ref: `refs/benchgate/attempt-${attempt}`,
      person: `${settings.author.name} <${settings.author.email}>`,
      parent: tip,
      commits,
    });
    const marks = path.join(repo.dir, `benchgate-marks-${attempt}`);
    await repo.run(['fast-import', '--quiet', '--date-format=now', '--done', `--export-marks=${marks}`], stream);
    const exported = new Map(
      (await readFile(marks, 'utf8'))
        .trim()
        .split('\n')
        .map((line) => line.split(' ') as [string, string]),
    );
    const head = exported.get(`:${commits.length}`)!;
    return { head, file, pruned };
  }

  return { load, save };
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
    return { state: 'ok', results: parseResults(decodeText(blob, where), where) };
  } catch (error: unknown) {
    if (error instanceof FormatError) return { state: 'bad', message: error.message, newer: error.reason === 'newer-schema' };
    throw error;
  }
}
