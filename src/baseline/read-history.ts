import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { FormatError } from '../results/format-error.ts';
import { parseResults } from '../results/parse-results.ts';
import type { Results } from '../results/schema.ts';
import { DEFAULT_GIT_BRANCH_STORE_OPTIONS } from './git-branch-store.ts';
import { commitOfFile, INDEX_FILE, parseIndex, sortNewestFirst, summarizeJob, toIndexEntry, type IndexEntry } from './layout.ts';
import { StoreError, type HistoryJob } from './store.ts';

/** Options of `readHistory`. */
export interface ReadHistoryOptions {
  /**
   * Newest stored jobs kept, as the git data-branch store keeps `maxHistoryJobs`.
   * @default 30
   */
  maxJobs: number;
}

/** What `readHistory` read. */
export interface ReadHistoryResult {
  /** One job per results file, newest first (by `createdAt`, then file name), at most `maxJobs`. */
  history: HistoryJob[];
  /** The files behind `history`, in the same order. */
  files: string[];
  /** Files inside a folder that were skipped (corrupt, newer schema, not a stored run), one line each. */
  warnings: string[];
}

interface Found {
  entry: IndexEntry;
  results: Results;
  file: string;
}

async function readStored(file: string): Promise<Results> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error: unknown) {
    throw new FormatError(file, `cannot read: ${(error as Error).message}`);
  }
  return parseResults(text, file);
}

/**
 * A folder as the data branch lays it out (`<set>/<branch>/`): its `index.json` when it is
 * valid (in the index's order; files it lists but that are missing or corrupt are skipped with a
 * warning), else every `<commit>.json` in it, as the store reads a folder whose index is broken.
 */
async function readFolder(folder: string, maxJobs: number, warnings: string[]): Promise<Found[]> {
  const names = (await readdir(folder)).sort();
  let entries: IndexEntry[] | null = null;
  if (names.includes(INDEX_FILE)) {
    const index = parseIndex(await readFile(path.join(folder, INDEX_FILE), 'utf8'));
    if (index.state === 'ok') entries = index.index.runs;
    else warnings.push(`${path.join(folder, INDEX_FILE)} cannot be used (${index.message}); reading the folder's files instead`);
  }
  const found: Found[] = [];
  const tryRead = async (name: string, commit: string): Promise<void> => {
    const file = path.join(folder, name);
    try {
      const results = await readStored(file);
      found.push({ entry: toIndexEntry(name, commit, results), results, file });
    } catch (error: unknown) {
      if (!(error instanceof FormatError)) throw error;
      warnings.push(`skipped ${error.message}`);
    }
  };
  if (entries !== null) {
    // As the store: the index's newest `maxJobs` entries, then whichever of them can be read.
    for (const entry of entries.slice(0, maxJobs)) await tryRead(entry.file, entry.commit);
    return found;
  }
  for (const name of names) {
    if (name === INDEX_FILE || !name.endsWith('.json')) continue;
    const commit = commitOfFile(name);
    if (commit === null) {
      warnings.push(`skipped ${path.join(folder, name)}: not a stored run (expected <commit>.json)`);
      continue;
    }
    await tryRead(name, commit);
  }
  return found;
}

/**
 * Turns stored results files into the job-to-job history compare uses, exactly as the git
 * data-branch store builds `LoadedBaseline.history`: one job per results file, reduced by
 * `summarizeJob` to the median of each metric's runs, newest first, at most `maxJobs`.
 *
 * Each path is a results file or a folder. A folder is read as the data branch's folder of one
 * benchmark set and branch (`<set>/<branch>/`, e.g. a checkout of `benchgate-data` at
 * `default/main`): its `index.json`, or its `<commit>.json` files when the index is missing or
 * broken. A file named directly must be a valid results file (its commit is the file's
 * `commit`, else the commit in its name, else its name). The same file given twice counts once.
 * @param paths results files and folders
 * @param options how many jobs to keep
 * @returns the history, the files behind it, and warnings for files skipped inside folders
 * @throws FormatError naming a path that does not exist, or a file given directly that is not a valid results file
 * @throws StoreError('invalid') when `maxJobs` is not a whole number ≥ 1
 */
export async function readHistory(paths: readonly string[], options: Partial<ReadHistoryOptions> = {}): Promise<ReadHistoryResult> {
  const maxJobs = options.maxJobs ?? DEFAULT_GIT_BRANCH_STORE_OPTIONS.maxHistoryJobs;
  if (!(Number.isInteger(maxJobs) && maxJobs >= 1)) throw new StoreError(`readHistory: 'maxJobs' must be a whole number ≥ 1, got ${maxJobs}`, 'invalid');
  const warnings: string[] = [];
  const all: Found[] = [];
  for (const given of paths) {
    let kind: 'file' | 'folder';
    try {
      kind = (await stat(given)).isDirectory() ? 'folder' : 'file';
    } catch (error: unknown) {
      throw new FormatError(given, `history path cannot be read: ${(error as Error).message}`);
    }
    if (kind === 'folder') {
      for (const found of await readFolder(given, maxJobs, warnings)) all.push(found);
    } else {
      const results = await readStored(given);
      const name = path.basename(given);
      all.push({ entry: toIndexEntry(name, results.commit ?? commitOfFile(name) ?? name, results), results, file: given });
    }
  }
  const byFile = new Map<string, Found>();
  for (const found of all) byFile.set(path.resolve(found.file), found);
  const unique = [...byFile.values()];
  const order = sortNewestFirst(unique.map((found) => ({ ...found.entry, file: path.resolve(found.file) })));
  const kept = order.slice(0, maxJobs).map((entry) => byFile.get(entry.file)!);
  return {
    history: kept.map((found) => summarizeJob(found.results, found.entry.commit)),
    files: kept.map((found) => found.file),
    warnings,
  };
}
