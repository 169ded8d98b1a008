import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { commitOfFile, INDEX_FILE } from '../baseline/layout.ts';
import { FormatError } from '../formats/format-error.ts';
import type { BranchHistory } from '../history/analyze-history.ts';
import type { StoredRun } from '../history/types.ts';
import { parseResults } from '../results/parse-results.ts';

/** What `readDataFolder` found: the stored runs of each `<set>/<branch>` folder, and what it skipped. */
export interface DataFolderContents {
  histories: BranchHistory[];
  /** One message per skipped file, naming it. */
  warnings: string[];
}

/** Which folders to read; null reads all. */
export interface DataFolderFilter {
  benchmarkSet: string | null;
  branch: string | null;
}

/** Runs parsed at once; bounds open files and memory on a large store. */
const PARALLEL_READS = 64;

/**
 * Reads a checkout of the data branch, laid out as the git store writes it:
 * `<set>/<branch>/<commit>.json` (set and branch names URI-encoded) beside each folder's
 * `index.json`. Every results file is read (the index is not trusted to be complete); a file that
 * cannot be parsed is skipped with a warning naming it, and never changed. A top-level folder
 * holding a `manifest.json` is a published dashboard and is not read.
 * @param folder the checkout
 * @param filter the set and branch to read, or null for all
 * @returns the runs by folder (sets and branches decoded), and warnings
 * @throws Error naming the folder when it cannot be listed
 */
export async function readDataFolder(folder: string, filter: DataFolderFilter = { benchmarkSet: null, branch: null }): Promise<DataFolderContents> {
  const warnings: string[] = [];
  const histories: BranchHistory[] = [];
  let sets: Dirent[];
  try {
    sets = await readdir(folder, { withFileTypes: true });
  } catch (error: unknown) {
    throw new Error(`cannot read the data folder '${folder}': ${(error as Error).message}`);
  }
  for (const setEntry of sets.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name))) {
    const setFolder = path.join(folder, setEntry.name);
    const inSet = await readdir(setFolder, { withFileTypes: true });
    if (inSet.some((entry) => entry.isFile() && entry.name === 'manifest.json')) continue;
    const benchmarkSet = decode(setEntry.name);
    if (filter.benchmarkSet !== null && benchmarkSet !== filter.benchmarkSet) continue;
    for (const branchEntry of inSet.filter((entry) => entry.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
      const branch = decode(branchEntry.name);
      if (filter.branch !== null && branch !== filter.branch) continue;
      const branchFolder = path.join(setFolder, branchEntry.name);
      const files = (await readdir(branchFolder)).filter((name) => name !== INDEX_FILE).sort();
      const runs: StoredRun[] = [];
      for (let start = 0; start < files.length; start += PARALLEL_READS) {
        const batch = await Promise.all(
          files.slice(start, start + PARALLEL_READS).map(async (name): Promise<StoredRun | null> => {
            const where = `${setEntry.name}/${branchEntry.name}/${name}`;
            const commit = commitOfFile(name);
            if (commit === null) {
              warnings.push(`skipped ${where}: not a stored run (expected <commit>.json)`);
              return null;
            }
            try {
              return { path: where, commit, results: parseResults(await readFile(path.join(branchFolder, name), 'utf8'), where) };
            } catch (error: unknown) {
              if (error instanceof FormatError) {
                warnings.push(`skipped ${error.message}`);
                return null;
              }
              throw error;
            }
          }),
        );
        for (const run of batch) if (run) runs.push(run);
      }
      histories.push({ benchmarkSet, branch, runs });
    }
  }
  return { histories, warnings };
}

function decode(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
