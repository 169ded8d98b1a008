import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { BIDI_CONTROLS, escapeLinkTarget, escapeMarkdown, renderCodeBlock, sanitizeText, truncateText } from '../../src/report/escape-markdown.ts';
import { htmlText, renderHtml } from './render-html.ts';

/** Characters that mean something to markdown, HTML or GitHub, mixed with plain ones. */
const HOSTILE_UNITS = [
  ...'<>&"\'`*_~[]()!|#@:$\\{}+-=.^/ \t\n\r\u0000\u001b\u2028x1aZ',
  '<script>',
  '<!--',
  '-->',
  '@octocat',
  '#123',
  'GH-1',
  'gh',
  'www.',
  'https://',
  ':tada:',
  '```',
  '    ',
  '1. ',
  '&amp;',
  '&#64;',
  '\u200b',
  '\u202e',
  '\u2066',
];
const hostileString = fc.string({ unit: fc.constantFrom(...HOSTILE_UNITS), maxLength: 30 });
const anyString = fc.oneof(hostileString, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 40 }));

/** The text a reader should see: line breaks and control characters as spaces. */
function expectedText(input: string): string {
  return input
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(BIDI_CONTROLS, '\uFFFD')
    .replace(/\u200b/g, '')
    .trim();
}

describe('escapeMarkdown', () => {
  test.each([
    ['plain text', 'layout/ddsplit-replay', 'layout/ddsplit-replay'],
    ['HTML', '<b>x</b> & y', '&lt;b&gt;x&lt;/b&gt; &amp; y'],
    ['mention', '@octocat', '@&#8203;octocat'],
    ['issue reference', 'fixes #123', 'fixes #&#8203;123'],
    ['GH- reference', 'see GH-42', 'see GH&#8203;-42'],
    ['cross-repository reference', 'o/r#1', 'o/r#&#8203;1'],
    ['table pipe', 'a|b', 'a\\|b'],
    ['backticks', '`code`', '\\`code\\`'],
    ['emphasis', '*a* _b_ ~~c~~', '\\*a\\* \\_b\\_ \\~\\~c\\~\\~'],
    ['link', '[x](y)', '\\[x\\](y)'],
    ['newlines', 'a\nb\r\nc', 'a b  c'],
    ['leading list marker', '- item', '\\- item'],
    ['leading ordered list', '1. item', '1\\. item'],
    ['decimal number', '12.5 ms', '12.5 ms'],
    ['leading heading', '# title', '#&#8203; title'],
    ['indented code', '    code', '&#32;   code'],
    ['emoji shortcode', ':tada:', ':&#8203;tada:'],
    ['url', 'https://example.com', 'https:&#8203;//example.com'],
    ['www autolink', 'www.example.com', 'www\\.example.com'],
    ['time of day', '09:14:03', '09:14:03'],
    ['math', '$x$', '\\$x\\$'],
    ['backslash', 'a\\b', 'a\\\\b'],
    ['empty', '', ''],
    ['bidirectional override', 'a\u202eb', 'a\ufffdb'],
  ])('%s', (_, input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  test('never leaves a raw < or >, a line break, or an unescaped pipe or backtick', () => {
    fc.assert(
      fc.property(anyString, (input) => {
        const output = escapeMarkdown(input);
        expect(output).not.toMatch(/[<>\n\r]/);
        expect(output).not.toMatch(/(^|[^\\])(\\\\)*[|`]/);
      }),
      { numRuns: 2000 },
    );
  });

  test('never leaves a bare @mention or #reference', () => {
    fc.assert(
      fc.property(anyString, (input) => {
        const output = escapeMarkdown(input);
        expect(output).not.toMatch(/@(?!&#8203;)/);
        expect(output).not.toMatch(/#(?!&#8203;|\d+;|x[0-9a-f]+;)/i);
        expect(output).not.toMatch(/GH-\d/i);
      }),
      { numRuns: 2000 },
    );
  });

  test('renders, as GFM, to exactly the input text in one paragraph with no markup', () => {
    fc.assert(
      fc.property(anyString, (input) => {
        const html = renderHtml(escapeMarkdown(input));
        const expected = expectedText(input);
        if (expected === '') return;
        expect(html.startsWith('<p>') && html.endsWith('</p>')).toBe(true);
        expect(html.slice(3, -4)).not.toContain('<');
        expect(htmlText(html).trim()).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  test('stays one cell with the input text inside a GFM table', () => {
    fc.assert(
      fc.property(anyString, anyString, (left, right) => {
        const html = renderHtml(`| a | b |\n|---|---|\n| ${escapeMarkdown(left)} | ${escapeMarkdown(right)} |`);
        const cells = [...html.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((match) => match[1]!);
        expect(cells).toHaveLength(2);
        for (const [index, input] of [left, right].entries()) {
          expect(cells[index]).not.toContain('<');
          expect(htmlText(cells[index]!).trim()).toBe(expectedText(input));
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('renderCodeBlock', () => {
  test('a fence inside the content cannot close the block', () => {
    fc.assert(
      fc.property(anyString, (input) => {
        const html = renderHtml(`${renderCodeBlock(input, 'sh')}\n\nafter`);
        expect(html).toMatch(/^<pre><code class="language-sh">[\s\S]*<\/code><\/pre>\n<p>after<\/p>$/);
        expect(html.match(/<pre>/g)).toHaveLength(1);
      }),
      { numRuns: 1000 },
    );
  });

  test('keeps the content as it is', () => {
    expect(renderCodeBlock('npx benchgate compare a.json b.json', 'sh')).toBe('```sh\nnpx benchgate compare a.json b.json\n```');
    expect(renderCodeBlock('a ``` b')).toBe('````\na ``` b\n````');
  });
});

describe('truncateText', () => {
  test('cuts at code points and marks the cut', () => {
    expect(truncateText('abcdef', 4)).toBe('abc…');
    expect(truncateText('abc', 4)).toBe('abc');
    expect(truncateText('😀😀😀😀😀', 3)).toBe('😀😀…');
  });
});

describe('sanitizeText', () => {
  test('replaces terminal escapes and line breaks', () => {
    expect(sanitizeText('a\u001b[31mb\nc\td')).toBe('a�[31mb c d');
  });
  test('never leaves a control character', () => {
    fc.assert(
      fc.property(anyString, (input) => {
        expect(sanitizeText(input)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      }),
    );
  });
});

describe('escapeLinkTarget', () => {
  test('encodes what would end or break a markdown link target, and keeps existing escapes', () => {
    expect(escapeLinkTarget('https://x.io/a b(c)?q=%2F')).toBe('https://x.io/a%20b%28c%29?q=%2F');
    expect(escapeLinkTarget('https://x.io/<x>"\'\\é')).toBe('https://x.io/%3Cx%3E%22%27%5C%C3%A9');
    expect(escapeLinkTarget('https://x.io/100%')).toBe('https://x.io/100%25');
    expect(escapeLinkTarget('https://x.io/\uD800')).toBe('https://x.io/%EF%BF%BD');
  });
});
