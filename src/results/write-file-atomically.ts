import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { redactText } from './redact.ts';
import { registeredSecrets } from './secrets.ts';

/**
 * Writes a file through a temporary file beside it and a rename, so a crash or a full disk
 * never leaves a truncated file where a complete one was (or was expected). The temporary file
 * is removed when the write fails, and the error is rethrown. Every secret registered with
 * `registerSecret` (the action's token) is written as `***`: this is how the results file and
 * the report files are written.
 * @param file the file to write
 * @param text its whole content
 */
export async function writeFileAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, redactText(text, registeredSecrets()));
    await rename(temporary, file);
  } catch (error: unknown) {
    await rm(temporary, { force: true });
    throw error;
  }
}
