import { FormatError } from './format-error.ts';

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * Removes a leading byte order mark (U+FEFF) from text that was already decoded.
 * @param text the text
 * @returns the text without its byte order mark
 * @example
 * stripByteOrderMark('\uFEFF{"a":1}') // => '{"a":1}'
 */
export function stripByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean, file: string): string {
  const body = bytes.subarray(2);
  if (body.length % 2 !== 0) throw new FormatError(file, `is UTF-16 (by its byte order mark) but has an odd number of bytes (${bytes.length})`);
  try {
    return new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    throw new FormatError(file, `is UTF-16 (by its byte order mark) but holds an invalid sequence`);
  }
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * The one reader of text files for every format and for benchgate's own results files: UTF-8
 * with or without a byte order mark, or UTF-16 (little- or big-endian) with one. Anything else
 * (bytes that are not UTF-8, UTF-16 without a byte order mark) is refused with the offset of the
 * first bad byte, rather than read as garbled text.
 * @param bytes the file's contents
 * @param file the file's name, for messages
 * @returns the decoded text without its byte order mark
 * @throws FormatError when the bytes are not text in one of those encodings
 * @example
 * decodeText(new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), 'a.json') // => '{}'
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, true, file);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, false, file);
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  if (body.length >= 2 && (body[0] === 0 || body[1] === 0)) {
    throw new FormatError(file, 'looks like UTF-16 without a byte order mark (it has NUL bytes); save it as UTF-8, or as UTF-16 with a byte order mark');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const at = firstInvalidUtf8(body) + start;
    throw new FormatError(
      file,
      `is not UTF-8 text (byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at offset ${at}); save it as UTF-8, or as UTF-16 with a byte order mark`,
    );
  }
}
