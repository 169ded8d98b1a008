import { readFile } from 'node:fs/promises';
import { FormatError } from './format-error.ts';
import { parseResults } from './parse-results.ts';
import type { Results } from './schema.ts';
import { writeFileAtomically } from './write-file-atomically.ts';

/**
 * Reads and validates a results file.
 * @param file path to a `benchgate/results@1` file
 * @throws FormatError when the file is missing, unreadable or invalid
 */
export async function readResults(file: string): Promise<Results> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error: unknown) {
    throw new FormatError(file, `cannot read: ${(error as Error).message}`);
  }
  return parseResults(text, file);
}

/**
 * Writes results as pretty JSON, atomically (`writeFileAtomically`), so a crash never leaves a
 * truncated results file behind.
 * @param file where to write
 * @param results the results
 */
export async function writeResults(file: string, results: Results): Promise<void> {
  await writeFileAtomically(file, `${JSON.stringify(results, null, 2)}\n`);
}
