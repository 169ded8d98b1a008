/** The report stage: a `benchgate/report@1` → PR comment, job summary, terminal table. Pure. */
export { commentMarker, DEFAULT_RENDER_OPTIONS, MAX_COMMENT_LENGTH, renderComment, type RenderOptions } from './render-comment.ts';
export { MAX_SUMMARY_BYTES, renderSummary } from './render-summary.ts';
export { renderTextTable } from './render-text-table.ts';
export { escapeMarkdown, renderCodeBlock, sanitizeText, truncateText } from './escape-markdown.ts';
export { describeHeadline, VERDICT_ICONS, type HeadlinePart } from './describe-headline.ts';
export { renderChart, DEFAULT_CHART_OPTIONS, type ChartOptions } from './render-chart.ts';
export { formatFraction, formatP, formatPercent, formatPercentInterval, formatValue, MINUS } from './format-value.ts';
export { sortForDisplay, sortForFolding } from './render-markdown.ts';
export { renderResultsTable } from './render-results-table.ts';
