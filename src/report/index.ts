/** The report stage: a `benchgate/report@2` → PR comment, commit comment, job summary, terminal text. Pure. */
export {
  commentMarker,
  DEFAULT_RENDER_OPTIONS,
  describePush,
  MAX_COMMENT_LENGTH,
  renderCommitComment,
  renderComment,
  type PushContext,
  type RenderOptions,
} from './render-comment.ts';
export { MAX_SUMMARY_BYTES, renderSummary } from './render-summary.ts';
export { renderTextTable } from './render-text-table.ts';
export { renderForestPlot, DEFAULT_FOREST_PLOT_OPTIONS, type ForestPlotOptions } from './render-forest-plot.ts';
export { escapeLinkTarget, escapeMarkdown, renderCodeBlock, sanitizeText, truncateText } from './escape-markdown.ts';
export { describeHeadline, describeMove, nameComparison, VERDICT_ICONS, type Headline } from './describe-headline.ts';
export { describeChange, describeChangePhrase, isThroughputUnit, type ChangeWords } from './describe-change.ts';
export {
  describeFlag,
  describeFlagShort,
  describeGate,
  describeGateFailure,
  describeMethod,
  describeNoise,
  describeReason,
  type GateWords,
  type ReasonContext,
} from './describe-reason.ts';
export { repeatedRunsHint } from './describe-tool-hint.ts';
export { formatCount, formatFraction, formatNumber, formatP, formatPercent, formatPercentInterval, formatRatio, formatValue, MINUS } from './format-value.ts';
export { sortForDisplay, sortForFolding } from './sort-comparisons.ts';
export { describeEnvironment, describeNoiseModels, renderFooter, wrapCommand } from './render-footer.ts';
export { cutToSize, fitToSize, type SizeLimit } from './fit-to-size.ts';
export { renderResultsTable } from './render-results-table.ts';
