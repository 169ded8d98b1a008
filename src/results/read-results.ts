import { readFile, rename, writeFile } from 'node:fs/promises';
import { FormatError } from '../formats/format-error.ts';
import { decodeText } from './decode-text.ts';
import { parseResults } from './parse-results.ts';
import type { Results } from './schema.ts';

/**
 * Reads and validates a results file (UTF-8, or UTF-16 with a byte order mark; see `decodeText`).
 * @param file path to a `benchgate/results@1` file
 * @throws FormatError when the file is missing, unreadable or invalid
 */
export async function readResults(file: string): Promise<Results> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error: unknown) {
    throw new FormatError(file, `cannot read: ${(error as Error).message}`);
  }
  return parseResults(decodeText(bytes, file), file);
}

/**
 * Writes results as pretty JSON. Writes a temporary file first and renames it, so a crash
 * never leaves a truncated results file behind.
 */
export async function writeResults(file: string, results: Results): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(results, null, 2)}\n`);
  await rename(temporary, file);
}
