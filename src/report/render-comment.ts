import type { Report } from '../compare/schema.ts';
import { renderMarkdown } from './render-markdown.ts';

/** GitHub refuses issue comments longer than this many characters. */
export const MAX_COMMENT_LENGTH = 65_536;

/** Options for {@link renderComment}. */
export interface RenderOptions {
  /**
   * The longest comment, in UTF-16 code units (never fewer than the characters GitHub counts).
   * @default MAX_COMMENT_LENGTH
   */
  maxLength: number;
  /**
   * The most rows of the forest plot; the largest changes are kept and the rest counted.
   * @default 6
   */
  maxPlotRows: number;
  /**
   * A link to the workflow run, whose job summary holds the full report; named when rows are folded.
   * @default null
   */
  runUrl: string | null;
}

/** Defaults for {@link RenderOptions}. */
export const DEFAULT_RENDER_OPTIONS: RenderOptions = {
  maxLength: MAX_COMMENT_LENGTH,
  maxPlotRows: 6,
  runUrl: null,
};

/**
 * The hidden first line that marks benchgate's comment for one benchmark set, so the sticky
 * comment can be found again. Characters that could end an HTML comment are percent-encoded.
 * @param benchmarkSet the set's name
 * @example commentMarker('default') // => '<!-- benchgate:default -->'
 */
export function commentMarker(benchmarkSet: string): string {
  const safe = Array.from(toWellFormed(benchmarkSet), (char) =>
    /[A-Za-z0-9._~/-]/.test(char) ? char : encodeURIComponent(char).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
  ).join('').replace(/--/g, '-%2D');
  return `<!-- benchgate:${safe} -->`;
}

/** Replaces lone surrogates, which `encodeURI` refuses, with U+FFFD. */
function toWellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Encodes a URL for a markdown link target: no spaces, parentheses or angle brackets survive raw. */
function linkTarget(url: string): string {
  return encodeURI(toWellFormed(url)).replace(/[()<>]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Renders the pull-request comment (see `renderMarkdown`): marker, the decision in one line, the
 * gated changes, the forest plot, everything else folded, and the footer. Folds the least
 * important rows to stay under `maxLength` and says how many, and where the full list is.
 * @param report the report
 * @param options see {@link RenderOptions}
 * @returns markdown of at most `maxLength` characters
 */
export function renderComment(report: Report, options: Partial<RenderOptions> = {}): string {
  const { maxLength, maxPlotRows, runUrl } = { ...DEFAULT_RENDER_OPTIONS, ...options };
  return renderMarkdown(report, {
    marker: commentMarker(report.benchmarkSet),
    maxSize: maxLength,
    measure: (text) => text.length,
    limitName: `GitHub's ${maxLength.toLocaleString('en-US')}-character comment limit`,
    fullReportHint: `The full list is in ${runUrl === null ? 'the job summary of this run' : `the [job summary of this run](${linkTarget(runUrl)})`} and in the report JSON file (the \`report-json\` output).`,
    maxPlotRows,
    listUnchangedDiagnostics: false,
  });
}
