/**
 * Renders every golden comment (test/report/__golden__/*.md) as GitHub renders a pull-request
 * comment — GitHub-flavoured markdown, raw HTML allowed, in a comment box 900 px wide with
 * GitHub's fonts and colours — and screenshots each in headless Chromium, so a change to the
 * comment is looked at, not only diffed. Writes `<name>.html` and `<name>.png` to
 * `.screenshots/comments/` (git-ignored).
 *
 *   npm run render-comments [-- <golden name> …]
 *
 * Chromium: /usr/bin/chromium, or the path in BENCHGATE_CHROMIUM.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { launchChromium } from '../test/launch-chromium.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const goldens = path.join(root, 'test/report/__golden__');
const out = path.join(root, '.screenshots/comments');

/** The parts of GitHub's markdown-body style that decide how a comment looks. */
const STYLE = `
body { margin: 0; background: #ffffff; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
.comment { width: 900px; box-sizing: border-box; border: 1px solid #d1d9e0; border-radius: 6px; margin: 16px; }
.header { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 16px; font-size: 14px; color: #59636e; border-radius: 6px 6px 0 0; }
.markdown-body { padding: 16px; font-size: 14px; line-height: 1.5; color: #1f2328; word-wrap: break-word; }
.markdown-body > *:first-child { margin-top: 0 !important; }
.markdown-body h1, .markdown-body h2, .markdown-body h3 { margin-top: 24px; margin-bottom: 16px; font-weight: 600; line-height: 1.25; }
.markdown-body h2 { font-size: 1.5em; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0b3; }
.markdown-body h3 { font-size: 1.25em; }
.markdown-body p, .markdown-body blockquote, .markdown-body ul, .markdown-body table, .markdown-body pre, .markdown-body details { margin-top: 0; margin-bottom: 16px; }
.markdown-body blockquote { padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; margin-left: 0; }
.markdown-body ul { padding-left: 2em; }
.markdown-body code, .markdown-body pre { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 85%; }
.markdown-body code { padding: .2em .4em; background: #818b981f; border-radius: 6px; }
.markdown-body pre { padding: 16px; overflow: auto; line-height: 1.45; background: #f6f8fa; border-radius: 6px; }
.markdown-body pre code { padding: 0; background: transparent; font-size: 100%; white-space: pre; }
.markdown-body table { display: block; width: max-content; max-width: 100%; overflow: auto; border-spacing: 0; border-collapse: collapse; }
.markdown-body table th, .markdown-body table td { padding: 6px 13px; border: 1px solid #d1d9e0; }
.markdown-body table th { font-weight: 600; }
.markdown-body table tr:nth-child(2n) { background: #f6f8fa; }
.markdown-body hr { height: .25em; padding: 0; margin: 24px 0; background: #d1d9e0; border: 0; }
.markdown-body summary { cursor: pointer; }
.markdown-body sub { font-size: 75%; color: #59636e; }
.markdown-body .markdown-alert { padding: .5rem 1rem; margin-bottom: 16px; border-left: .25em solid #9a6700; }
`;

/** GitHub renders `> [!WARNING]` and `> [!NOTE]` as alerts; micromark leaves them as quotes, so mark them. */
function alerts(html: string): string {
  return html.replace(
    /<blockquote>\n<p>\[!(WARNING|NOTE)\]/g,
    (_, kind: string) => `<blockquote class="markdown-alert"><p><strong>${kind === 'WARNING' ? '⚠ Warning' : 'ⓘ Note'}</strong>`,
  );
}

/**
 * The HTML page of one comment.
 * @param markdown the comment
 * @param open open every `<details>`, for the second screenshot
 */
function page(markdown: string, open: boolean): string {
  let body = alerts(micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] }));
  if (open) body = body.replace(/<details>/g, '<details open>');
  return `<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}</style></head><body><div class="comment"><div class="header"><b>github-actions</b> bot commented</div><div class="markdown-body">${body}</div></div></body></html>`;
}

async function main(): Promise<void> {
  const wanted = new Set(process.argv.slice(2));
  const names = (await readdir(goldens))
    .filter((file) => file.endsWith('.md'))
    .map((file) => file.slice(0, -3))
    .filter((name) => wanted.size === 0 || wanted.has(name));
  await mkdir(out, { recursive: true });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 940, height: 600 }, deviceScaleFactor: 1 });
    const tab = await context.newPage();
    for (const name of names) {
      const markdown = await readFile(path.join(goldens, `${name}.md`), 'utf8');
      for (const [suffix, open] of [
        ['', false],
        ['-open', true],
      ] as const) {
        const html = page(markdown, open);
        await writeFile(path.join(out, `${name}${suffix}.html`), html);
        await tab.setContent(html, { waitUntil: 'load' });
        const box = tab.locator('.comment');
        await box.screenshot({ path: path.join(out, `${name}${suffix}.png`) });
      }
      console.log(`${path.relative(root, path.join(out, `${name}.png`))} (and -open.png)`);
    }
  } finally {
    await browser.close();
  }
}

await main();
