import { readFile } from 'node:fs/promises';
import { decodeText } from './decode-text.ts';
import { FormatError } from './format-error.ts';
import { parseResults } from './parse-results.ts';
import { redactDeep } from './redact.ts';
import { registeredSecrets } from './secrets.ts';
import type { Results } from './schema.ts';
import { writeFileAtomically } from './write-file-atomically.ts';

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
 * Writes results as pretty JSON, atomically (`writeFileAtomically`), so a crash never leaves a
 * truncated results file behind. Any registered secret (`registerSecret`) in any string is
 * written as `***`.
 * @param file where to write
 * @param results the results
 */
export async function writeResults(file: string, results: Results): Promise<void> {
  await writeFileAtomically(file, `${JSON.stringify(redactDeep(results, registeredSecrets()), null, 2)}\n`);
}
