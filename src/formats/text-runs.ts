import { stripByteOrderMark } from '../results/decode-text.ts';
import { FormatError } from './format-error.ts';
import type { FormatInput } from './format-input.ts';

/** One text file of a text format: a lone file, or one file of a folder of repeated runs. */
export interface TextRun {
  /** The file's name for messages. */
  file: string;
  text: string;
}

/**
 * The text files a line-oriented format reads: the file itself, or every file in a folder in
 * path order, each being one run of the suite; a leading byte order mark is dropped, so the
 * first line is read like any other.
 */
export function textRuns(input: FormatInput): TextRun[] {
  if (input.kind === 'file') return [{ file: input.path, text: stripByteOrderMark(input.text) }];
  const files = [...input.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (files.length === 0) throw new FormatError(input.path, 'the folder holds no files');
  return files.map((file) => ({ file: `${input.path}/${file.path}`, text: stripByteOrderMark(file.text) }));
}

/**
 * Parses a number as tools print it, with thousands separators (`1,234.5`).
 * @returns the number, or `null` when the text is not a finite number
 */
export function parsePrintedNumber(text: string): number | null {
  if (!/^[+-]?(\d[\d,]*)?(\.\d+)?([eE][+-]?\d+)?$/.test(text) || !/\d/.test(text)) return null;
  const value = Number(text.replaceAll(',', ''));
  return Number.isFinite(value) ? value : null;
}
