/**
 * Bidirectional formatting characters, which can make a name display as something else
 * ("Trojan Source"); they are shown as U+FFFD instead.
 */
export const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** An invisible character, written as an entity so reviewers can see it in raw markdown. */
export const ZERO_WIDTH_SPACE = '&#8203;';

const ALWAYS_BACKSLASHED = new Set(['\\', '`', '*', '_', '~', '[', ']', '|', '$', '{', '}']);
const BACKSLASHED_AT_START = new Set(['-', '+', '=', '.', '!']);

/**
 * Whether a `:` could start an emoji shortcode (`:tada:`, `:+1:`, `:100:`) or a URL (`https://`).
 * A colon between digits (`09:14:03`) starts neither, and is left alone so times stay readable.
 */
function opensShortcodeOrLink(previous: string | undefined, next: string | undefined): boolean {
  if (next === undefined) return false;
  if (/[A-Za-z_+/-]/.test(next)) return true;
  return /[0-9]/.test(next) && !/[0-9]/.test(previous ?? '');
}

/**
 * Makes a string from results (a benchmark id, a metric name, a unit, an error message, a commit)
 * render as the same text in GitHub-flavoured markdown, wherever it sits in a line or table cell.
 * - `&`, `<`, `>` become entities, so no HTML tag or comment can open.
 * - Markdown punctuation (`` ` * _ ~ [ ] | $ { } \ ``) is backslash-escaped; `|` this way is
 *   safe inside table cells, `$` keeps GitHub's math from starting.
 * - `@` and `#` get a zero-width space after them, so `@user` pings nobody and `#123` links
 *   nothing (nor does `GH-123`, which gets one before its hyphen): GitHub finds mentions and references in the rendered text, where backslashes are gone.
 *   A `:` that could open an `:emoji:` shortcode or a `https://` autolink gets one too, and the
 *   `.` of `www.` is escaped.
 * - Line breaks and other control characters become spaces, bidirectional overrides become
 *   U+FFFD; a leading character that could
 *   open a block (`-`, `+`, `=`, `.`, `1.`, spaces) is neutralised.
 * @param text any string
 * @returns markdown that renders as `text` on one line
 * @example escapeMarkdown('@octocat <b>|#1') // => '@&#8203;octocat &lt;b&gt;\\|#&#8203;1'
 */
export function escapeMarkdown(text: string): string {
  let out = '';
  const chars = Array.from(text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(BIDI_CONTROLS, '\uFFFD'));
  const leadingDigits = /^\d*/.exec(chars.slice(0, 10).join(''))![0].length;
  for (let index = 0; index < chars.length; index += 1) {
    const char = chars[index]!;
    if (char === '&') out += '&amp;';
    else if (char === '<') out += '&lt;';
    else if (char === '>') out += '&gt;';
    else if (char === '@' || char === '#') out += char + ZERO_WIDTH_SPACE;
    else if (char === '-' && /gh$/i.test(chars.slice(Math.max(0, index - 2), index).join('')) && /[0-9]/.test(chars[index + 1] ?? '')) {
      out += ZERO_WIDTH_SPACE + char;
    } else if (char === ':') out += opensShortcodeOrLink(chars[index - 1], chars[index + 1]) ? char + ZERO_WIDTH_SPACE : char;
    else if (ALWAYS_BACKSLASHED.has(char)) out += `\\${char}`;
    else if (index === 0 && char === ' ') out += '&#32;';
    else if (index === 0 && BACKSLASHED_AT_START.has(char)) out += `\\${char}`;
    else if (char === '.' && /www$/i.test(chars.slice(Math.max(0, index - 3), index).join(''))) out += '\\.';
    else if ((char === '.' || char === ')') && index > 0 && index === leadingDigits && /^[ \t]?$/.test(chars[index + 1] ?? '')) {
      out += `\\${char}`;
    } else out += char;
  }
  return out;
}

/**
 * Shortens a string to at most `max` characters (code points), ending it with `…` when cut.
 * Applied before escaping, so an entity or escape is never split.
 * @param text any string
 * @param max the longest result
 */
export function truncateText(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/**
 * Wraps text as a fenced code block whose fence is longer than any run of backticks inside it,
 * so no content can close it early; nothing in a code block renders or mentions anyone.
 * @param text the block's content
 * @param language the info string, e.g. `sh`
 */
export function renderCodeBlock(text: string, language = ''): string {
  const longest = Array.from(text.matchAll(/`+/g), (match) => match[0].length).reduce((a, b) => Math.max(a, b), 0);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const body = text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
  return `${fence}${language}\n${body}\n${fence}`;
}

/**
 * Replaces control characters (ANSI escapes, carriage returns, line breaks) and bidirectional
 * overrides for plain-text
 * output, so a hostile benchmark name cannot rewrite a terminal or break a table row.
 * @param text any string
 */
export function sanitizeText(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => (char === '\n' || char === '\r' || char === '\t' ? ' ' : '\uFFFD'))
    .replace(BIDI_CONTROLS, '\uFFFD');
}

/**
 * Makes a URL safe as the target of a markdown link `[text](target)`: every character outside
 * the URL's own reserved and unreserved set (spaces, parentheses, angle brackets, quotes,
 * backslashes, control and non-ASCII characters) is percent-encoded; existing `%XX` escapes are
 * kept, so an address built with `URL` is not encoded twice.
 * @param url an absolute URL
 * @example
 * escapeLinkTarget('https://x.io/a b(c)?q=%2F') // => 'https://x.io/a%20b%28c%29?q=%2F'
 */
export function escapeLinkTarget(url: string): string {
  const wellFormed = url.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return wellFormed
    .replace(/%(?![0-9A-Fa-f]{2})/g, '%25')
    .replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&*+,;=%]/gu, (char) =>
      encodeURIComponent(char).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .replace(/[[\]]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
