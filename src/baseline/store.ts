import type { HistoryJob } from '../compare/history.ts';
import type { BaselineChoice } from '../compare/schema.ts';
import type { Results } from '../results/schema.ts';

/** What `load` is asked for: the stored run that a pull request (or a push) should be compared with. */
export interface BaselineQuery {
  /** Keeps independent suites (or OS matrix legs) apart, e.g. `default`. */
  benchmarkSet: string;
  /** The branch the pull request targets (or the pushed branch), e.g. `main`. */
  baseBranch: string;
  /** The pull request's head commit; the store finds its merge base with `baseBranch`. */
  headCommit?: string | null;
  /** The merge base when the caller knows it already (e.g. from the GitHub API); wins over `headCommit`. */
  mergeBase?: string | null;
}

/** Where `save` stores one run. */
export interface SaveTarget {
  benchmarkSet: string;
  /** The branch that was pushed, e.g. `main` (not `refs/heads/main`). */
  branch: string;
  /** The commit that was measured (full hex SHA). */
  commit: string;
}

/**
 * What `save` did. `saved`: the run is stored at `location`; `skipped`: the store is read-only
 * (file store without `save-baseline`) and nothing was written.
 */
export type SaveOutcome =
  | {
      state: 'saved';
      /** The stored file: `<data-branch>:<set>/<branch>/<commit>.json`, or the file store's path. */
      location: string;
      /** The data-branch commit that holds the run (the last pushed commit), null for the file store. */
      storeCommit: string | null;
      /** Push attempts used (1 when no other writer got in the way). */
      attempts: number;
      /** Files deleted by retention (`max-history`), in the pruning commit. */
      pruned: string[];
      /** Local copy written before any push, so a failed push never loses the run. */
      localCopy: string | null;
      warnings: string[];
    }
  | { state: 'skipped'; reason: string; warnings: string[] };

export type { HistoryJob } from '../compare/history.ts';

/** A baseline ready for compare: the chosen run, how it was chosen, and base-branch history. */
export interface LoadedBaseline {
  results: Results;
  choice: BaselineChoice;
  /**
   * The newest stored runs on the base branch (up to `maxHistoryJobs`, default 30), newest first,
   * one per stored file (= one CI job). It INCLUDES the chosen baseline itself when it is among them.
   */
  history: HistoryJob[];
  /** Infrastructure trouble worth showing (corrupt file skipped, fallback used); never fatal. */
  warnings: string[];
}

/** Loads and saves baselines; one implementation per backend (git data branch, file). */
export interface BaselineStore {
  /**
   * Finds the baseline for a comparison.
   * @returns null when nothing is stored yet (the report then says `no-baseline`)
   * @throws StoreError only where a caller must branch (never for a missing or corrupt file)
   */
  load(query: BaselineQuery): Promise<LoadedBaseline | null>;
  /**
   * Stores one run. Call it only when `shouldSave` says so.
   * @throws StoreError when a newer-schema file blocks the write, or push retries are exhausted
   */
  save(results: Results, target: SaveTarget): Promise<SaveOutcome>;
}

/** The log a store writes to (`@actions/core` in the action, the console in the CLI, a fake in tests). */
export interface StoreLog {
  info(message: string): void;
  warning(message: string): void;
}

/**
 * A store failure the caller must act on: a newer-schema file blocks the write
 * (`newer-schema`), other writers kept winning until the retries ran out (`push-exhausted`),
 * git itself failed (`git`), or an argument is invalid (`invalid`).
 */
export class StoreError extends Error {
  override name = 'StoreError';
  readonly reason: 'newer-schema' | 'push-exhausted' | 'git' | 'invalid';
  constructor(message: string, reason: StoreError['reason']) {
    super(message);
    this.reason = reason;
  }
}
