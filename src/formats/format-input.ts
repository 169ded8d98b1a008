import type { Environment } from '../results/schema.ts';

/** One file of a folder format such as criterion's `target/criterion`. */
export interface FolderFile {
  /** Path relative to the folder, with `/` separators. */
  path: string;
  text: string;
}

/**
 * What a parser reads: one file's text, or for folder formats the files under a folder.
 * `path` is what the user named, used in every error message.
 */
export type FormatInput =
  | { kind: 'file'; path: string; text: string; meta?: FormatMeta }
  | { kind: 'folder'; path: string; files: FolderFile[]; meta?: FormatMeta };

/**
 * Facts the tool's output does not carry (or carries badly), supplied by the caller.
 * A field left out is taken from the tool's output where it has one, else a neutral default.
 */
export interface FormatMeta {
  commit?: string | null;
  ref?: string | null;
  /** ISO 8601 time the results were measured. */
  createdAt?: string;
  environment?: Environment;
}

/** The environment recorded when neither the caller nor the tool describe the machine. */
export const UNKNOWN_ENVIRONMENT: Environment = {
  cpuModel: 'unknown',
  cores: 0,
  os: 'unknown',
  arch: 'unknown',
  node: 'unknown',
  runnerImage: null,
};

/** The creation time recorded when neither the caller nor the tool say when results were measured. */
export const UNKNOWN_TIME = '1970-01-01T00:00:00.000Z';
