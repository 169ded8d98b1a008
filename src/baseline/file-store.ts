import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { FormatError } from '../formats/format-error.ts';
import { parseResults } from '../results/parse-results.ts';
import { writeResults } from '../results/read-results.ts';
import type { Results } from '../results/schema.ts';
import { StoreError, type BaselineQuery, type BaselineStore, type LoadedBaseline, type SaveOutcome, type SaveTarget, type StoreLog } from './store.ts';

/** Options of the file store. */
export interface FileStoreOptions {
  /** The baseline results file, relative to `workspace`, e.g. `benchmarks/baseline.json`. */
  path: string;
  /** Whether `save` may replace the file (input `save-baseline`). @default false */
  saveBaseline: boolean;
  /** @default '.' */
  workspace: string;
}

/** The defaults of `FileStoreOptions` (except `path`, which has none). */
export const DEFAULT_FILE_STORE_OPTIONS: Omit<FileStoreOptions, 'path'> = { saveBaseline: false, workspace: '.' };

/**
 * A store that is one results file in the workspace, for example a committed
 * `benchmarks/baseline.json`. It keeps no history, so `history` is always empty. It is
 * read-only unless `saveBaseline` is true; a save replaces the file atomically, first copying
 * an unreadable old file aside (`<file>.corrupt-<time>`) so nothing is lost.
 * @param options the file and whether it may be written
 * @param deps the log
 */
export function createFileStore(options: Pick<FileStoreOptions, 'path'> & Partial<FileStoreOptions>, deps: { log: StoreLog }): BaselineStore {
  const settings: FileStoreOptions = { ...DEFAULT_FILE_STORE_OPTIONS, ...options };
  const file = path.resolve(settings.workspace, settings.path);

  /** @returns the file's text, or null when it does not exist */
  async function readText(): Promise<string | null> {
    try {
      return await readFile(file, 'utf8');
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StoreError(`cannot read baseline file ${settings.path}: ${(error as Error).message}`, 'invalid');
    }
  }

  async function load(query: BaselineQuery): Promise<LoadedBaseline | null> {
    const text = await readText();
    if (text === null) {
      deps.log.info(`no baseline file at ${settings.path} yet, so there is no baseline`);
      return null;
    }
    let results: Results;
    try {
      results = parseResults(text, settings.path);
    } catch (error: unknown) {
      if (!(error instanceof FormatError)) throw error;
      deps.log.warning(`skipped baseline file: ${error.message}`);
      return null;
    }
    return {
      results,
      choice: {
        method: 'file',
        commit: results.commit,
        date: results.createdAt,
        branch: query.baseBranch,
        description: `the baseline file ${settings.path}${results.commit ? ` (measured at ${results.commit.slice(0, 7)})` : ''}`,
        historyRuns: 0,
      },
      history: [],
      warnings: [],
    };
  }

  async function save(results: Results, target: SaveTarget): Promise<SaveOutcome> {
    if (!settings.saveBaseline) {
      return { state: 'skipped', reason: `the baseline file ${settings.path} is read-only (set save-baseline: true to update it)`, warnings: [] };
    }
    const warnings: string[] = [];
    const text = await readText();
    if (text !== null) {
      try {
        parseResults(text, settings.path);
      } catch (error: unknown) {
        if (!(error instanceof FormatError)) throw error;
        if (error.reason === 'newer-schema') throw new StoreError(`${error.message}; refusing to overwrite it`, 'newer-schema');
        const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        await copyFile(file, aside);
        warnings.push(`the old baseline file was unreadable (${error.message}); kept a copy at ${aside}`);
        deps.log.warning(warnings.at(-1)!);
      }
    }
    await mkdir(path.dirname(file), { recursive: true });
    await writeResults(file, results);
    deps.log.info(`saved the ${target.benchmarkSet} run of ${target.commit.slice(0, 7)} to ${settings.path}`);
    return { state: 'saved', location: settings.path, storeCommit: null, attempts: 1, pruned: [], localCopy: file, warnings };
  }

  return { load, save };
}
