/**
 * Bad input from a results file or another tool's output. The message names the file and,
 * where it applies, the line or JSON path, so the user can find the fault.
 */
export class FormatError extends Error {
  override name = 'FormatError';
  /** The file (or folder) that was being read. */
  readonly file: string;
  /** A JSON path such as `benchmarks[3].metrics[0].runs`, or `line 12`, when known. */
  readonly location: string | undefined;
  /** `newer-schema` lets the baseline store refuse to write beside a file it cannot read. */
  readonly reason: 'invalid' | 'newer-schema' | 'too-large';

  constructor(file: string, message: string, location?: string, reason: 'invalid' | 'newer-schema' | 'too-large' = 'invalid') {
    super(`${file}${location ? ` (${location})` : ''}: ${message}`);
    this.file = file;
    this.location = location;
    this.reason = reason;
  }
}
