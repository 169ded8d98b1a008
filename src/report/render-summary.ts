import type { Report } from '../compare/schema.ts';
import { describePush, type PushContext } from './render-comment.ts';
import { renderMarkdown } from './render-markdown.ts';

/** GitHub's limit on one step's job summary, in bytes. */
export const MAX_SUMMARY_BYTES = 1024 * 1024;

const encoder = new TextEncoder();

/**
 * Renders the job summary: the same report as the comment, without the marker, listing every
 * comparison unless that would pass GitHub's 1 MiB summary limit (then the least important rows
 * are folded, as in the comment).
 * @param report the report
 * @param maxBytes the largest summary in UTF-8 bytes
 * @param push for a push to the default branch: the branch, so the summary says what it was compared with
 * @returns markdown
 */
export function renderSummary(report: Report, maxBytes = MAX_SUMMARY_BYTES, push: PushContext | null = null): string {
  return renderMarkdown(report, {
    marker: null,
    maxSize: maxBytes,
    measure: (text) => encoder.encode(text).length,
    limitName: `GitHub's ${maxBytes.toLocaleString('en-US')}-byte job summary limit`,
    fullReportHint: 'The full list is in the report JSON file (the `report-json` output) of this run.',
    maxPlotRows: 60,
    listUnchangedDiagnostics: true,
    intro: push === null ? null : describePush(report, push),
  });
}
