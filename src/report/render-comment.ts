import type { Report } from '../compare/schema.ts';
import { escapeMarkdown, truncateText } from './escape-markdown.ts';
import { type MarkdownLayout, renderMarkdown } from './render-markdown.ts';

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
  /**
   * Benchmark id → the page of its history on the published dashboard (input `dashboard`), linked
   * beside each gated regression.
   * @default no links
   */
  links: ReadonlyMap<string, string>;
}

/** Defaults for {@link RenderOptions}. */
export const DEFAULT_RENDER_OPTIONS: RenderOptions = {
  maxLength: MAX_COMMENT_LENGTH,
  maxPlotRows: 6,
  runUrl: null,
  links: new Map(),
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
  )
    .join('')
    .replace(/--/g, '-%2D');
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
  return renderMarkdown(report, { ...commentLayout(report, options), links: { ...DEFAULT_RENDER_OPTIONS, ...options }.links });
}

/** The layout every GitHub comment shares (pull request and commit): marker, size limit and where the full list is. */
function commentLayout(report: Report, options: Partial<RenderOptions>): MarkdownLayout {
  const { maxLength, maxPlotRows, runUrl } = { ...DEFAULT_RENDER_OPTIONS, ...options };
  return {
    marker: commentMarker(report.benchmarkSet),
    maxSize: maxLength,
    measure: (text) => text.length,
    limitName: `GitHub's ${maxLength.toLocaleString('en-US')}-character comment limit`,
    fullReportHint: `The full list is in ${runUrl === null ? 'the job summary of this run' : `the [job summary of this run](${linkTarget(runUrl)})`} and in the report JSON file (the \`report-json\` output).`,
    maxPlotRows,
    listUnchangedDiagnostics: false,
  };
}

/** What a push to the default branch was compared with, for the commit comment and the job summary. */
export interface PushContext {
  /** The branch pushed to, e.g. `main`. */
  branch: string;
}

/**
 * The paragraph that says a report is for a push: compared with the previous stored run on the
 * branch, and stored as what the branch measures now (marked as a regression when it regressed).
 * @param report the push's report
 * @param push the branch
 * @returns markdown
 */
export function describePush(report: Report, push: PushContext): string {
  const branch = escapeMarkdown(truncateText(push.branch, 100));
  const previous = report.baseline?.commit ? ` (${escapeMarkdown(report.baseline.commit.slice(0, 7))})` : '';
  const regressed = report.summary.gated.regressed > 0;
  return (
    `Push to **${branch}**, compared with the previous stored run on ${branch}${previous}. ` +
    `This run is stored all the same, since it is what ${branch} measures now${regressed ? ', and is marked as a regression in the stored index' : ''}.`
  );
}

/**
 * Renders the commit comment for a push to the default branch (input `comment-on-push`): the same
 * report as the pull-request comment, with a paragraph saying what the push was compared with.
 * @param report the push's report
 * @param push the branch pushed to
 * @param options see {@link RenderOptions}
 * @returns markdown of at most `maxLength` characters
 */
export function renderCommitComment(report: Report, push: PushContext, options: Partial<RenderOptions> = {}): string {
  return renderMarkdown(report, { ...commentLayout(report, options), intro: describePush(report, push) });
}
